import { startStrapi, RELAXED_LIMITS, CHALLENGE_TABLE, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';
import { ask, receiveCode, verify, wrongCode } from '../helpers/flow';

let app: TestApp;
const events: Array<{ name: string; payload: { userId: number | null; ip: string } }> = [];

beforeAll(async () => {
  app = await startStrapi({ passwordless: { grantPublic: true, limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 } } });
  for (const name of ['passwordless.requested', 'passwordless.succeeded', 'passwordless.failed', 'passwordless.locked']) {
    app.strapi.eventHub.on(name, (payload: { userId: number | null; ip: string }) => {
      events.push({ name, payload });
    });
  }
});
afterAll(async () => app?.stop());

describe('audit events on the event hub', () => {
  it('requested, failed, succeeded carry the user id and IP, never the code', async () => {
    events.length = 0;
    const user = await createUser(app.strapi);
    const code = await receiveCode(app, user.email);
    expect((await verify(app, user.email, wrongCode(code))).status).toBe(400);
    expect((await verify(app, user.email, code)).status).toBe(200);
    expect(events.map((e) => e.name)).toEqual(['passwordless.requested', 'passwordless.failed', 'passwordless.succeeded']);
    for (const { payload } of events) {
      expect(payload.userId).toBe(user.id);
      expect(payload.ip).toMatch(/127\.0\.0\.1/);
    }
    expect(JSON.stringify(events)).not.toContain(code);
    expect(JSON.stringify(events)).not.toContain(user.email);
  });

  it('an unknown identifier is requested/failed with userId null, and locked once the budget is spent', async () => {
    events.length = 0;
    const nobody = newEmail('nobody');
    expect((await ask(app, nobody)).status).toBe(200);
    await app.settle();
    for (let i = 0; i < 10; i += 1) expect((await verify(app, nobody, '123456')).status).toBe(400);
    expect(events.filter((e) => e.name === 'passwordless.requested').map((e) => e.payload.userId)).toEqual([null]);
    expect(events.filter((e) => e.name === 'passwordless.failed')).toHaveLength(10);
    expect(events.filter((e) => e.name === 'passwordless.locked')).toEqual([
      { name: 'passwordless.locked', payload: { userId: null, ip: expect.stringMatching(/127\.0\.0\.1/) } },
    ]);
  });
});

describe('housekeeping', () => {
  it('removes used, superseded and expired challenges and expired counters; keeps live ones', async () => {
    const used = await createUser(app.strapi);
    await verify(app, used.email, await receiveCode(app, used.email));
    const superseded = await createUser(app.strapi);
    await receiveCode(app, superseded.email);
    await receiveCode(app, superseded.email);
    const expired = await createUser(app.strapi);
    await receiveCode(app, expired.email);
    app.advanceClock(11 * 60 * 1000);
    const live = await createUser(app.strapi);
    const liveCode = await receiveCode(app, live.email);

    const limits = () => app.strapi.db.connection('up_passwordless_limits');
    await limits().insert({ key: 'stale-counter', points: 3, expire: Date.now() - 1000 });

    const ids = [used.id, superseded.id, expired.id, live.id];
    const rows = () => app.strapi.db.connection(CHALLENGE_TABLE).whereIn('user_id', ids).select('user_id');
    expect(await rows()).toHaveLength(5);
    const removed = await app.strapi.plugin('users-permissions').service('passwordless').removeStale();
    expect(removed.challenges).toBeGreaterThanOrEqual(4);
    expect(removed.counters).toBeGreaterThanOrEqual(1);
    expect(await limits().where('key', 'stale-counter')).toEqual([]);
    expect((await limits().select('key')).length).toBeGreaterThan(0); // live counters stay
    expect((await rows()).map((row: { user_id: number }) => row.user_id)).toEqual([live.id]);
    expect((await verify(app, live.email, liveCode)).status).toBe(200);
  });
});
