/**
 * The admin page's pure helpers: the preview must pick template parts as the mailer
 * does (utils/email-templates templatesFor), and the editors' checks must agree with
 * what the server accepts.
 */
import type { TemplatesResponse, TemplatesUpdate } from '../../packages/strapi-passwordless-login/src/shared/admin-api';
import {
  compactTemplates,
  effectivePart,
  fallbackPart,
  isLocaleTag,
  listLocales,
  withPart,
} from '../../packages/strapi-passwordless-login/src/admin/templates/template-model';
import { isAccessEntry, normaliseEntry } from '../../packages/strapi-passwordless-login/src/admin/access/access-model';
import { sameValue } from '../../packages/strapi-passwordless-login/src/admin/hooks/same-value';

const configured: TemplatesResponse['configured'] = {
  default: { subject: 'config default', text: 'config text', html: 'config html' },
  locales: { fr: { subject: 'config fr' }, 'pt-BR': {} },
};
const draft: TemplatesUpdate = {
  default: { text: 'admin default text' },
  locales: { 'fr-CA': { subject: 'admin fr-CA' }, de: { subject: '' } },
};

describe('effectivePart (as templatesFor picks: admin locale, config locale, admin default, config default)', () => {
  it.each([
    ['', 'subject', 'config default'],
    ['', 'text', 'admin default text'],
    ['fr', 'subject', 'config fr'],
    ['fr', 'text', 'admin default text'],
    ['fr-CA', 'subject', 'admin fr-CA'],
    ['FR-ca', 'subject', 'admin fr-CA'],
    // an empty saved part counts as not saved
    ['de', 'subject', 'config default'],
    ['pt-BR', 'html', 'config html'],
  ])('locale %p, %s → %p', (locale, part, expected) => {
    expect(effectivePart(configured, draft, locale, part as 'subject')).toBe(expected);
  });

  it('falls back to the language entry when the exact tag has none (fr-BE → fr)', () => {
    expect(effectivePart(configured, draft, 'fr-BE', 'subject')).toBe('config fr');
  });
});

describe('fallbackPart (the placeholder: what applies when the field is emptied)', () => {
  it('skips the edited part itself', () => {
    expect(fallbackPart(configured, draft, 'fr-CA', 'subject')).toBe('config fr');
  });

  it('keeps a language entry that applies to a locale with no entry of its own', () => {
    const withFr: TemplatesUpdate = { default: {}, locales: { fr: { subject: 'admin fr' } } };
    expect(fallbackPart(configured, withFr, 'fr-CA', 'subject')).toBe('admin fr');
  });
});

describe('template drafts', () => {
  it('drops an emptied part, so cleared and never set compare equal', () => {
    const edited = withPart(withPart(draft, 'fr-CA', 'text', 'x'), 'fr-CA', 'text', '');
    expect(sameValue(edited, draft)).toBe(true);
  });

  it('compares regardless of key order', () => {
    expect(sameValue({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });

  it('compacts empty saved parts', () => {
    expect(compactTemplates(draft)).toEqual({ default: { text: 'admin default text' }, locales: { 'fr-CA': { subject: 'admin fr-CA' }, de: {} } });
  });

  it('lists configured and saved locales once, sorted', () => {
    expect(listLocales(configured, draft)).toEqual(['de', 'fr', 'fr-CA', 'pt-BR']);
  });
});

describe('input checks', () => {
  it.each([
    ['fr', true],
    ['pt-BR', true],
    ['zh-Hant-TW', true],
    ['f', false],
    ['french', false],
    ['fr_FR', false],
    ['', false],
  ])('locale tag %p → %p', (tag, expected) => {
    expect(isLocaleTag(tag)).toBe(expected);
  });

  it.each([
    ['jane@example.com', true],
    ['@example.com', true],
    ['example.com', false],
    ['@localhost', true],
    ['a@b@c', false],
    ['jane@', false],
    ['two words@example.com', false],
  ])('access entry %p → %p', (entry, expected) => {
    expect(isAccessEntry(entry)).toBe(expected);
  });

  it('normalises entries to trimmed lower case', () => {
    expect(normaliseEntry('  Jane@Example.COM ')).toBe('jane@example.com');
  });
});
