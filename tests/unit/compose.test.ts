import { withPasswordless, type UsersPermissionsPlugin } from '../../packages/strapi-passwordless-login/src/server';

/** users-permissions as Strapi 4 hands it to strapi-server, reduced to what the extension touches. */
function usersPermissions(): UsersPermissionsPlugin {
  return {
    contentTypes: { user: { schema: { attributes: { email: { type: 'email' } } } } },
    services: { jwt: {} },
    controllers: { auth: { callback: async () => undefined, register: async () => undefined } },
    routes: {
      'content-api': { routes: [{ method: 'POST', path: '/auth/local', handler: 'auth.callback' }] },
      admin: { routes: [{ method: 'GET', path: '/advanced', handler: 'settings.getAdvancedSettings' }] },
    },
  };
}

/** A project's own extension: an extra action and route, as people write them. */
function projectExtension(plugin: UsersPermissionsPlugin): UsersPermissionsPlugin {
  plugin.controllers.auth.hello = async () => undefined;
  plugin.routes['content-api'].routes.push({ method: 'GET', path: '/auth/hello', handler: 'auth.hello' });
  return plugin;
}

/** The Strapi that loads the extension, as far as choosing a platform reads it. */
function strapiOf(version: string): void {
  (global as any).strapi = { config: { get: (key: string) => (key === 'info.strapi' ? version : undefined) } };
}

describe('withPasswordless(plugin)', () => {
  beforeEach(() => strapiOf('4.26.2'));

  it('composes with a project extension: both sets of actions and routes are there', () => {
    const plugin = withPasswordless(projectExtension(usersPermissions()));
    expect(Object.keys(plugin.controllers.auth)).toEqual(
      expect.arrayContaining(['callback', 'register', 'hello', 'passwordless', 'passwordlessVerify', 'logout'])
    );
    expect(plugin.routes['content-api'].routes.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/auth/local', '/auth/hello', '/auth/passwordless', '/auth/passwordless/verify', '/auth/logout'])
    );
    expect(plugin.routes.admin.routes.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/advanced', '/passwordless/status', '/passwordless/templates', '/passwordless/access'])
    );
    expect(Object.keys(plugin.controllers)).toContain('passwordless-admin');
  });

  it.each([
    ['an action of the same name', (p: UsersPermissionsPlugin) => ({ ...p, controllers: { auth: { ...p.controllers.auth, logout: async () => undefined } } }), 'action auth.logout'],
    [
      'a route at the same method and path',
      (p: UsersPermissionsPlugin) => {
        p.routes['content-api'].routes.push({ method: 'POST', path: '/auth/logout', handler: 'auth.signOut' });
        return p;
      },
      'route POST /auth/logout',
    ],
    [
      'an admin route at the same method and path',
      (p: UsersPermissionsPlugin) => {
        p.routes.admin.routes.push({ method: 'GET', path: '/passwordless/status', handler: 'settings.mine' });
        return p;
      },
      'route GET /passwordless/status',
    ],
    [
      'a controller of the same name',
      (p: UsersPermissionsPlugin) => ({ ...p, controllers: { ...p.controllers, 'passwordless-admin': {} } }),
      'controller passwordless-admin',
    ],
  ])('refuses to replace %s, naming it', (_label, extend, named) => {
    expect(() => withPasswordless(extend(usersPermissions()))).toThrow(named);
  });

  it('leaves the objects it was handed untouched, so a second boot in one process starts clean', () => {
    const plugin = usersPermissions();
    const { controllers, routes, contentTypes } = plugin;
    withPasswordless(plugin);
    expect(Object.keys(controllers.auth)).toEqual(['callback', 'register']);
    expect(routes['content-api'].routes).toHaveLength(1);
    expect(routes.admin.routes).toHaveLength(1);
    expect(Object.keys(contentTypes)).toEqual(['user']);
    expect(() => withPasswordless({ ...plugin, controllers, routes, contentTypes })).not.toThrow();
  });
});

/** users-permissions 5 as Strapi 5 hands it to strapi-server: `auth` a factory, content-api routes a function. */
function usersPermissions5(): UsersPermissionsPlugin {
  let shared = [
    { method: 'POST', path: '/auth/local', handler: 'auth.callback' },
    { method: 'POST', path: '/auth/logout', handler: 'auth.logout' },
  ];
  const contentApi = () => ({ type: 'content-api', routes: shared });
  Object.defineProperty(contentApi, 'routes', { get: () => shared, set: (next) => (shared = next), enumerable: true });
  return {
    contentTypes: { user: { schema: { attributes: { email: { type: 'email' } } } } },
    services: { jwt: () => ({}) },
    controllers: { auth: () => ({ callback: async () => 'stock callback', logout: async () => 'stock logout' }) },
    routes: { 'content-api': contentApi, admin: { type: 'admin', routes: [] } },
  };
}

describe('withPasswordless(plugin) on Strapi 5', () => {
  it('wraps the auth factory and the route function; stock /auth/logout stays the only logout route', () => {
    strapiOf('5.54.0');
    const plugin = withPasswordless(usersPermissions5());
    const auth = plugin.controllers.auth({ strapi: {} });
    expect(Object.keys(auth)).toEqual(expect.arrayContaining(['callback', 'logout', 'passwordless', 'passwordlessVerify']));
    const routes = plugin.routes['content-api']({ strapi: {} }).routes;
    expect(routes.map((route: { path: string }) => route.path)).toEqual(['/auth/local', '/auth/logout', '/auth/passwordless', '/auth/passwordless/verify']);
    expect(plugin.routes['content-api'].routes).toHaveLength(4);
  });

  it.each([
    ['5.26.0', /Strapi 5\.50\.2 or newer; this project runs Strapi 5\.26\.0\. Upgrade Strapi/],
    ['3.6.8', /this project runs Strapi 3\.6\.8/],
  ])('refuses Strapi %s, naming the version and the fix', (version, message) => {
    strapiOf(version);
    expect(() => withPasswordless(usersPermissions5())).toThrow(message);
  });
});

