import { redirect } from 'next/navigation';
import { requireStrapiJwt } from '@/lib/session';
import { STRAPI_URL } from '@/lib/strapi';
import { SignOutButton } from './sign-out-button';

export const metadata = { title: 'Your account · Storefront' };

interface StrapiUser {
  id: number;
  username: string;
  email: string;
  createdAt: string;
}

/** Server-rendered with the Strapi JWT held in the session cookie; signed out: to sign-in. */
export default async function AccountPage() {
  const jwt = await requireStrapiJwt('/account');
  const res = await fetch(`${STRAPI_URL}/api/users/me`, { headers: { Authorization: `Bearer ${jwt}` }, cache: 'no-store' });
  // 401: Strapi ended the session (signed out everywhere, account blocked or deleted).
  if (res.status === 401) redirect('/sign-in?callbackUrl=%2Faccount');
  if (!res.ok) throw new Error(`Strapi answered ${res.status} to /api/users/me`);
  const me = (await res.json()) as StrapiUser;
  return (
    <>
      <h1>Your account</h1>
      <dl>
        <dt>Email</dt>
        <dd data-testid="account-email">{me.email}</dd>
        <dt>Username</dt>
        <dd>{me.username}</dd>
        <dt>Customer since</dt>
        <dd>{new Date(me.createdAt).toLocaleDateString('en-GB', { dateStyle: 'long' })}</dd>
      </dl>
      <SignOutButton />
    </>
  );
}
