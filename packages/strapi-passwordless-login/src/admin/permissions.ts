/**
 * users-permissions' own admin actions, as its Email templates and Advanced settings
 * pages use them: no new action to grant, an admin who may edit those may edit these.
 */
const action = (name: string): { action: string; subject: null } => ({
  action: `plugin::users-permissions.${name}`,
  subject: null,
});

export const PERMISSIONS = {
  readTemplates: [action('email-templates.read')],
  updateTemplates: [action('email-templates.update')],
  readSettings: [action('advanced-settings.read')],
  updateSettings: [action('advanced-settings.update')],
  /** The settings link and the page: either read permission opens it (the tabs follow). */
  openPage: [action('advanced-settings.read'), action('email-templates.read')],
};

/** What Strapi 4's page asks helper-plugin's useRBAC for; it answers canReadTemplates, canUpdateTemplates… (Strapi 5's names actions otherwise: strapi-v5/use-rights). */
export const RBAC_CHECKS = {
  readTemplates: PERMISSIONS.readTemplates,
  updateTemplates: PERMISSIONS.updateTemplates,
  readSettings: PERMISSIONS.readSettings,
  updateSettings: PERMISSIONS.updateSettings,
};
