/**
 * One rule for the email and the admin preview: part by part, the exact locale over its
 * language over the default, the admin's saved part over config's at each level.
 * Guards against a saved `fr` silently replacing an operator's configured `fr-CA`.
 */
import { mergeLayers, templateLayers, type TemplateSources } from '../../packages/strapi-passwordless-login/src/shared/template-layers';

const sources: TemplateSources = {
  configured: {
    default: { subject: 'config default', text: 'config default text', html: 'config default html' },
    locales: { 'fr-CA': { subject: 'config fr-CA' }, fr: { text: 'config fr text' } },
  },
  saved: { default: { html: 'saved default html' }, locales: { fr: { subject: 'saved fr', text: '' } } },
};

describe('templateLayers + mergeLayers', () => {
  it.each([
    [undefined, { subject: 'config default', text: 'config default text', html: 'saved default html' }],
    ['de', { subject: 'config default', text: 'config default text', html: 'saved default html' }],
    ['fr', { subject: 'saved fr', text: 'config fr text', html: 'saved default html' }],
    // The configured exact tag beats the admin's language-level part; the empty saved text sets nothing.
    ['fr-CA', { subject: 'config fr-CA', text: 'config fr text', html: 'saved default html' }],
    ['FR-ca', { subject: 'config fr-CA', text: 'config fr text', html: 'saved default html' }],
    ['fr-BE', { subject: 'saved fr', text: 'config fr text', html: 'saved default html' }],
  ])('locale %s', (locale, expected) => {
    expect(mergeLayers(templateLayers(sources, locale))).toEqual(expected);
  });

  it('a saved exact tag beats everything for its parts', () => {
    const withSaved = { ...sources, saved: { ...sources.saved, locales: { ...sources.saved.locales, 'fr-CA': { subject: 'saved fr-CA' } } } };
    expect(mergeLayers(templateLayers(withSaved, 'fr-CA')).subject).toBe('saved fr-CA');
  });
});
