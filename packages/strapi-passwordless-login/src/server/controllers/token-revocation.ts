import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { claimsOf } from '../utils/jwt';
import { platform } from '../platform';
import type { Action } from '../platform/types';

/**
 * users-permissions' own token-issuing actions honour the account's revocation instant as
 * ours do. JWTs carry `iat` in whole seconds and a revocation refuses every token of its
 * second, so a stock sign-in (`callback`: password and providers) or refresh in the same
 * second as a sign-out everywhere or a password reset would get a token refused for its
 * whole life: it is issued again past the instant. A refresh that rotated a session begun
 * before the revocation (a rotation racing it) is refused instead (platform.endRevokedSession).
 */
export function withRevocation(stock: Record<string, Action>): Record<string, Action> {
  const { callback, refresh } = stock;
  return {
    ...(callback && {
      async callback(ctx: Context, next?: () => Promise<unknown>) {
        const result = await callback(ctx, next);
        await reissueIfRevoked(ctx);
        return result;
      },
    }),
    // Strapi 5's /auth/refresh (Strapi 4 has none).
    ...(refresh && {
      async refresh(ctx: Context, next?: () => Promise<unknown>) {
        const result = await refresh(ctx, next);
        const body = ctx.body as { jwt?: unknown } | undefined;
        if (ctx.status !== 200 || typeof body?.jwt !== 'string') return result;
        const { userId, sessionId } = claimsOf(body.jwt) ?? {};
        const validAfter = await getService('passwordless-sessions').validAfter(Number(userId));
        if (await platform().endRevokedSession(ctx, { userId: Number(userId), sessionId: String(sessionId), validAfter })) return result;
        await reissueIfRevoked(ctx, validAfter);
        return result;
      },
    }),
  };
}

/** Issues the answer's access token again when the account's revocation instant would refuse it. */
export async function reissueIfRevoked(ctx: Context, knownValidAfter?: number): Promise<void> {
  const body = ctx.body as Record<string, unknown> | undefined;
  if (ctx.status !== 200 || typeof body?.jwt !== 'string') return;
  const { iat, id, userId } = claimsOf(body.jwt) ?? {};
  const owner = Number(id ?? userId);
  if (!owner || typeof iat !== 'number') return;
  const sessionsValidAfter = knownValidAfter ?? (await getService('passwordless-sessions').validAfter(owner));
  if (iat * 1000 >= sessionsValidAfter) return;
  ctx.body = await platform().reissue(ctx, { id: owner, sessionsValidAfter }, body);
}
