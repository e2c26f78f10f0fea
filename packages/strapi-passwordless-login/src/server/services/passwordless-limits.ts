import type { Strapi } from '../utils/strapi-types';
import { RateLimiterRes, type RateLimiterStoreAbstract } from 'rate-limiter-flexible';
import { ERROR_CODES, type ErrorCode } from '../error-codes';
import { limiterKey } from '../utils/code';
import { getService } from '../utils/get-service';
import { createDatabaseBackend, createRedisBackend, type LimiterBackend, type LimiterShape } from '../utils/limiter-store';

/** Test emails an admin may send from the admin page per window. */
export const TEST_EMAILS_PER_WINDOW = 5;
const TEST_EMAIL_WINDOW_SECONDS = 600;

/** A limit that was hit: what to tell the client and when to come back. */
export interface LimitHit {
  code: ErrorCode;
  retryAfterSeconds: number;
}

/** An identifier's failure budget as read before a verification. */
export interface FailureState {
  counted: number;
  lock: LimitHit | null;
}

/**
 * Whose failure budget: the account an identifier resolved to, so an account's email
 * and username share one budget; the normalised identifier when there is no account.
 */
export type BudgetSubject = { userId: number } | { identifier: string };

interface Limiters {
  requestByIp: RateLimiterStoreAbstract;
  verifyByIp: RateLimiterStoreAbstract;
  identifierCooldown: RateLimiterStoreAbstract;
  identifierHourly: RateLimiterStoreAbstract;
  failures: RateLimiterStoreAbstract;
  consecutiveFailures: RateLimiterStoreAbstract;
  signUpEmails: RateLimiterStoreAbstract;
  requestByServer: RateLimiterStoreAbstract;
  verifyByServer: RateLimiterStoreAbstract;
  adminTestEmails: RateLimiterStoreAbstract;
}

/**
 * Request, verify and failure-budget limits. Counters are shared by every Strapi
 * instance through the database; keys are HMACs, so the table holds no emails or IPs.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  let limiters: Limiters | undefined;
  let backend: LimiterBackend | undefined;
  const key = (scope: string, value: string) =>
    limiterKey(getService('passwordless-settings').secretKey(), scope, value);
  const budgetKey = (subject: BudgetSubject) =>
    'userId' in subject ? key('acct', String(subject.userId)) : key('id', subject.identifier);
  const ready = (): Limiters => {
    if (!limiters) throw new Error('passwordless limits used before bootstrap');
    return limiters;
  };

  return {
    async init(): Promise<void> {
      const { limits, redis, signUp, trustedServers } = getService('passwordless-settings').get();
      const shapes: Record<keyof Limiters, LimiterShape> = {
        requestByIp: { keyPrefix: 'req-ip', points: limits.ipRequest.points, duration: limits.ipRequest.durationSeconds },
        verifyByIp: { keyPrefix: 'ver-ip', points: limits.ipVerify.points, duration: limits.ipVerify.durationSeconds },
        // points 0 would block the first request; a 0 s cooldown means no cooldown.
        identifierCooldown: { keyPrefix: 'req-cool', points: 1, duration: Math.max(limits.identifierCooldownSeconds, 1) },
        identifierHourly: { keyPrefix: 'req-hour', points: limits.identifierPerHour, duration: 3600 },
        // The consume that reaches the budget exceeds points and starts the lock.
        failures: {
          keyPrefix: 'fail',
          points: limits.failureBudget - 1,
          duration: limits.failureWindowSeconds,
          blockDuration: limits.lockSeconds,
        },
        // Across lock windows: never expires (duration 0), only a sign-in clears it.
        consecutiveFailures: { keyPrefix: 'fail-run', points: limits.maxConsecutiveFailures - 1, duration: 0 },
        // One counter for the whole deployment: emails to addresses with no account.
        signUpEmails: { keyPrefix: 'signup-mail', points: signUp.emailsPerHour, duration: 3600 },
        // A trusted storefront server's own ceiling, over all the shoppers it names.
        requestByServer: { keyPrefix: 'req-srv', points: trustedServers.request.points, duration: trustedServers.request.durationSeconds },
        verifyByServer: { keyPrefix: 'ver-srv', points: trustedServers.verify.points, duration: trustedServers.verify.durationSeconds },
        // The admin page's test email, per admin: an admin can change their own address at
        // will, so without this the button would mail anyone, as often as clicked.
        adminTestEmails: { keyPrefix: 'admin-test', points: TEST_EMAILS_PER_WINDOW, duration: TEST_EMAIL_WINDOW_SECONDS },
      };
      backend = redis.url
        ? await createRedisBackend({ url: redis.url, keyPrefix: redis.keyPrefix })
        : await createDatabaseBackend(strapi);
      const store = backend;
      limiters = Object.fromEntries(
        Object.entries(shapes).map(([name, shape]) => [name, store.create(shape)])
      ) as unknown as Limiters;
    },

    /**
     * Counts a code request against the client IP and the identifier, then against the
     * trusted server that named the IP, if any; returns the limit hit. The server's
     * ceiling is charged last and only for a request every other limit lets through: one
     * shopper hammering the storefront spends their own limits, not every shopper's.
     */
    async limitRequest({ ip, server = null, identifier }: { ip: string; server?: string | null; identifier: string }): Promise<LimitHit | null> {
      const { requestByIp, requestByServer, identifierCooldown, identifierHourly } = ready();
      const { identifierCooldownSeconds } = getService('passwordless-settings').get().limits;
      const spent: Spent[] = [];
      const charge = async (limiter: RateLimiterStoreAbstract, rlKey: string, code: ErrorCode): Promise<LimitHit | null> => {
        const hit = await consume(limiter, rlKey, code);
        if (!hit) spent.push([limiter, rlKey]);
        return hit;
      };
      const byIp = await charge(requestByIp, key('ip', ip), ERROR_CODES.IP_RATE_LIMITED);
      if (byIp) return byIp;
      if (identifierCooldownSeconds > 0) {
        const cooling = await charge(identifierCooldown, key('id', identifier), ERROR_CODES.CODE_RATE_LIMITED);
        if (cooling) return cooling;
      }
      const hourly = await charge(identifierHourly, key('id', identifier), ERROR_CODES.CODE_RATE_LIMITED);
      if (hourly || !server) return hourly;
      return chargeCeiling(requestByServer, key('server', server), spent);
    },

    /** Counts a verification against the client IP (the trusted server's ceiling comes later: limitServerVerify). */
    async limitVerify({ ip }: { ip: string }): Promise<LimitHit | null> {
      return consume(ready().verifyByIp, key('ip', ip), ERROR_CODES.IP_RATE_LIMITED);
    },

    /**
     * Charges a trusted server's verify ceiling, once every other limit (per IP, the
     * account's lock) has let the attempt through; when the ceiling refuses, the IP's
     * point is given back, as the attempt never happened.
     */
    async limitServerVerify({ ip, server }: { ip: string; server: string }): Promise<LimitHit | null> {
      const { verifyByIp, verifyByServer } = ready();
      return chargeCeiling(verifyByServer, key('server', server), [[verifyByIp, key('ip', ip)]]);
    },

    /**
     * The same cooldown and hourly quota, per account, checked when the email is about
     * to go out (after the response). Requests naming one account by its email and by
     * its username thus share one quota, and the answer cannot tell the two apart (a 429
     * here would link a username to an address). Returns true when the email may go.
     */
    async allowDelivery({ userId }: { userId: number }): Promise<boolean> {
      const { identifierCooldown, identifierHourly } = ready();
      const { identifierCooldownSeconds } = getService('passwordless-settings').get().limits;
      const account = key('acct', String(userId));
      if (identifierCooldownSeconds > 0 && (await consume(identifierCooldown, account, ERROR_CODES.CODE_RATE_LIMITED))) return false;
      return (await consume(identifierHourly, account, ERROR_CODES.CODE_RATE_LIMITED)) === null;
    },

    /** One more email to an address with no account; false once the hourly cap is spent. */
    async allowSignUpEmail(): Promise<boolean> {
      return (await consume(ready().signUpEmails, key('signup', 'all'), ERROR_CODES.CODE_RATE_LIMITED)) === null;
    },

    /** One more test email for this admin; the seconds to wait when the quota is spent. */
    async limitTestEmail({ adminId }: { adminId: number }): Promise<number | null> {
      const hit = await consume(ready().adminTestEmails, key('admin', String(adminId)), ERROR_CODES.CODE_RATE_LIMITED);
      return hit?.retryAfterSeconds ?? null;
    },

    /** Failures counted in the window, and the lock when the budget (or the consecutive cap) is spent. */
    async checkFailures({ subject }: { subject: BudgetSubject }): Promise<FailureState> {
      const { failures, consecutiveFailures } = ready();
      const rlKey = budgetKey(subject);
      const [state, run] = await Promise.all([failures.get(rlKey), consecutiveFailures.get(rlKey)]);
      const counted = Math.max(state?.consumedPoints ?? 0, run?.consumedPoints ?? 0);
      if (state && state.consumedPoints > failures.points) {
        return { counted, lock: { code: ERROR_CODES.TOO_MANY_ATTEMPTS, retryAfterSeconds: seconds(state.msBeforeNext) } };
      }
      if (run && run.consumedPoints > consecutiveFailures.points) {
        // No window ends this lock; the nominal wait keeps clients from hammering.
        const { lockSeconds } = getService('passwordless-settings').get().limits;
        return { counted, lock: { code: ERROR_CODES.TOO_MANY_ATTEMPTS, retryAfterSeconds: lockSeconds } };
      }
      return { counted, lock: null };
    },

    /** One more failure; returns the lock when this one spent the budget or the consecutive cap. */
    async recordFailure({ subject }: { subject: BudgetSubject }): Promise<LimitHit | null> {
      const { failures, consecutiveFailures } = ready();
      const rlKey = budgetKey(subject);
      const inWindow = await consume(failures, rlKey, ERROR_CODES.TOO_MANY_ATTEMPTS);
      const inRun = await consume(consecutiveFailures, rlKey, ERROR_CODES.TOO_MANY_ATTEMPTS);
      return inWindow ?? inRun;
    },

    /** Deletes expired counters; returns how many. */
    async removeExpired(): Promise<number> {
      return backend ? backend.removeExpired() : 0;
    },

    /** Whether the counter store answers (the database, or Redis when configured). */
    async ping(): Promise<boolean> {
      return backend ? backend.ping() : false;
    },

    /** Releases the Redis connection, if any. */
    async close(): Promise<void> {
      await backend?.close();
    },

    /** A sign-in (code, link or password reset) starts both budgets afresh. */
    async clearFailures({ subject }: { subject: BudgetSubject }): Promise<void> {
      const { failures, consecutiveFailures } = ready();
      const rlKey = budgetKey(subject);
      await Promise.all([failures.delete(rlKey), consecutiveFailures.delete(rlKey)]);
    },
  };
};

/** A point a request took from a limiter: given back when a later limit refuses it. */
type Spent = [RateLimiterStoreAbstract, string];

/** The server's ceiling; when it refuses, the points the request took elsewhere are given back. */
async function chargeCeiling(ceiling: RateLimiterStoreAbstract, rlKey: string, spent: Spent[]): Promise<LimitHit | null> {
  const hit = await consume(ceiling, rlKey, ERROR_CODES.SERVER_RATE_LIMITED);
  if (hit) await Promise.all(spent.map(([limiter, spentKey]) => limiter.reward(spentKey, 1)));
  return hit;
}

async function consume(limiter: RateLimiterStoreAbstract, rlKey: string, code: ErrorCode): Promise<LimitHit | null> {
  try {
    await limiter.consume(rlKey);
    return null;
  } catch (rejection) {
    // The library rejects with a RateLimiterRes when over the limit, with an Error when the store fails.
    if (rejection instanceof RateLimiterRes) {
      return { code, retryAfterSeconds: seconds(rejection.msBeforeNext) };
    }
    throw rejection;
  }
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
