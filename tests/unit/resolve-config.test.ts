import { resolvePasswordlessConfig } from '../../src/extensions/users-permissions/config/resolve-config';
import { DEFAULT_CONFIG } from '../../src/extensions/users-permissions/config/defaults';

const dev = { isProduction: false };
const prod = { isProduction: true };
const SECRET = 's'.repeat(32);

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
