/**
 * Property-based fuzzing of both routes with fast-check: wrong types, nesting, huge
 * and unicode strings, prototype-pollution keys, query operators, broken JSON.
 * Zero 5xx, zero emails, zero JWTs. The seed is fixed (FUZZ_SEED to change it) and
 * fast-check prints it with the shrunk counterexample on failure.
 */
import fc from 'fast-check';
import { startStrapi, RELAXED_LIMITS, CHALLENGE_TABLE, type TestApp } from '../helpers/strapi';
import { TEST_DB } from '../helpers/databases';
import { createUser } from '../helpers/users';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const REAL = 'fuzz-target@shop.test';

let app: TestApp;

beforeAll(async () => {
  // Sign-up off: a generated, well-formed new address would rightly get a sign-up code.
  app = await startStrapi({ passwordless: { grantPublic: true, signUp: false, limits: RELAXED_LIMITS } });
  await createUser(app.strapi, { email: REAL, username: 'fuzz-target' });
  // Strapi logs every unparseable JSON body it answers 400 to; thousands of lines help no one.
  app.strapi.log.silent = true;
});
afterAll(async () => app?.stop());

const nastyKey = fc.constantFrom('__proto__', 'constructor', 'prototype', '$ne', '$gt', '$or', '$in', 'email', 'token', 'toString');
const scalar = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constant('9'.repeat(100_000)),
  fc.constant(`${'a'.repeat(300)}@shop.test`),
  // A look-alike of the real identifier (zero-width space): must reach no account.
  fc.constant(` ${REAL.toUpperCase()}\u200b`),
  fc.stringMatching(/^\d{6,10}$/),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null)
);
const value = fc.oneof(scalar, fc.record({ $ne: fc.constant(null) }), fc.array(scalar, { maxLength: 3 }), fc.anything({ maxDepth: 3 }));

/** A JSON body, or raw text that may not be JSON at all. */
const body = fc.oneof(
  fc.anything({ maxDepth: 4 }).map((v) => ({ json: v })),
  fc.dictionary(fc.oneof(nastyKey, fc.string({ maxLength: 20 })), value, { maxKeys: 5 }).map((v) => ({ json: v })),
  fc.record({ identifier: value, code: value }, { requiredKeys: [] }).map((v) => ({ json: v })),
  // The real identifier, only ever with something that must be refused beside it:
  // a well-formed request for it would rightly send an email.
  fc.tuple(nastyKey, value, fc.option(value)).map(([key, extra, code]) => ({
    json: JSON.parse(JSON.stringify({ identifier: REAL, ...(code === null ? {} : { code }), [key]: extra ?? 1 })),
  })),
  fc.string({ maxLength: 200 }).map((raw) => ({ raw }))
);

type Sent = { json?: unknown; raw?: string };

function post(path: string, sent: Sent) {
  const req = app.http().post(path).set('Content-Type', 'application/json');
  if (sent.raw !== undefined) return req.send(sent.raw);
  const text = JSON.stringify(sent.json);
  return text === undefined ? req : req.send(text);
}

it(`${RUNS} generated bodies to both routes: no 5xx, no email, no JWT (seed ${SEED})`, async () => {
  const statuses = new Map<number, number>();
  // eslint-disable-next-line no-console
  console.log(`[fuzz:${TEST_DB}] seed ${SEED}, ${RUNS} runs`);
  await fc.assert(
    fc.asyncProperty(body, async (sent: Sent) => {
      for (const path of ['/api/auth/passwordless', '/api/auth/passwordless/verify']) {
        const res = await post(path, sent);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) throw new Error(`${path} answered ${res.status}: ${res.text.slice(0, 300)}`);
        if (res.text.includes('"jwt"')) throw new Error(`${path} issued a JWT`);
        if (res.status >= 400) expect(res.body?.error?.status).toBe(res.status);
      }
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true }
  );
  await app.settle();
  const requests = [...statuses.values()].reduce((a, b) => a + b, 0);
  // eslint-disable-next-line no-console
  console.log(`[fuzz:${TEST_DB}] ${requests} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, emails ${app.ses.messages.length}`);
  expect(app.ses.messages).toHaveLength(0);
  const [{ n }] = await app.strapi.db.connection(CHALLENGE_TABLE).whereNot('code_hash', 'decoy').count({ n: '*' });
  expect(Number(n)).toBe(0);
  expect(Math.max(...statuses.keys())).toBeLessThan(500);
}, 600_000);
