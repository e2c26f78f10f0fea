/**
 * The top-level properties of an object literal in a config file, read as text with
 * js-scan. Only `key: value` and shorthand `key` have a key init can name; a spread,
 * a computed key, a method or an accessor could set any key, so it reads as `null`
 * and a caller that needs certainty refuses to edit.
 */
import { findClosingBracket, skipToken, skipTrivia } from './js-scan';

export interface Property {
  /** The key as written (quotes removed), or null when init cannot name it. */
  key: string | null;
  /** Where the value starts (after `:` and trivia); -1 for a shorthand property. */
  valueStart: number;
  /** The comma ending the property, or the object's closing brace. */
  end: number;
}

// An identifier, or a quoted key with no escape (an escape could spell any key).
const KEY = /([A-Za-z_$][\w$]*)|'([^'\\\n]*)'|"([^"\\\n]*)"/y;

/** The properties between the braces at `open` and `close`, or null where init cannot follow the text. */
export function listProperties(source: string, open: number, close: number): Property[] | null {
  const properties: Property[] = [];
  let start = open + 1;
  while (start < close) {
    const end = findPropertyEnd(source, start, close);
    if (end < 0) return null;
    const first = skipTrivia(source, start);
    if (first < 0) return null;
    // Nothing but trivia: the space after a trailing comma.
    if (first < end) properties.push(readProperty(source, first, end));
    start = end + 1;
  }
  return properties;
}

/** The value at `valueStart` when it is exactly one object literal `{ ... }`: its braces. */
export function objectValueOf(source: string, property: Property): { open: number; close: number } | null {
  if (property.valueStart < 0 || source[property.valueStart] !== '{') return null;
  const close = findClosingBracket(source, property.valueStart);
  if (close < 0 || skipTrivia(source, close + 1) !== property.end) return null;
  return { open: property.valueStart, close };
}

function findPropertyEnd(source: string, start: number, close: number): number {
  for (let i = start; i >= 0; i = skipToken(source, i)) {
    if (i >= close) return i === close ? i : -1;
    if (source[i] === ',') return i;
  }
  return -1;
}

function readProperty(source: string, first: number, end: number): Property {
  const unknown: Property = { key: null, valueStart: -1, end };
  KEY.lastIndex = first;
  const match = KEY.exec(source);
  if (!match) return unknown;
  const key = match[1] ?? match[2] ?? match[3];
  const after = skipTrivia(source, KEY.lastIndex);
  // Shorthand (`deniedTypes,`): only an identifier can stand alone.
  if (after === end) return match[1] !== undefined ? { key, valueStart: -1, end } : unknown;
  if (source[after] !== ':') return unknown;
  const valueStart = skipTrivia(source, after + 1);
  return valueStart < 0 || valueStart >= end ? unknown : { key, valueStart, end };
}
