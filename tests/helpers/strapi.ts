/**
 * Boots the compiled project (see global-setup) on its own fresh database with the
 * real SES provider pointed at a local SES endpoint. One Strapi per test file at a time.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TEST_DB_DIR } from '../global-setup';
import { startSesServer, type SesServer } from './ses-server';
import { createTestDatabase, type TestDatabase } from './databases';
import type { PasswordlessUserConfig } from '../../packages/strapi-passwordless-login/src/server/config/types';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { bootStrapi } = require('./boot-strapi');

export { TEST_DB_DIR };
export const USER_UID = 'plugin::users-permissions.user';
export const CHALLENGE_TABLE = 'up_passwordless_challenges';
export const TEST_SECRET = 'test-only-passwordless-secret-0123456789abcdef';
export const SES_KEY = 'AKIATESTPASSWORDLESS';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

export interface StartOptions {
  /** Merged over the project's config after register, validated like any config. */
  passwordless?: PasswordlessUserConfig;
  /** Koa's `proxy` (the `server.proxy` setting). */
  proxy?: boolean;
  /** A database to boot on (kept on stop); by default a fresh one, dropped on stop. */
  database?: TestDatabase;
  /** Environment variables over the test defaults (config/*.ts read them at boot). */
  env?: Record<string, string>;
  /** Serve the admin panel from dist/build (browser tests build it first). */
  serveAdminPanel?: boolean;
}

export interface TestApp {
  strapi: any;
  ses: SesServer;
  http: () => ReturnType<typeof request>;
  /** Waits for deliveries started by the requests so far. */
  settle: () => Promise<void>;
  /** Moves the challenge clock forward, no sleeping. */
  advanceClock: (ms: number) => void;
  /** warn and error lines Strapi logged since boot. */
  logs: Array<{ level: string; message: string }>;
  stop: () => Promise<void>;
}

/** Limits generous enough that tests not about limits never meet them. */
export const RELAXED_LIMITS: PasswordlessUserConfig['limits'] = {
  ipRequest: { points: 100_000, durationSeconds: 900 },
  ipVerify: { points: 100_000, durationSeconds: 900 },
};

/** The environment a test Strapi (in process or child) boots with. */
export function testEnv(ses: SesServer, database: TestDatabase, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    APP_KEYS: 'testKeyOne,testKeyTwo',
    API_TOKEN_SALT: 'test-api-token-salt',
    ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
    TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
    // Strapi 5 encrypts API tokens with it (and warns without it).
    ENCRYPTION_KEY: 'test-encryption-key',
    JWT_SECRET: 'test-jwt-secret',
    PROXY: 'false',
    ...database.env,
    PASSWORDLESS_SECRET: TEST_SECRET,
    PASSWORDLESS_GRANT_PUBLIC: 'false',
    PASSWORDLESS_EMAIL_DELIVERY: 'provider',
    // With TEST_REDIS=1 the limit counters go to Redis, under a prefix of their own.
    PASSWORDLESS_REDIS_URL: process.env.TEST_REDIS ? REDIS_URL : '',
    PASSWORDLESS_REDIS_PREFIX: `pl-test-${randomUUID().slice(0, 8)}`,
    EMAIL_PROVIDER: 'amazon-ses',
    AWS_SES_KEY: SES_KEY,
    AWS_SES_SECRET: 'test-ses-secret',
    AWS_SES_ENDPOINT: ses.url,
    EMAIL_FROM: 'no-reply@shop.test',
    ...extra,
  };
}

export async function startStrapi(options: StartOptions = {}): Promise<TestApp> {
  const ses = await startSesServer({ accessKey: SES_KEY });
  const database = options.database ?? (await createTestDatabase());
  const ownDatabase = !options.database;
  Object.assign(process.env, testEnv(ses, database, options.env));
  let instance: any;
  try {
    instance = await bootStrapi({ passwordless: options.passwordless, proxy: options.proxy, serveAdminPanel: options.serveAdminPanel });
  } catch (error) {
    await ses.close();
    if (ownDatabase) await database.drop();
    throw error;
  }

  const logs: TestApp['logs'] = [];
  for (const level of ['warn', 'error'] as const) {
    const original = instance.log[level].bind(instance.log);
    instance.log[level] = (message: unknown, ...rest: unknown[]) => {
      logs.push({ level, message: String(message) });
      return original(message, ...rest);
    };
  }
  const clock = instance.plugin('users-permissions').service('passwordless-clock');
  let offset = 0;
  clock.now = () => Date.now() + offset;

  return {
    strapi: instance,
    ses,
    logs,
    http: () => request(instance.server.httpServer),
    settle: () => instance.plugin('users-permissions').service('passwordless').settled(),
    advanceClock: (ms) => {
      offset += ms;
    },
    stop: async () => {
      await instance.destroy();
      await ses.close();
      if (ownDatabase) await database.drop();
    },
  };
}
