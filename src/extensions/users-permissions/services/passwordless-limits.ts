import type { Strapi } from '../utils/strapi-types';
import { RateLimiterRes, type RateLimiterStoreAbstract } from 'rate-limiter-flexible';
import { ERROR_CODES, type ErrorCode } from '../error-codes';
import { limiterKey } from '../utils/code';
import { getService } from '../utils/get-service';
import { createDatabaseBackend, createRedisBackend, type LimiterBackend, type LimiterShape } from './limiter-store';

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

interface Limiters {
  requestByIp: RateLimiterStoreAbstract;
  verifyByIp: RateLimiterStoreAbstract;
  identifierCooldown: RateLimiterStoreAbstract;
  identifierHourly: RateLimiterStoreAbstract;
  failures: RateLimiterStoreAbstract;
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
  const ready = (): Limiters => {
    if (!limiters) throw new Error('passwordless limits used before bootstrap');
    return limiters;
  };

  return {
    async init(): Promise<void> {
      const { limits, redis } = getService('passwordless-settings').get();
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
      };
      backend = redis.url
        ? await createRedisBackend({ url: redis.url, keyPrefix: redis.keyPrefix })
        : await createDatabaseBackend(strapi);
      const store = backend;
      limiters = Object.fromEntries(
        Object.entries(shapes).map(([name, shape]) => [name, store.create(shape)])
      ) as unknown as Limiters;
    },

    /** Counts a code request against the client IP and the identifier; returns the limit hit, if any. */
    async limitRequest({ ip, identifier }: { ip: string; identifier: string }): Promise<LimitHit | null> {
      const { requestByIp, identifierCooldown, identifierHourly } = ready();
      const { identifierCooldownSeconds } = getService('passwordless-settings').get().limits;
      const byIp = await consume(requestByIp, key('ip', ip), ERROR_CODES.IP_RATE_LIMITED);
      if (byIp) return byIp;
      if (identifierCooldownSeconds > 0) {
        const cooling = await consume(identifierCooldown, key('id', identifier), ERROR_CODES.CODE_RATE_LIMITED);
        if (cooling) return cooling;
      }
      return consume(identifierHourly, key('id', identifier), ERROR_CODES.CODE_RATE_LIMITED);
    },

    /** Counts a verification against the client IP. */
    async limitVerify({ ip }: { ip: string }): Promise<LimitHit | null> {
      return consume(ready().verifyByIp, key('ip', ip), ERROR_CODES.IP_RATE_LIMITED);
    },

    /** Failures counted in the window, and the lock when the budget is spent. */
    async checkFailures({ identifier }: { identifier: string }): Promise<FailureState> {
      const { failures } = ready();
      const state = await failures.get(key('id', identifier));
      const counted = state?.consumedPoints ?? 0;
      if (state && counted > failures.points) {
        return { counted, lock: { code: ERROR_CODES.TOO_MANY_ATTEMPTS, retryAfterSeconds: seconds(state.msBeforeNext) } };
      }
      return { counted, lock: null };
    },

    /** One more failure; returns the lock when this one spent the budget. */
    async recordFailure({ identifier }: { identifier: string }): Promise<LimitHit | null> {
      return consume(ready().failures, key('id', identifier), ERROR_CODES.TOO_MANY_ATTEMPTS);
    },

    /** Deletes expired counters; returns how many. */
    async removeExpired(): Promise<number> {
      return backend ? backend.removeExpired() : 0;
    },

    /** Releases the Redis connection, if any. */
    async close(): Promise<void> {
      await backend?.close();
    },

    /** A success starts the budget afresh. */
    async clearFailures({ identifier }: { identifier: string }): Promise<void> {
      await ready().failures.delete(key('id', identifier));
    },
  };
};

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
