import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { USER_UID } from '../utils/uids';
import { platform } from '../platform';
import type { Action } from '../platform/types';

/**
 * users-permissions' own ways of proving a mailbox, so that they count as proof for
 * our rule (see passwordless-sessions): the confirmation email and the password reset
 * both reach the stored address. Each wraps the original action unchanged. With refresh
 * sessions (Strapi 5), a password change ends every session as stock does, and every
 * access token issued before it too.
 */
export function withMailboxProof(auth: Record<string, Action>): Record<string, Action> {
  const { emailConfirmation, resetPassword, changePassword } = auth;
  return {
    /** The mailbox owner accepted the account as it stands. */
    async emailConfirmation(ctx, ...rest) {
      const user = await userWhere({ confirmationToken: stringOrNull(ctx.query?.confirmation) });
      const result = await emailConfirmation(ctx, ...rest);
      if (user) await getService('passwordless-sessions').markProven(user.id);
      return result;
    },

    /**
     * A new password set from the mailbox: proof, and the end of every earlier session
     * (a claimant's JWT from before would otherwise outlive the reset). The token in the
     * answer is issued again so the revocation does not refuse it.
     */
    async resetPassword(ctx, ...rest) {
      const body = ctx.request.body as { code?: unknown } | undefined;
      const user = await userWhere({ resetPasswordToken: stringOrNull(body?.code) });
      const result = await resetPassword(ctx, ...rest);
      if (user) {
        await revokeAndReissue(ctx, user.id, { proven: true });
        await getService('passwordless-limits').clearFailures({ subject: { userId: user.id } });
      }
      return result;
    },

    ...(changePassword && {
      async changePassword(ctx: Context, ...rest: [(() => Promise<unknown>)?]) {
        const result = await changePassword(ctx, ...rest);
        const user = ctx.state.user as { id?: number } | undefined;
        // Stock revokes sessions on a change in refresh mode only; then so do we.
        if (user?.id && ctx.status === 200 && platform().sessionMode() === 'refresh') await revokeAndReissue(ctx, user.id, { proven: false });
        return result;
      },
    }),
  };
}

/** Every token issued until now refused; the answer's own token issued again after that instant. */
async function revokeAndReissue(ctx: Context, userId: number, { proven }: { proven: boolean }): Promise<void> {
  const sessionsValidAfter = await getService('passwordless-sessions').revokeSessions(userId, { proven });
  ctx.body = await platform().reissue(ctx, { id: userId, sessionsValidAfter }, (ctx.body ?? {}) as Record<string, unknown>);
}

const stringOrNull = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

async function userWhere(where: Record<string, string | null>): Promise<{ id: number } | null> {
  if (Object.values(where).some((value) => value === null)) return null;
  return strapi.db.query(USER_UID).findOne({ select: ['id'], where });
}
