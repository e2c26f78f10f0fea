#!/usr/bin/env node
/**
 * Proof on real projects: packs strapi-passwordless-login, and for each Strapi version
 * (package-proof/targets.js) and each flavour (JavaScript, TypeScript) makes a fresh
 * project outside the repository with that version's own generator, installs the
 * tarball, runs `init`, boots Strapi with email through the real Amazon SES provider to
 * a local endpoint, grants the actions as an admin would, signs a user in by emailed
 * code (on Strapi 5 also refreshing the session and signing out everywhere), and checks
 * a second `init` changes nothing. Once per version, `strapi build` runs and must bundle
 * the admin settings page from node_modules (webpack on Strapi 4; Vite on Strapi 5, where
 * the page's own chunk is looked for: JavaScript on the floor, TypeScript on the newest).
 *
 *   npm run test:package                    # the default versions (CI)
 *   npm run test:package -- 4.15.0          # the versions named (from TARGETS)
 *   npm run test:package -- --keep          # keep the projects and logs (path printed)
 *   npm run test:package -- --tarball=x.tgz # test that tarball instead of packing
 *
 * One install per Strapi version serves both flavours (hard-linked node_modules).
 * Needs the npm registry (a warm cache makes it faster); nothing else from outside.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { killAll, run } = require('./package-proof/processes');
const { REPO, expectSuccess } = require('./package-proof/projects');
const { startSesEndpoint } = require('./package-proof/ses-endpoint');
const { proveProject } = require('./package-proof/prove-project');
const { TARGETS, DEFAULT_VERSIONS, flavoursOf } = require('./package-proof/targets');

// Far above a normal run (~12 minutes for the four default versions): a last guard so
// that CI never hangs.
const WATCHDOG_MS = 45 * 60_000;

async function main() {
  const args = process.argv.slice(2);
  const keep = args.includes('--keep');
  // An existing tarball (a published release, a candidate fix) instead of packing the workspace.
  const given = args.find((arg) => arg.startsWith('--tarball='))?.slice('--tarball='.length);
  const named = args.filter((arg) => !arg.startsWith('--'));
  const versions = named.length > 0 ? named : DEFAULT_VERSIONS;
  const targets = TARGETS.filter((target) => versions.includes(target.strapi));
  if (targets.length !== versions.length) {
    console.error(`test:package: known versions are ${TARGETS.map((target) => target.strapi).join(', ')}`);
    return 2;
  }

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'strapi-passwordless-proof-'));
  const cleanup = () => {
    killAll();
    if (!keep) fs.rmSync(workDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.error(`\ntest:package: ${signal}, stopping`);
      cleanup();
      process.exit(130);
    });
  }
  setTimeout(() => {
    console.error(`test:package: still running after ${WATCHDOG_MS / 60_000} minutes, stopping`);
    cleanup();
    process.exit(1);
  }, WATCHDOG_MS).unref();

  const started = Date.now();
  const results = [];
  let ses;
  try {
    const tarball = given ? copyTarball(given, workDir) : await pack(workDir);
    ses = await startSesEndpoint({ accessKey: 'PROOFKEY' });
    for (const target of targets) {
      const installs = {};
      for (const flavour of flavoursOf(target)) {
        const result = await proveProject({ target, flavour, workDir, tarball, ses, installs });
        results.push(result);
        console.log(result.line);
        if (result.details) console.log(result.details);
      }
    }
  } catch (error) {
    results.push({ ok: false });
    console.log(`FAIL ${error.message}`);
  } finally {
    await ses?.close();
  }
  const cleanupStarted = Date.now();
  cleanup();
  const removal = keep ? `projects kept in ${workDir}` : `${formatSeconds(Date.now() - cleanupStarted)} of it removing the projects`;
  console.log(`\ntest:package: ${formatSeconds(Date.now() - started)} in all, ${removal}`);
  const passed = results.filter((result) => result.ok).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
  return passed === results.length ? 0 : 1;
}

/** `npm pack` of the workspace package (its prepack builds dist/) into the work directory. */
async function pack(workDir) {
  const began = Date.now();
  const packageDir = path.join(REPO, 'packages/strapi-passwordless-login');
  const result = await run('npm', ['pack', '--pack-destination', workDir], {
    cwd: packageDir,
    logFile: path.join(workDir, 'pack.log'),
    timeoutMs: 300_000,
  });
  expectSuccess(result, 'npm pack');
  const [name] = fs.readdirSync(workDir).filter((file) => file.endsWith('.tgz'));
  if (!name) throw new Error(`npm pack wrote no tarball in ${workDir}`);
  console.log(`packed ${name} in ${formatSeconds(Date.now() - began)}; projects in ${workDir}`);
  return path.join(workDir, name);
}

function copyTarball(file, workDir) {
  const copy = path.join(workDir, path.basename(file));
  fs.copyFileSync(path.resolve(file), copy);
  console.log(`testing ${path.resolve(file)}; projects in ${workDir}`);
  return copy;
}

function formatSeconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    killAll();
    process.exit(1);
  }
);
