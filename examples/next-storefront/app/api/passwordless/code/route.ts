import { NextResponse, type NextRequest } from 'next/server';
import { PasswordlessError } from 'strapi-passwordless-login/client';
import { passwordless, shopperAddress } from '@/lib/strapi';

/**
 * The sign-in form's "email me a code": asked from this server (server mode, with the
 * API token) so that Strapi limits per shopper, not per storefront. Answers
 * { ok: true }, or { code, retryAfterSeconds } with Strapi's status.
 */
export async function POST(request: NextRequest): Promise<NextResponse> {
  // JSON only: a cross-site form cannot send it without a CORS preflight, which this
  // route never answers.
  if (!request.headers.get('content-type')?.startsWith('application/json')) {
    return NextResponse.json({ code: 'INVALID_BODY' }, { status: 415 });
  }
  const body = await request.json().catch(() => null);
  if (typeof body?.email !== 'string') return NextResponse.json({ code: 'INVALID_BODY' }, { status: 400 });
  try {
    await passwordless.requestCode(body.email, {
      locale: typeof body.locale === 'string' ? body.locale : undefined,
      forwardedFor: shopperAddress(request.headers.get('x-forwarded-for')),
    });
    return NextResponse.json({ ok: true });
  } catch (error) {
    if (!(error instanceof PasswordlessError)) throw error;
    const status = error.status >= 400 && error.status < 600 ? error.status : 502;
    return NextResponse.json({ code: error.code, retryAfterSeconds: error.retryAfterSeconds }, { status });
  }
}
