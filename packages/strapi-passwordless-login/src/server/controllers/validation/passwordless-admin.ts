import { findTemplateProblems, usesPlaceholder } from '../../../shared/template';
import { findMarkupProblems } from '../../../shared/template-markup';
import { findTextPlacementProblems } from '../../../shared/template-words';
import type { AccessListsBody, TemplateParts } from '../../../shared/admin-api';
import type { SavedTemplates } from '../../services/passwordless-admin-settings';
import { invalidAccessEntries } from '../../utils/access';
import { hasInvisibleCharacters, normalizeIdentifier } from '../../utils/identifier';
import { isLocaleTag } from '../../../shared/locale';

export interface Problem {
  path: string;
  message: string;
}

const PARTS = ['subject', 'text', 'html'] as const;
const MAX_LENGTH: Record<(typeof PARTS)[number], number> = { subject: 255, text: 100_000, html: 100_000 };
const MAX_LOCALES = 50;
const MAX_ENTRIES = 1000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a templates update part by part and names every problem with its path
 * (`locales.fr.subject`), so the page can put each message beside its field. The same
 * template checks as config at boot, plus what only an edit can get wrong: a code email
 * without its code, a subject with a line break (a header injection in some providers),
 * a placeholder where the mail client would send it somewhere (shared/template-markup,
 * shared/template-words).
 */
export function checkTemplates(body: unknown, { linkUrl }: { linkUrl?: string }): { value: SavedTemplates; problems: Problem[] } {
  const problems: Problem[] = [];
  const value: SavedTemplates = { default: {}, locales: {} };
  if (!isObject(body) || !isObject(body.default) || !isObject(body.locales)) {
    return { value, problems: [{ path: '', message: 'must be { default: { subject, text, html }, locales: { <locale>: { … } } }' }] };
  }
  const extra = Object.keys(body).filter((key) => key !== 'default' && key !== 'locales');
  if (extra.length > 0) problems.push({ path: extra[0], message: 'is not default or locales' });

  const checkSet = (parts: unknown, path: string): Partial<TemplateParts> => {
    const kept: Partial<TemplateParts> = {};
    if (!isObject(parts)) {
      problems.push({ path, message: 'must be { subject, text, html }' });
      return kept;
    }
    for (const [part, template] of Object.entries(parts)) {
      const at = `${path}.${part}`;
      if (!(PARTS as readonly string[]).includes(part)) {
        problems.push({ path: at, message: 'is not subject, text or html' });
        continue;
      }
      if (typeof template !== 'string') {
        problems.push({ path: at, message: 'must be a string' });
        continue;
      }
      // Empty means "use the configured one": not stored.
      if (template === '') continue;
      const name = part as (typeof PARTS)[number];
      const found = [...findTemplateProblems(template)];
      if (template.length > MAX_LENGTH[name]) found.push(`more than ${MAX_LENGTH[name]} characters`);
      if (name === 'subject' && /[\r\n]/.test(template)) found.push('a line break (a subject is one line)');
      if (name !== 'subject' && !usesPlaceholder(template, 'CODE')) found.push('no <%= CODE %> (the email would not carry the code)');
      // Read only within bounds: the markup check parses the whole template.
      if (template.length <= MAX_LENGTH[name]) found.push(...(name === 'html' ? findMarkupProblems(template) : findTextPlacementProblems(template)));
      if (!linkUrl && usesPlaceholder(template, 'URL')) found.push('<%= URL %>, but no linkUrl is configured (PASSWORDLESS_LINK_URL)');
      if (found.length > 0) problems.push({ path: at, message: `has ${found.join(', ')}` });
      else kept[name] = template;
    }
    return kept;
  };

  value.default = checkSet(body.default, 'default');
  const locales = Object.entries(body.locales);
  if (locales.length > MAX_LOCALES) problems.push({ path: 'locales', message: `has more than ${MAX_LOCALES} locales` });
  const seen = new Set<string>();
  for (const [locale, parts] of locales.slice(0, MAX_LOCALES)) {
    if (!isLocaleTag(locale)) {
      problems.push({ path: `locales.${locale}`, message: 'is not a locale tag such as fr or pt-BR' });
      continue;
    }
    if (seen.has(locale.toLowerCase())) {
      problems.push({ path: `locales.${locale}`, message: 'is listed twice (locale tags ignore case)' });
      continue;
    }
    seen.add(locale.toLowerCase());
    const kept = checkSet(parts, `locales.${locale}`);
    if (Object.keys(kept).length > 0) value.locales[locale] = kept;
  }
  return { value, problems };
}

/** Checks allow/deny entries as config's are checked at boot; stores them normalised and once each. */
export function checkAccess(body: unknown): { value: AccessListsBody; problems: Problem[]; invalid: string[] } {
  const problems: Problem[] = [];
  const invalid: string[] = [];
  const value: AccessListsBody = { allow: [], deny: [] };
  if (!isObject(body) || Object.keys(body).some((key) => key !== 'allow' && key !== 'deny')) {
    return { value, invalid, problems: [{ path: '', message: 'must be { allow: [...], deny: [...] }' }] };
  }
  for (const list of ['allow', 'deny'] as const) {
    const entries = body[list] ?? [];
    if (!Array.isArray(entries) || entries.some((entry) => typeof entry !== 'string')) {
      problems.push({ path: list, message: 'must be a list of strings' });
      continue;
    }
    if (entries.length > MAX_ENTRIES) problems.push({ path: list, message: `has more than ${MAX_ENTRIES} entries` });
    const bad = [
      ...invalidAccessEntries(entries),
      ...entries.filter((entry: string) => entry.length > 254 || hasInvisibleCharacters(entry)),
    ];
    if (bad.length > 0) {
      invalid.push(...bad);
      problems.push({ path: list, message: `has entries that are neither name@domain nor @domain: ${bad.join(', ')}` });
    }
    value[list] = [...new Set(entries.map((entry: string) => normalizeIdentifier(entry).email))];
  }
  return { value, problems, invalid: [...new Set(invalid)] };
}
