/**
 * The host's admin panel built with `strapi build`, as a project builds it before
 * `strapi start`: the bundler takes the app's src/admin/app and, through it, the
 * package's admin entry from node_modules. Strapi 4 (the demo): webpack, output dist/build.
 * Strapi 5 (strapi5/, TEST_STRAPI=5): Vite, output strapi5/build (a JavaScript project's
 * dist root is the project itself), with the package copy synced first by the global setup.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { STRAPI_MAJOR } from '../../helpers/host';

const ROOT = path.resolve(__dirname, '../../..');
const HOST_DIR = STRAPI_MAJOR === 5 ? path.join(ROOT, 'strapi5') : ROOT;
// Strapi 4: not minified (--no-optimization: 4.26 spells --minify's negation so): faster,
// and the test reads nothing the minifier would change. Strapi 5: through
// scripts/build-strapi5-admin.js, since its CLI would take the repository's tsconfig.json.
const ARGS =
  STRAPI_MAJOR === 5
    ? [path.join(ROOT, 'scripts/build-strapi5-admin.js')]
    : [path.join(ROOT, 'node_modules/@strapi/strapi/bin/strapi.js'), 'build', '--no-optimization', '--ignore-prompts'];

export async function buildAdmin(timeoutMs = 600_000): Promise<void> {
  const started = Date.now();
  const child = spawn(process.execPath, ARGS, {
    cwd: HOST_DIR,
    env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`strapi build (Strapi ${STRAPI_MAJOR}) failed (exit ${code}, limit ${timeoutMs / 1000} s):\n${output}`);
  process.stdout.write(`\nstrapi build (Strapi ${STRAPI_MAJOR}): ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}
