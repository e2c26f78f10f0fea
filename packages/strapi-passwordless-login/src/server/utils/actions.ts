import controller from '../controllers/passwordless';
import type { PasswordlessAction } from '../../shared/admin-api';

/** Our actions under users-permissions' `auth`, as Settings → Roles lists them: the controller's own keys. */
export const ACTION_NAMES = Object.keys(controller) as PasswordlessAction[];

/** The permission uid a role holds for an action (`plugin::users-permissions.auth.logout`). */
export function actionUid(name: PasswordlessAction): string {
  return `plugin::users-permissions.auth.${name}`;
}
