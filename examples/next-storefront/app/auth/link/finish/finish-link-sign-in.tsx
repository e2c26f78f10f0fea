'use client';

import { useState } from 'react';
import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { decodeSignInError, describeProblem } from '@/lib/sign-in-errors';

/**
 * One click spends the link: mail scanners that open (and even render) links must not
 * sign anyone in or burn the token, so nothing happens without the person.
 */
export function FinishLinkSignIn() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function finish() {
    setBusy(true);
    setProblem(null);
    const result = await signIn('passwordless-link', { redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign('/account');
      return;
    }
    setBusy(false);
    const decoded = decodeSignInError(result?.error);
    setProblem(
      decoded.code === 'INVALID_CODE' ? 'This link has expired or was already used. Ask for a new code.' : describeProblem(decoded)
    );
  }

  return (
    <>
      <h1>Sign in</h1>
      <p>You opened a sign-in link from your email.</p>
      {problem ? (
        <>
          <p role="alert">{problem}</p>
          <Link href="/sign-in">Get a new code</Link>
        </>
      ) : (
        <button type="button" onClick={() => void finish()} disabled={busy}>
          Finish signing in
        </button>
      )}
    </>
  );
}
