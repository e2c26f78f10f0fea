/** users-permissions' models this extension reads and writes, by their Strapi 4 uid. */
export const USER_UID = 'plugin::users-permissions.user';
export const ROLE_UID = 'plugin::users-permissions.role';
