/**
 * Two private attributes on users-permissions' user, never returned by the API (private)
 * nor shown in the admin's forms (visible: false):
 * - `mailboxProvenAt`: when someone first proved control of the stored address (code,
 *   magic link, confirmation email, password reset) or an admin created the account.
 *   Until then the account is only *claimed*: anyone can register any address.
 * - `sessionsValidAfter`: JWTs issued before this instant are refused on every route.
 *   Set on "sign out everywhere" and when a mailbox is first proven, which revokes
 *   whatever the claimant held. Kept on a whole second (see sessions service).
 * Epoch milliseconds, as the challenge table keeps times.
 */
export const SESSION_ATTRIBUTES = {
  mailboxProvenAt: { type: 'biginteger', private: true, configurable: false, visible: false },
  sessionsValidAfter: { type: 'biginteger', private: true, configurable: false, visible: false },
} as const;

export const SESSION_FIELDS = Object.keys(SESSION_ATTRIBUTES) as Array<keyof typeof SESSION_ATTRIBUTES>;

interface SchemaWithAttributes {
  attributes: Record<string, unknown>;
}

export function withSessionAttributes<T extends SchemaWithAttributes>(schema: T): T {
  return { ...schema, attributes: { ...schema.attributes, ...SESSION_ATTRIBUTES } };
}
