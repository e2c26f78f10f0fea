import { fakeStrapi } from '../helpers/fake-strapi';
import { warnWithoutEmailProvider } from '../../packages/strapi-passwordless-login/src/server/bootstrap/check-email-provider';

afterEach(() => {
  delete (global as any).strapi;
});

// Regression: with no provider configured a code request answered {"ok":true} and the code
// was lost (sendmail: queryMx ENOTFOUND in the log only).
describe('boot check: an email provider that can deliver', () => {
  it.each([
    ['no provider (Strapi falls back to sendmail)', { email: { delivery: 'provider' as const } }, {}, 1],
    ['sendmail named explicitly', { email: { delivery: 'provider' as const } }, { 'plugin.email.provider': 'sendmail' }, 1],
    ['Amazon SES', { email: { delivery: 'provider' as const } }, { 'plugin.email.provider': 'amazon-ses' }, 0],
    ['log delivery (development)', { email: { delivery: 'log' as const } }, {}, 0],
  ])('%s: %#', (_label, passwordless, config, warnings) => {
    const fake = fakeStrapi(passwordless, config);
    warnWithoutEmailProvider(fake.strapi);
    const found = fake.logs.filter((log) => log.level === 'warn' && log.message.includes('PASSWORDLESS_EMAIL_DELIVERY=log'));
    expect(found).toHaveLength(warnings);
  });
});
