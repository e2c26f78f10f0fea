/**
 * A small scanner for config files: enough to find the bracket that closes another
 * while stepping over strings, template literals and comments. A `/` that opens no
 * comment (a regular expression or a division) stops it with -1: telling those two
 * apart takes a parser, and for init "unknown" just means printing instead of editing.
 */
const CLOSERS: Record<string, string> = { '{': '}', '(': ')', '[': ']' };

/** Index of the bracket closing the one at `open`, or -1 when unbalanced or unknown. */
export function findClosingBracket(source: string, open: number): number {
  const expected: string[] = [];
  let i = open;
  while (i < source.length) {
    const ch = source[i];
    if (CLOSERS[ch]) {
      expected.push(CLOSERS[ch]);
      i += 1;
    } else if (ch === '}' || ch === ')' || ch === ']') {
      if (expected.pop() !== ch) return -1;
      if (expected.length === 0) return i;
      i += 1;
    } else if (ch === '"' || ch === "'") {
      i = skipString(source, i);
    } else if (ch === '`') {
      i = skipTemplate(source, i);
    } else if (ch === '/') {
      const next = skipComment(source, i);
      i = next === i ? -1 : next;
    } else {
      i += 1;
    }
    if (i < 0) return -1;
  }
  return -1;
}

/**
 * Index after the token at `i`, a bracketed group, a string, a template literal or a
 * comment counting as one token (any other character is one), or -1 when unknown. Walking
 * a file token by token visits only its top level: a statement there, a property of an
 * object when walked from inside its braces.
 */
export function skipToken(source: string, i: number): number {
  const ch = source[i];
  if (CLOSERS[ch]) {
    const close = findClosingBracket(source, i);
    return close < 0 ? -1 : close + 1;
  }
  if (ch === '}' || ch === ')' || ch === ']') return -1;
  if (ch === '"' || ch === "'") return skipString(source, i);
  if (ch === '`') return skipTemplate(source, i);
  if (ch === '/') {
    const next = skipComment(source, i);
    return next === i ? -1 : next;
  }
  return i + 1;
}

/** Index after whitespace and comments from `start`, or -1 in an unterminated comment. */
export function skipTrivia(source: string, start: number): number {
  let i = start;
  for (;;) {
    while (i < source.length && /\s/.test(source[i])) i += 1;
    if (source[i] !== '/') return i;
    const next = skipComment(source, i);
    if (next === i || next < 0) return next;
    i = next;
  }
}

/** Index after the comment at `i`; `i` itself when there is none; -1 if unterminated. */
function skipComment(source: string, i: number): number {
  if (source.startsWith('//', i)) {
    const end = source.indexOf('\n', i);
    return end < 0 ? source.length : end + 1;
  }
  if (source.startsWith('/*', i)) {
    const end = source.indexOf('*/', i + 2);
    return end < 0 ? -1 : end + 2;
  }
  return i;
}

function skipString(source: string, start: number): number {
  const quote = source[start];
  for (let i = start + 1; i < source.length; i += 1) {
    if (source[i] === '\\') i += 1;
    else if (source[i] === quote) return i + 1;
    else if (source[i] === '\n') return -1;
  }
  return -1;
}

function skipTemplate(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i += 1) {
    if (source[i] === '\\') {
      i += 1;
    } else if (source[i] === '`') {
      return i + 1;
    } else if (source.startsWith('${', i)) {
      const close = findClosingBracket(source, i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}
