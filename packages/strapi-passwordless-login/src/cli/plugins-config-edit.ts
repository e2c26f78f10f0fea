/**
 * Reading and editing config/plugins.{js,ts} as text. An edit is made only to the
 * shape Strapi generates, `<export> = ({ env }) => ({ ... });`, where adding the
 * first property cannot change what the rest means; anything else is left to the user.
 */
import { findClosingBracket, skipTrivia } from './js-scan';
import { lineEndingOf } from './files';
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

export type ConfigEdit = { kind: 'edited'; text: string; addedEnvParameter: boolean } | { kind: 'refused'; why: string };

const EXPORT = { js: /module\.exports\s*=\s*/y, ts: /export\s+default\s+/y };
const PARAMETERS = /\(\s*(\{\s*env\s*\}\s*)?\)/y;
const ARROW_TO_OBJECT = /\s*=>\s*\(\s*\{/y;
const USE_STRICT = /(['"])use strict\1\s*;?/y;

function matchAt(pattern: RegExp, source: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return index < 0 ? null : pattern.exec(source);
}

/**
 * Adds `'users-permissions': { config: { passwordless } }` as the first property of
 * the returned object, keeping every other byte, and gives a `() =>` function the
 * `{ env }` parameter the block reads. Refuses any other shape.
 */
export function insertUsersPermissionsEntry(source: string, language: Language): ConfigEdit {
  const notGenerated = {
    kind: 'refused' as const,
    why: `it is not the shape Strapi generates (${
      language === 'ts' ? 'export default' : 'module.exports ='
    } ({ env }) => ({ ... });)`,
  };
  let start = skipTrivia(source, 0);
  const directive = matchAt(USE_STRICT, source, start);
  if (directive) start = skipTrivia(source, start + directive[0].length);

  const exported = matchAt(EXPORT[language], source, start);
  if (!exported) return notGenerated;
  const parametersStart = start + exported[0].length;
  const parameters = matchAt(PARAMETERS, source, parametersStart);
  if (!parameters) return notGenerated;
  const parametersEnd = parametersStart + parameters[0].length;
  const arrow = matchAt(ARROW_TO_OBJECT, source, parametersEnd);
  if (!arrow) return notGenerated;
  const open = parametersEnd + arrow[0].length - 1;

  const close = findClosingBracket(source, open);
  if (close < 0)
    return { kind: 'refused', why: 'init could not follow its syntax (a regular expression, a division or unbalanced brackets)' };
  // After the object: `)`, an optional `;`, then nothing but comments.
  const paren = skipTrivia(source, close + 1);
  if (source[paren] !== ')') return notGenerated;
  let end = skipTrivia(source, paren + 1);
  if (source[end] === ';') end = skipTrivia(source, end + 1);
  if (end !== source.length) return notGenerated;

  const eol = lineEndingOf(source);
  const body = source.slice(open + 1, close);
  const entry = eol + renderUsersPermissionsEntry({ unit: indentUnitOf(body), depth: 1, eol });
  const rest = body.trim() === '' ? eol : /^[ \t]*\r?\n/.test(body) ? body : eol + body;
  const addedEnvParameter = parameters[1] === undefined;
  const text =
    source.slice(0, parametersStart) +
    (addedEnvParameter ? '({ env })' : parameters[0]) +
    source.slice(parametersEnd, open + 1) +
    entry +
    rest +
    source.slice(close);
  return { kind: 'edited', text, addedEnvParameter };
}

/** The first indented line's leading whitespace: the file's own unit (2 spaces if none). */
function indentUnitOf(body: string): string {
  const indented = /^([ \t]+)\S/m.exec(body);
  return indented ? indented[1] : '  ';
}
