/**
 * The storefront's side of the flow, as every end-to-end test drives it: ask for a code,
 * read it (and the link token) from the delivered email, verify.
 */
import type { TestApp } from './strapi';
import { codeFrom } from './users';

type Headers = Record<string, string>;

export const ask = (app: TestApp, identifier: string, headers: Headers = {}, extra: Record<string, unknown> = {}) =>
  app.http().post('/api/auth/passwordless').set(headers).send({ identifier, ...extra });

export const verify = (app: TestApp, identifier: string, code: string, headers: Headers = {}) =>
  app.http().post('/api/auth/passwordless/verify').set(headers).send({ identifier, code });

export const byToken = (app: TestApp, token: string, headers: Headers = {}) =>
  app.http().post('/api/auth/passwordless/verify').set(headers).send({ token });

/** A code of the right shape that is not `code`. */
export const wrongCode = (code: string, n = 1) => String((Number(code) + n) % 1_000_000).padStart(6, '0');

export interface Delivered {
  subject: string;
  text: string;
  code: string | null;
  token: string | null;
}

/** The newest email to `email`, with its code and link token when it carries them. */
export function lastEmail(app: TestApp, email: string): Delivered {
  const messages = app.ses.to(email);
  const message = messages[messages.length - 1];
  if (!message) throw new Error(`no email to ${email}`);
  const url = /https?:\/\/\S+\?token=\S+/.exec(message.text)?.[0];
  return {
    subject: message.subject,
    text: message.text,
    code: /\b\d{6,10}\b/.test(message.text) ? codeFrom(message) : null,
    token: url ? new URL(url).searchParams.get('token') : null,
  };
}

/** Asks for a code for `identifier` and returns the email that `email` received for it. */
export async function issueCode(app: TestApp, identifier: string, email = identifier): Promise<Delivered> {
  const before = app.ses.to(email).length;
  const res = await ask(app, identifier);
  if (res.status !== 200) throw new Error(`code request answered ${res.status}: ${res.text}`);
  await app.settle();
  if (app.ses.to(email).length !== before + 1) throw new Error(`no new email to ${email}`);
  return lastEmail(app, email);
}

/** Signs in by code and returns the JWT. */
export async function signIn(app: TestApp, email: string): Promise<string> {
  const { code } = await issueCode(app, email);
  const res = await verify(app, email, code!);
  if (res.status !== 200) throw new Error(`verify answered ${res.status}: ${res.text}`);
  return res.body.jwt;
}

/** GET /api/users/me with a JWT. */
export const me = (app: TestApp, jwt: string) => app.http().get('/api/users/me').set('Authorization', `Bearer ${jwt}`);

/** Strapi's error shape with our stable code. */
export function expectError(res: { status: number; body: any }, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.error?.details?.code }).toEqual({ status, code });
  expect(res.body.data).toBeNull();
}
