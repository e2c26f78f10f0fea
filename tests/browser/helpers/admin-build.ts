/**
 * The demo project's admin panel built with `strapi build`, as a project builds it
 * before `strapi start`: webpack bundles src/admin/app.tsx and, through it, the
 * package's admin entry from node_modules. Output: dist/build, which Strapi serves.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const STRAPI_BIN = path.join(ROOT, 'node_modules/@strapi/strapi/bin/strapi.js');

export async function buildAdmin(timeoutMs = 600_000): Promise<void> {
  const started = Date.now();
  // Not minified (--no-optimization: 4.26 spells --minify's negation so): faster, and
  // the test reads nothing the minifier would change.
  const child = spawn(process.execPath, [STRAPI_BIN, 'build', '--no-optimization', '--ignore-prompts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`strapi build failed (exit ${code}, limit ${timeoutMs / 1000} s):\n${output}`);
  process.stdout.write(`\nstrapi build: ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}
