/**
 * Pure helpers for one-time codes: no Strapi in here, so they are tested against
 * known vectors alone.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A source of uniform integers in [min, max); `crypto.randomInt` in production. */
export type RandomInt = (min: number, max: number) => number;

/**
 * A decimal code of `length` digits, leading zeros kept ("004217" is a valid code).
 * `randomInt` is CSPRNG-backed and unbiased; a general-purpose PRNG is neither.
 */
export function generateCode(length: number, random: RandomInt = randomInt): string {
  return String(random(0, 10 ** length)).padStart(length, '0');
}

/**
 * HMAC-SHA256 of a secret value, hex-encoded. The purpose and the owner are part of
 * the message so that a code's digest for one user can never be replayed as
 * another user's, nor a code's digest as a link token's.
 */
export function digestSecret(key: Buffer, purpose: string, owner: string, value: string): string {
  return createHmac('sha256', key).update(`${purpose}\0${owner}\0${value}`).digest('hex');
}

/** A magic-link token: 256 bits from the CSPRNG, URL-safe. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of two hex digests; a length mismatch is simply false. */
export function digestsMatch(expectedHex: string, actualHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  const actual = Buffer.from(actualHex, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A short, non-reversible key for counters, so the limits table holds no emails or IPs. */
export function limiterKey(key: Buffer, scope: string, value: string): string {
  return createHmac('sha256', key).update(`limit\0${scope}\0${value}`).digest('base64url').slice(0, 32);
}
