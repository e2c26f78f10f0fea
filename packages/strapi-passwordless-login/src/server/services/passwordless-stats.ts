import type { Strapi } from '../utils/strapi-types';
import { getService } from '../utils/get-service';
import { describeError } from '../utils/describe-error';
import { tableOf, type Table } from '../utils/table';
import type { StatsHour } from '../../shared/admin-api';

const STAT_UID = 'plugin::users-permissions.passwordless-stat';
const HOUR_MS = 3_600_000;
// Counts wait in memory at most this long: a sign-in then costs no write of its own, and
// a crash loses at most this many seconds of chart (the counts are not security state).
const FLUSH_EVERY_MS = 10_000;
// The chart shows a day; a week is kept so an admin can look back after a weekend.
const KEEP_HOURS = 24 * 7;

export const STAT_EVENTS = ['requested', 'succeeded', 'failed', 'locked', 'limited'] as const;
export type StatEvent = (typeof STAT_EVENTS)[number];

/**
 * Hourly counts of code requests, sign-ins, failures and locks for the admin chart,
 * shared by every instance through one database row per hour and event.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const pending = new Map<string, { hourStart: number; event: StatEvent; count: number }>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;
  let table: Table<'hourStart' | 'event' | 'total'> | undefined;
  const now = () => getService('passwordless-clock').now();
  const tableName = () => (table ??= tableOf(strapi, STAT_UID, ['hourStart', 'event', 'total']));

  /** Adds each pending count to its row in one upsert per row; counts that fail to land wait for the next flush. */
  const writePending = async (): Promise<void> => {
    const { name, column } = tableName();
    const knex = strapi.db.connection;
    const batch = [...pending.values()];
    pending.clear();
    for (const [index, entry] of batch.entries()) {
      try {
        await knex(name)
          .insert({ [column.hourStart]: entry.hourStart, [column.event]: entry.event, [column.total]: entry.count })
          .onConflict([column.hourStart, column.event])
          .merge({ [column.total]: knex.raw('??.?? + ?', [name, column.total, entry.count]) });
      } catch (error) {
        for (const left of batch.slice(index)) add(left.hourStart, left.event, left.count);
        strapi.log.warn(`[passwordless] activity counts not saved yet: ${describeError(error)}`);
        return;
      }
    }
  };

  const add = (hourStart: number, event: StatEvent, count: number): void => {
    const key = `${hourStart}:${event}`;
    const entry = pending.get(key) ?? { hourStart, event, count: 0 };
    entry.count += count;
    pending.set(key, entry);
  };

  return {
    record(event: StatEvent): void {
      add(Math.floor(now() / HOUR_MS) * HOUR_MS, event, 1);
    },

    /** Writes this instance's pending counts (one flush at a time). */
    async flush(): Promise<void> {
      while (flushing) await flushing;
      if (pending.size === 0) return;
      flushing = writePending().finally(() => {
        flushing = undefined;
      });
      await flushing;
    },

    /** The last 24 hours including the current one, oldest first, every hour present. */
    async lastDay(): Promise<StatsHour[]> {
      await this.flush();
      const current = Math.floor(now() / HOUR_MS) * HOUR_MS;
      const from = current - 23 * HOUR_MS;
      const { name, column } = tableName();
      const rows: Array<{ hourStart: number | string; event: string; total: number | string }> = await strapi.db
        .connection(name)
        .select({ hourStart: column.hourStart, event: column.event, total: column.total })
        .where(column.hourStart, '>=', from);
      const hours: StatsHour[] = Array.from({ length: 24 }, (_, index) => ({
        hour: new Date(from + index * HOUR_MS).toISOString(),
        requested: 0,
        succeeded: 0,
        failed: 0,
        locked: 0,
        limited: 0,
      }));
      for (const row of rows) {
        const slot = hours[(Number(row.hourStart) - from) / HOUR_MS];
        if (slot && (STAT_EVENTS as readonly string[]).includes(row.event)) slot[row.event as StatEvent] += Number(row.total);
      }
      return hours;
    },

    /** Cleanup cron: rows older than a week. */
    async removeOld(): Promise<number> {
      const { name, column } = tableName();
      return strapi.db.connection(name).where(column.hourStart, '<', now() - KEEP_HOURS * HOUR_MS).delete();
    },

    start(): void {
      // writePending logs and keeps what it could not write; anything else is logged here,
      // never left as an unhandled rejection.
      timer ??= setInterval(() => {
        this.flush().catch((error) => strapi.log.warn(`[passwordless] activity counts: ${describeError(error)}`));
      }, FLUSH_EVERY_MS);
      // Never what keeps a process alive (tests, scripts); destroy flushes the rest.
      timer.unref();
    },

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await this.flush().catch(() => undefined);
    },
  };
};
