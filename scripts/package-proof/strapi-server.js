/**
 * Runs a generated project's Strapi the way `strapi start` does: TypeScript first
 * compiled to dist/ by Strapi's own compiler (as `strapi build` and `strapi develop`
 * do), then the project's `strapi start` binary. Only one project per version runs
 * `strapi build`; the others start without a built admin, which the API does not need.
 */
const net = require('node:net');
const path = require('node:path');
const { cleanEnv, run, start, stop, tail } = require('./processes');

// Strapi's compile step (as @strapi/strapi's compile and build call it in 4.15 to 5.54), run
// from the project so that its own @strapi/typescript-utils and typescript do the work.
const COMPILE = `
const { createRequire } = require('node:module');
const fromStrapi = createRequire(require.resolve('@strapi/strapi/package.json', { paths: [process.cwd()] }));
fromStrapi('@strapi/typescript-utils')
  .compile(process.cwd(), { configOptions: { options: { incremental: true } } })
  .then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
`;

/** Compiles a TypeScript project; type errors (ours included, through its .d.ts) fail it. */
async function compileTypeScript(dir, logFile) {
  const result = await run(process.execPath, ['-e', COMPILE], { cwd: dir, logFile, timeoutMs: 180_000 });
  const typeErrors = result.output.match(/error TS\d+/g) ?? [];
  if (result.code !== 0 || typeErrors.length > 0) {
    throw new Error(`TypeScript compile failed (${typeErrors.length} type errors):\n${tail(result.output)}`);
  }
}

/**
 * `strapi build` as the project's README tells users to run it after init (on Strapi 4,
 * it bundles src/admin/app.* and, through it, strapi-passwordless-login/admin from
 * node_modules). Resolves to the build folder, for the caller to look into.
 */
async function buildAdmin(dir, { flavour, args, logFile }) {
  const strapiBin = path.join(dir, 'node_modules/@strapi/strapi/bin/strapi.js');
  const result = await run(process.execPath, [strapiBin, 'build', ...args], {
    cwd: dir,
    logFile,
    timeoutMs: 900_000,
    env: cleanEnv({ NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true', STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true' }),
  });
  if (result.code !== 0) throw new Error(`strapi build failed (exit ${result.code}${result.timedOut ? ', timed out' : ''}):\n${tail(result.output)}`);
  return path.join(dir, flavour === 'ts' ? 'dist/build' : 'build');
}

/** Starts Strapi on a free loopback port and resolves once /_health answers. */
async function startStrapi(dir, { env, logFile, timeoutMs = 180_000 }) {
  const port = await freePort();
  const strapiBin = path.join(dir, 'node_modules/@strapi/strapi/bin/strapi.js');
  const child = start(process.execPath, [strapiBin, 'start'], {
    cwd: dir,
    env: cleanEnv({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
      ...env,
    }),
    logFile,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child.done.then((result) => (exited = result));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Strapi exited (${exited.code ?? exited.signal}) before it answered:\n${tail(exited.output)}`);
    if (await healthy(url)) return { url, stop: () => stop(child), output: () => child.output() };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop(child);
  throw new Error(`Strapi did not answer /_health within ${timeoutMs / 1000}s:\n${tail(child.output())}`);
}

async function healthy(url) {
  try {
    const res = await fetch(`${url}/_health`, { signal: AbortSignal.timeout(2_000) });
    return res.status === 204;
  } catch {
    return false;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

module.exports = { buildAdmin, compileTypeScript, startStrapi };
