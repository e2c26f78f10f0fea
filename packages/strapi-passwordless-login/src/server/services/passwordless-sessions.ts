import type { Strapi } from '../utils/strapi-types';
import { platform } from '../platform';
import { tableOf, type Table } from '../utils/table';
import { USER_UID } from '../utils/uids';

const ATTRIBUTES = ['mailboxProvenAt', 'sessionsValidAfter', 'password', 'confirmed'] as const;

/** What the session rules read from an account row (the query engine's attribute names). */
export interface SessionFields {
  id: number;
  mailboxProvenAt?: number | string | null;
  sessionsValidAfter?: number | string | null;
}

/**
 * JWTs carry `iat` in whole seconds, so revocation is kept on a whole second too: the
 * next one. Every token issued up to and including the current second is refused
 * (a login racing the revocation in the same second cannot slip through), and tokens
 * we issue afterwards carry that next second as `iat` (see issueUserJwt). Those may
 * already exist when the next revocation comes within the same second, so a new
 * instant is always at least one second past the previous one.
 */
const nextValidAfter = (at: number, previous: number | string | null | undefined) =>
  Math.max((Math.floor(at / 1000) + 1) * 1000, Number(previous ?? 0) + 1000);

/**
 * Account sessions: proof of the mailbox and revocation ("sessions valid after"); the
 * tokens that honour it are the platform's (platform.signIn). Writes go straight to the users table: the user lifecycle
 * refuses these attributes from everyone else (see bootstrap/user-lifecycles).
 */
export default ({ strapi }: { strapi: Strapi }) => {
  let schema: Table<(typeof ATTRIBUTES)[number]> | undefined;
  const meta = () => (schema ??= tableOf(strapi, USER_UID, ATTRIBUTES));
  const column = (attribute: (typeof ATTRIBUTES)[number]) => meta().column[attribute];
  const users = () => strapi.db.connection(meta().name);

  return {
    isProven(user: SessionFields): boolean {
      return Number(user.mailboxProvenAt ?? 0) > 0;
    },

    /**
     * The first proof of the mailbox on a merely claimed account: whoever registered the
     * address before (anyone can) loses what they set up. The password goes (the owner
     * sets one again through forgot-password if they want one), every JWT issued so far
     * is refused, and the account counts as confirmed. Returns the fields as written.
     */
    async claimForMailboxOwner(user: SessionFields): Promise<Required<SessionFields>> {
      const at = Date.now();
      const fields = { id: user.id, mailboxProvenAt: at, sessionsValidAfter: nextValidAfter(at, user.sessionsValidAfter) };
      await users()
        .where('id', user.id)
        .update({
          [column('mailboxProvenAt')]: fields.mailboxProvenAt,
          [column('sessionsValidAfter')]: fields.sessionsValidAfter,
          [column('password')]: null,
          [column('confirmed')]: true,
        });
      // Strapi 5 refresh mode: the claimant's refresh sessions end too, after the password
      // is gone (a session rotating meanwhile is refused on refresh: see strapi-v5).
      await platform().endSessions(user.id);
      return fields;
    },

    /** The account's revocation instant (0: none). */
    async validAfter(userId: number): Promise<number> {
      const row = await users().where('id', userId).first(column('sessionsValidAfter'));
      return Number(row?.[column('sessionsValidAfter')] ?? 0);
    },

    /** Marks the mailbox proven without touching anything else (confirmation email, admin-created). */
    async markProven(userId: number): Promise<void> {
      await users().where('id', userId).whereNull(column('mailboxProvenAt')).update({ [column('mailboxProvenAt')]: Date.now() });
    },

    /** "Sign out everywhere": every JWT of the account issued until now stops working. Returns the new instant. */
    async revokeSessions(userId: number, { proven = false }: { proven?: boolean } = {}): Promise<number> {
      const at = Date.now();
      const current = await users().where('id', userId).first(column('sessionsValidAfter'));
      const validAfter = nextValidAfter(at, current?.[column('sessionsValidAfter')]);
      await users()
        .where('id', userId)
        .update({
          [column('sessionsValidAfter')]: validAfter,
          ...(proven ? { [column('mailboxProvenAt')]: strapi.db.connection.raw('COALESCE(??, ?)', [column('mailboxProvenAt'), at]) } : {}),
        });
      return validAfter;
    },
  };
};
