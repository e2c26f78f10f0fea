import type { EmailTemplates, LocaleTemplates, PasswordlessConfig } from '../config/types';
import type { TemplateParts, TemplateSet } from '../../shared/admin-api';
import type { SavedTemplates } from '../services/passwordless-admin-settings';
import { mergeLayers, templateLayers } from '../../shared/template-layers';

type EmailConfig = PasswordlessConfig['email'];

/** The code email's templates as config defines them: the default set and one per locale. */
export function configuredTemplates(email: EmailConfig): TemplateSet<Partial<TemplateParts>> & { default: TemplateParts } {
  return {
    default: { subject: email.subject, text: email.text, html: email.html },
    locales: Object.fromEntries(Object.entries(email.locales).map(([locale, parts]) => [locale, withoutLocked(parts)])),
  };
}

/**
 * The templates one email uses (shared/template-layers: exact locale over language over
 * default, the admin's part over config's at each). The locked email (no code) stays
 * config-only.
 */
export function templatesFor(email: EmailConfig, saved: SavedTemplates, options: { locale?: string; locked: boolean }): EmailTemplates {
  if (options.locked) {
    const lockedLayers = templateLayers(
      { configured: { default: email.locked, locales: lockedByLocale(email) }, saved: { default: {}, locales: {} } },
      options.locale
    );
    return mergeLayers(lockedLayers) as EmailTemplates;
  }
  return mergeLayers(templateLayers({ configured: configuredTemplates(email), saved }, options.locale)) as EmailTemplates;
}

function lockedByLocale(email: EmailConfig): Record<string, Partial<TemplateParts>> {
  return Object.fromEntries(Object.entries(email.locales).map(([locale, parts]) => [locale, parts.locked ?? {}]));
}

function withoutLocked({ locked: _locked, ...parts }: Partial<LocaleTemplates>): Partial<EmailTemplates> {
  return parts;
}
