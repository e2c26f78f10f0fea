/**
 * The in-process test Strapi (tests/helpers/strapi.ts) on a real port, since a browser
 * and a Next.js server must reach it over HTTP.
 */
import type { AddressInfo } from 'node:net';
import type { TestApp } from '../../helpers/strapi';
import { lastEmail, type Delivered } from '../../helpers/flow';

export async function listen(app: TestApp, port = 0): Promise<number> {
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** A Strapi API token (Settings → API Tokens), as an admin would create it. */
export async function createApiToken(app: TestApp, name: string): Promise<string> {
  const token = await app.strapi.service('admin::api-token').create({ name, type: 'full-access', lifespan: null, description: '' });
  return token.accessKey;
}

/** Waits (bounded) until `email` has received `count` emails, and returns the newest. */
export async function waitForEmail(app: TestApp, email: string, count: number, timeoutMs = 10_000): Promise<Delivered> {
  const deadline = Date.now() + timeoutMs;
  while (app.ses.to(email).length < count) {
    if (Date.now() > deadline) throw new Error(`email ${count} to ${email} did not arrive (got ${app.ses.to(email).length})`);
    await app.settle();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return lastEmail(app, email);
}
