/**
 * A generated secret has many distinct characters and no pattern. Eight is the floor
 * rather than ten because `openssl rand -hex 16` (32 characters from 16) falls under ten
 * about once in 10,000 draws but under eight only about once in 28 million, while a
 * held-down key or a word typed twice stays well below it.
 */
export const MIN_DISTINCT_CHARACTERS = 8;

/**
 * Why a secret long enough for the schema is still obviously guessable, or null. It
 * catches what people type or paste (one character held down, a short pattern repeated,
 * possibly cut short, such as `0123456789` four times), not every weak secret: only a
 * random generator makes a strong one.
 */
export function describeSecretWeakness(secret: string): string | null {
  if (new Set(secret).size < MIN_DISTINCT_CHARACTERS) return `it has fewer than ${MIN_DISTINCT_CHARACTERS} distinct characters`;
  const period = shortestPeriod(secret);
  if (period <= secret.length / 2) return `it is a ${period}-character pattern repeated`;
  return null;
}

/** The shortest p with secret[i] === secret[i + p] everywhere; secret.length when none. */
function shortestPeriod(secret: string): number {
  for (let p = 1; p < secret.length; p += 1) {
    if (secret.slice(p) === secret.slice(0, secret.length - p)) return p;
  }
  return secret.length;
}
