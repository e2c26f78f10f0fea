'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { signIn } from 'next-auth/react';
import { decodeSignInError, describeProblem, minutes, type SignInProblem } from '@/lib/sign-in-errors';

/** Asks this app's route handler (not Strapi directly) to email a code. */
async function requestCode(email: string): Promise<SignInProblem | null> {
  try {
    const res = await fetch('/api/passwordless/code', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    if (res.ok) return null;
    const body = await res.json().catch(() => ({}));
    return { code: body.code ?? 'UNKNOWN', retryAfterSeconds: body.retryAfterSeconds };
  } catch {
    return { code: 'NETWORK_ERROR' };
  }
}

/** Seconds left until `until` (a Date.now() value), re-rendering once a second meanwhile. */
function useSecondsLeft(until: number): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (until <= Date.now()) return;
    const timer = setInterval(() => {
      setTick((tick) => tick + 1);
      if (Date.now() >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [step, setStep] = useState<'email' | 'code'>('email');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState(0);
  const secondsLeft = useSecondsLeft(resendAt);

  async function send(): Promise<boolean> {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    const failure = await requestCode(email);
    setBusy(false);
    if (!failure) {
      setNotice(`We sent a code to ${email}.`);
      return true;
    }
    setProblem(describeProblem(failure));
    // The server says when the next code may be asked for; the resend button waits that long.
    if (failure.retryAfterSeconds) setResendAt(Date.now() + failure.retryAfterSeconds * 1000);
    // Limited for this address: an earlier code may still be in the mailbox.
    return failure.code === 'CODE_RATE_LIMITED';
  }

  async function onEmail(event: FormEvent) {
    event.preventDefault();
    if (await send()) setStep('code');
  }

  async function onCode(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setNotice(null);
    const result = await signIn('passwordless-code', { identifier: email, code, redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    const failure = decodeSignInError(result?.error);
    if (failure.code === 'TOO_MANY_ATTEMPTS') return onLocked();
    setBusy(false);
    setProblem(describeProblem(failure));
  }

  /**
   * Codes are locked for this account (too many wrong ones, perhaps not the shopper's).
   * A code request during a lock makes Strapi send an email with a sign-in link instead
   * of a code, so ask for one and point there.
   */
  async function onLocked() {
    const failure = await requestCode(email);
    setBusy(false);
    if (!failure) {
      setProblem(describeProblem({ code: 'TOO_MANY_ATTEMPTS' }));
      return;
    }
    const wait = failure.retryAfterSeconds ?? 60;
    setResendAt(Date.now() + wait * 1000);
    setProblem(`Too many wrong codes for this account. Send yourself a new email in ${minutes(wait)} and use its link.`);
  }

  if (step === 'email') {
    return (
      <>
        <h1>Sign in</h1>
        <p>No password: we email you a one-time code and a sign-in link.</p>
        <form onSubmit={onEmail}>
          <label htmlFor="email">Email</label>
          <input id="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          {problem && <p role="alert">{problem}</p>}
          <button type="submit" disabled={busy}>
            Email me a code
          </button>
        </form>
      </>
    );
  }

  return (
    <>
      <h1>Check your email</h1>
      <p>
        Enter the code we sent to <strong>{email}</strong>, or open the link in the same email.
      </p>
      <form onSubmit={onCode}>
        <label htmlFor="code">Code</label>
        <input
          id="code"
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={10}
          required
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        />
        {problem && <p role="alert">{problem}</p>}
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        <button type="button" className="secondary" disabled={busy || secondsLeft > 0} onClick={() => void send()}>
          {secondsLeft > 0 ? `Send a new code in ${clock(secondsLeft)}` : 'Send a new code'}
        </button>
        <button type="button" className="secondary" onClick={() => setStep('email')}>
          Use another email
        </button>
      </form>
    </>
  );
}
