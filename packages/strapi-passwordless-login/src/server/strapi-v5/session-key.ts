import { createSecretKey } from 'node:crypto';

const ORIGIN = 'users-permissions';

interface OriginConfig {
  jwtSecret?: unknown;
  algorithm?: string;
  [setting: string]: unknown;
}
interface SessionManager {
  defineOrigin?: (origin: string, config: OriginConfig) => unknown;
}

/**
 * Runs users-permissions' bootstrap with its session-manager origin given the HMAC secret
 * as a key object rather than a string. Strapi's session manager signs and verifies with
 * jsonwebtoken, which turns a string secret into a key on every call by first trying it
 * as a PEM key: the attempt throws, about 500 µs a token on this machine (`createPrivateKey`
 * under `node --cpu-prof`), and refresh mode signs two tokens per sign-in and verifies one
 * per authenticated request. The key holds the same bytes (jsonwebtoken makes it with
 * `Buffer.from(secret)` too), so every token is the one the string would give; RS/ES/PS
 * keys and non-string secrets are left as they are.
 */
export async function withKeyedSessionSecret(run: () => Promise<unknown> | unknown): Promise<void> {
  const manager = (strapi as unknown as { sessionManager?: SessionManager }).sessionManager;
  const define = manager?.defineOrigin;
  if (!manager || typeof define !== 'function') {
    await run();
    return;
  }
  manager.defineOrigin = (origin, config) => define.call(manager, origin, origin === ORIGIN ? keyed(config) : config);
  try {
    await run();
  } finally {
    manager.defineOrigin = define;
  }
}

function keyed(config: OriginConfig): OriginConfig {
  const algorithm = config.algorithm || 'HS256';
  if (!algorithm.startsWith('HS') || typeof config.jwtSecret !== 'string' || config.jwtSecret.length === 0) return config;
  return { ...config, jwtSecret: createSecretKey(Buffer.from(config.jwtSecret)) };
}
