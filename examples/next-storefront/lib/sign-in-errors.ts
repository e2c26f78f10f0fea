import type { PasswordlessError, PasswordlessErrorCode } from 'strapi-passwordless-login/client';

/** `CODE` or `CODE:seconds`: what crosses next-auth's error redirect. */
export function encodeSignInError(error: PasswordlessError): string {
  return error.retryAfterSeconds ? `${error.code}:${error.retryAfterSeconds}` : error.code;
}

export interface SignInProblem {
  code: PasswordlessErrorCode | 'UNKNOWN';
  retryAfterSeconds?: number;
}

export function decodeSignInError(message: string | null | undefined): SignInProblem {
  const [code, seconds] = (message ?? '').split(':');
  const known = /^[A-Z_]+$/.test(code ?? '') && code !== 'CredentialsSignin';
  return { code: known ? (code as PasswordlessErrorCode) : 'UNKNOWN', retryAfterSeconds: Number(seconds) || undefined };
}

/** "1 minute", "15 minutes": rounded up, never "0 minutes". */
export function minutes(seconds: number): string {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return n === 1 ? '1 minute' : `${n} minutes`;
}

export function describeProblem({ code, retryAfterSeconds = 60 }: SignInProblem): string {
  switch (code) {
    case 'INVALID_CODE':
      return 'That code is wrong or has expired. Check the latest email, or send a new code.';
    case 'TOO_MANY_ATTEMPTS':
      return 'Too many wrong codes for this account. Use the link in the email we just sent.';
    case 'CODE_RATE_LIMITED':
      return `Too many codes asked for this address. Try again in ${minutes(retryAfterSeconds)}.`;
    case 'IP_RATE_LIMITED':
      return `Too many attempts from your network. Try again in ${minutes(retryAfterSeconds)}.`;
    case 'SERVER_RATE_LIMITED':
      return `Sign-in is very busy right now. Try again in ${minutes(retryAfterSeconds)}.`;
    case 'INVALID_BODY':
      return 'Enter an email address and the code from the email.';
    case 'SERVICE_UNAVAILABLE':
    case 'NETWORK_ERROR':
      return 'Sign-in is unavailable right now. Try again in a minute.';
    default:
      return 'Something went wrong. Try again.';
  }
}
