import type { ErrorCode } from '../server/error-codes';

/**
 * Codes the client gives itself, for answers that carry none of the server's:
 * - `FORBIDDEN`: 403 without a code. The action is not enabled for the role in
 *   Settings → Users & Permissions → Roles (Public: `passwordless`, `passwordlessVerify`, `logout`).
 * - `UNAUTHORIZED`: 401 without a code. The JWT (or API token) sent was refused: expired,
 *   signed out everywhere, or not a token at all.
 * - `NETWORK_ERROR`: `fetch` rejected (Strapi unreachable, DNS, CORS, offline).
 * - `UNEXPECTED_RESPONSE`: an answer that is not JSON or not the documented shape (a wrong
 *   `baseUrl` or `apiPrefix`, a proxy's error page, a 500).
 */
export type ClientErrorCode = 'FORBIDDEN' | 'UNAUTHORIZED' | 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

/** Every `code` a `PasswordlessError` can carry: the server's `ERROR_CODES` and the client's own. */
export type PasswordlessErrorCode = ErrorCode | ClientErrorCode;

// The server's codes at runtime, so that `code` never holds a value outside the union (a
// newer server's code falls back to the status). The import above is type-only, so a
// browser bundle pulls no server file; `Record<ErrorCode, true>` makes tsc fail here when
// error-codes.ts gains a code this list lacks.
const SERVER_CODES: Record<ErrorCode, true> = {
  INVALID_BODY: true,
  INVALID_CODE: true,
  TOO_MANY_ATTEMPTS: true,
  CODE_RATE_LIMITED: true,
  IP_RATE_LIMITED: true,
  SERVER_RATE_LIMITED: true,
  CSRF_ORIGIN_MISMATCH: true,
  NOT_SIGNED_IN: true,
  HTTPS_REQUIRED: true,
  SERVICE_UNAVAILABLE: true,
};

export function isServerErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SERVER_CODES, value);
}

export interface PasswordlessErrorOptions {
  /** The HTTP status; 0 when no answer arrived (`NETWORK_ERROR`). */
  status: number;
  retryAfterSeconds?: number;
  details?: unknown;
  cause?: unknown;
}

/** The one error the client throws for an answer that is not a success, or no answer at all. */
export class PasswordlessError extends Error {
  readonly code: PasswordlessErrorCode;
  readonly status: number;
  /** Seconds to wait before trying again, on 429 and 503 answers. */
  readonly retryAfterSeconds?: number;
  /** Strapi's `error.details` when the answer had them. */
  readonly details?: unknown;

  constructor(code: PasswordlessErrorCode, message: string, options: PasswordlessErrorOptions) {
    super(message);
    this.name = 'PasswordlessError';
    this.code = code;
    this.status = options.status;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
    if (options.details !== undefined) this.details = options.details;
    // Set by hand: `new Error(message, { cause })` is ES2022, and the client targets ES2020.
    if (options.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause, configurable: true, writable: true });
  }
}
