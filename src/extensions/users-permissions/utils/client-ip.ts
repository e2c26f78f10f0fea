import { isIPv4, isIPv6 } from 'node:net';

/**
 * The address a per-IP counter is keyed on. IPv4-mapped IPv6 becomes plain IPv4, and
 * IPv6 is cut to its /64: one subscriber usually holds a whole /64, so keying on full
 * addresses would give them 2^64 fresh buckets.
 */
export function clientIpKey(ip: string | undefined): string {
  const raw = (ip ?? '').trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw);
  if (mapped) return mapped[1];
  if (isIPv4(raw)) return raw;
  if (isIPv6(raw)) return `${expandIPv6(raw).slice(0, 4).join(':')}::/64`;
  return raw || 'unknown';
}

function expandIPv6(ip: string): string[] {
  const withoutZone = ip.split('%')[0];
  const [head, tail = ''] = withoutZone.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = withoutZone.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - headParts.length - tailParts.length;
  const parts = [...headParts, ...Array(Math.max(missing, 0)).fill('0'), ...tailParts];
  return parts.map((part) => part.toLowerCase().replace(/^0+(?=.)/, ''));
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
