/**
 * Content-api routes of users-permissions: with `prefix: ''` they sit under /api
 * beside /api/auth/local, and as actions of `auth` they are checkboxes in
 * Settings > Roles, off until an admin (or `grantPublic`) enables them.
 */
interface Route {
  method: string;
  path: string;
  handler: string;
  config: { prefix: string; policies: string[]; middlewares: string[] };
}

const routes: Route[] = [
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

export default routes;

/** Our routes on this platform: Strapi 5 has its own POST /auth/logout, whose action ours wraps. */
export function ownRoutes({ stockLogoutRoute }: { stockLogoutRoute: boolean }): Route[] {
  return stockLogoutRoute ? routes.filter((route) => route.handler !== 'auth.logout') : routes;
}
