/**
 * Reading config/plugins.{js,ts} as text, and adding a whole 'users-permissions' entry
 * to one that has none. An edit is made only to the shape Strapi generates
 * (config-function.ts), where adding the first property cannot change what the rest
 * means; anything else is left to the user.
 */
import { findClosingBracket, skipTrivia } from './js-scan';
import { lineEndingOf } from './files';
import { insertAfterBrace, indentUnitOf, locateConfigFunction, type ConfigEdit, type LocateOptions } from './config-function';
import { listProperties } from './object-literal';
import { renderUsersPermissionsEntry } from './templates';
import type { Language } from './types';

const USERS_PERMISSIONS_KEY = /(['"`])users-permissions\1\s*:/g;
// A `passwordless` key or shorthand property; not `.passwordless` or `-passwordless-`.
const PASSWORDLESS_KEY = /(^|[^\w$.-])(['"]?)passwordless\2\s*[:,}]/;

export function hasUsersPermissionsKey(source: string): boolean {
  return new RegExp(USERS_PERMISSIONS_KEY.source).test(source);
}

/** True when a users-permissions entry already holds a passwordless key. */
export function hasPasswordlessConfig(source: string): boolean {
  for (const match of source.matchAll(USERS_PERMISSIONS_KEY)) {
    const valueStart = skipTrivia(source, (match.index ?? 0) + match[0].length);
    const close = source[valueStart] === '{' ? findClosingBracket(source, valueStart) : -1;
    // A value init cannot follow (a variable, a spread): judge by the whole file.
    const scope = close > 0 ? source.slice(valueStart, close) : source;
    if (PASSWORDLESS_KEY.test(scope)) return true;
  }
  return false;
}

/**
 * Adds `'users-permissions': { config: { passwordless } }` as the first property of
 * the returned object, keeping every other byte, and gives a `() =>` function the
 * `{ env }` parameter the block reads. Refuses any other shape. With declarations
 * before the export (Strapi 5), a spread or computed key in the object could set
 * 'users-permissions' after the entry and hide it: that is refused too.
 */
export function insertUsersPermissionsEntry(
  source: string,
  language: Language,
  options: LocateOptions = { declarationsBefore: false }
): ConfigEdit {
  const located = locateConfigFunction(source, language, options);
  if (located.kind === 'refused') return located;
  const { found } = located;
  if (options.declarationsBefore) {
    const properties = listProperties(source, found.open, found.close);
    if (!properties || properties.some(({ key }) => key === null)) {
      return { kind: 'refused', why: 'its object has a spread, computed or method property init cannot see through' };
    }
  }
  const unit = indentUnitOf(source.slice(found.open + 1, found.close));
  const lines = renderUsersPermissionsEntry({ unit, depth: 1, eol: lineEndingOf(source) });
  return insertAfterBrace(source, found, { open: found.open, close: found.close, lines });
}
