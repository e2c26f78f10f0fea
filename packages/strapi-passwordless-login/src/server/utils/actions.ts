import { PASSWORDLESS_ACTIONS } from '../controllers/passwordless';
import type { PasswordlessAction } from '../../shared/admin-api';

/** Our actions under users-permissions' `auth`, as Settings → Roles lists them. */
export const ACTION_NAMES = PASSWORDLESS_ACTIONS;

/** The permission uid a role holds for an action (`plugin::users-permissions.auth.logout`). */
export function actionUid(name: PasswordlessAction): string {
  return `plugin::users-permissions.auth.${name}`;
}
