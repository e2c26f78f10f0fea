import type { EmailTemplates, LocaleTemplates, PasswordlessConfig } from '../config/types';
import type { TemplateParts, TemplateSet } from '../../shared/admin-api';
import type { SavedTemplates } from '../services/passwordless-admin-settings';

type EmailConfig = PasswordlessConfig['email'];

/** The code email's templates as config defines them: the default set and one per locale. */
export function configuredTemplates(email: EmailConfig): TemplateSet<Partial<TemplateParts>> & { default: TemplateParts } {
  return {
    default: { subject: email.subject, text: email.text, html: email.html },
    locales: Object.fromEntries(Object.entries(email.locales).map(([locale, parts]) => [locale, withoutLocked(parts)])),
  };
}

/**
 * The templates one email uses. Part by part, later wins: config's default, the
 * admin's default, config's locale, the admin's locale; an empty saved part counts as
 * not saved. The locked email (no code) stays config-only.
 */
export function templatesFor(email: EmailConfig, saved: SavedTemplates, options: { locale?: string; locked: boolean }): EmailTemplates {
  const configLocale = pickLocale(email.locales, options.locale);
  if (options.locked) return { ...email.locked, ...configLocale.locked };
  return {
    subject: email.subject,
    text: email.text,
    html: email.html,
    ...filled(saved.default),
    ...withoutLocked(configLocale),
    ...filled(pickLocale(saved.locales, options.locale)),
  };
}

/**
 * The exact locale's templates, else its language's (`fr-CA` → `fr`), else none. Each
 * source picks on its own, so a saved `fr` and a configured `fr-CA` both apply to fr-CA.
 */
function pickLocale<T extends object>(locales: Record<string, T>, locale: string | undefined): Partial<T> {
  if (!locale) return {};
  const byKey = new Map(Object.entries(locales).map(([key, value]) => [key.toLowerCase(), value]));
  const wanted = locale.toLowerCase();
  return byKey.get(wanted) ?? byKey.get(wanted.split('-')[0]) ?? {};
}

function withoutLocked({ locked: _locked, ...parts }: Partial<LocaleTemplates>): Partial<EmailTemplates> {
  return parts;
}

function filled(parts: Partial<TemplateParts> | undefined): Partial<TemplateParts> {
  return Object.fromEntries(Object.entries(parts ?? {}).filter(([, value]) => typeof value === 'string' && value !== ''));
}
