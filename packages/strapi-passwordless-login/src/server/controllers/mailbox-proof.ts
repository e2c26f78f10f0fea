import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { USER_UID } from '../utils/uids';

type Action = (ctx: Context, ...rest: unknown[]) => Promise<unknown>;

/**
 * users-permissions' own ways of proving a mailbox, so that they count as proof for
 * our rule (see passwordless-sessions): the confirmation email and the password reset
 * both reach the stored address. Each wraps the original action unchanged.
 */
export function withMailboxProof(auth: Record<string, Action>): Record<string, Action> {
  const { emailConfirmation, resetPassword } = auth;
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
     * (a claimant's JWT from before would otherwise outlive the reset). The JWT in the
     * answer is issued again so the revocation does not refuse it.
     */
    async resetPassword(ctx, ...rest) {
      const body = ctx.request.body as { code?: unknown } | undefined;
      const user = await userWhere({ resetPasswordToken: stringOrNull(body?.code) });
      const result = await resetPassword(ctx, ...rest);
      if (user) {
        const sessions = getService('passwordless-sessions');
        const sessionsValidAfter = await sessions.revokeSessions(user.id, { proven: true });
        await getService('passwordless-limits').clearFailures({ subject: { userId: user.id } });
        ctx.body = { ...(ctx.body as object), jwt: sessions.issueJwt({ id: user.id, sessionsValidAfter }) };
      }
      return result;
    },
  };
}

const stringOrNull = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

async function userWhere(where: Record<string, string | null>): Promise<{ id: number } | null> {
  if (Object.values(where).some((value) => value === null)) return null;
  return strapi.db.query(USER_UID).findOne({ select: ['id'], where });
}
