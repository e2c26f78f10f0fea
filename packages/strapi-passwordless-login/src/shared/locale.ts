/**
 * A BCP 47-shaped locale tag (`fr`, `pt-BR`, `zh-Hant-TW`): the request's `locale`, the
 * keys of `email.locales`, the admin page's locales and its test email are checked
 * against the same pattern.
 */
export const LOCALE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/** The longest tag a request or the admin page may send (config keys are not capped). */
export const MAX_LOCALE_LENGTH = 35;

export function isLocaleTag(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_LOCALE_LENGTH && LOCALE.test(value);
}
