import type { Strapi } from '../utils/strapi-types';
import { SESSION_FIELDS } from '../content-types/user/session-attributes';
import { platform } from '../platform';

/**
 * users-permissions warns at boot, whenever `register.allowedFields` is unset, that
 * registration accepts every attribute added to the user, ours included. Ours are
 * private, and register never accepts private attributes (nor does anything but this
 * extension write them: see user-lifecycles), so say so right after its warning.
 */
export function explainRegisterWarning(strapi: Strapi): void {
  // Strapi 5's users-permissions prints no such warning (its register takes allowedFields only).
  if (platform().major !== 4) return;
  if (Array.isArray(platform().pluginConfig('users-permissions', 'register.allowedFields'))) return;
  strapi.log.info(
    `[passwordless] ${SESSION_FIELDS.join(', ')} in the warning above are private attributes of this extension: ` +
      'registration never accepts them. Set users-permissions register.allowedFields to silence that warning.'
  );
}
