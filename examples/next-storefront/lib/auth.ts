import 'server-only';
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { PasswordlessError, type SignInResult } from 'strapi-passwordless-login/client';
import { passwordless, shopperAddress } from './strapi';
import { LINK_COOKIE, readCookie } from './link-cookie';
import { encodeSignInError } from './sign-in-errors';

declare module 'next-auth' {
  interface User {
    strapiJwt: string;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    strapiJwt?: string;
  }
}

/**
 * next-auth v4 turns whatever `authorize` throws into `?error=<message>`, which
 * `signIn(..., { redirect: false })` hands back as `result.error`. So the message is the
 * client's stable code (and the seconds to wait), never free text; the page maps it to
 * words (sign-in-errors.ts). Verifying in a route handler of our own first would need a
 * second hand-off to next-auth; this keeps one round trip.
 */
async function signInWith(verify: () => Promise<SignInResult>): Promise<User> {
  try {
    const { jwt, user } = await verify();
    return { id: String(user.id), email: user.email, name: user.username, strapiJwt: jwt };
  } catch (error) {
    throw new Error(error instanceof PasswordlessError ? encodeSignInError(error) : 'UNEXPECTED_RESPONSE');
  }
}

export const authOptions: NextAuthOptions = {
  // Encrypts the session cookie. next-auth refuses to run in production without it;
  // `next dev` gets a fixed one so that the quick start needs no .env.
  secret: process.env.NEXTAUTH_SECRET ?? (process.env.NODE_ENV === 'development' ? 'development-only-secret' : undefined),
  session: { strategy: 'jwt' },
  pages: { signIn: '/sign-in' },
  providers: [
    // next-auth posts its own fields too (csrfToken, callbackUrl, json); Strapi answers
    // 400 INVALID_BODY to unknown keys, so only the named values are passed on.
    CredentialsProvider({
      id: 'passwordless-code',
      credentials: { identifier: {}, code: {} },
      authorize: (credentials, req) =>
        signInWith(() =>
          passwordless.verifyCode(credentials?.identifier ?? '', credentials?.code ?? '', {
            forwardedFor: shopperAddress(req.headers?.['x-forwarded-for']),
          })
        ),
    }),
    // The magic link's token arrives in an HttpOnly cookie set by /auth/link, never in
    // page scripts or the address bar.
    CredentialsProvider({
      id: 'passwordless-link',
      credentials: {},
      authorize: (_credentials, req) => {
        const token = readCookie(req.headers?.cookie, LINK_COOKIE);
        // No cookie: the link was opened longer ago than a code lives, so it has expired.
        if (!token) throw new Error('INVALID_CODE');
        return signInWith(() => passwordless.verifyLink(token, { forwardedFor: shopperAddress(req.headers?.['x-forwarded-for']) }));
      },
    }),
  ],
  callbacks: {
    // The Strapi JWT lives only in Auth.js's encrypted session cookie (HttpOnly). The
    // default session callback exposes name, email and image, nothing else, so
    // useSession() and /api/auth/session never show it.
    jwt({ token, user }) {
      if (user) token.strapiJwt = user.strapiJwt;
      return token;
    },
  },
  events: {
    // A users-permissions JWT has no per-token state: ending "this" session in Strapi
    // means ending all of the account's JWTs issued until now (everywhere).
    async signOut({ token }) {
      if (token?.strapiJwt) await passwordless.logout({ everywhere: true, jwt: token.strapiJwt });
    },
  },
};
