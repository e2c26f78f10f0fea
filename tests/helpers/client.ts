/**
 * The storefront client against a test Strapi over real HTTP: Node's global fetch to the
 * app's own server, listening on a free local port.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './strapi';
import {
  createPasswordlessClient,
  PasswordlessError,
  type FetchFunction,
  type PasswordlessClient,
  type PasswordlessClientOptions,
} from '../../packages/strapi-passwordless-login/src/client';

/** Strapi's URL. supertest (`app.http()`) reuses the same listening server. */
export async function baseUrl(app: TestApp): Promise<string> {
  const server: Server = app.strapi.server.httpServer;
  if (!server.listening) {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  }
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface SentRequest {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface Recorder {
  fetch: FetchFunction;
  /** Every request made through `fetch`, as sent. */
  sent: SentRequest[];
}

/** Node's fetch, adding `headers` to every request and recording what went out. */
export function recordingFetch(headers: Record<string, string> = {}): Recorder {
  const sent: SentRequest[] = [];
  return {
    sent,
    fetch: async (url, init) => {
      const request = { ...init, headers: { ...init.headers, ...headers } };
      sent.push({ url, headers: request.headers, body: JSON.parse(request.body) });
      return fetch(url, request);
    },
  };
}

/** A client of `app`'s URL. */
export async function clientOf(
  app: TestApp,
  options: Omit<PasswordlessClientOptions, 'baseUrl'> = {},
): Promise<PasswordlessClient> {
  return createPasswordlessClient({ baseUrl: await baseUrl(app), ...options });
}

/** The PasswordlessError `promise` rejects with; anything else (or success) fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<PasswordlessError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (reason: unknown) => reason,
  );
  if (!(error instanceof PasswordlessError)) throw error;
  return error;
}

/**
 * A client address of its own (an IPv6 /64, which the per-IP limits count as one client):
 * a fresh per-IP counter for each test, sent as X-Forwarded-For to a Strapi booted with `proxy: true`.
 */
export function freshIp(): string {
  const hex = randomBytes(4).toString('hex');
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4)}::1`;
}
