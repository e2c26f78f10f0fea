/**
 * Every machine-readable code the passwordless routes put in `error.details.code`.
 * Storefronts switch on these, never on `error.message`.
 */
export const ERROR_CODES = {
  /** The body is not `{ identifier }` / `{ identifier, code }` as documented. Fix the request. */
  INVALID_BODY: 'INVALID_BODY',
  /**
   * Wrong, expired, used, superseded or dead code, unknown identifier or blocked user.
   * One code for all of them on purpose: telling them apart would reveal which accounts exist.
   * Fix: ask for a new code.
   */
  INVALID_CODE: 'INVALID_CODE',
  /** Too many failed verifications for this identifier. Wait `Retry-After` seconds. */
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  /** A code was sent to this identifier moments ago, or too many this hour. Wait `Retry-After` seconds. */
  CODE_RATE_LIMITED: 'CODE_RATE_LIMITED',
  /** Too many requests from this client address. Wait `Retry-After` seconds. */
  IP_RATE_LIMITED: 'IP_RATE_LIMITED',
  /**
   * A trusted storefront server (`trustedServers`) spent its own budget of code requests
   * or verifications, over all its shoppers. Wait `Retry-After` seconds, or raise
   * `trustedServers.request` / `verify` if the storefront's traffic is genuine.
   */
  SERVER_RATE_LIMITED: 'SERVER_RATE_LIMITED',
  /**
   * Cookie mode: a verify or logout sent by a page not in `cookie.origins` (or with
   * `Origin: null`), or another state-changing request authenticated by the session
   * cookie from such a page or with neither Origin nor Referer. Fix: send it from the
   * storefront, or list its origin.
   */
  CSRF_ORIGIN_MISMATCH: 'CSRF_ORIGIN_MISMATCH',
  /** `POST /auth/logout` with `{ everywhere: true }` from a request that is not signed in. Send the JWT (or the cookie). */
  NOT_SIGNED_IN: 'NOT_SIGNED_IN',
  /**
   * Strapi 5 refresh mode: the answer would set (or clear) users-permissions' Secure refresh
   * cookie, but the request came over plain HTTP (stock answers 500 there). Nothing was
   * done: the code is not spent, no session ended. Fix: call Strapi over https; behind a TLS proxy set
   * `server.proxy.koa: true`; or set users-permissions `sessions.cookie.secure: false`.
   */
  HTTPS_REQUIRED: 'HTTPS_REQUIRED',
  /** The database (or Redis) holding codes and counters did not answer. Retry later. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/**
 * Codes of the admin page's routes (`/users-permissions/passwordless/…`), in the same
 * `error.details.code`. Only the admin panel sees these.
 */
export const ADMIN_ERROR_CODES = {
  /** A template is refused; `details.errors` lists `{ path, message }` for each (e.g. `locales.fr.subject`). Fix the template. */
  INVALID_TEMPLATE: 'INVALID_TEMPLATE',
  /** An allow/deny entry is neither `name@domain` nor `@domain`; `details.entries` lists them. */
  INVALID_ACCESS_ENTRY: 'INVALID_ACCESS_ENTRY',
  /** Config has its own `access.allow` list: admins may add deny entries only. Remove the allow entries, or edit config. */
  ALLOW_LIST_IN_CONFIG: 'ALLOW_LIST_IN_CONFIG',
  /** Config sets `email.editableInAdmin: false`: templates are edited in config/plugins, not here. */
  TEMPLATES_LOCKED: 'TEMPLATES_LOCKED',
  /** Config sets `access.editableInAdmin: false`: allow/deny entries are edited in config/plugins, not here. */
  ACCESS_LOCKED: 'ACCESS_LOCKED',
  /** More than 5 test emails in 10 minutes from one admin. Wait `Retry-After` seconds. */
  TEST_EMAIL_RATE_LIMITED: 'TEST_EMAIL_RATE_LIMITED',
  /** The test email failed: `error.message` is the email provider's own error. Check the provider's settings. */
  EMAIL_PROVIDER_FAILED: 'EMAIL_PROVIDER_FAILED',
} as const;

export type AdminErrorCode = (typeof ADMIN_ERROR_CODES)[keyof typeof ADMIN_ERROR_CODES];
