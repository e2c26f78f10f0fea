import ipaddr from 'ipaddr.js';

/**
 * The one key for anything that is not an address. A proxy of ours never writes such an
 * entry; one that does is broken, or PROXY_HOPS counts into entries the client wrote.
 * Keying on the raw string would then give each request a fresh bucket, so all of them
 * share this one: legitimate clients behind a broken proxy meet the limit together (a
 * visible 429 that points at the proxy), rather than an attacker meeting none.
 */
const UNPARSEABLE = 'unknown';

// Proxies write `1.2.3.4:5555` (Azure App Service, some ingress controllers) and
// `[2001:db8::1]:5555`: the port is a new one per connection and says nothing about the client.
const IPV4_WITH_PORT = /^(\d+\.\d+\.\d+\.\d+):\d{1,5}$/;
const BRACKETED_IPV6 = /^\[([^\]]+)\](?::\d{1,5})?$/;

/**
 * The address a per-IP counter is keyed on. Ports, brackets and zone ids are dropped,
 * IPv4-mapped IPv6 becomes plain IPv4, and IPv6 is cut to its /64: one subscriber usually
 * holds a whole /64, so keying on full addresses would give them 2^64 fresh buckets.
 * An unbracketed IPv6 with a port cannot be told from an address; it stays in its /64.
 */
export function clientIpKey(ip: string | undefined): string {
  const entry = (ip ?? '').trim();
  const address = IPV4_WITH_PORT.exec(entry)?.[1] ?? BRACKETED_IPV6.exec(entry)?.[1] ?? entry;
  // Only dotted quads: `3405803783` or `0xcb.0.113.7` parse as IPv4 too, and no proxy writes them.
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) return ipaddr.IPv4.parse(address).toString();
  if (!ipaddr.IPv6.isValid(address)) return UNPARSEABLE;
  const parsed = ipaddr.IPv6.parse(address);
  if (parsed.isIPv4MappedAddress()) return parsed.toIPv4Address().toString();
  return `${parsed.parts.slice(0, 4).map((part) => part.toString(16)).join(':')}::/64`;
}

export interface IpSource {
  /** Koa's `app.proxy` (Strapi's `server.proxy`). */
  proxy: boolean;
  /** Proxies of ours in front of Strapi, each appending to X-Forwarded-For. */
  trustedHops: number;
  forwardedFor: string | undefined;
  remoteAddress: string | undefined;
}

/**
 * The client's address for limits. Without `server.proxy` the socket's; with it, the
 * entry `trustedHops` from the right of X-Forwarded-For: the address our own outermost
 * proxy saw. Koa would take the leftmost entry, which the client writes itself.
 */
export function resolveClientIp({ proxy, trustedHops, forwardedFor, remoteAddress }: IpSource): string | undefined {
  if (!proxy || !forwardedFor) return remoteAddress;
  const hops = forwardedFor.split(',').map((entry) => entry.trim()).filter(Boolean);
  return hops.length === 0 ? remoteAddress : hops[Math.max(hops.length - trustedHops, 0)];
}
