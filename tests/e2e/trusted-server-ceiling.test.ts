/**
 * A trusted storefront server's ceiling is spent only by requests every other limit lets
 * through (issue 18): before, one shopper's refused requests charged it too, so one client
 * behind a storefront could stop sign-in for all its shoppers for 15 minutes at a time.
 * Each test uses an API token (a server, a ceiling) of its own.
 */
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';
import { ask, byToken, verify } from '../helpers/flow';
import { expectError } from '../helpers/errors';

const REQUEST_CEILING = 60;
const VERIFY_CEILING = 40;
const SERVERS = ['shop-a', 'shop-b', 'shop-c', 'shop-d', 'shop-e'];
let app: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  app = await startStrapi({
    passwordless: {
      grantPublic: true,
      // Per-IP limits at their defaults (20 per 15 minutes), the identifier cooldown at 60 s.
      limits: { identifierPerHour: 1000, failureBudget: 10 },
      trustedServers: {
        apiTokens: SERVERS,
        request: { points: REQUEST_CEILING, durationSeconds: 900 },
        verify: { points: VERIFY_CEILING, durationSeconds: 900 },
      },
    },
  });
  for (const name of SERVERS) {
    const token = await app.strapi.service('admin::api-token').create({ name, description: '', type: 'full-access', lifespan: null });
    tokens[name] = token.accessKey;
  }
});
afterAll(async () => app?.stop());

const via = (server: string, shopper: string) => ({ Authorization: `Bearer ${tokens[server]}`, 'Passwordless-Forwarded-For': shopper });

async function statuses(run: () => Promise<{ status: number; body: any }>, times: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < times; i += 1) {
    const res = await run();
    seen.push(res.status === 200 ? '200' : `${res.status} ${res.body?.error?.details?.code}`);
  }
  return seen;
}

const count = (seen: string[]) => seen.reduce<Record<string, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {});

describe('code requests through a trusted server', () => {
  it('the review’s case: 60 requests from one shopper (40 refused per IP) leave the ceiling to 40 other shoppers', async () => {
    expect(count(await statuses(() => ask(app, newEmail('flood'), via('shop-a', '203.0.113.50')), 60))).toEqual({
      '200': 20,
      '429 IP_RATE_LIMITED': 40,
    });
    for (let i = 0; i < REQUEST_CEILING - 20; i += 1) {
      expect((await ask(app, newEmail('shopper'), via('shop-a', `198.18.1.${i}`))).status).toBe(200);
    }
    expectError(await ask(app, newEmail('shopper'), via('shop-a', '198.18.1.200')), 429, 'SERVER_RATE_LIMITED');
  });

  it('a request the ceiling refuses gives back the shopper’s points: 25 in a row are all SERVER_RATE_LIMITED, and the identifier is not cooling down', async () => {
    // shop-a's ceiling is spent (above).
    const identifier = newEmail('refunded');
    expect(count(await statuses(() => ask(app, identifier, via('shop-a', '203.0.113.51')), 25))).toEqual({ '429 SERVER_RATE_LIMITED': 25 });
    expect((await ask(app, identifier, via('shop-c', '203.0.113.51'))).status).toBe(200);
  });

  it('requests refused by the identifier cooldown cost the ceiling nothing', async () => {
    const identifier = newEmail('cooling');
    let shopper = 0;
    expect(count(await statuses(() => ask(app, identifier, via('shop-b', `198.18.2.${(shopper += 1)}`)), 30))).toEqual({
      '200': 1,
      '429 CODE_RATE_LIMITED': 29,
    });
    for (let i = 1; i < REQUEST_CEILING; i += 1) {
      expect((await ask(app, newEmail('shopper'), via('shop-b', `198.18.3.${i}`))).status).toBe(200);
    }
    expectError(await ask(app, newEmail('shopper'), via('shop-b', '198.18.3.250')), 429, 'SERVER_RATE_LIMITED');
  });
});

describe('verifications through a trusted server', () => {
  it('attempts refused per IP or by an account’s lock cost the ceiling nothing; wrong codes do', async () => {
    // 20 wrong codes from one shopper count, the 40 its per-IP limit refuses do not.
    expect(count(await statuses(() => verify(app, newEmail('guess'), '000000', via('shop-d', '203.0.113.60')), 60))).toEqual({
      '400 INVALID_CODE': 20,
      '429 IP_RATE_LIMITED': 40,
    });
    // 10 wrong codes lock an account (10 more counted); 15 attempts on the locked account do not count.
    const user = await createUser(app.strapi);
    for (let i = 0; i < 10; i += 1) expectError(await verify(app, user.email, '000000', via('shop-d', `198.18.4.${i}`)), 400, 'INVALID_CODE');
    for (let i = 10; i < 25; i += 1) expectError(await verify(app, user.email, '000000', via('shop-d', `198.18.4.${i}`)), 429, 'TOO_MANY_ATTEMPTS');
    // 30 counted so far: 10 more attempts from other shoppers, then the ceiling.
    for (let i = 0; i < VERIFY_CEILING - 30; i += 1) {
      expectError(await verify(app, newEmail('guess'), '000000', via('shop-d', `198.18.5.${i}`)), 400, 'INVALID_CODE');
    }
    expectError(await verify(app, newEmail('guess'), '000000', via('shop-d', '198.18.5.200')), 429, 'SERVER_RATE_LIMITED');
  });

  it('a link or code the ceiling refuses gives back the shopper’s per-IP point', async () => {
    // shop-d's verify ceiling is spent (above): 25 from one address are all the server's refusals.
    const seen = await statuses(() => byToken(app, 'x'.repeat(43), via('shop-d', '203.0.113.61')), 25);
    expect(count(seen)).toEqual({ '429 SERVER_RATE_LIMITED': 25 });
    expectError(await verify(app, newEmail('guess'), '000000', via('shop-e', '203.0.113.61')), 400, 'INVALID_CODE');
  });
});
