import type { Strapi } from '../utils/strapi-types';
import { getService } from '../utils/get-service';
import { platform } from '../platform';

/**
 * With no email provider configured, Strapi's email plugin falls back to `sendmail`,
 * which on a laptop or in a container delivers nothing: every code request answers
 * `{ ok: true }` and the code is lost, with only a `queryMx ENOTFOUND` in the log. Say so
 * loudly at boot, with both ways out.
 */
export function warnWithoutEmailProvider(strapi: Strapi): void {
  if (getService('passwordless-settings').get().email.delivery !== 'provider') return;
  const provider = String(platform().pluginConfig('email', 'provider') ?? 'sendmail').toLowerCase();
  if (provider !== 'sendmail') return;
  strapi.log.warn(
    [
      '[passwordless] No email provider is configured: Strapi falls back to sendmail, which usually delivers nothing,',
      '  so sign-in codes will be lost. In development set PASSWORDLESS_EMAIL_DELIVERY=log (codes go to this log);',
      '  in production configure a provider, e.g. Amazon SES: npm install @strapi/provider-email-amazon-ses and an',
      "  `email: { config: { provider: 'amazon-ses', ... } }` block in config/plugins.",
    ].join('\n')
  );
}
