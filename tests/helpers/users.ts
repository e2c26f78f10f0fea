import { randomUUID } from 'node:crypto';
import { USER_UID } from './strapi';

/** A fresh identity per test: no test sees another's user, code or counter. */
export function newEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 12)}@shop.test`;
}

export interface CreatedUser {
  id: number;
  email: string;
  username: string;
}

export async function createUser(
  strapi: any,
  fields: { email?: string; username?: string; blocked?: boolean; provider?: string; password?: string } = {}
): Promise<CreatedUser> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const email = fields.email ?? newEmail();
  const user = await strapi.plugin('users-permissions').service('user').add({
    username: fields.username ?? `u_${randomUUID().slice(0, 12)}`,
    email,
    provider: fields.provider ?? 'local',
    password: fields.password,
    blocked: fields.blocked ?? false,
    confirmed: false,
    role: role.id,
  });
  return { id: user.id, email: user.email, username: user.username };
}

export async function findUser(strapi: any, id: number): Promise<any> {
  return strapi.db.query(USER_UID).findOne({ where: { id } });
}

/** The code in a delivered email (the only place it exists). */
export function codeFrom(message: { text: string } | undefined): string {
  const match = /\b(\d{6,10})\b/.exec(message?.text ?? '');
  if (!match) throw new Error(`no code in email: ${message?.text}`);
  return match[1];
}
