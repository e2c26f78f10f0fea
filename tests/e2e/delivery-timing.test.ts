import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';

// Long enough that the spread of start times is far above scheduling noise.
const JITTER_MS = 300;
let app: TestApp;
const requestedAt: number[] = [];

beforeAll(async () => {
  app = await startStrapi({ passwordless: { grantPublic: true, limits: RELAXED_LIMITS, email: { startJitterMs: JITTER_MS } } });
  // Emitted by the delivery once its wait is over, for known and unknown identifiers alike.
  app.strapi.eventHub.on('passwordless.requested', () => {
    requestedAt.push(Date.now());
  });
});
afterAll(async () => app?.stop());

/** Milliseconds from each response to the delivery work it started. */
async function delaysFor(identifiers: string[]): Promise<number[]> {
  const delays: number[] = [];
  for (const identifier of identifiers) {
    requestedAt.length = 0;
    const res = await app.http().post('/api/auth/passwordless').send({ identifier });
    const answeredAt = Date.now();
    expect(res.status).toBe(200);
    await app.settle();
    expect(requestedAt).toHaveLength(1);
    delays.push(requestedAt[0] - answeredAt);
  }
  return delays;
}

const spread = (values: number[]) => Math.max(...values) - Math.min(...values);

describe('delivery starts after a random wait (email.startJitterMs)', () => {
  it('for known identifiers: the work and the email land at random moments within the window', async () => {
    const users = await Promise.all(Array.from({ length: 10 }, () => createUser(app.strapi)));
    const delays = await delaysFor(users.map((user) => user.email));
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(JITTER_MS + 200);
    // Ten uniform draws over 300 ms fall within 60 ms of each other with odds below 1e-5.
    expect(spread(delays)).toBeGreaterThan(60);
    for (const user of users) expect(app.ses.to(user.email)).toHaveLength(1);
  });

  it('for unknown identifiers just the same, so the wait itself tells nothing', async () => {
    const delays = await delaysFor(Array.from({ length: 10 }, () => newEmail('nobody')));
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(JITTER_MS + 200);
    expect(spread(delays)).toBeGreaterThan(60);
  });
});
