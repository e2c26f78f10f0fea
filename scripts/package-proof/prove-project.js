/**
 * One (Strapi version, flavour): project, install, init, boot, sign-in, second init.
 * Resolves to { ok, line, details } and never throws: a failure names its step.
 */
const path = require('node:path');
const { run, tail } = require('./processes');
const projects = require('./projects');
const checks = require('./project-checks');
const { buildAdmin, compileTypeScript, startStrapi } = require('./strapi-server');
const { grantPublicActions } = require('./flow');

// The one place that asks which major a version is; the steps below ask its platform.
const PLATFORMS = { 4: require('./platform-4'), 5: require('./platform-5') };

/**
 * `installs` is shared by a version's flavours: the first one installs, the next reuses.
 */
async function proveProject({ target, flavour, workDir, tarball, ses, installs }) {
  const name = `strapi-${target.strapi}-${flavour.id}`;
  const dir = path.join(workDir, name);
  const logFile = path.join(workDir, `${name}.log`);
  const timings = [];
  let step = 'start';
  const timed = async (label, action) => {
    step = label;
    const began = Date.now();
    const value = await action();
    timings.push(`${label} ${((Date.now() - began) / 1000).toFixed(1)}s`);
    return value;
  };
  const began = Date.now();
  const title = `Strapi ${target.strapi} ${flavour.label.padEnd(10)}`;
  const platform = PLATFORMS[target.strapi.split('.')[0]];

  try {
    await timed('create', () =>
      platform.createProject({ version: target.strapi, dir, flavour: flavour.id, workDir, logFile, shared: installs })
    );
    step = 'install';
    if (installs.failed) throw new Error(`no install to reuse: ${installs.failed}`);
    if (installs.dir) {
      await timed('install (reused)', () => projects.reuseInstall(installs.dir, dir));
    } else {
      await timed('install', async () => {
        projects.addDependenciesAndOverrides(dir, target);
        await projects.installPackage(dir, tarball, logFile).catch((error) => {
          installs.failed = `the ${flavour.label} project's install failed`;
          throw error;
        });
      });
      installs.dir = dir;
    }
    step = 'dependencies';
    checks.checkSharedStrapiUtils(dir);

    await timed('init', () => runInit(dir, logFile));
    checks.checkInitWrote(dir, flavour.id);
    platform.checkInit(dir, flavour.id);

    // One admin build per version (a fresh one takes minutes): the flavour the target names.
    if (target.adminBuild?.flavour === flavour.id) {
      const buildDir = await timed('admin build', () => buildAdmin(dir, { flavour: flavour.id, args: target.adminBuild.args, logFile }));
      // What the check found, if it says (Strapi 5: the page's chunk), goes in the result line.
      const found = platform.checkAdminBuild(buildDir);
      if (found) timings.push(found);
    }

    projects.addSesProvider(dir, { flavour: flavour.id, head: platform.sesConfigHead(flavour.id) });
    if (flavour.id === 'ts') await timed('tsc', () => compileTypeScript(dir, logFile));
    const strapi = await timed('boot', () =>
      startStrapi(dir, {
        logFile,
        env: {
          // .env says log (init's quick start); the process environment wins over .env.
          PASSWORDLESS_EMAIL_DELIVERY: 'provider',
          AWS_SES_KEY: 'PROOFKEY',
          AWS_SES_SECRET: 'proof-secret',
          AWS_SES_ENDPOINT: ses.url,
          EMAIL_FROM: 'no-reply@example.com',
        },
      })
    );
    try {
      await timed('sign-in', async () => {
        await grantPublicActions(strapi.url, { actions: platform.publicActions });
        await platform.signIn(strapi.url, ses);
      });
    } catch (error) {
      error.message += `\n    Strapi's last lines:\n${tail(strapi.output())}`;
      throw error;
    } finally {
      await strapi.stop();
    }

    await timed('re-init', async () => {
      const before = checks.snapshotFiles(dir);
      await runInit(dir, logFile);
      const changed = checks.diffSnapshots(before, checks.snapshotFiles(dir));
      if (changed.length > 0) throw new Error(`a second init changed ${changed.join(', ')}`);
    });
    return { ok: true, line: `ok   ${title} ${timings.join('  ')}  (${seconds(Date.now() - began)})` };
  } catch (error) {
    const [first, ...rest] = String(error?.message ?? error).split('\n');
    return {
      ok: false,
      line: `FAIL ${title} at ${step}: ${first}  (${timings.join('  ') || 'no step done'})`,
      details: rest.length > 0 ? rest.join('\n') : undefined,
    };
  }
}

/** `npx strapi-passwordless-login init`, as the README tells users to run it. */
async function runInit(dir, logFile) {
  const result = await run('npx', ['--no-install', 'strapi-passwordless-login', 'init'], {
    cwd: dir,
    logFile,
    timeoutMs: 120_000,
  });
  projects.expectSuccess(result, 'npx strapi-passwordless-login init');
  return result.output;
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

module.exports = { proveProject };
