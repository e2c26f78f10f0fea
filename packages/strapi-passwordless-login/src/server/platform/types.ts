import type { Context } from 'koa';
import type { Strapi } from '../utils/strapi-types';
import type { SessionFields } from '../services/passwordless-sessions';

/** users-permissions' content-API strategy, as both majors register it. */
export interface AuthStrategy {
  name: string;
  authenticate(ctx: Context): Promise<{ authenticated?: boolean; credentials?: Record<string, unknown> | null; ability?: unknown; error?: string } | undefined>;
  verify?: (...args: unknown[]) => unknown;
}

/** Where users-permissions registers that strategy. */
export interface AuthContainer {
  register(type: string, strategy: AuthStrategy): unknown;
}

/** A users-permissions controller action. */
export type Action = (ctx: Context, next?: () => Promise<unknown>) => Promise<unknown>;

/**
 * What differs between Strapi 4 and 5, and nothing else: the core (limits, challenges,
 * mailer, templates, access, stats) talks to this and never asks which major it runs on.
 * One implementation per major (strapi-v4/, strapi-v5/), chosen once by withPasswordless.
 */
export interface Platform {
  readonly major: 4 | 5;
  /** Where Strapi keeps the resolved config (read on every request: no deprecation path). */
  readonly configPath: string;
  /** A plugin's config value by its path below the plugin (`email`, `provider`). */
  pluginConfig(plugin: string, path: string): unknown;
  /** The container users-permissions registers its content-API strategy in. */
  authContainer(strapi: Strapi): AuthContainer;
  /** The package whose error middleware decides a 4xx by `instanceof` (@strapi/strapi on 4, @strapi/core on 5). */
  readonly corePackage: string;
  /** The name of Strapi's API-token strategy in `ctx.state.auth` (Settings → API Tokens). */
  readonly apiTokenStrategy: string;
  /** Whether stock users-permissions serves POST /auth/logout itself (Strapi 5). */
  readonly stockLogoutRoute: boolean;
  /** The session model in use: JWTs only, or users-permissions' refresh sessions (Strapi 5 `jwtManagement: 'refresh'`). */
  sessionMode(): 'jwt' | 'refresh';
  /** Whether this request's sign-in sets users-permissions' refresh cookie (refresh mode, `sessions.httpOnly` or the request's header). */
  setsRefreshCookie(ctx: Context): boolean;
  /**
   * Why an answer that sets or clears the refresh cookie could not be sent here (the
   * cookie is Secure and the request came over plain HTTP), asked before a code is spent
   * or a session ended; null when it can.
   */
  refreshCookieRefusal(ctx: Context): string | null;
  /**
   * The tokens of a sign-in, as /api/auth/local answers them in this project (`{ jwt }`,
   * or `{ jwt, refreshToken }`), setting the cookie stock sets. The account's revocation
   * instant must accept the new access token.
   */
  signIn(ctx: Context, user: SessionFields): Promise<Record<string, unknown>>;
  /** Access token(s) again after a revocation at `sessionsValidAfter` (password reset), replacing those in `body`. */
  reissue(ctx: Context, user: SessionFields, body: Record<string, unknown>): Promise<Record<string, unknown>>;
  /**
   * After stock /auth/refresh rotated a session: ends it and answers 401 when its family
   * began before the account's revocation (a rotation that raced it). True when it did.
   */
  endRevokedSession(ctx: Context, session: { userId: number; sessionId: string; validAfter: number }): Promise<boolean>;
  /** The user as /api/auth/local returns it. */
  sanitizeUser(ctx: Context, user: Record<string, unknown>): Promise<unknown>;
  /** Ends every refresh session of the account, where they exist. */
  endSessions(userId: number): Promise<void>;
  /** Runs users-permissions' own bootstrap (Strapi 5: with its session secret made a key once; strapi-v5/session-key). */
  bootstrapUsersPermissions(run: () => Promise<unknown> | unknown): Promise<void>;
}
