import type { Context } from 'koa';
import type { Strapi } from './strapi-types';
import type { AuthStrategy as Strategy } from '../platform/types';
import { getService } from './get-service';
import { describeError } from './describe-error';

type Authentication = Awaited<ReturnType<Strategy['authenticate']>>;

interface Built {
  version: number;
  at: number;
  result: Authentication;
}

/**
 * users-permissions reads the Public role's permissions and builds their ability on every
 * request without a token: one query through the query engine and a CASL build, about as
 * much CPU as a whole code request (npm run bench: the no-op behind the Public role check
 * against the bare no-op). With `publicRoleCache.enabled` the built answer is kept and
 * reused while the permissions version (one counter read, shared by every instance) is
 * unchanged and it is younger than `maxAgeSeconds`. Requests with a token, and the
 * cache switched off, take users-permissions' own path.
 */
export function withPublicRoleCache(strategy: Strategy): Strategy {
  let built: Built | undefined;
  return {
    ...strategy,
    async authenticate(ctx: Context) {
      const { enabled, maxAgeSeconds } = getService('passwordless-settings').get().publicRoleCache;
      if (!enabled || ctx.request.headers.authorization !== undefined) return strategy.authenticate(ctx);
      let version: number;
      try {
        version = await getService('passwordless-limits').permissionsVersion();
      } catch {
        // The counter store is down: users-permissions' own path answers as it would.
        return strategy.authenticate(ctx);
      }
      const now = Date.now();
      if (built && built.version === version && now - built.at < maxAgeSeconds * 1000) return { ...built.result };
      // Read after the version: a change that lands in between is built under the old
      // version, which the next request finds changed (built again, never kept stale).
      const result = await strategy.authenticate(ctx);
      // Only a Public ability is kept: users-permissions answers `authenticated: false` both
      // for a Public role without permissions and when the database fails.
      const publicAbility = Boolean(result?.authenticated && result.credentials === null && result.ability);
      built = publicAbility && result ? { version, at: now, result } : undefined;
      return result;
    },
  };
}

/**
 * Counts a change to roles or permissions on every instance: before the write that made
 * it returns, outside a transaction (so a request sent after an admin's save already sees
 * the new version), and
 * again when the transaction it belongs to commits (counted only before, an instance could
 * read the new version before the change is visible and keep the old permissions under
 * it). A counter store that fails is logged; the change then reaches the caches within
 * maxAgeSeconds.
 */
export async function countPermissionsChange(strapi: Strapi): Promise<void> {
  const count = () =>
    getService('passwordless-limits')
      .countPermissionsChange()
      .catch((error: unknown) => strapi.log.error(`[passwordless] could not count a permissions change: ${describeError(error)}`));
  const db = strapi.db as unknown as {
    inTransaction(): boolean;
    transaction(work: (helpers: { onCommit(done: () => void): void }) => Promise<void>): Promise<void>;
  };
  // Inside a transaction the count goes on beside it: awaited, it would wait for a pooled
  // connection that the transaction may hold (SQLite has one) until the transaction ends.
  if (db.inTransaction()) void count();
  else await count();
  void db.transaction(async ({ onCommit }) => onCommit(() => void count())).catch(() => undefined);
}
