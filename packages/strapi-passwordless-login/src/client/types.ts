/**
 * A users-permissions user as Strapi's content API returns it (private fields such as
 * `password` are never in it). Custom attributes of your user model come through as well.
 */
export interface PasswordlessUser {
  id: number;
  /** Strapi 5's stable identifier of the entry (absent on Strapi 4). */
  documentId?: string;
  username: string;
  email: string;
  provider: string;
  confirmed: boolean;
  blocked: boolean;
  createdAt: string;
  updatedAt: string;
  [attribute: string]: unknown;
}

/** What a successful verify answers: the same as `POST /api/auth/local`. */
export interface SignInResult {
  /** The access token: 30 days on Strapi 4 and in legacy mode, 10 minutes in Strapi 5 refresh mode. */
  jwt: string;
  /**
   * Strapi 5 refresh mode: the session's refresh token, for `refresh()` and `logout()`.
   * From the answer's body, or, on a server (no `credentials` option), from Strapi's
   * HttpOnly refresh cookie, which nothing there would keep. Absent in a browser when
   * Strapi keeps it in the cookie, and on Strapi 4.
   */
  refreshToken?: string;
  user: PasswordlessUser;
}

/** What `refresh()` answers: a new access token, and the rotated refresh token unless a browser keeps it in the cookie. */
export interface RefreshResult {
  jwt: string;
  refreshToken?: string;
}

// fetch's types, spelled out: naming the global `fetch`, `Response` or `RequestCredentials`
// would make the emitted declarations reference Node's types (the package builds with them)
// or the DOM's, and a browser or edge project may have neither.

/** `RequestCredentials`. */
export type Credentials = 'omit' | 'same-origin' | 'include';

/** What the client passes to `fetch`. */
export interface FetchInit {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  credentials?: Credentials;
}

/** The part of a `Response` the client reads. */
export interface FetchResponse {
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null; getSetCookie?(): string[] };
  text(): Promise<string>;
}

/** The global `fetch`, or anything called the same way. */
export type FetchFunction = (url: string, init: FetchInit) => Promise<FetchResponse>;

export interface PasswordlessClientOptions {
  /** Strapi's URL, e.g. `https://cms.example.com`. */
  baseUrl: string;
  /**
   * Strapi's REST prefix (`api.rest.prefix`).
   * @default '/api'
   */
  apiPrefix?: string;
  /**
   * The `fetch` to call (a wrapper that adds headers, a framework's own); any `typeof fetch` fits.
   * @default globalThis.fetch
   */
  fetch?: FetchFunction;
  /**
   * Passed to `fetch`. `'include'` from a browser on another origin than Strapi, for the
   * extension's cookie session (`cookie.enabled`).
   */
  credentials?: Credentials;
  /**
   * users-permissions' refresh cookie (`sessions.cookie.name`). Without `credentials`, a
   * server's client reads the refresh token from it when Strapi answers with the cookie
   * (`sessions.httpOnly`) and returns it as `refreshToken`.
   * @default 'strapi_up_refresh'
   */
  refreshCookieName?: string;
  /**
   * Server mode, for a storefront's server calling Strapi for many shoppers: every code
   * request and verify carries `Authorization: Bearer <apiToken>`, and `forwardedFor`
   * names the shopper's address. Refused in a browser page or worker (the token must never
   * reach one), and over plain http unless Strapi is on this machine.
   */
  server?: {
    apiToken: string;
    /**
     * Allows an `http://` baseUrl on another host: only for a private network you trust
     * (a Docker network, a cluster service), as the API token travels in clear.
     * @default false
     */
    allowHttp?: boolean;
  };
}

export interface RequestCodeOptions {
  /** Picks the email's language (`fr`, `pt-BR`) among the configured `email.locales`. */
  locale?: string;
  /** Server mode only: the shopper's IP address, sent as `Passwordless-Forwarded-For`. */
  forwardedFor?: string;
}

export interface VerifyOptions {
  /** Server mode only: the shopper's IP address, sent as `Passwordless-Forwarded-For`. */
  forwardedFor?: string;
  /** Strapi 5 refresh mode: names the session's device, as for `/api/auth/local` (then `logout({ deviceId })` ends it). */
  deviceId?: string;
}

export interface LogoutOptions {
  /**
   * Every session of the account ends, and every access token issued until now stops
   * working at once, on every device. Strapi 5 refresh mode: the same as `scope: 'all'`.
   */
  everywhere?: boolean;
  /** The user's access token, sent as `Authorization: Bearer`; without it the session cookie is used. */
  jwt?: string;
  /** Strapi 5 refresh mode: the sessions of this device only. */
  deviceId?: string;
  /** Strapi 5 refresh mode without the cookie: the session to end. */
  refreshToken?: string;
}

export interface RefreshOptions {
  /** The refresh token from the sign-in (or the last refresh); omit it in a browser that keeps Strapi's HttpOnly refresh cookie. */
  refreshToken?: string;
}

export interface PasswordlessClient {
  /** Asks for a code (and link) by email. Resolves for every well-formed identifier, account or not. */
  requestCode(identifier: string, options?: RequestCodeOptions): Promise<void>;
  /** Exchanges the emailed code for `{ jwt, user }`. */
  verifyCode(identifier: string, code: string, options?: VerifyOptions): Promise<SignInResult>;
  /** Exchanges the magic link's `token` query parameter for `{ jwt, user }`. */
  verifyLink(token: string, options?: VerifyOptions): Promise<SignInResult>;
  /**
   * Strapi 5 refresh mode: a new access token from `/api/auth/refresh` (stock: the refresh
   * token rotates, the old one stops working). Throws `UNAUTHORIZED` when there is no
   * session to refresh: no refresh token (nor cookie), or one rotated, revoked or expired.
   */
  refresh(options?: RefreshOptions): Promise<RefreshResult>;
  /** Ends this session (and clears the session cookie); with `everywhere`, every session of the account. */
  logout(options?: LogoutOptions): Promise<void>;
}
