import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Strapi } from '../utils/strapi-types';
import { normalizeIdentifier, type NormalizedIdentifier } from '../utils/identifier';
import { clientIpKey } from '../utils/client-ip';
import { getService } from '../utils/get-service';
import { AUDIT_EVENTS, emitAudit } from '../utils/audit';
import { describeError } from '../utils/describe-error';
import { tableOf, type Table } from '../utils/table';
import { sqlDriver, type SqlDriver } from '../utils/sql-driver';
import { readAccount } from '../utils/account-row';
import type { BudgetSubject, LimitHit } from './passwordless-limits';
import type { Owner } from './passwordless-challenge';
import { USER_UID } from '../utils/uids';

export interface LoginUser {
  id: number;
  email: string;
  username?: string | null;
  blocked?: boolean | null;
  confirmed?: boolean | null;
  [field: string]: unknown;
}

/** What the lookup by identifier reads: enough to decide, not the whole account. */
interface Candidate {
  id: number;
  email: string;
  username?: string | null;
  blocked?: boolean | number | null;
}

/** The requester's address, and the trusted storefront server that named it (see utils/requester). */
export interface RequestInput {
  ip: string;
  server?: string | null;
}

export type VerifyResult =
  | { status: 'verified'; user: LoginUser }
  | { status: 'invalid' }
  | { status: 'limited'; limit: LimitHit };

/**
 * The two use cases, request a code and verify it, free of HTTP. Everything that
 * depends on whether an account exists happens off the request path or costs the
 * same either way, so neither the answer nor its timing tells accounts apart.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const inFlight = new Set<Promise<void>>();

  /**
   * The account an identifier names, as the few columns the decisions need. Plain SQL
   * on the driver: the query engine's conversion of a full row made a hit measurably
   * slower than a miss (SQLite: 184 against 163 µs; these columns: 122 against 120 µs),
   * and knex's building of the same query cost 100 µs more than the statement itself.
   * The full account is read once a code is proven (accountFor).
   */
  let lookup: { byEmail: string; byUsername: string } | undefined;
  const findUser = async (id: NormalizedIdentifier): Promise<Candidate | null> => {
    const sql = await sqlDriver(strapi);
    lookup ??= lookupStatements(sql, tableOf(strapi, USER_UID, ['email', 'username', 'blocked', 'provider']));
    // An identifier with @ names an address and matches emails only: otherwise someone
    // who registered the *username* "victim@shop.test" would receive the code meant
    // for the owner of that address.
    const { rows } = await sql.execute(id.isEmail ? lookup.byEmail : lookup.byUsername, ['local', id.isEmail ? id.email : id.value]);
    const candidates = rows as unknown as Candidate[];
    // The database only proposes: MySQL/MariaDB's *_ci collations ignore case, accents
    // and zero-width characters, so "alice@x\u200b" or "josé@x" would match "alice@x"
    // or "jose@x" there and nowhere else. The exact comparison here decides, the same
    // on every database.
    return candidates.find((user) => (id.isEmail ? user.email?.toLowerCase() === id.email : user.username === id.value)) ?? null;
  };

  /**
   * Blocked users and addresses outside the allow/deny lists get no code and cannot
   * verify one. The policy is taken for every identifier, account or not (see accessPolicy).
   */
  const eligible = async <T extends Candidate>(user: T | null): Promise<T | null> => {
    const permits = await getService('passwordless-settings').accessPolicy();
    return user && !user.blocked && permits(user.email) ? user : null;
  };

  const deliverCode = async (id: NormalizedIdentifier, ip: string, locale: string | undefined): Promise<void> => {
    const user = await eligible(await findUser(id));
    await emitAudit(strapi, AUDIT_EVENTS.requested, { userId: user?.id ?? null, ip });
    const owner = await ownerOf(id, user);
    if (!owner || !(await mayEmail(owner, ip))) return;
    const limits = getService('passwordless-limits');
    const { linkUrl } = getService('passwordless-settings').get();
    // While codes are locked for the account, a code would be useless: the email says
    // so and carries the link, which still signs the owner in (an attacker who locks
    // codes by guessing does not lock the owner out).
    const locked = user ? (await limits.checkFailures({ subject: { userId: user.id } })).lock !== null : false;
    const challenge = locked && !linkUrl ? null : await getService('passwordless-challenge').issueChallenge({ owner, withLink: Boolean(linkUrl) });
    // The address stored on the account, never the one typed; for a sign-up, the
    // normalised address the account will be created with.
    const to = user ?? { email: id.email, username: '' };
    try {
      await getService('passwordless-mailer').sendCode({
        to,
        code: locked ? null : challenge?.code ?? null,
        token: challenge?.token ?? null,
        locale,
      });
    } catch (error) {
      strapi.log.warn(`[passwordless] email to ${user ? `user ${user.id}` : 'a sign-up'} failed: ${describeError(error)}`);
    }
  };

  /**
   * The per-account quota (an account's email and username share it) and, for
   * addresses with no account, the deployment's hourly sign-up cap. Both decided after
   * the response, so the answer stays `{ ok: true }` either way.
   */
  const mayEmail = async (owner: Owner, ip: string): Promise<boolean> => {
    const limits = getService('passwordless-limits');
    if ('userId' in owner) return limits.allowDelivery({ userId: owner.userId });
    if (await limits.allowSignUpEmail()) return true;
    strapi.log.warn('[passwordless] sign-up email cap reached (signUp.emailsPerHour): no email sent to a new address');
    await emitAudit(strapi, AUDIT_EVENTS.signUpCapped, { userId: null, ip });
    return false;
  };

  /** Whose challenge an identifier addresses: its account, its address for a sign-up, or nobody. */
  const ownerOf = async (id: NormalizedIdentifier, user: Candidate | null): Promise<Owner | null> => {
    if (user) return { userId: user.id };
    return (await getService('passwordless-signup').allows(id)) ? { email: id.email } : null;
  };

  /**
   * Whose challenge a verification looks for, decided without a query so that unknown
   * identifiers cost exactly what known ones do: the account, else a sign-up challenge
   * of that address if one was ever issued (none is: the attempt goes to a decoy).
   * Whether the address may still sign up is checked once the code is proven.
   */
  const claimantOf = (id: NormalizedIdentifier, user: Candidate | null): Owner | null => {
    if (user) return { userId: user.id };
    return id.isEmail ? { email: id.email } : null;
  };

  /** The account behind a consumed challenge, read in full (it is the response), or created now for a sign-up. */
  const accountFor = async (owner: Owner): Promise<LoginUser | null> => {
    if ('userId' in owner) return eligible((await readAccount(strapi, owner.userId)) as LoginUser | null);
    // Re-checked at use: lists or settings may have changed since the code was sent.
    if (!(await getService('passwordless-signup').allows(normalizeIdentifier(owner.email)))) return null;
    return (await getService('passwordless-signup').createAccount(owner.email)) as LoginUser;
  };

  const completeLogin = async (user: LoginUser, ip: string): Promise<VerifyResult> => {
    await emitAudit(strapi, AUDIT_EVENTS.succeeded, { userId: user.id, ip });
    const sessions = getService('passwordless-sessions');
    // The first proof of the mailbox takes the account from whoever only claimed the
    // address (anyone can register any address): their password and JWTs stop working.
    // Safe to do here: whoever holds the code or link controls the stored address.
    const proven = sessions.isProven(user)
      ? user
      : { ...user, ...(await sessions.claimForMailboxOwner(user)), password: null, confirmed: true };
    // The tokens are the platform's to issue (platform.signIn): JWT or refresh session.
    return { status: 'verified', user: proven };
  };

  /** Whose failure budget an attempt counts against: the account when there is one. */
  const budgetOf = (id: NormalizedIdentifier, user: Candidate | null): BudgetSubject =>
    user ? { userId: user.id } : { identifier: id.limitKey };

  return {
    /** Returns the limit hit, or null once a delivery is under way. */
    async requestCode({ identifier, ip, server = null, locale }: RequestInput & { identifier: string; locale?: string }): Promise<LimitHit | null> {
      const id = normalizeIdentifier(identifier);
      const hit = await getService('passwordless-limits').limitRequest({
        ip: clientIpKey(ip),
        server,
        identifier: id.limitKey,
      });
      if (hit) return hit;
      // Sending does not decide the response: the lookup, the write and the provider
      // call run after it, for known and unknown identifiers alike, and after a random
      // wait, so that their cost does not land on whichever request comes next.
      const { startJitterMs } = getService('passwordless-settings').get().email;
      const task: Promise<void> = (startJitterMs > 0 ? sleep(randomInt(startJitterMs + 1)) : Promise.resolve())
        .then(() => deliverCode(id, ip, locale))
        .catch((error) => {
          strapi.log.error(`[passwordless] could not issue a code: ${describeError(error)}`);
        })
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
      return null;
    },

    async verifyCode({ identifier, code, ip, server = null }: RequestInput & { identifier: string; code: string }): Promise<VerifyResult> {
      const limits = getService('passwordless-limits');
      const id = normalizeIdentifier(identifier);
      const ipKey = clientIpKey(ip);
      const byIp = await limits.limitVerify({ ip: ipKey });
      if (byIp) return { status: 'limited', limit: byIp };
      // Looked up before the budget, so that the budget is the account's: its email and
      // its username draw on one budget, not two.
      const user = await eligible(await findUser(id));
      const subject = budgetOf(id, user);
      const failures = await limits.checkFailures({ subject });
      if (failures.lock) return { status: 'limited', limit: failures.lock };
      // Last: an attempt another limit refused costs the storefront server's ceiling nothing.
      const byServer = server ? await limits.limitServerVerify({ ip: ipKey, server }) : null;
      if (byServer) return { status: 'limited', limit: byServer };

      const owner = claimantOf(id, user);
      const outcome = await getService('passwordless-challenge').verifyChallenge({ owner, code });
      const account = outcome === 'verified' && owner ? await accountFor(owner) : null;
      if (!account) {
        const lock = await limits.recordFailure({ subject });
        await emitAudit(strapi, AUDIT_EVENTS.failed, { userId: user?.id ?? null, ip });
        if (lock) await emitAudit(strapi, AUDIT_EVENTS.locked, { userId: user?.id ?? null, ip });
        return { status: 'invalid' };
      }
      // Nothing to clear on a first-try success, the usual case: one write fewer. A
      // failure counted concurrently stays counted, which errs on the safe side.
      if (failures.counted > 0) await limits.clearFailures({ subject });
      return completeLogin(account, ip);
    },

    /** A magic-link token from the email: answers exactly like verifyCode. */
    async verifyLink({ token, ip, server = null }: RequestInput & { token: string }): Promise<VerifyResult> {
      const limits = getService('passwordless-limits');
      const ipKey = clientIpKey(ip);
      const limit = (await limits.limitVerify({ ip: ipKey })) ?? (server ? await limits.limitServerVerify({ ip: ipKey, server }) : null);
      if (limit) return { status: 'limited', limit };
      const owner = await getService('passwordless-challenge').verifyToken({ token });
      const user = owner ? await accountFor(owner) : null;
      if (!user) {
        await emitAudit(strapi, AUDIT_EVENTS.failed, { userId: null, ip });
        return { status: 'invalid' };
      }
      // A sign-in ends the run of failures, including the one that locked codes.
      await limits.clearFailures({ subject: { userId: user.id } });
      return completeLogin(user, ip);
    },

    /** Housekeeping (Strapi cron): keeps the challenge and counter tables from growing with traffic. */
    async removeStale(): Promise<{ challenges: number; counters: number }> {
      const challenges = await getService('passwordless-challenge').removeStale();
      const counters = await getService('passwordless-limits').removeExpired();
      await getService('passwordless-stats').removeOld();
      return { challenges, counters };
    },

    /** Resolves once every delivery started so far has finished (shutdown, tests). */
    async settled(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
};

/** The lookup by identifier, as SQL for the driver (aliases quoted: PostgreSQL folds unquoted ones). */
function lookupStatements(sql: SqlDriver, users: Table<'email' | 'username' | 'blocked' | 'provider'>) {
  const q = sql.quote;
  const select = `SELECT ${q('id')} AS ${q('id')}, ${q(users.column.email)} AS ${q('email')}, ${q(users.column.username)} AS ${q('username')}, ${q(users.column.blocked)} AS ${q('blocked')} FROM ${q(users.name)} WHERE ${q(users.column.provider)} = ?`;
  return {
    byEmail: `${select} AND ${q(users.column.email)} = ? LIMIT 10`,
    byUsername: `${select} AND ${q(users.column.username)} = ? LIMIT 10`,
  };
}
