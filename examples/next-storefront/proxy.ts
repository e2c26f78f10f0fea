import { NextResponse, type NextRequest } from 'next/server';
import { encode, getToken } from 'next-auth/jwt';
import { authOptions } from '@/lib/auth';
import { keepStrapiSessionFresh } from '@/lib/refresh';

// Auth.js's cookie, named as getToken and next-auth name it (the secure prefix over https).
const SECURE = process.env.NEXTAUTH_URL?.startsWith('https://') ?? !!process.env.VERCEL;
const SESSION_COOKIE = `${SECURE ? '__Secure-' : ''}next-auth.session-token`;
const MAX_AGE = authOptions.session?.maxAge ?? 30 * 24 * 60 * 60;

/**
 * Strapi 5 refresh mode: before a page or route handler runs, a Strapi access token about
 * to expire is refreshed, and the session cookie rewritten both for the browser
 * (Set-Cookie) and for this request (server components read it with cookies() but cannot
 * set cookies themselves). Nothing happens for Strapi 4's 30-day JWTs, or signed out.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  // Cookies only: getToken would otherwise also accept an Authorization header.
  const req = { cookies: request.cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]['req'];
  const token = await getToken({ req, secret: authOptions.secret, secureCookie: SECURE });
  if (!token) return NextResponse.next();
  const fresh = await keepStrapiSessionFresh(token);
  if (fresh === token) return NextResponse.next();

  // About 1.5 KB: one cookie (Auth.js splits only past 4 KB).
  const value = await encode({ token: fresh, secret: authOptions.secret!, maxAge: MAX_AGE });
  request.cookies.set(SESSION_COOKIE, value);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', path: '/', secure: SECURE, maxAge: MAX_AGE });
  return response;
}

export const config = {
  // Not Auth.js's own routes (its jwt callback refreshes there) nor static files.
  matcher: ['/((?!api/auth|_next/static|_next/image|favicon.ico).*)'],
};
