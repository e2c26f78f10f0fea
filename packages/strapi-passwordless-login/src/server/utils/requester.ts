import type { Context } from 'koa';
import { getService } from './get-service';
import { clientIpKey, resolveClientIp } from './client-ip';
import { platform } from '../platform';

/** The header a trusted storefront server names its shopper's address in. */
export const FORWARDED_FOR_HEADER = 'Passwordless-Forwarded-For';

/** Who is asking: the address per-IP limits key on, and the trusted server that vouched for it, if any. */
export interface Requester {
  ip: string;
  /** Name of the trusted API token the request came with; null for browsers and everyone else. */
  server: string | null;
}

/**
 * A storefront server (Next.js, next-auth) calls Strapi for all its shoppers, so by its
 * own address they would share one per-IP bucket. When the request is authenticated by
 * an API token listed in `trustedServers.apiTokens` (hashed at rest, revocable, expiring:
 * Settings → API Tokens), the address in `Passwordless-Forwarded-For` counts instead,
 * validated and normalised like any client address. From anyone else the header is
 * ignored, never an error: a browser cannot hold such a token unless the storefront
 * leaked it, and the server's own ceiling still bounds what it can do.
 */
export function resolveRequester(ctx: Context): Requester {
  const settings = getService('passwordless-settings').get();
  const own = resolveClientIp({
    proxy: ctx.app.proxy,
    trustedHops: settings.limits.trustedProxyHops,
    forwardedFor: ctx.get('X-Forwarded-For') || undefined,
    remoteAddress: ctx.req.socket.remoteAddress,
  }) ?? '';
  const named = ctx.get(FORWARDED_FOR_HEADER);
  if (!named) return { ip: own, server: null };
  const server = trustedServer(ctx, settings.trustedServers.apiTokens);
  if (!server) {
    strapi.log.debug(`[passwordless] ${FORWARDED_FOR_HEADER} ignored: the request is not authenticated by a trusted API token`);
    return { ip: own, server: null };
  }
  if (clientIpKey(named) === 'unknown' || named.includes(',')) {
    strapi.log.warn(`[passwordless] ${FORWARDED_FOR_HEADER} from trusted server "${server}" is not one address; counted as the server's own`);
    return { ip: own, server };
  }
  return { ip: named.trim(), server };
}

/** The API token's name when it authenticated this request and is listed as trusted. */
function trustedServer(ctx: Context, trusted: string[]): string | null {
  const auth = ctx.state.auth as { strategy?: { name?: string }; credentials?: { name?: string } } | undefined;
  if (auth?.strategy?.name !== platform().apiTokenStrategy) return null;
  const name = auth.credentials?.name;
  return name && trusted.includes(name) ? name : null;
}
