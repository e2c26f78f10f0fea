/**
 * Boots the compiled project (see global-setup) on its own SQLite file with the real
 * SES provider pointed at a local SES endpoint. One Strapi per test file.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ROOT, TEST_DB_DIR } from '../global-setup';
import { startSesServer, type SesServer } from './ses-server';
import { resolvePasswordlessConfig, CONFIG_PATH } from '../../src/extensions/users-permissions/config/resolve-config';
import type { PasswordlessUserConfig } from '../../src/extensions/users-permissions/config/types';

export { TEST_DB_DIR };
export const USER_UID = 'plugin::users-permissions.user';
export const CHALLENGE_TABLE = 'up_passwordless_challenges';
export const TEST_SECRET = 'test-only-passwordless-secret-0123456789abcdef';
const SES_KEY = 'AKIATESTPASSWORDLESS';

export interface StartOptions {
  /** Merged over the project's config after register, validated like any config. */
  passwordless?: PasswordlessUserConfig;
  /** Koa's `proxy` (the `server.proxy` setting). */
  proxy?: boolean;
  /** Reuse a database file (to boot twice on one database). */
  database?: string;
  /** Environment variables over the test defaults (config/*.ts read them at boot). */
  env?: Record<string, string>;
}

export interface TestApp {
  strapi: any;
  ses: SesServer;
  database: string;
  http: () => ReturnType<typeof request>;
  /** Waits for deliveries started by the requests so far. */
  settle: () => Promise<void>;
  /** Moves the challenge clock forward, no sleeping. */
  advanceClock: (ms: number) => void;
  stop: () => Promise<void>;
}

/** Limits generous enough that tests not about limits never meet them. */
export const RELAXED_LIMITS: PasswordlessUserConfig['limits'] = {
  ipRequest: { points: 100_000, durationSeconds: 900 },
  ipVerify: { points: 100_000, durationSeconds: 900 },
};

export async function startStrapi(options: StartOptions = {}): Promise<TestApp> {
  const ses = await startSesServer({ accessKey: SES_KEY });
  const database = options.database ?? `${TEST_DB_DIR}/${randomUUID()}.db`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    APP_KEYS: 'testKeyOne,testKeyTwo',
    API_TOKEN_SALT: 'test-api-token-salt',
    ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
    TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
    JWT_SECRET: 'test-jwt-secret',
    PROXY: 'false',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: database,
    PASSWORDLESS_SECRET: TEST_SECRET,
    PASSWORDLESS_GRANT_PUBLIC: 'false',
    PASSWORDLESS_EMAIL_DELIVERY: 'provider',
    EMAIL_PROVIDER: 'amazon-ses',
    AWS_SES_KEY: SES_KEY,
    AWS_SES_SECRET: 'test-ses-secret',
    AWS_SES_ENDPOINT: ses.url,
    EMAIL_FROM: 'no-reply@shop.test',
    ...options.env,
  });
  try {
    return await boot(options, ses, database);
  } catch (error) {
    await ses.close();
    throw error;
  }
}

async function boot(options: StartOptions, ses: SesServer, database: string): Promise<TestApp> {

  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const createStrapi = require('@strapi/strapi');
  const instance = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), serveAdminPanel: false, autoReload: false });
  instance.log.level = 'error';
  await instance.register();
  if (options.passwordless) {
    const current = instance.config.get(CONFIG_PATH);
    instance.config.set(
      CONFIG_PATH,
      resolvePasswordlessConfig(mergeDeep(current, options.passwordless), { isProduction: false })
    );
  }
  await instance.bootstrap();
  instance.server.app.proxy = options.proxy ?? false;
  await instance.server.mount();

  const clock = instance.plugin('users-permissions').service('passwordless-clock');
  let offset = 0;
  clock.now = () => Date.now() + offset;

  return {
    strapi: instance,
    ses,
    database,
    http: () => request(instance.server.httpServer),
    settle: () => instance.plugin('users-permissions').service('passwordless').settled(),
    advanceClock: (ms) => {
      offset += ms;
    },
    stop: async () => {
      await instance.destroy();
      await ses.close();
    },
  };
}

function mergeDeep(base: any, extra: any): any {
  if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) return extra;
  const out = { ...(base ?? {}) };
  for (const [key, value] of Object.entries(extra)) out[key] = mergeDeep(out[key], value);
  return out;
}
