/**
 * Pure helpers for the templates editor: which locales to offer, what applies where a
 * part is left empty, and where a server error points. No React, so they read (and test) alone.
 */
import type { TemplateParts, TemplatesResponse, TemplatesUpdate } from '../../shared/admin-api';
import { mergeLayers, templateLayers } from '../../shared/template-layers';

/** Config's templates: a full default set, and locales that may set only some parts. */
type Configured = TemplatesResponse['configured'];

export type PartName = keyof TemplateParts;
export const PART_NAMES: PartName[] = ['subject', 'text', 'html'];

/** '' is the default set; anything else a locale tag. */
export type LocaleKey = string;
export const DEFAULT_LOCALE: LocaleKey = '';

/** The server's own check (shared/locale), so the page refuses early only what it refuses. */
export { isLocaleTag } from '../../shared/locale';

/** Configured and saved locales, sorted, without duplicates. */
export function listLocales(configured: Configured, draft: TemplatesUpdate): string[] {
  return [...new Set([...Object.keys(configured.locales), ...Object.keys(draft.locales)])].sort();
}

export function draftPart(draft: TemplatesUpdate, locale: LocaleKey, part: PartName): string {
  const parts = locale === DEFAULT_LOCALE ? draft.default : draft.locales[locale];
  return parts?.[part] ?? '';
}

/** The text the email would use for this part: the server's own rule (shared/template-layers). */
export function effectivePart(configured: Configured, draft: TemplatesUpdate, locale: LocaleKey, part: PartName): string {
  const layers = templateLayers({ configured, saved: draft }, locale === DEFAULT_LOCALE ? undefined : locale);
  return mergeLayers(layers)[part] ?? '';
}

/** What applies when this part is left empty here: shown as the field's placeholder. */
export function fallbackPart(configured: Configured, draft: TemplatesUpdate, locale: LocaleKey, part: PartName): string {
  // Only clear a part that is set: clearing would create an empty entry for the locale,
  // which hides a saved entry for its language (fr-CA → fr) that applies meanwhile.
  const cleared = draftPart(draft, locale, part) ? withPart(draft, locale, part, '') : draft;
  return effectivePart(configured, cleared, locale, part);
}

/** Sets one part; an emptied part is dropped, so "cleared" and "never set" save (and compare) alike. */
export function withPart(draft: TemplatesUpdate, locale: LocaleKey, part: PartName, value: string): TemplatesUpdate {
  const set = (parts: Partial<TemplateParts> | undefined): Partial<TemplateParts> => {
    const { [part]: _previous, ...others } = parts ?? {};
    return value ? { ...others, [part]: value } : others;
  };
  if (locale === DEFAULT_LOCALE) return { ...draft, default: set(draft.default) };
  return { ...draft, locales: { ...draft.locales, [locale]: set(draft.locales[locale]) } };
}

export function withLocale(draft: TemplatesUpdate, locale: string): TemplatesUpdate {
  if (draft.locales[locale]) return draft;
  return { ...draft, locales: { ...draft.locales, [locale]: {} } };
}

export function withoutLocale(draft: TemplatesUpdate, locale: string): TemplatesUpdate {
  const { [locale]: _removed, ...locales } = draft.locales;
  return { ...draft, locales };
}

/** A server error path ('locales.fr.subject' or ['locales', 'fr', 'subject']) as one string. */
export function pathKey(path: unknown): string {
  return Array.isArray(path) ? path.join('.') : String(path ?? '');
}

/** The error path of a part, as the server names it in INVALID_TEMPLATE details. */
export function partPath(locale: LocaleKey, part: PartName): string {
  return locale === DEFAULT_LOCALE ? `default.${part}` : `locales.${locale}.${part}`;
}

/** The saved set without empty parts (they mean "use the configured one" either way). */
export function compactTemplates(set: TemplatesUpdate): TemplatesUpdate {
  const compact = (parts: Partial<TemplateParts>): Partial<TemplateParts> =>
    Object.fromEntries(Object.entries(parts).filter(([, text]) => Boolean(text)));
  return {
    default: compact(set.default ?? {}),
    locales: Object.fromEntries(Object.entries(set.locales ?? {}).map(([locale, parts]) => [locale, compact(parts ?? {})])),
  };
}
