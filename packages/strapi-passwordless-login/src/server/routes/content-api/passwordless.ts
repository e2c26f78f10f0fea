/**
 * Content-api routes of users-permissions: with `prefix: ''` they sit under /api
 * beside /api/auth/local, and as actions of `auth` they are checkboxes in
 * Settings > Roles, off until an admin (or `grantPublic`) enables them.
 */
export default [
  {
    method: 'POST',
    path: '/auth/passwordless',
    handler: 'auth.passwordless',
    config: { prefix: '', policies: [], middlewares: [] },
  },
  {
    method: 'POST',
    path: '/auth/passwordless/verify',
    handler: 'auth.passwordlessVerify',
    config: { prefix: '', policies: [], middlewares: [] },
  },
  {
    method: 'POST',
    path: '/auth/logout',
    handler: 'auth.logout',
    config: { prefix: '', policies: [], middlewares: [] },
  },
];
