/**
 * The Next.js example (examples/next-storefront): built once per run by the global
 * setup, served with `next start` in its own process group so that it and anything it
 * spawns end with the test file, pass or fail.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { waitForHttp } from './ports';

export const STOREFRONT_DIR = path.resolve(__dirname, '../../../examples/next-storefront');
const NEXT_BIN = path.join(STOREFRONT_DIR, 'node_modules/next/dist/bin/next');
export const NEXTAUTH_SECRET = 'browser-test-nextauth-secret-0123456789abcdef';

const nextEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NEXT_TELEMETRY_DISABLED: '1',
  ...extra,
});

/** `next build`, bounded; rejects with Next's output on failure. */
export async function buildStorefront(timeoutMs = 300_000): Promise<void> {
  if (!fs.existsSync(NEXT_BIN)) {
    throw new Error('the example is not installed: npm ci --prefix examples/next-storefront');
  }
  const started = Date.now();
  const child = spawn(process.execPath, [NEXT_BIN, 'build'], {
    cwd: STOREFRONT_DIR,
    env: nextEnv({ NODE_ENV: 'production' }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), timeoutMs);
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  process.removeListener('exit', killOnExit);
  if (code !== 0) throw new Error(`next build failed (exit ${code}, limit ${timeoutMs / 1000} s):\n${output}`);
  process.stdout.write(`\nnext build: ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

/** Signals the child's whole process group (it was spawned detached). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

export interface Storefront {
  url: string;
  port: number;
  /** What `next start` printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

export async function startStorefront(options: { port: number; strapiUrl: string; apiToken: string }): Promise<Storefront> {
  const url = `http://127.0.0.1:${options.port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(options.port), '-H', '127.0.0.1'], {
    cwd: STOREFRONT_DIR,
    env: nextEnv({
      NODE_ENV: 'production',
      STRAPI_URL: options.strapiUrl,
      STRAPI_API_TOKEN: options.apiToken,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET,
    }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = (signal: NodeJS.Signals) => killGroup(child, signal);
  const killOnExit = () => kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHttp(`${url}/`, 60_000, () => child.exitCode === null);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { url, port: options.port, output: () => output, stop };
}
