/**
 * users-permissions' `jwt.issue`, with the secret made a key once instead of per token.
 *
 * jsonwebtoken 9 turns a string secret into a key on every sign by first trying it as a
 * PEM private key; that attempt throws, and the throw alone was a sixth of a verify's CPU
 * (`node --cpu-prof` under `npm run bench`: `createPrivateKey`, about 500 µs a token on
 * this machine). Given a KeyObject it skips the attempt; the HMAC, header and claims are
 * the same, so the token is byte for byte the one the service issues.
 *
 * Only while the project's `jwt` service issues tokens exactly as shipped: a project that
 * overrides `issue` (a users-permissions extension) keeps its own, called as before.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createSecretKey, type KeyObject } from 'node:crypto';
import type { Strapi } from './strapi-types';
import { platform } from '../platform';

type Issue = (payload: Record<string, unknown>, options?: Record<string, unknown>) => string;
interface Jsonwebtoken {
  sign(payload: Record<string, unknown>, key: KeyObject, options: Record<string, unknown>): string;
}

interface Issuer {
  /** The stock service's issue function, as installed: compared by source with the project's. */
  stockSource: string | null;
  jsonwebtoken: Jsonwebtoken | null;
  key?: { secret: string; object: KeyObject };
}

let issuer: Issuer | undefined;

/** users-permissions' own jwt service as shipped, and the jsonwebtoken it signs with, from its install. */
function load(strapi: Strapi): Issuer {
  try {
    const manifest = require.resolve('@strapi/plugin-users-permissions/package.json');
    const fromPlugin = createRequire(manifest);
    const jsonwebtoken = fromPlugin('jsonwebtoken') as Jsonwebtoken;
    const stock = stockIssue(path.dirname(manifest), strapi);
    return { stockSource: stock ? String(stock) : null, jsonwebtoken };
  } catch {
    return { stockSource: null, jsonwebtoken: null };
  }
}

/**
 * The shipped service's `issue`, from its own file (not from the plugin object, which
 * extensions may have changed): Strapi 4 keeps services as files, Strapi 5 bundles each
 * behind `__require`.
 */
function stockIssue(pluginDir: string, strapi: Strapi): Issue | null {
  for (const file of ['server/services/jwt.js', 'dist/server/services/jwt.js']) {
    try {
      const loaded = require(path.join(pluginDir, file));
      const factory = typeof loaded === 'function' ? loaded : loaded?.__require?.();
      const issue = typeof factory === 'function' ? factory({ strapi })?.issue : undefined;
      if (typeof issue === 'function') return issue;
    } catch {
      // Not this layout: try the next.
    }
  }
  return null;
}

/** Signs as users-permissions' `jwt.issue(payload)` does; null when the project's issue is not the stock one. */
export function issueLikeStock(strapi: Strapi, payload: Record<string, unknown>): string | null {
  issuer ??= load(strapi);
  const setting = (name: string) => platform().pluginConfig('users-permissions', name);
  const service = strapi.plugin('users-permissions').service('jwt') as { issue?: Issue };
  if (!issuer.jsonwebtoken || !issuer.stockSource || String(service.issue) !== issuer.stockSource) return null;
  // Strapi 5 refresh mode issues through its session manager: not this.
  if (setting('jwtManagement') === 'refresh') return null;
  const secret = setting('jwtSecret');
  if (typeof secret !== 'string' || secret.length === 0) return null;
  if (issuer.key?.secret !== secret) issuer.key = { secret, object: createSecretKey(Buffer.from(secret)) };
  const options = { ...((setting('jwt') as Record<string, unknown> | undefined) ?? {}) };
  return issuer.jsonwebtoken.sign({ ...payload }, issuer.key.object, options);
}
