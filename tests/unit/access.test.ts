import { createAccessPolicy, invalidAccessEntries } from '../../packages/strapi-passwordless-login/src/server/utils/access';
import { hasInvisibleCharacters, normalizeIdentifier } from '../../packages/strapi-passwordless-login/src/server/utils/identifier';

describe('createAccessPolicy', () => {
  it.each([
    [{ allow: [], deny: [] }, 'anyone@x.test', true],
    [{ allow: ['@shop.test'], deny: [] }, 'ann@shop.test', true],
    [{ allow: ['@shop.test'], deny: [] }, 'ann@other.test', false],
    [{ allow: ['@shop.test'], deny: [] }, 'ann@evil.shop.test', false], // no subdomains
    [{ allow: ['@shop.test'], deny: [] }, 'ann@shop.test.evil', false],
    [{ allow: ['vip@other.test'], deny: [] }, 'VIP@Other.TEST', true],
    [{ allow: ['@shop.test'], deny: ['bob@shop.test'] }, 'bob@shop.test', false], // deny wins
    [{ allow: [], deny: ['@spam.test'] }, 'x@spam.test', false],
    [{ allow: [], deny: ['@spam.test'] }, 'x@ＳＰＡＭ.test', false], // full-width folds (NFKC)
    [{ allow: ['@Shop.Test'], deny: [] }, 'ann@shop.test', true], // entries normalised too
  ])('%j admits %s: %s', (lists, email, expected) => {
    expect(createAccessPolicy(lists)(email)).toBe(expected);
  });

  it('reports malformed entries', () => {
    expect(invalidAccessEntries(['@ok.test', 'a@ok.test', 'ok.test', 'a@b@c', '', '@'])).toEqual(['ok.test', 'a@b@c', '', '@']);
  });
});

describe('characters that change under normalisation', () => {
  it.each([
    ['Kelvin sign U+212A', '\u212Aate@shop.test', 'kate@shop.test'],
    ['long s U+017F', '\u017Fam@shop.test', 'sam@shop.test'],
    ['full-width letters', 'ａｎｎ@shop.test', 'ann@shop.test'],
    ['dotless i U+0131 stays distinct', 'al\u0131ce@shop.test', 'al\u0131ce@shop.test'],
    ['capital I with dot U+0130 stays distinct', '\u0130van@shop.test', 'i\u0307van@shop.test'],
  ])('%s: %j → %j', (_label, raw, email) => {
    expect(normalizeIdentifier(raw).email).toBe(email);
  });

  it.each([
    ['zero-width space', 'ann\u200b@shop.test', true],
    ['zero-width joiner', 'ann\u200d@shop.test', true],
    ['right-to-left override', '\u202Eann@shop.test', true],
    ['soft hyphen', 'an\u00ADn@shop.test', true],
    ['NUL', 'ann\u0000@shop.test', true],
    ['line separator', 'ann\u2028@shop.test', true],
    ['plain', 'ann@shop.test', false],
    ['accented', 'josé@shop.test', false],
  ])('%s is invisible: %s', (_label, raw, expected) => {
    expect(hasInvisibleCharacters(raw)).toBe(expected);
  });
});
