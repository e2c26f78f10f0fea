import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getToken } from 'next-auth/jwt';
import { authOptions } from './auth';

/**
 * The Strapi JWT from Auth.js's encrypted session cookie, for server code only
 * (getServerSession would return the public session object, which leaves it out).
 */
export async function getStrapiJwt(): Promise<string | undefined> {
  // getToken needs only the cookies; headers are left empty so that no Authorization
  // header can stand in for the session cookie.
  const req = { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]['req'];
  const token = await getToken({ req, secret: authOptions.secret });
  return token?.strapiJwt;
}

/** For protected pages: the Strapi JWT, or a redirect to sign-in that comes back here. */
export async function requireStrapiJwt(returnTo: string): Promise<string> {
  const jwt = await getStrapiJwt();
  if (!jwt) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return jwt;
}
