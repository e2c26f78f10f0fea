import type { Strapi } from './strapi-types';

export const AUDIT_EVENTS = {
  requested: 'passwordless.requested',
  succeeded: 'passwordless.succeeded',
  failed: 'passwordless.failed',
  locked: 'passwordless.locked',
  signUpCapped: 'passwordless.signup_capped',
} as const;

export type AuditEvent = (typeof AUDIT_EVENTS)[keyof typeof AUDIT_EVENTS];

/** Who and from where: never the identifier as typed, the code or the token. */
export interface AuditPayload {
  userId: number | null;
  ip: string;
}

/**
 * Emits on Strapi's event hub (webhooks and `strapi.eventHub.on` listeners) and logs at
 * info. A failing listener is logged, never allowed to change the login's answer.
 */
export async function emitAudit(strapi: Strapi, event: AuditEvent, payload: AuditPayload): Promise<void> {
  strapi.log.info(`[${event}] user=${payload.userId ?? '-'} ip=${payload.ip}`);
  try {
    await strapi.eventHub.emit(event, payload);
  } catch (error) {
    strapi.log.warn(`[passwordless] audit listener for ${event} failed: ${(error as Error)?.message}`);
  }
}
