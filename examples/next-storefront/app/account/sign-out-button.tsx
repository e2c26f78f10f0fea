'use client';

import { signOut } from 'next-auth/react';

/** next-auth's sign-out also signs the account out in Strapi (events.signOut in lib/auth.ts). */
export function SignOutButton() {
  return (
    <form action={() => signOut({ callbackUrl: '/sign-in' })}>
      <button type="submit">Sign out</button>
    </form>
  );
}
