/**
 * The storefront's side of the flow, as every end-to-end test drives it: ask for a code,
 * read it (and the link token) from the delivered email, verify.
 */
import type { TestApp } from './strapi';
import { codeFrom } from './users';

type Headers = Record<string, string>;
/** Whatever serves the routes: an in-process TestApp, or a child process's Instance. */
type Client = Pick<TestApp, 'http'>;

export const ask = (app: Client, identifier: string, headers: Headers = {}, extra: Record<string, unknown> = {}) =>
  app.http().post('/api/auth/passwordless').set(headers).send({ identifier, ...extra });

export const verify = (app: Client, identifier: string, code: string, headers: Headers = {}) =>
  app.http().post('/api/auth/passwordless/verify').set(headers).send({ identifier, code });

export const byToken = (app: Client, token: string, headers: Headers = {}) =>
  app.http().post('/api/auth/passwordless/verify').set(headers).send({ token });

/** A code of the right shape that is not `code`. */
export const wrongCode = (code: string, n = 1) => String((Number(code) + n) % 1_000_000).padStart(6, '0');

export interface Delivered {
  subject: string;
  text: string;
  code: string | null;
  token: string | null;
  /** The first link in the text part, as written: the magic link when there is one. */
  url: string | null;
}

/** The newest email to `email`, with its code and link token when it carries them. */
export function lastEmail(app: TestApp, email: string): Delivered {
  const messages = app.ses.to(email);
  const message = messages[messages.length - 1];
  if (!message) throw new Error(`no email to ${email}`);
  const url = /https?:\/\/\S+/.exec(message.text)?.[0];
  return {
    subject: message.subject,
    text: message.text,
    code: /\b\d{6,10}\b/.test(message.text) ? codeFrom(message) : null,
    token: url ? new URL(url).searchParams.get('token') : null,
    url: url ?? null,
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

/** Asks for a code for `identifier` and returns the code that `email` received. */
export async function receiveCode(app: TestApp, identifier: string, email = identifier): Promise<string> {
  const { code, text } = await issueCode(app, identifier, email);
  if (code === null) throw new Error(`no code in the email to ${email}: ${text}`);
  return code;
}

/** Signs in by code and returns the JWT. */
export async function signIn(app: TestApp, email: string): Promise<string> {
  const res = await verify(app, email, await receiveCode(app, email));
  if (res.status !== 200) throw new Error(`verify answered ${res.status}: ${res.text}`);
  return res.body.jwt;
}

/** GET /api/users/me with a JWT. */
export const me = (app: Client, jwt: string) => app.http().get('/api/users/me').set('Authorization', `Bearer ${jwt}`);

