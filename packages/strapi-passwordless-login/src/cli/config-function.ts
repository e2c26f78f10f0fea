/**
 * The function config/plugins.{js,ts} exports, found as text in the shapes Strapi
 * generates, and the one edit every insertion shares: text after an opening brace of
 * the object it returns, plus the `{ env }` parameter that text reads.
 *
 *   module.exports = () => ({ ... });                        Strapi 4 and 5, JavaScript
 *   export default () => ({ ... });                          Strapi 4, TypeScript
 *   const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({ ... });
 *   export default config;                                   Strapi 5, TypeScript
 */
import { findClosingBracket, skipToken, skipTrivia } from './js-scan';
import { lineEndingOf } from './files';
import type { Language } from './types';

export interface ConfigFunction {
  /** Where the export (or the declaration exported) starts: before it, only declarations. */
  start: number;
  /** `()` or `({ env })` (typed or not), as written. */
  parameters: { start: number; end: number; hasEnv: boolean };
  /** The braces of the object the function returns. */
  open: number;
  close: number;
}

export type Located = { kind: 'found'; found: ConfigFunction } | { kind: 'refused'; why: string };

export interface LocateOptions {
  /**
   * Strapi 5's generator declares constants (and imports a type) before the export;
   * Strapi 4's exports first, and its edit keeps to that shape.
   */
  declarationsBefore: boolean;
}

const EXPORT = { js: /module\.exports\s*=\s*/y, ts: /export\s+default\s+/y };
const CONST = /const\s+([A-Za-z_$][\w$]*)\s*=\s*/y;
// Only `{ env }` is read: another parameter would be one init knows nothing about.
const PARAMETERS = {
  js: /\(\s*(\{\s*env\s*\}\s*)?\)/y,
  ts: /\(\s*(\{\s*env\s*\}\s*(?::\s*[A-Za-z_$][\w$.]*\s*)?)?\)/y,
};
const RETURN_TYPE = /\s*:\s*[A-Za-z_$][\w$.]*/y;
const ARROW_TO_OBJECT = /\s*=>\s*\(\s*\{/y;
const USE_STRICT = /(['"])use strict\1\s*;?/y;
const IDENTIFIER_END = /(?![\w$])/y;
// `env` as a name; `process.env` and '.env' are not.
const ENV_NAME = /(^|[^\w$.])env(?![\w$])/;

function matchAt(pattern: RegExp, source: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return index < 0 ? null : pattern.exec(source);
}

export function locateConfigFunction(source: string, language: Language, options: LocateOptions): Located {
  const notGenerated = {
    kind: 'refused' as const,
    why: `it is not the shape Strapi generates (${
      language === 'ts' ? 'export default' : 'module.exports ='
    } ({ env }) => ({ ... });)`,
  };
  let start = skipTrivia(source, 0);
  const directive = matchAt(USE_STRICT, source, start);
  if (directive) start = skipTrivia(source, start + directive[0].length);
  // With declarations allowed, every top-level position that starts a name is a candidate.
  for (let at = start; at >= 0 && at < source.length; at = skipTrivia(source, skipToken(source, at))) {
    if (/[\w$.]/.test(source[at - 1] ?? '')) continue;
    const located = matchShape(source, at, language);
    if (located) return located;
    if (!options.declarationsBefore) return notGenerated;
  }
  return notGenerated;
}

/** `<export> <function>` or `const <name> = <function>; <export> <name>;`, then nothing but comments. */
function matchShape(source: string, at: number, language: Language): Located | null {
  const exported = matchAt(EXPORT[language], source, at);
  const declared = exported ? null : matchAt(CONST, source, at);
  const head = exported ?? declared;
  if (!head) return null;
  const parametersStart = at + head[0].length;
  const parameters = matchAt(PARAMETERS[language], source, parametersStart);
  if (!parameters) return null;
  const parametersEnd = parametersStart + parameters[0].length;
  const returnType = language === 'ts' ? matchAt(RETURN_TYPE, source, parametersEnd) : null;
  const arrowStart = parametersEnd + (returnType?.[0].length ?? 0);
  const arrow = matchAt(ARROW_TO_OBJECT, source, arrowStart);
  if (!arrow) return null;
  const open = arrowStart + arrow[0].length - 1;
  const close = findClosingBracket(source, open);
  if (close < 0)
    return { kind: 'refused', why: 'init could not follow its syntax (a regular expression, a division or unbalanced brackets)' };

  const paren = skipTrivia(source, close + 1);
  if (source[paren] !== ')') return null;
  let end = endOfStatement(source, paren + 1);
  if (declared) {
    const exportName = matchAt(EXPORT[language], source, end);
    if (!exportName) return null;
    const name = end + exportName[0].length;
    if (!source.startsWith(declared[1], name) || !matchAt(IDENTIFIER_END, source, name + declared[1].length)) return null;
    end = endOfStatement(source, name + declared[1].length);
  }
  if (end !== source.length) return null;
  const hasEnv = parameters[1] !== undefined;
  return { kind: 'found', found: { start: at, parameters: { start: parametersStart, end: parametersEnd, hasEnv }, open, close } };
}

/** After an optional `;` and any trivia; -1 in an unterminated comment. */
function endOfStatement(source: string, index: number): number {
  const next = skipTrivia(source, index);
  return source[next] === ';' ? skipTrivia(source, next + 1) : next;
}

export type ConfigEdit = { kind: 'edited'; text: string; addedEnvParameter: boolean } | { kind: 'refused'; why: string };

/**
 * `lines` after the brace at `open` (one of the returned object's, or nested in it),
 * each other byte kept, and `({ env })` for a function declared `()`: the lines read env.
 */
export function insertAfterBrace(
  source: string,
  found: ConfigFunction,
  insertion: { open: number; close: number; lines: string }
): ConfigEdit {
  const addedEnvParameter = !found.parameters.hasEnv;
  // The object may read an `env` declared above the export (nothing follows it): the
  // parameter would hide that one. Without declarations above, there is none to hide.
  if (addedEnvParameter && ENV_NAME.test(source.slice(0, found.start))) {
    return { kind: 'refused', why: 'it declares an `env` of its own above the export, which an ({ env }) parameter would hide' };
  }
  const eol = lineEndingOf(source);
  const { open, close } = insertion;
  const body = source.slice(open + 1, close);
  const rest = body.trim() === '' ? eol : /^[ \t]*\r?\n/.test(body) ? body : eol + body;
  const { start, end } = found.parameters;
  const text =
    source.slice(0, start) +
    (addedEnvParameter ? '({ env })' : source.slice(start, end)) +
    source.slice(end, open + 1) +
    eol +
    insertion.lines +
    rest +
    source.slice(close);
  return { kind: 'edited', text, addedEnvParameter };
}

/** The first indented line's leading whitespace: the file's own unit (2 spaces if none). */
export function indentUnitOf(text: string): string {
  const indented = /^([ \t]+)\S/m.exec(text);
  return indented ? indented[1] : '  ';
}
