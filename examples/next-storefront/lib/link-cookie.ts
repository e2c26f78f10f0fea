/**
 * The magic link's token travels from /auth/link to next-auth's callback in this
 * cookie: HttpOnly (no page script sees it), sent only to the callback path, gone after
 * ten minutes (the code's lifetime).
 */
export const LINK_COOKIE = 'passwordless-link';
export const LINK_COOKIE_PATH = '/api/auth/callback/passwordless-link';
export const LINK_COOKIE_MAX_AGE = 600;

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
