/**
 * The admin page's routes, added to users-permissions' admin routes (so under
 * /users-permissions/passwordless/…, admin JWT only). Each is guarded by one of the
 * plugin's existing admin permissions, so the admin roles that may read or edit its
 * Email templates and Advanced settings pages may do the same here.
 */
const can = (action: string) => ({
  policies: [{ name: 'admin::hasPermissions', config: { actions: [`plugin::users-permissions.${action}`] } }],
});

export default [
  { method: 'GET', path: '/passwordless/status', handler: 'passwordless-admin.status', config: can('advanced-settings.read') },
  { method: 'GET', path: '/passwordless/stats', handler: 'passwordless-admin.stats', config: can('advanced-settings.read') },
  // Sends only to the signed-in admin's own address.
  { method: 'POST', path: '/passwordless/test-email', handler: 'passwordless-admin.testEmail', config: can('email-templates.read') },
  { method: 'GET', path: '/passwordless/templates', handler: 'passwordless-admin.getTemplates', config: can('email-templates.read') },
  { method: 'PUT', path: '/passwordless/templates', handler: 'passwordless-admin.updateTemplates', config: can('email-templates.update') },
  { method: 'GET', path: '/passwordless/access', handler: 'passwordless-admin.getAccess', config: can('advanced-settings.read') },
  { method: 'PUT', path: '/passwordless/access', handler: 'passwordless-admin.updateAccess', config: can('advanced-settings.update') },
];
