import type { Context } from 'koa';

/**
 * The page a request came from: its Origin header, else the origin of its Referer (sent
 * when Origin is not, as on same-origin GETs in some browsers). `Origin: null` (a
 * sandboxed frame, a data: URL, a cross-site redirect) stays 'null' and never falls back
 * to the Referer, which the same page may have chosen. Undefined only when neither
 * header is there: a server or a script, not a browser page.
 */
export function requestOrigin(ctx: Context): string | undefined {
  const origin = ctx.get('Origin');
  if (origin) return origin;
  const referer = ctx.get('Referer');
  return referer ? toOrigin(referer) : undefined;
}

/** Whether `origin` is one of `origins`, both compared in their serialized form (lower-case host, no default port). */
export function isListedOrigin(origin: string | undefined, origins: readonly string[]): boolean {
  if (!origin || origin === 'null') return false;
  const wanted = toOrigin(origin);
  return origins.some((listed) => toOrigin(listed) === wanted);
}

/** `https://Shop.example:443/path` → `https://shop.example`; 'null' for what is not a URL. */
function toOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}
