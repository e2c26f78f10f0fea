import { useRBAC } from '@strapi/strapi/admin';

import type { PageRights } from '../pages/use-page-state';
import { PERMISSIONS } from '../permissions';

/**
 * Strapi 5's useRBAC names each allowed action by the last part of its action only
 * (`…email-templates.read` and `…advanced-settings.read` are both canRead), so each
 * group is asked apart, as users-permissions' own Strapi 5 pages ask for theirs.
 */
export function useRights(): PageRights {
  const templates = useRBAC([...PERMISSIONS.readTemplates, ...PERMISSIONS.updateTemplates]);
  const settings = useRBAC([...PERMISSIONS.readSettings, ...PERMISSIONS.updateSettings]);
  return {
    loading: templates.isLoading || settings.isLoading,
    canReadTemplates: Boolean(templates.allowedActions.canRead),
    canUpdateTemplates: Boolean(templates.allowedActions.canUpdate),
    canReadSettings: Boolean(settings.allowedActions.canRead),
    canUpdateSettings: Boolean(settings.allowedActions.canUpdate),
  };
}
