/**
 * Reading .env the way dotenv does, just enough to know which variables are set.
 * Appending a variable dotenv already has would override the user's value (the last
 * assignment wins), so a name counts as present with any value, even an empty one.
 */
import * as crypto from 'node:crypto';

// NAME=value, `export NAME=value` and dotenv's `NAME: value`; not commented-out lines.
const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)(?:\s*=|:\s)(.*)$/;

/** Each assigned name with its value (quotes removed, inline comment dropped). */
export function readEnvVariables(text: string): Map<string, string> {
  const variables = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = ASSIGNMENT.exec(line);
    if (match) variables.set(match[1], unquote(match[2]));
  }
  return variables;
}

function unquote(raw: string): string {
  const value = raw.trim();
  const quote = value[0];
  if (quote === '"' || quote === "'" || quote === '`') {
    const end = value.indexOf(quote, 1);
    return end > 0 ? value.slice(1, end) : value.slice(1);
  }
  // dotenv ends an unquoted value at `#`.
  const hash = value.indexOf('#');
  return (hash >= 0 ? value.slice(0, hash) : value).trim();
}

/**
 * 48 bytes from the system CSPRNG, base64: 64 characters with no padding and no
 * character dotenv treats specially, comfortably above the 32-character minimum.
 */
export function generateSecret(): string {
  return crypto.randomBytes(48).toString('base64');
}
