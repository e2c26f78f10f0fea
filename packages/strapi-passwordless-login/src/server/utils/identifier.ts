/**
 * One normalisation for identifiers, used for lookups, limit keys and allow/deny lists
 * alike, so that letter case, stray spaces or compatibility characters never open a
 * second bucket or reach a second account.
 */
export interface NormalizedIdentifier {
  /** What the user typed, trimmed and NFKC-normalised. */
  readonly value: string;
  /** True when the identifier looks like an email address. */
  readonly isEmail: boolean;
  /** Lower-cased lookup email, as users-permissions stores emails. */
  readonly email: string;
  /** Key for counters: case-insensitive for every identifier (merging buckets only tightens limits). */
  readonly limitKey: string;
}

/**
 * Control, format (zero-width joiners and spaces, bidi overrides), private-use,
 * surrogate and line/paragraph separator characters: invisible or meaningless in an
 * address, and ignored by some database collations (MariaDB's unicode_ci ignores
 * U+200B). Identifiers carrying them are refused as malformed, not silently cleaned.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/u;

export function hasInvisibleCharacters(raw: string): boolean {
  return INVISIBLE.test(raw.trim());
}

export function normalizeIdentifier(raw: string): NormalizedIdentifier {
  // NFKC folds compatibility characters into their plain forms: full-width letters,
  // the Kelvin sign (U+212A) to K, the long s (U+017F) to s. A look-alike spelling thus
  // maps onto the address it imitates; characters that stay distinct (dotless ı) stay
  // distinct and match nothing. Mail only ever goes to the address stored on the
  // account, so no spelling can deliver to the typed variant.
  const value = raw.trim().normalize('NFKC');
  const isEmail = value.includes('@');
  const email = value.toLowerCase();
  return { value, isEmail, email, limitKey: email };
}
