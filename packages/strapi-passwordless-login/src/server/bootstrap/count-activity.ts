import type { Strapi } from '../utils/strapi-types';
import { getService } from '../utils/get-service';
import { AUDIT_EVENTS } from '../utils/audit';
import type { StatEvent } from '../services/passwordless-stats';

const COUNTED: Record<string, StatEvent> = {
  [AUDIT_EVENTS.requested]: 'requested',
  [AUDIT_EVENTS.succeeded]: 'succeeded',
  [AUDIT_EVENTS.failed]: 'failed',
  [AUDIT_EVENTS.locked]: 'locked',
};

/**
 * The admin chart counts the audit events the flow already emits, as any listener of
 * Strapi's event hub would: the login code does not know the chart exists.
 */
export function countActivity(strapi: Strapi): void {
  const stats = getService('passwordless-stats');
  for (const [event, counted] of Object.entries(COUNTED)) strapi.eventHub.on(event, async () => stats.record(counted));
  stats.start();
}
