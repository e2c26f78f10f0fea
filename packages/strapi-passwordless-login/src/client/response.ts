import { isServerErrorCode, PasswordlessError, type PasswordlessErrorCode } from './errors';
import type { FetchResponse, RefreshResult, SignInResult } from './types';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Turns a fetch rejection into the one error type. */
export function networkError(cause: unknown): PasswordlessError {
  return new PasswordlessError('NETWORK_ERROR', 'Could not reach Strapi', { status: 0, cause });
}

/**
 * The JSON body of a 2xx answer; any other answer becomes a `PasswordlessError`: our code
 * from `error.details.code` when there is one, otherwise a code for what the status means.
 */
export async function readAnswer(response: FetchResponse): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    // The connection dropped while the body was arriving.
    throw networkError(cause);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.ok && body !== undefined) return body;
  throw errorFromAnswer(response, body);
}

function errorFromAnswer(response: FetchResponse, body: unknown): PasswordlessError {
  const { status } = response;
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  const details = error?.details;
  const serverCode = isObject(details) ? details.code : undefined;
  let code: PasswordlessErrorCode = 'UNEXPECTED_RESPONSE';
  if (isServerErrorCode(serverCode)) code = serverCode;
  else if (status === 403) code = 'FORBIDDEN';
  else if (status === 401) code = 'UNAUTHORIZED';
  const message = typeof error?.message === 'string' ? error.message : `Strapi answered ${status} ${response.statusText}`.trim();
  return new PasswordlessError(code, message, {
    status,
    retryAfterSeconds: status === 429 || status === 503 ? retryAfter(response.headers, details) : undefined,
    details,
  });
}

/**
 * `Retry-After` in seconds or as an HTTP date; else the body's `details.retryAfter`, which
 * a browser can read cross-origin even when CORS does not expose the header.
 */
function retryAfter(headers: FetchResponse['headers'], details: unknown): number | undefined {
  const header = headers.get('Retry-After')?.trim();
  if (header && /^\d+$/.test(header)) return Number(header);
  const date = header ? Date.parse(header) : NaN;
  if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  const fromBody = isObject(details) ? details.retryAfter : undefined;
  return typeof fromBody === 'number' && Number.isFinite(fromBody) && fromBody >= 0 ? Math.ceil(fromBody) : undefined;
}

function unexpected(status: number): PasswordlessError {
  return new PasswordlessError('UNEXPECTED_RESPONSE', 'Strapi answered in an unexpected shape', { status });
}

/** `{ ok: true }`, the answer of a code request and of logout. */
export function expectOk(body: unknown, status: number): void {
  if (!isObject(body) || body.ok !== true) throw unexpected(status);
}

/**
 * `{ jwt, user }` (with `refreshToken` in Strapi 5 refresh mode without the cookie), the
 * answer of a verify; `cookieToken` is the refresh cookie's, read where no cookie jar is.
 */
export function expectSignIn(body: unknown, status: number, cookieToken?: string): SignInResult {
  if (!isObject(body) || typeof body.jwt !== 'string' || !isObject(body.user) || typeof body.user.id !== 'number') {
    throw unexpected(status);
  }
  return { jwt: body.jwt, ...refreshTokenOf(body, status, cookieToken), user: body.user as SignInResult['user'] };
}

/** `{ jwt }` or `{ jwt, refreshToken }`, the answer of `/api/auth/refresh`. */
export function expectRefresh(body: unknown, status: number, cookieToken?: string): RefreshResult {
  if (!isObject(body) || typeof body.jwt !== 'string') throw unexpected(status);
  return { jwt: body.jwt, ...refreshTokenOf(body, status, cookieToken) };
}

function refreshTokenOf(body: Json, status: number, cookieToken: string | undefined): { refreshToken?: string } {
  if (body.refreshToken === undefined) return cookieToken === undefined ? {} : { refreshToken: cookieToken };
  if (typeof body.refreshToken !== 'string') throw unexpected(status);
  return { refreshToken: body.refreshToken };
}

/**
 * The value of the cookie `name` that an answer sets, read as RFC 6265 (5.2) reads a
 * Set-Cookie line: the name-value pair is everything before the first `;`, split at its
 * first `=`, both trimmed. An empty value (a logout clearing it) is no token. Only
 * runtimes that expose Set-Cookie (`Headers.getSetCookie`: Node 18.14+, Deno, Bun, edge
 * runtimes) have it to read; browsers never do.
 */
export function refreshCookieOf(response: FetchResponse, name: string): string | undefined {
  const lines = typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : [];
  let value: string | undefined;
  for (const line of lines) {
    const pair = line.split(';', 1)[0];
    const equals = pair.indexOf('=');
    if (equals !== -1 && pair.slice(0, equals).trim() === name) value = pair.slice(equals + 1).trim();
  }
  return value || undefined;
}
