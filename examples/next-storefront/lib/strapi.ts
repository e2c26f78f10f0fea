import 'server-only';
import { createPasswordlessClient } from 'strapi-passwordless-login/client';

export const STRAPI_URL = process.env.STRAPI_URL ?? 'http://localhost:1337';
const API_TOKEN = process.env.STRAPI_API_TOKEN;

/**
 * Server mode: every code request and verify carries the storefront's Strapi API token,
 * so Strapi takes the shopper's address from Passwordless-Forwarded-For instead of
 * counting every shopper against this server's one IP (README: trusted server). Without
 * a token (a first local run) sign-in still works, with every shopper on that one IP.
 * The token never reaches a browser: this module is server-only.
 */
export const passwordless = createPasswordlessClient({
  baseUrl: STRAPI_URL,
  ...(API_TOKEN ? { server: { apiToken: API_TOKEN } } : {}),
});

/**
 * The shopper's address to forward: the first entry of X-Forwarded-For, as the hosting
 * platform wrote it. Trustworthy only behind a platform that sets that header itself
 * (Vercel, Netlify, Render and most hosts replace whatever the browser sent); `next
 * start` facing browsers directly keeps a header the browser sent. Behind a proxy that
 * appends instead (nginx's $proxy_add_x_forwarded_for, AWS ALB) the first entry is the
 * shopper's to choose: take the one your proxy added (the last). No header, or no token:
 * nothing is forwarded.
 */
export function shopperAddress(forwardedFor: string | null | undefined): string | undefined {
  if (!API_TOKEN) return undefined;
  return forwardedFor?.split(',')[0]?.trim() || undefined;
}
