/**
 * One normalisation for identifiers, used for lookups and for limit keys alike,
 * so that letter case or stray spaces never open a second bucket.
 */
export interface NormalizedIdentifier {
  /** What the user typed, trimmed (and NFKC-normalised when it is an email). */
  readonly value: string;
  /** True when the identifier looks like an email address. */
  readonly isEmail: boolean;
  /** Lower-cased lookup email, as users-permissions stores emails. */
  readonly email: string;
  /** Key for counters: case-insensitive for every identifier (merging buckets only tightens limits). */
  readonly limitKey: string;
}

export function normalizeIdentifier(raw: string): NormalizedIdentifier {
  const trimmed = raw.trim();
  const isEmail = trimmed.includes('@');
  // NFKC folds full-width and compatibility characters into their plain forms, so a
  // look-alike spelling maps onto the address it imitates. Mail only ever goes to the
  // address stored on the account, so this can never deliver to the typed variant.
  const value = isEmail ? trimmed.normalize('NFKC') : trimmed;
  const email = value.toLowerCase();
  return { value, isEmail, email, limitKey: email };
}
