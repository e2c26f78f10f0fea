import 'server-only';
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { PasswordlessError, type SignInResult } from 'strapi-passwordless-login/client';
import { passwordless, shopperAddress } from './strapi';
import { LINK_COOKIE, readCookie } from './link-cookie';
import { encodeSignInError } from './sign-in-errors';
import { keepStrapiSessionFresh } from './refresh';

declare module 'next-auth' {
  interface User {
    strapiJwt: string;
    strapiRefreshToken?: string;
  }
  interface Session {
    /** The Strapi session ended (a refresh was refused): sign in again. */
    error?: 'SessionEnded';
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    strapiJwt?: string;
    /** Strapi 5 refresh mode only. */
    strapiRefreshToken?: string;
    error?: 'SessionEnded';
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
    const { jwt, refreshToken, user } = await verify();
    return { id: String(user.id), email: user.email, name: user.username, strapiJwt: jwt, strapiRefreshToken: refreshToken };
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
    // The Strapi tokens live only in Auth.js's encrypted session cookie (HttpOnly). The
    // session object (useSession(), /api/auth/session) gets name, email and image, and
    // `error` once the Strapi session has ended, never a token.
    jwt({ token, user }) {
      if (user) return { ...token, strapiJwt: user.strapiJwt, strapiRefreshToken: user.strapiRefreshToken, error: undefined };
      // Auth.js's own routes (the session endpoint behind useSession()) refresh here;
      // pages and route handlers are kept fresh before they run, by proxy.ts.
      return keepStrapiSessionFresh(token);
    },
    session({ session, token }) {
      if (token.error) session.error = token.error;
      return session;
    },
  },
  events: {
    // Sign-out everywhere: every session of the account ends and every access token
    // issued until now is refused at once (README: sign-out). Strapi 4 has nothing
    // narrower; on Strapi 5 ending only this session would leave its access token valid
    // until it expires. The proxy does not run for Auth.js's routes, so an access token
    // that has expired meanwhile is refreshed first: it would not be let in to sign out.
    async signOut({ token }) {
      const current = token ? await keepStrapiSessionFresh(token) : undefined;
      if (current?.strapiJwt) await passwordless.logout({ everywhere: true, jwt: current.strapiJwt });
    },
  },
};
