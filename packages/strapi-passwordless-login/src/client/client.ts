import { expectOk, expectRefresh, expectSignIn, networkError, readAnswer, refreshCookieOf } from './response';
import { PasswordlessError } from './errors';
import type { FetchFunction, FetchResponse, PasswordlessClient, PasswordlessClientOptions } from './types';

/** The header that names the shopper's address on a server-mode request. */
const FORWARDED_FOR_HEADER = 'Passwordless-Forwarded-For';

// One address, as a storefront server reads it from its own request: no list (the
// X-Forwarded-For chain must be resolved by the caller) and nothing a header cannot carry.
const SINGLE_ADDRESS = /^[\x21-\x2b\x2d-\x7e]{1,100}$/;

/** users-permissions' default `sessions.cookie.name`. */
const REFRESH_COOKIE = 'strapi_up_refresh';

type HeaderMap = Record<string, string>;

/**
 * A framework-free client for the passwordless routes: in a browser, in Node 18+ and in
 * edge runtimes. Every failure is a `PasswordlessError` with a `code`; setup mistakes
 * (server mode in a browser, `forwardedFor` without it) throw a plain `Error`.
 */
export function createPasswordlessClient(options: PasswordlessClientOptions): PasswordlessClient {
  const base = apiBase(options);
  const apiToken = serverToken(options);
  const fetchImpl = options.fetch ?? globalFetch();
  const refreshCookie = options.refreshCookieName ?? REFRESH_COOKIE;

  async function post(
    path: string,
    body: Record<string, unknown>,
    headers: HeaderMap
  ): Promise<{ body: unknown; status: number; cookieRefreshToken?: string }> {
    let response: FetchResponse;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
        body: JSON.stringify(body),
        // Only when asked for: some edge runtimes (Cloudflare Workers) reject the field.
        ...(options.credentials ? { credentials: options.credentials } : {}),
      });
    } catch (cause) {
      throw networkError(cause);
    }
    const answer = { body: await readAnswer(response), status: response.status };
    // With `credentials` the cookie is the browser's (or the caller's jar) to keep. Without,
    // on a server, nothing would keep Strapi's HttpOnly refresh cookie, so its token is
    // handed to the caller; a browser never exposes Set-Cookie, so there this finds nothing.
    return options.credentials ? answer : { ...answer, cookieRefreshToken: refreshCookieOf(response, refreshCookie) };
  }

  /** Headers of a code request or verify: the API token and shopper's address in server mode. */
  function callerHeaders(forwardedFor: string | undefined): HeaderMap {
    if (forwardedFor !== undefined && apiToken === undefined) {
      throw new Error(
        'forwardedFor needs server mode: createPasswordlessClient({ server: { apiToken } }). ' +
          'Strapi reads the shopper address only from a trusted API token; without one it would be ignored.'
      );
    }
    if (apiToken === undefined) return {};
    if (forwardedFor === undefined) return { Authorization: `Bearer ${apiToken}` };
    if (!SINGLE_ADDRESS.test(forwardedFor)) {
      throw new Error(`forwardedFor must be one IP address (not a list), got ${JSON.stringify(forwardedFor)}`);
    }
    return { Authorization: `Bearer ${apiToken}`, [FORWARDED_FOR_HEADER]: forwardedFor };
  }

  // Bodies are built field by field: the server refuses unknown keys (400 INVALID_BODY),
  // so whatever else a caller's options object holds is never sent.
  return {
    async requestCode(identifier, { locale, forwardedFor } = {}) {
      const headers = callerHeaders(forwardedFor);
      const answer = await post('/auth/passwordless', locale === undefined ? { identifier } : { identifier, locale }, headers);
      expectOk(answer.body, answer.status);
    },

    async verifyCode(identifier, code, { forwardedFor, deviceId } = {}) {
      const answer = await post('/auth/passwordless/verify', withDevice({ identifier, code }, deviceId), callerHeaders(forwardedFor));
      return expectSignIn(answer.body, answer.status, answer.cookieRefreshToken);
    },

    async verifyLink(token, { forwardedFor, deviceId } = {}) {
      const answer = await post('/auth/passwordless/verify', withDevice({ token }, deviceId), callerHeaders(forwardedFor));
      return expectSignIn(answer.body, answer.status, answer.cookieRefreshToken);
    },

    // Stock users-permissions: the refresh token from the cookie (sent with `credentials`),
    // else from the body. Never the API token: it names no session.
    async refresh({ refreshToken } = {}) {
      try {
        const answer = await post('/auth/refresh', refreshToken === undefined ? {} : { refreshToken }, {});
        return expectRefresh(answer.body, answer.status, answer.cookieRefreshToken);
      } catch (error) {
        // Stock answers 400 "Missing refresh token" (no cookie, no body) and 401 for one
        // rotated, revoked or expired: either way there is no session left to refresh.
        if (error instanceof PasswordlessError && error.status === 400 && error.code === 'UNEXPECTED_RESPONSE') {
          throw new PasswordlessError('UNAUTHORIZED', error.message, { status: 400, details: error.details });
        }
        throw error;
      }
    },

    // Never the API token: logout acts on the user's session, named by their JWT or cookie.
    // `everywhere` is ours on both majors (the server maps it to stock `scope: 'all'`).
    async logout({ everywhere, jwt, deviceId, refreshToken } = {}) {
      const headers: HeaderMap = jwt === undefined ? {} : { Authorization: `Bearer ${jwt}` };
      const body = {
        ...(everywhere === true ? { everywhere: true } : {}),
        ...(deviceId === undefined ? {} : { deviceId }),
        ...(refreshToken === undefined ? {} : { refreshToken }),
      };
      const answer = await post('/auth/logout', body, headers);
      expectOk(answer.body, answer.status);
    },
  };
}

/** Adds `deviceId` only when given: Strapi 4 (and legacy mode) refuse the field. */
function withDevice(body: Record<string, unknown>, deviceId: string | undefined): Record<string, unknown> {
  return deviceId === undefined ? body : { ...body, deviceId };
}

function apiBase({ baseUrl, apiPrefix = '/api' }: PasswordlessClientOptions): string {
  if (typeof baseUrl !== 'string') throw new Error('createPasswordlessClient: baseUrl (Strapi’s URL) is required');
  const prefix = apiPrefix.replace(/^\/*/, '/').replace(/\/+$/, '');
  return `${baseUrl.replace(/\/+$/, '')}${prefix}`;
}

function serverToken({ server, baseUrl }: PasswordlessClientOptions): string | undefined {
  if (server === undefined) return undefined;
  if (inBrowserScope()) {
    throw new Error(
      'createPasswordlessClient: server mode runs only on a server. Its API token would be readable by ' +
        'anyone who opens this page (or loads this worker); create the server-mode client in server-only code ' +
        '(route handler, server action, next-auth authorize) and a plain client in the browser.'
    );
  }
  if (typeof server.apiToken !== 'string' || server.apiToken.length === 0) {
    throw new Error('createPasswordlessClient: server.apiToken must be a Strapi API token');
  }
  if (!server.allowHttp && !isHttpsOrLoopback(baseUrl)) {
    throw new Error(
      `createPasswordlessClient: server mode sends an API token, so baseUrl must be https:// (or http:// on ` +
        `localhost, 127.0.0.1 or [::1]), got ${JSON.stringify(baseUrl)}. On a private network you trust ` +
        '(a Docker network, a cluster service), pass server: { apiToken, allowHttp: true }.'
    );
  }
  return server.apiToken;
}

/**
 * Anywhere a user holds the code: a page (window and document), any worker (dedicated,
 * shared and service workers have neither, but all have importScripts), and a React
 * Native app (a window, no document, navigator.product 'ReactNative'). Server runtimes,
 * edge ones included (Cloudflare Workers, Vercel Edge, Deno, Bun), are none of these.
 */
function inBrowserScope(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown; importScripts?: unknown; navigator?: { product?: unknown } };
  return (
    (typeof scope.window !== 'undefined' && typeof scope.document !== 'undefined') ||
    typeof scope.importScripts === 'function' ||
    scope.navigator?.product === 'ReactNative'
  );
}

/** Parsed as the WHATWG URL parser (what fetch uses) reads it: 127.1 is 127.0.0.1, and so on. */
function isHttpsOrLoopback(baseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  // Exactly these: Node resolves `*.localhost` through DNS like any other name.
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function globalFetch(): FetchFunction {
  if (typeof globalThis.fetch !== 'function') {
    throw new Error('createPasswordlessClient: no global fetch here (Node 18+ has one); pass options.fetch');
  }
  // Called through globalThis at call time: a detached `fetch` throws "Illegal invocation"
  // in browsers, and a test or polyfill may replace the global after creation.
  return (input, init) => globalThis.fetch(input, init);
}
