/**
 * Storefront servers (issue 14): a Next.js server calls Strapi for every shopper, so by
 * its own address all shoppers would share one per-IP bucket. A request authenticated by
 * a trusted API token may name the shopper's address; from anyone else the header is
 * ignored. The server has its own ceiling, and per-account limits never depend on the address.
 */
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';
import { ask, verify, wrongCode } from '../helpers/flow';
import { expectError } from '../helpers/errors';

const SERVER_CEILING = 240;
let app: TestApp;
let trusted: string;
let untrusted: string;
let serverRequests = 0;

beforeAll(async () => {
  app = await startStrapi({
    passwordless: {
      grantPublic: true,
      // Per-IP limits at their defaults (20 per 15 minutes): the point of this file.
      limits: { identifierCooldownSeconds: 0, identifierPerHour: 1000, failureBudget: 10 },
      trustedServers: { apiTokens: ['storefront'], request: { points: SERVER_CEILING, durationSeconds: 900 } },
    },
  });
  trusted = await apiToken('storefront');
  untrusted = await apiToken('reporting');
});
afterAll(async () => app?.stop());

async function apiToken(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const token = await app.strapi.service('admin::api-token').create({ name, description: '', type: 'full-access', lifespan: null, ...extra });
  return token.accessKey;
}

/** Asks for a code with these headers, counting what the trusted server's ceiling is charged for (what every other limit let through). */
const askWith = async (headers: Record<string, string>, identifier = newEmail('shopper')) => {
  const res = await ask(app, identifier, headers);
  if (headers.Authorization === `Bearer ${trusted}` && res.status === 200) serverRequests += 1;
  return res;
};
const viaServer = (shopper: string, token = trusted) => ({ Authorization: `Bearer ${token}`, 'Passwordless-Forwarded-For': shopper });

describe('Passwordless-Forwarded-For from a trusted storefront server', () => {
  it('200 shoppers through one server: none limited by the shared address', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 200; i += 1) statuses.add((await askWith(viaServer(`198.51.${Math.floor(i / 250)}.${i % 250}`))).status);
    expect([...statuses]).toEqual([200]);
  });

  it('each shopper is limited on its own: the 21st request from one address is refused', async () => {
    for (let i = 0; i < 20; i += 1) expect((await askWith(viaServer('203.0.113.9'))).status).toBe(200);
    expectError(await askWith(viaServer('203.0.113.9')), 429, 'IP_RATE_LIMITED');
    // Normalised like any address: the same shopper with a port, or elsewhere in its IPv6 /64.
    expectError(await askWith(viaServer('203.0.113.9:4431')), 429, 'IP_RATE_LIMITED');
  });

  it('a forged header without credentials is ignored: the requests share the caller’s own bucket', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await askWith({ 'Passwordless-Forwarded-For': `192.0.2.${i}` })).status);
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('a valid API token that is not listed as trusted does not make the header count', async () => {
    // The caller's own address already spent its 20 above.
    expectError(await askWith(viaServer('192.0.2.200', untrusted)), 429, 'IP_RATE_LIMITED');
  });

  it.each([
    ['a revoked', async () => {
      const token = await apiToken('storefront-revoked');
      const { id } = await app.strapi.db.query('admin::api-token').findOne({ where: { name: 'storefront-revoked' } });
      await app.strapi.service('admin::api-token').revoke(id);
      return token;
    }],
    ['an expired', async () => {
      const token = await apiToken('storefront-expired');
      await app.strapi.db.query('admin::api-token').update({ where: { name: 'storefront-expired' }, data: { expiresAt: new Date(Date.now() - 1000) } });
      return token;
    }],
  ])('%s token gets Strapi’s 401 and counts nothing', async (_label, make) => {
    const res = await askWith({ Authorization: `Bearer ${await make()}`, 'Passwordless-Forwarded-For': '192.0.2.201' });
    expect(res.status).toBe(401);
  });

  it('the account’s failure budget does not depend on the address: 10 wrong codes from 10 shoppers lock it', async () => {
    const user = await createUser(app.strapi);
    for (let i = 1; i <= 10; i += 1) {
      expectError(await verify(app, user.email, wrongCode('000000', i), viaServer(`198.51.100.${i}`)), 400, 'INVALID_CODE');
    }
    expectError(await verify(app, user.email, '123456', viaServer('198.51.100.99')), 429, 'TOO_MANY_ATTEMPTS');
  });

  it('the server has a ceiling of its own over all its shoppers: SERVER_RATE_LIMITED with Retry-After', async () => {
    let last = await askWith(viaServer('198.18.0.1'));
    for (let i = 2; serverRequests < SERVER_CEILING + 5 && last.status === 200; i += 1) last = await askWith(viaServer(`198.18.0.${i}`));
    expectError(last, 429, 'SERVER_RATE_LIMITED');
    expect(serverRequests).toBe(SERVER_CEILING);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });
});
