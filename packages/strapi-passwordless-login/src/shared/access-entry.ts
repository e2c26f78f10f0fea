/**
 * An allow/deny entry: an exact address (`jane@example.com`) or a whole domain
 * (`@example.com`), checked on its normalised form. One pattern for config at boot, the
 * admin API and the admin page's early check.
 */
export const ACCESS_ENTRY = /^(@[^@\s]+|[^@\s]+@[^@\s]+)$/;
