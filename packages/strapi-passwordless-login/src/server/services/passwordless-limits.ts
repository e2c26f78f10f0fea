import type { Strapi } from '../utils/strapi-types';
import { ERROR_CODES, type ErrorCode } from '../error-codes';
import { limiterKey } from '../utils/code';
import { getService } from '../utils/get-service';
import { createDatabaseBackend, createRedisBackend, type CounterRef, type CounterState, type LimiterBackend, type LimiterShape } from '../utils/limiter-store';

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
  requestByIp: LimiterShape;
  verifyByIp: LimiterShape;
  identifierCooldown: LimiterShape;
  identifierHourly: LimiterShape;
  failures: LimiterShape;
  consecutiveFailures: LimiterShape;
  signUpEmails: LimiterShape;
  requestByServer: LimiterShape;
  verifyByServer: LimiterShape;
  adminTestEmails: LimiterShape;
  permissionsVersion: LimiterShape;
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
  const store = (): LimiterBackend => {
    if (!backend) throw new Error('passwordless limits used before bootstrap');
    return backend;
  };
  // A 0 s cooldown means no cooldown (its counter would refuse the first request).
  const cooling = () => getService('passwordless-settings').get().limits.identifierCooldownSeconds > 0;
  // An account's failure budget (in the window) and its run of consecutive failures.
  const budgetOf = (subject: BudgetSubject): CounterRef[] => {
    const { failures, consecutiveFailures } = ready();
    const rlKey = budgetKey(subject);
    return [{ shape: failures, key: rlKey }, { shape: consecutiveFailures, key: rlKey }];
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
        // Not a limit: counts changes to roles and permissions, for the Public role cache
        // (utils/public-role-cache). Never resets; its points are never reached.
        permissionsVersion: { keyPrefix: 'perm-version', points: 2_000_000_000, duration: 0 },
      };
      backend = redis.url
        ? await createRedisBackend({ url: redis.url, keyPrefix: redis.keyPrefix })
        : await createDatabaseBackend(strapi);
      limiters = shapes;
    },

    /**
     * Counts a code request against the client IP, then the identifier (its cooldown and
     * hourly quota in one step), then the trusted server that named the IP, if any;
     * returns the limit hit. Each step runs only when the ones before let the request
     * through, so a refused IP never touches an identifier's counters. The server's
     * ceiling is charged last and only for a request every other limit lets through: one
     * shopper hammering the storefront spends their own limits, not every shopper's.
     */
    async limitRequest({ ip, server = null, identifier }: { ip: string; server?: string | null; identifier: string }): Promise<LimitHit | null> {
      const { requestByIp, requestByServer, identifierCooldown, identifierHourly } = ready();
      const byIp: CounterRef = { shape: requestByIp, key: key('ip', ip) };
      const ipHit = await chargeAll(store(), [byIp], ERROR_CODES.IP_RATE_LIMITED);
      if (ipHit) return ipHit;
      const idKey = key('id', identifier);
      const perIdentifier = [...(cooling() ? [{ shape: identifierCooldown, key: idKey }] : []), { shape: identifierHourly, key: idKey }];
      const idHit = await chargeAll(store(), perIdentifier, ERROR_CODES.CODE_RATE_LIMITED);
      if (idHit || !server) return idHit;
      return chargeCeiling(store(), { shape: requestByServer, key: key('server', server) }, [byIp, ...perIdentifier]);
    },

    /** Counts a verification against the client IP (the trusted server's ceiling comes later: limitServerVerify). */
    async limitVerify({ ip }: { ip: string }): Promise<LimitHit | null> {
      return chargeAll(store(), [{ shape: ready().verifyByIp, key: key('ip', ip) }], ERROR_CODES.IP_RATE_LIMITED);
    },

    /**
     * Charges a trusted server's verify ceiling, once every other limit (per IP, the
     * account's lock) has let the attempt through; when the ceiling refuses, the IP's
     * point is given back, as the attempt never happened.
     */
    async limitServerVerify({ ip, server }: { ip: string; server: string }): Promise<LimitHit | null> {
      const { verifyByIp, verifyByServer } = ready();
      return chargeCeiling(store(), { shape: verifyByServer, key: key('server', server) }, [{ shape: verifyByIp, key: key('ip', ip) }]);
    },

    /**
     * The same cooldown and hourly quota, per account, checked when the email is about
     * to go out (after the response). Requests naming one account by its email and by
     * its username thus share one quota, and the answer cannot tell the two apart (a 429
     * here would link a username to an address). Returns true when the email may go.
     */
    async allowDelivery({ userId }: { userId: number }): Promise<boolean> {
      const { identifierCooldown, identifierHourly } = ready();
      const account = key('acct', String(userId));
      const counters = [...(cooling() ? [{ shape: identifierCooldown, key: account }] : []), { shape: identifierHourly, key: account }];
      return (await chargeAll(store(), counters, ERROR_CODES.CODE_RATE_LIMITED)) === null;
    },

    /** One more email to an address with no account; false once the hourly cap is spent. */
    async allowSignUpEmail(): Promise<boolean> {
      return (await chargeAll(store(), [{ shape: ready().signUpEmails, key: key('signup', 'all') }], ERROR_CODES.CODE_RATE_LIMITED)) === null;
    },

    /** One more test email for this admin; the seconds to wait when the quota is spent. */
    async limitTestEmail({ adminId }: { adminId: number }): Promise<number | null> {
      const hit = await chargeAll(store(), [{ shape: ready().adminTestEmails, key: key('admin', String(adminId)) }], ERROR_CODES.CODE_RATE_LIMITED);
      return hit?.retryAfterSeconds ?? null;
    },

    /** Failures counted in the window, and the lock when the budget (or the consecutive cap) is spent. */
    async checkFailures({ subject }: { subject: BudgetSubject }): Promise<FailureState> {
      const { failures, consecutiveFailures } = ready();
      const [state, run] = await store().read(budgetOf(subject));
      const counted = Math.max(state?.consumed ?? 0, run?.consumed ?? 0);
      if (state && state.consumed > failures.points) {
        return { counted, lock: { code: ERROR_CODES.TOO_MANY_ATTEMPTS, retryAfterSeconds: seconds(state.msBeforeNext) } };
      }
      if (run && run.consumed > consecutiveFailures.points) {
        // No window ends this lock; the nominal wait keeps clients from hammering.
        const { lockSeconds } = getService('passwordless-settings').get().limits;
        return { counted, lock: { code: ERROR_CODES.TOO_MANY_ATTEMPTS, retryAfterSeconds: lockSeconds } };
      }
      return { counted, lock: null };
    },

    /** One more failure; returns the lock when this one spent the budget or the consecutive cap. */
    async recordFailure({ subject }: { subject: BudgetSubject }): Promise<LimitHit | null> {
      const counters = budgetOf(subject);
      const states = await store().charge(counters);
      return firstOver(counters, states, ERROR_CODES.TOO_MANY_ATTEMPTS);
    },

    /** How many times roles or permissions have changed, on any instance (the Public role cache's version). */
    async permissionsVersion(): Promise<number> {
      const [state] = await store().read([{ shape: ready().permissionsVersion, key: 'all' }]);
      return state?.consumed ?? 0;
    },

    /** One more change to roles or permissions. */
    async countPermissionsChange(): Promise<void> {
      await store().charge([{ shape: ready().permissionsVersion, key: 'all' }]);
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
      await store().remove(budgetOf(subject));
    },
  };
};

/** Where the charge first took a counter over its points (-1: nowhere). */
const firstOverAt = (counters: readonly CounterRef[], states: readonly CounterState[]) =>
  counters.findIndex((counter, i) => states[i].consumed > counter.shape.points);

/** The first counter the charge took over its points, as the limit hit to answer with. */
function firstOver(counters: readonly CounterRef[], states: readonly CounterState[], code: ErrorCode): LimitHit | null {
  const over = firstOverAt(counters, states);
  return over === -1 ? null : { code, retryAfterSeconds: seconds(states[over].msBeforeNext) };
}

/**
 * Charges counters in one step; when one refuses, the points of those after it are given
 * back, as if each had been charged only once the ones before let the request through.
 */
async function chargeAll(store: LimiterBackend, counters: readonly CounterRef[], code: ErrorCode): Promise<LimitHit | null> {
  const states = await store.charge(counters);
  const after = counters.slice(firstOverAt(counters, states) + 1);
  const hit = firstOver(counters, states, code);
  if (hit && after.length > 0) await store.charge(after, -1);
  return hit;
}

/** The server's ceiling; when it refuses, the points the request took elsewhere are given back. */
async function chargeCeiling(store: LimiterBackend, ceiling: CounterRef, spent: readonly CounterRef[]): Promise<LimitHit | null> {
  const hit = await chargeAll(store, [ceiling], ERROR_CODES.SERVER_RATE_LIMITED);
  if (hit) await store.charge(spent, -1);
  return hit;
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
