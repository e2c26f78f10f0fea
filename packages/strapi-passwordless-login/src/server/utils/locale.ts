/**
 * A BCP 47-shaped locale tag (`fr`, `pt-BR`, `zh-Hant-TW`): the request's `locale` and the
 * keys of `email.locales` are checked against the same pattern.
 */
export const LOCALE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;
