/**
 * `users-permissions.config.passwordless` in `config/plugins.ts`. Every field is
 * optional there; `resolvePasswordlessConfig` merges it over these defaults and
 * validates it at boot.
 */
export interface RateWindow {
  /** Requests allowed in the window. */
  points: number;
  /** Window length in seconds. */
  durationSeconds: number;
}

export interface EmailTemplates {
  subject: string;
  text: string;
  html: string;
}

/** A locale's templates: the code email's parts, and optionally the locked email's. */
export interface LocaleTemplates extends EmailTemplates {
  locked: Partial<EmailTemplates>;
}

export interface PasswordlessConfig {
  /**
   * Tick both routes for the Public role once, on the first boot that sees this flag.
   * An admin who unticks them later is not overridden.
   * @default false
   */
  grantPublic: boolean;
  /**
   * The Public role's permissions, built once and reused, instead of read and built on
   * every request without a token (users-permissions' own check, about as costly as a
   * whole code request). Applies to every Public route of the project. A change made
   * through Strapi (Settings → Roles, the role API, the query engine) reaches every
   * instance at once: each request reads one version counter. A change made behind
   * Strapi's back (SQL by hand, a restore) reaches them within `maxAgeSeconds`.
   */
  publicRoleCache: {
    /** `PASSWORDLESS_PUBLIC_ROLE_CACHE`. @default false */
    enabled: boolean;
    /** The longest a built set of permissions is used, 1 to 300. @default 5 */
    maxAgeSeconds: number;
  };
  /**
   * Storefront page for magic links (`PASSWORDLESS_LINK_URL`): emails then carry
   * `${linkUrl}?token=...` beside the code. Taken from config only, never from the
   * request's Host or X-Forwarded-Host. Unset: the email has only the code.
   */
  linkUrl?: string;
  /**
   * Sign-up by email: an address with no account gets a code, and the account is
   * created when the code is proven. Usernames never sign up. `signUp: true | false |
   * 'auto'` is short for `{ enabled: ... }`.
   */
  signUp: {
    /** 'auto' follows users-permissions' advanced setting "Enable sign-ups" (allow_register). @default 'auto' */
    enabled: boolean | 'auto';
    /**
     * Emails per hour, for the whole deployment, to addresses that have no account
     * (`PASSWORDLESS_SIGNUP_EMAILS_PER_HOUR`). Above it requests still answer
     * `{ ok: true }` and no email goes out, so nobody can burn the sender's reputation
     * by making it mail arbitrary addresses. Existing accounts are not affected. @default 200
     */
    emailsPerHour: number;
  };
  /**
   * HMAC key for codes and counter keys (`PASSWORDLESS_SECRET`). At least 32 bytes;
   * required in production. Outside production it defaults to a key derived from APP_KEYS.
   */
  secret?: string;
  code: {
    /** Digits in a code, 6 to 10. @default 6 */
    length: number;
    /** Seconds a code stays valid. @default 600 */
    ttlSeconds: number;
    /** Wrong tries a single code survives; then it is dead. @default 5 */
    maxAttempts: number;
  };
  limits: {
    /** Seconds between two codes for one identifier. @default 60 */
    identifierCooldownSeconds: number;
    /** Codes per identifier per hour. @default 5 */
    identifierPerHour: number;
    /** Consecutive failed verifications per identifier before verification locks. New codes do not reset it. @default 10 */
    failureBudget: number;
    /** Seconds over which failures are counted (a success resets the count). @default 86400 */
    failureWindowSeconds: number;
    /** Seconds verification stays locked once the failure budget is spent. @default 900 */
    lockSeconds: number;
    /**
     * Failed codes per account in a row, across lock windows, before codes lock until
     * the owner signs in (by link, or after a password reset). @default 100
     */
    maxConsecutiveFailures: number;
    /** Code requests per client IP. @default { points: 20, durationSeconds: 900 } */
    ipRequest: RateWindow;
    /** Verifications per client IP. @default { points: 20, durationSeconds: 900 } */
    ipVerify: RateWindow;
    /**
     * With `server.proxy` on: how many proxies of yours append to X-Forwarded-For
     * (a load balancer alone: 1). The client IP is the entry that many from the right.
     * @default 1
     */
    trustedProxyHops: number;
  };
  /**
   * Storefront servers that call Strapi for their shoppers (Next.js route handlers,
   * next-auth `authorize`) and may name each shopper's address in the
   * `Passwordless-Forwarded-For` header, so per-IP limits apply per shopper instead of to
   * the server. A server proves itself with a Strapi API token (Settings → API Tokens)
   * whose name is listed here; from anyone else the header is ignored.
   */
  trustedServers: {
    /** Names of the trusted API tokens (`PASSWORDLESS_TRUSTED_API_TOKENS`, comma-separated). @default [] */
    apiTokens: string[];
    /** Code requests per trusted server, over all its shoppers. @default { points: 2000, durationSeconds: 900 } */
    request: RateWindow;
    /** Verifications per trusted server, over all its shoppers. @default { points: 2000, durationSeconds: 900 } */
    verify: RateWindow;
  };
  /**
   * Who may log in, by the address stored on the account: exact addresses and
   * `@domain` entries (`PASSWORDLESS_ALLOW`, `PASSWORDLESS_DENY`, comma-separated).
   * Outsiders get the same 200 and no email. Entries added in the admin page
   * (Settings → Users & Permissions → Passwordless login) apply on top of these.
   */
  access: {
    /** @default [] */
    allow: string[];
    /** @default [] */
    deny: string[];
    /** Whether admins may add allow/deny entries in the admin page; false ignores saved entries. @default true */
    editableInAdmin: boolean;
  };
  /**
   * Optional cookie session: a successful verify also sets the JWT as an HttpOnly
   * cookie, which then authenticates content-API requests that carry no Authorization
   * header. State-changing requests so authenticated must come from `origins`.
   */
  cookie: {
    /** @default false */
    enabled: boolean;
    /** @default 'strapi_jwt' */
    name: string;
    /** @default 'lax' */
    sameSite: 'lax' | 'strict' | 'none';
    /** Send over HTTPS only. @default true in production */
    secure: boolean;
    /** Milliseconds; default: the JWT's own lifetime (users-permissions jwt.expiresIn). */
    maxAge?: number;
    domain?: string;
    /** @default '/' */
    path: string;
    /** Origins allowed to make state-changing cookie-authenticated requests (`PASSWORDLESS_COOKIE_ORIGINS`). Required when enabled. */
    origins: string[];
  };
  cleanup: {
    /** Minutes between removals of used/expired challenges and expired counters (Strapi cron). @default 10 */
    intervalMinutes: number;
  };
  /**
   * Optional Redis for the limit counters (`PASSWORDLESS_REDIS_URL`). Without a url,
   * counters live in Strapi's database. Challenges always live in the database.
   */
  redis: {
    /** e.g. redis://127.0.0.1:6379/0 */
    url?: string;
    /** Prefix of every key, so several apps can share one Redis. @default 'passwordless' */
    keyPrefix: string;
  };
  email: {
    /**
     * `provider` sends through Strapi's email plugin (Amazon SES in production);
     * `log` writes the message, code included, to Strapi's log: development only,
     * refused at boot when NODE_ENV=production.
     * @default 'provider'
     */
    delivery: 'provider' | 'log';
    /** Sender; falls back to the email plugin's `defaultFrom`. */
    from?: string;
    /** Reply-To; falls back to the email plugin's `defaultReplyTo`. */
    replyTo?: string;
    /** Placeholders: <%= CODE %>, <%= URL %> (needs linkUrl), <%= USER.username %>, <%= USER.email %>, <%= EXPIRES_IN_MINUTES %>, <%= APP_NAME %>. */
    subject: string;
    text: string;
    html: string;
    /** <%= APP_NAME %> in templates. @default 'Strapi' */
    appName: string;
    /**
     * Templates per locale (`{ fr: { subject, text, html } }`); the request's `locale`
     * picks one (`fr-CA` falls back to `fr`), else the templates above. Missing parts
     * fall back to the default template's. @default {}
     */
    locales: Record<string, Partial<LocaleTemplates>>;
    /**
     * The email sent instead of a code while codes are locked for the account (too many
     * wrong codes): it says so and carries the sign-in link when `linkUrl` is set.
     * Placeholders as above, except <%= CODE %>.
     */
    locked: EmailTemplates;
    /**
     * Whether admins may edit the code email per locale in the admin page. Saved
     * templates override these; false ignores them and makes the page read-only.
     * @default true
     */
    editableInAdmin: boolean;
    /**
     * Each delivery starts after a random wait of 0 to this many milliseconds, for known
     * and unknown identifiers alike. The work only a real account causes (the challenge
     * write, the provider call) then lands at a random later moment instead of on the
     * requester's next request, whose latency would otherwise tell whether the previous
     * identifier had an account. 0 turns it off. @default 100
     */
    startJitterMs: number;
    /** Milliseconds one delivery attempt may take before it is abandoned. @default 10000 */
    timeoutMs: number;
    /** Further attempts after a failed or timed-out one (same message, same code). @default 2 */
    retries: number;
    /** Wait before the first retry, doubled before each next one. @default 1000 */
    retryDelayMs: number;
  };
}

/** What `config/plugins.ts` may set: any subset of the fields, at any depth. */
export type PasswordlessUserConfig = DeepPartial<Omit<PasswordlessConfig, 'signUp'>> & {
  signUp?: boolean | 'auto' | Partial<PasswordlessConfig['signUp']>;
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
