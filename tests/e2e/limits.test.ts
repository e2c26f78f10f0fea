import Redis from 'ioredis';
import { startStrapi, RELAXED_LIMITS, REDIS_URL, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';
import { ask, verify } from '../helpers/flow';
import { expectLimited } from '../helpers/errors';

describe('per-identifier limits (default: one code per 60 s)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi({ passwordless: { grantPublic: true, limits: RELAXED_LIMITS } });
  });
  afterAll(async () => app?.stop());

  it('refuses a second code within the cooldown, with Retry-After, and sends one email', async () => {
    const user = await createUser(app.strapi);
    expect((await ask(app, user.email)).status).toBe(200);
    const second = await ask(app, user.email);
    expectLimited(second, 'CODE_RATE_LIMITED');
    expect(Number(second.headers['retry-after'])).toBeLessThanOrEqual(60);
    await app.settle();
    expect(app.ses.to(user.email)).toHaveLength(1);
  });

  it.each([
    ['upper case', (email: string) => email.toUpperCase()],
    ['surrounding spaces', (email: string) => `  ${email}\t`],
    ['mixed case and spaces', (email: string) => ` ${email[0].toUpperCase()}${email.slice(1)} `],
  ])('shares one bucket across %s', async (_label, variant) => {
    const user = await createUser(app.strapi);
    expect((await ask(app, user.email)).status).toBe(200);
    expectLimited(await ask(app, variant(user.email)), 'CODE_RATE_LIMITED');
  });

  // CVE-2025-64526: users-permissions' rateLimit keys on body.email, so a random
  // `email` field gave a fresh bucket. Here the field is refused and opens nothing.
  it('a random extra `email` field neither passes nor opens a fresh bucket (CVE-2025-64526)', async () => {
    const user = await createUser(app.strapi);
    expect((await ask(app, user.email)).status).toBe(200);
    for (let i = 0; i < 3; i += 1) {
      const res = await ask(app, user.email, {}, { email: newEmail('random') });
      expect(res.status).toBe(400);
      expect(res.body.error.details.code).toBe('INVALID_BODY');
    }
    expectLimited(await ask(app, user.email), 'CODE_RATE_LIMITED');
    await app.settle();
    expect(app.ses.to(user.email)).toHaveLength(1);
  });

  it('keeps counters where configured (database table, or Redis with TEST_REDIS), keyed by HMAC only', async () => {
    const user = await createUser(app.strapi);
    expect((await ask(app, user.email)).status).toBe(200);
    const { redis } = app.strapi.plugin('users-permissions').service('passwordless-settings').get();
    let keys: string[];
    if (process.env.TEST_REDIS) {
      const client = new Redis(REDIS_URL);
      keys = await client.keys(`${redis.keyPrefix}:*`);
      await client.quit();
    } else {
      keys = (await app.strapi.db.connection('up_passwordless_limits').select('key')).map((row: { key: string }) => row.key);
    }
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(keys.join(' ')).not.toContain(user.email.split('@')[0]);
    expect(keys.join(' ')).not.toContain('127.0.0.1');
  });

  it('counts an identifier without an account exactly like one with', async () => {
    const nobody = newEmail('nobody');
    expect((await ask(app, nobody)).status).toBe(200);
    expectLimited(await ask(app, nobody), 'CODE_RATE_LIMITED');
  });
});

describe('per-identifier hourly limit (5 per hour)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi({
      passwordless: { grantPublic: true, limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 } },
    });
  });
  afterAll(async () => app?.stop());

  it('sends 5 codes in an hour and refuses the 6th', async () => {
    const user = await createUser(app.strapi);
    for (let i = 0; i < 5; i += 1) expect((await ask(app, user.email)).status).toBe(200);
    expectLimited(await ask(app, user.email), 'CODE_RATE_LIMITED');
    await app.settle();
    expect(app.ses.to(user.email)).toHaveLength(5);
  });
});

describe('per-IP limits', () => {
  const limits = { ipRequest: { points: 3, durationSeconds: 900 }, ipVerify: { points: 3, durationSeconds: 900 } };

  describe('without server.proxy', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startStrapi({ passwordless: { grantPublic: true, limits }, proxy: false });
    });
    afterAll(async () => app?.stop());

    it('refuses the 4th request from one IP, whatever the identifier, forged X-Forwarded-For or extra fields', async () => {
      for (let i = 0; i < 3; i += 1) expect((await ask(app, newEmail())).status).toBe(200);
      expectLimited(await ask(app, newEmail()), 'IP_RATE_LIMITED');
      expectLimited(await ask(app, newEmail(), { 'X-Forwarded-For': '198.51.100.9' }), 'IP_RATE_LIMITED');
      expectLimited(await ask(app, newEmail(), { 'X-Real-IP': '198.51.100.10' }), 'IP_RATE_LIMITED');
      // Malformed bodies are refused before any counter: they open no bucket either.
      expect((await ask(app, newEmail(), {}, { email: newEmail() })).status).toBe(400);
      expectLimited(await ask(app, newEmail()), 'IP_RATE_LIMITED');
    });

    it('limits verification per IP on its own counter', async () => {
      for (let i = 0; i < 3; i += 1) expect((await verify(app, newEmail(), '123456')).status).toBe(400);
      expectLimited(await verify(app, newEmail(), '123456'), 'IP_RATE_LIMITED');
      expectLimited(await verify(app, newEmail(), '123456', { 'X-Forwarded-For': '198.51.100.11' }), 'IP_RATE_LIMITED');
    });
  });

  describe('with server.proxy', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startStrapi({ passwordless: { grantPublic: true, limits }, proxy: true });
    });
    afterAll(async () => app?.stop());

    it('keys on the client address the proxy reports', async () => {
      const from = (ip: string) => ({ 'X-Forwarded-For': ip });
      for (let i = 0; i < 3; i += 1) expect((await ask(app, newEmail(), from('203.0.113.1'))).status).toBe(200);
      expectLimited(await ask(app, newEmail(), from('203.0.113.1')), 'IP_RATE_LIMITED');
      expect((await ask(app, newEmail(), from('203.0.113.2'))).status).toBe(200);
    });

    it('treats addresses in one IPv6 /64 as one client', async () => {
      const from = (ip: string) => ({ 'X-Forwarded-For': ip });
      for (let i = 1; i <= 3; i += 1) {
        expect((await ask(app, newEmail(), from(`2001:db8:7:7::${i}`))).status).toBe(200);
      }
      expectLimited(await ask(app, newEmail(), from('2001:db8:7:7:ffff::1')), 'IP_RATE_LIMITED');
    });
  });

  // Issue 10, item 8 (regression): proxies that append `ip:port` or `[v6]:port` (Azure
  // App Service, some ingress controllers) gave every connection a fresh bucket.
  describe('with server.proxy and a proxy that appends ports', () => {
    let app: TestApp;
    beforeAll(async () => {
      const twoRequests = { ipRequest: { points: 2, durationSeconds: 900 } };
      app = await startStrapi({ passwordless: { grantPublic: true, limits: { ...RELAXED_LIMITS, ...twoRequests } }, proxy: true });
    });
    afterAll(async () => app?.stop());

    it.each([
      ['IPv4', ['203.0.113.7:1111', '203.0.113.7:2222', '203.0.113.7:3333']],
      ['IPv6 in one /64', ['[2001:db8::1]:1111', '[2001:db8::2]:2222', '[2001:db8::3]:3333']],
    ])('%s: one bucket whatever the port', async (_label, entries) => {
      const [first, second, third] = entries.map((entry) => ({ 'X-Forwarded-For': entry }));
      expect((await ask(app, newEmail(), first)).status).toBe(200);
      expect((await ask(app, newEmail(), second)).status).toBe(200);
      expectLimited(await ask(app, newEmail(), third), 'IP_RATE_LIMITED');
    });
  });
});
