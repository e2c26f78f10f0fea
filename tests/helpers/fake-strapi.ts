/**
 * A minimal stand-in for `strapi`, enough for one service: config by path, a
 * recording logger, an email plugin that records what it is handed, Strapi's core
 * store in memory, and the extension's own services built on demand.
 */
import services from '../../packages/strapi-passwordless-login/src/server/services';
import { CONFIG_PATH, resolvePasswordlessConfig } from '../../packages/strapi-passwordless-login/src/server/config/resolve-config';
import type { PasswordlessUserConfig } from '../../packages/strapi-passwordless-login/src/server/config/types';

export interface FakeStrapi {
  strapi: any;
  sent: any[];
  logs: Array<{ level: string; message: string }>;
  /** What the email plugin's send does; replace to fail or hang. */
  setSend(send: (message: any) => Promise<void>): void;
}

export function fakeStrapi(passwordless: PasswordlessUserConfig = {}, extraConfig: Record<string, unknown> = {}): FakeStrapi {
  const config: Record<string, unknown> = {
    [CONFIG_PATH]: resolvePasswordlessConfig(passwordless, { isProduction: false }),
    ...extraConfig,
  };
  const sent: any[] = [];
  const logs: Array<{ level: string; message: string }> = [];
  let send = async (message: any) => {
    sent.push(message);
  };
  const instances = new Map<string, any>();
  const stored = new Map<string, unknown>();
  const strapi = {
    store: ({ type, name }: { type: string; name: string }) => ({
      get: async ({ key }: { key: string }) => stored.get(`${type}:${name}:${key}`) ?? null,
      set: async ({ key, value }: { key: string; value: unknown }) => void stored.set(`${type}:${name}:${key}`, value),
    }),
    config: { get: (path: string) => config[path], set: (path: string, value: unknown) => (config[path] = value) },
    log: Object.fromEntries(
      ['debug', 'info', 'warn', 'error'].map((level) => [level, (message: string) => logs.push({ level, message })])
    ),
    plugin(name: string) {
      if (name === 'email') return { service: () => ({ send: (message: any) => send(message) }) };
      return {
        service(serviceName: string) {
          if (!instances.has(serviceName)) {
            const factory = (services as Record<string, (deps: { strapi: any }) => any>)[serviceName];
            instances.set(serviceName, factory({ strapi }));
          }
          return instances.get(serviceName);
        },
      };
    },
  };
  (global as any).strapi = strapi;
  return { strapi, sent, logs, setSend: (next) => (send = next) };
}
