/**
 * Concurrency: many requests at once against one code or one identifier. On SQLite
 * writes are serialised so these pass trivially; on PostgreSQL and MariaDB (npm run
 * test:db) they prove the conditional writes hold under real concurrency.
 */
import { startStrapi, RELAXED_LIMITS, CHALLENGE_TABLE, type TestApp } from '../helpers/strapi';
import { TEST_DB } from '../helpers/databases';
import { createUser } from '../helpers/users';
import { ask, receiveCode, verify, wrongCode } from '../helpers/flow';

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({
    passwordless: {
      grantPublic: true,
      // The failure budget out of the way: this file is about per-code counters, single
      // use and the cooldown (default 60 s). Each round uses a user of its own.
      limits: { ...RELAXED_LIMITS, failureBudget: 10_000 },
    },
  });
});
afterAll(async () => app?.stop());

function report(line: string): void {
  // eslint-disable-next-line no-console
  console.log(`[races:${TEST_DB}] ${line}`);
}

async function challengeRow(userId: number) {
  return app.strapi.db.connection(CHALLENGE_TABLE).where('user_id', userId).orderBy('id', 'desc').first();
}

describe('races', () => {
  it('50 concurrent correct verifies, 20 rounds: exactly one JWT per round', async () => {
    const ROUNDS = 20;
    const CONCURRENT = 50;
    const wins: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const user = await createUser(app.strapi);
      const code = await receiveCode(app, user.email);
      const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => verify(app, user.email, code)));
      const ok = answers.filter((res) => res.status === 200);
      wins.push(ok.length);
      expect(ok).toHaveLength(1);
      expect(ok[0].body.jwt).toEqual(expect.any(String));
      for (const res of answers.filter((r) => r.status !== 200)) {
        expect(res.status).toBe(400);
        expect(res.body.error.details.code).toBe('INVALID_CODE');
      }
    }
    report(`${ROUNDS} rounds x ${CONCURRENT} concurrent correct verifies: JWTs per round = ${wins.join(',')}`);
  });

  it('100 concurrent wrong guesses: 5 are compared and counted, 95 refused, the row says 5', async () => {
    const user = await createUser(app.strapi);
    const code = await receiveCode(app, user.email);
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => verify(app, user.email, wrongCode(code, i + 1))));
    expect(answers.every((res) => res.status === 400 && res.body.error.details.code === 'INVALID_CODE')).toBe(true);
    const row = await challengeRow(user.id);
    expect(Number(row.attempts)).toBe(5);
    expect(row.consumed_at).toBeNull();
    // The right code can no longer win (400, or 429 once the account's budget is spent).
    expect([400, 429]).toContain((await verify(app, user.email, code)).status);
    report(`100 concurrent wrong guesses: counted tries = ${row.attempts}, 400s = ${answers.length}`);
  });

  it('the right code hidden among 100 concurrent guesses wins only if among the first 5 compared', async () => {
    const ROUNDS = 10;
    let successes = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const user = await createUser(app.strapi);
      const code = await receiveCode(app, user.email);
      const position = (round * 11) % 100;
      const guesses = Array.from({ length: 100 }, (_, i) => (i === position ? code : wrongCode(code, i + 1)));
      const answers = await Promise.all(guesses.map((guess) => verify(app, user.email, guess)));
      const ok = answers.filter((res) => res.status === 200).length;
      const row = await challengeRow(user.id);
      // Never more than 5 counted attempts; a win consumed the code, and the winning
      // attempt was one of those 5.
      expect(Number(row.attempts)).toBeLessThanOrEqual(5);
      expect(ok).toBeLessThanOrEqual(1);
      if (ok === 1) expect(row.consumed_at).not.toBeNull();
      else expect(row.consumed_at).toBeNull();
      successes += ok;
    }
    report(`right code hidden among 100, ${ROUNDS} rounds: ${successes} won (each within the 5 counted tries)`);
  });

  it('50 concurrent code requests for one identifier: exactly one email within the cooldown', async () => {
    const user = await createUser(app.strapi);
    const answers = await Promise.all(Array.from({ length: 50 }, () => ask(app, user.email)));
    await app.settle();
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(49);
    expect(app.ses.to(user.email)).toHaveLength(1);
    report(`50 concurrent requests, one identifier: 200s = 1, 429s = 49, emails = ${app.ses.to(user.email).length}`);
  });
});
