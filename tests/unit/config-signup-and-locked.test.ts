import { resolvePasswordlessConfig } from '../../packages/strapi-passwordless-login/src/server/config/resolve-config';

const dev = { isProduction: false };

describe('signUp', () => {
  it.each([
    ['the short form true', true, { enabled: true, emailsPerHour: 200 }],
    ["the short form 'auto'", 'auto' as const, { enabled: 'auto', emailsPerHour: 200 }],
    ['an object', { emailsPerHour: 5 }, { enabled: 'auto', emailsPerHour: 5 }],
    ['env.int of an empty variable (NaN)', { emailsPerHour: Number.NaN }, { enabled: 'auto', emailsPerHour: 200 }],
  ])('accepts %s', (_label, signUp, expected) => {
    expect(resolvePasswordlessConfig({ signUp }, dev).signUp).toEqual(expected);
  });

  it('refuses a negative cap, naming the key', () => {
    expect(() => resolvePasswordlessConfig({ signUp: { emailsPerHour: -1 } }, dev)).toThrow(
      'users-permissions.config.passwordless.signUp.emailsPerHour'
    );
  });
});

describe('limits.maxConsecutiveFailures', () => {
  it('defaults to 100 and may not exceed it', () => {
    expect(resolvePasswordlessConfig(undefined, dev).limits.maxConsecutiveFailures).toBe(100);
    expect(() => resolvePasswordlessConfig({ limits: { maxConsecutiveFailures: 101 } }, dev)).toThrow(
      'users-permissions.config.passwordless.limits.maxConsecutiveFailures'
    );
  });
});

describe('email.locked', () => {
  it('carries the link only when linkUrl is set', () => {
    expect(resolvePasswordlessConfig(undefined, dev).email.locked.text).not.toContain('<%= URL %>');
    expect(resolvePasswordlessConfig({ linkUrl: 'https://shop.test/auth/link' }, dev).email.locked.text).toContain('<%= URL %>');
  });

  it.each([
    ['a code placeholder', { email: { locked: { text: 'Your code: <%= CODE %>' } } }, 'email.locked: locked.text has <%= CODE %>'],
    ['an unknown part', { email: { locked: { body: 'x' } } }, 'locked.body is not subject, text or html'],
    ['a code in a locale', { email: { locales: { fr: { locked: { subject: '<%= CODE %>' } } } } }, 'fr.locked.subject has <%= CODE %>'],
    ['a URL without linkUrl', { email: { locked: { text: '<%= URL %>' } } }, 'email.locked.text: it uses <%= URL %>'],
  ])('refuses %s at boot', (_label, config, message) => {
    expect(() => resolvePasswordlessConfig(config as never, dev)).toThrow(message);
  });
});
