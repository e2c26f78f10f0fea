/**
 * Strapi admins as the admin panel has them: a role with some of users-permissions'
 * admin permissions, a user in it, and the admin JWT the panel would send.
 */
import { randomUUID } from 'node:crypto';
import { STRAPI_MAJOR } from './host';

export const UP_ADMIN_ACTIONS = {
  templatesRead: 'plugin::users-permissions.email-templates.read',
  templatesUpdate: 'plugin::users-permissions.email-templates.update',
  advancedRead: 'plugin::users-permissions.advanced-settings.read',
  advancedUpdate: 'plugin::users-permissions.advanced-settings.update',
} as const;

export interface TestAdmin {
  email: string;
  /** `Authorization` header value for admin routes. */
  auth: string;
}

/** An admin whose role has exactly `actions` (or Super Admin with `'super'`). */
export async function createAdmin(strapi: any, actions: string[] | 'super'): Promise<TestAdmin> {
  const roles = strapi.admin.services.role;
  const role =
    actions === 'super'
      ? await roles.getSuperAdmin()
      : await roles.create({ name: `test-${randomUUID().slice(0, 8)}`, description: 'test role' });
  if (actions !== 'super') {
    await roles.assignPermissions(role.id, actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] })));
  }
  const email = `admin-${randomUUID().slice(0, 8)}@shop.test`;
  const user = await strapi.admin.services.user.create({
    email,
    firstname: 'Ada',
    lastname: 'Admin',
    password: 'Passw0rd!Passw0rd',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  return { email, auth: `Bearer ${await adminToken(strapi, user)}` };
}

/** The access token the admin panel would hold: a JWT on Strapi 4, a session's access token on Strapi 5. */
async function adminToken(strapi: any, user: { id: number }): Promise<string> {
  if (STRAPI_MAJOR === 4) return strapi.admin.services.token.createJwtToken(user);
  const sessions = strapi.sessionManager('admin');
  const { token } = await sessions.generateRefreshToken(String(user.id), undefined, { type: 'session' });
  return (await sessions.generateAccessToken(token)).token;
}
