import type adminSettings from '../services/passwordless-admin-settings';
import type challenge from '../services/passwordless-challenge';
import type clock from '../services/passwordless-clock';
import type limits from '../services/passwordless-limits';
import type mailer from '../services/passwordless-mailer';
import type passwordless from '../services/passwordless';
import type sessions from '../services/passwordless-sessions';
import type settings from '../services/passwordless-settings';
import type signup from '../services/passwordless-signup';
import type stats from '../services/passwordless-stats';
import type status from '../services/passwordless-status';

interface Services {
  passwordless: ReturnType<typeof passwordless>;
  'passwordless-admin-settings': ReturnType<typeof adminSettings>;
  'passwordless-challenge': ReturnType<typeof challenge>;
  'passwordless-clock': ReturnType<typeof clock>;
  'passwordless-limits': ReturnType<typeof limits>;
  'passwordless-mailer': ReturnType<typeof mailer>;
  'passwordless-sessions': ReturnType<typeof sessions>;
  'passwordless-settings': ReturnType<typeof settings>;
  'passwordless-signup': ReturnType<typeof signup>;
  'passwordless-stats': ReturnType<typeof stats>;
  'passwordless-status': ReturnType<typeof status>;
}

export type ServiceName = keyof Services;

/** Typed access to this extension's services, as users-permissions' own `getService`. */
export function getService<K extends ServiceName>(name: K): Services[K] {
  return strapi.plugin('users-permissions').service(name) as Services[K];
}
