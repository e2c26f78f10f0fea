import { NextResponse, type NextRequest } from 'next/server';
import { LINK_COOKIE, LINK_COOKIE_MAX_AGE, LINK_COOKIE_PATH } from '@/lib/link-cookie';

/**
 * The magic link lands here: GET /auth/link?token=…. A GET spends nothing (mail
 * scanners open links); the token moves into an HttpOnly cookie and the browser is sent
 * on to a page without it, where a click POSTs it through next-auth to Strapi.
 * Referrer-Policy keeps the token out of any Referer.
 */
export function GET(request: NextRequest): NextResponse {
  const token = request.nextUrl.searchParams.get('token');
  // A relative Location: behind `next start`, request.url names localhost, not the Host asked for.
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: token ? '/auth/link/finish' : '/sign-in', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' },
  });
  if (token) {
    response.cookies.set(LINK_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.nextUrl.protocol === 'https:',
      path: LINK_COOKIE_PATH,
      maxAge: LINK_COOKIE_MAX_AGE,
    });
  }
  return response;
}
