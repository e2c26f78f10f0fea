/**
 * Throwaway Strapi projects (SQLite) as that version's own generator makes them (for
 * Strapi 4 here, for Strapi 5 in create-strapi-5.js), with the package under test
 * installed from its tarball the way a user installs it.
 */
const fs = require('node:fs');
const path = require('node:path');
const { run, tail } = require('./processes');

const REPO = path.resolve(__dirname, '../..');
const NPM_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline'];

/** The generate-new of `version`: the repository's own when it matches, else installed beside the projects. */
async function generateNewFor(version, workDir, logFile) {
  const local = path.join(REPO, 'node_modules/@strapi/generate-new');
  if (readJson(path.join(local, 'package.json'))?.version === version) return local;

  const dir = path.join(workDir, `generate-new-${version}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  const result = await run(
    'npm',
    ['install', ...NPM_FLAGS, '--ignore-scripts', '--no-package-lock', `@strapi/generate-new@${version}`],
    { cwd: dir, logFile, timeoutMs: 180_000 }
  );
  expectSuccess(result, `npm install @strapi/generate-new@${version}`);
  return path.join(dir, 'node_modules/@strapi/generate-new');
}

async function generateProject({ generateNewDir, dir, flavour, logFile }) {
  const result = await run(process.execPath, [path.join(__dirname, 'create-app.js'), generateNewDir, dir, flavour], {
    cwd: path.dirname(dir),
    logFile,
    timeoutMs: 120_000,
  });
  expectSuccess(result, `generate the ${flavour} project`);
  if (!fs.existsSync(path.join(dir, 'package.json'))) throw new Error(`generate-new wrote no package.json in ${dir}`);
}

/** What create-strapi-app's own install cannot do here: the SES provider and the install fixes. */
function addDependenciesAndOverrides(dir, { ses, overrides }) {
  updateJson(path.join(dir, 'package.json'), (manifest) => ({
    ...manifest,
    dependencies: { ...manifest.dependencies, '@strapi/provider-email-amazon-ses': ses },
    overrides: { ...manifest.overrides, ...overrides },
  }));
}

/** `npm install <tarball>` in the project: its template dependencies and the package, in one install. */
async function installPackage(dir, tarball, logFile) {
  const result = await run('npm', ['install', ...NPM_FLAGS, path.relative(dir, tarball)], {
    cwd: dir,
    logFile,
    timeoutMs: 900_000,
  });
  expectSuccess(result, 'npm install <tarball>');
}

/**
 * The second flavour reuses the first one's install: the same dependencies (checked,
 * not assumed), node_modules hard-linked. Every file an npm install would have written
 * is there, at the cost of a directory walk instead of a second install.
 */
function reuseInstall(fromDir, toDir) {
  const installed = readJson(path.join(fromDir, 'package.json'));
  const own = readJson(path.join(toDir, 'package.json'));
  const differing = Object.keys(own.dependencies).filter((name) => own.dependencies[name] !== installed.dependencies[name]);
  if (differing.length > 0) {
    throw new Error(`the templates differ in ${differing.join(', ')}, so one install cannot serve both projects`);
  }
  // The same entries npm wrote for the first project: the additions and "file:../<tarball>" (projects are siblings).
  updateJson(path.join(toDir, 'package.json'), (manifest) => ({
    ...manifest,
    dependencies: installed.dependencies,
    overrides: installed.overrides,
  }));
  fs.copyFileSync(path.join(fromDir, 'package-lock.json'), path.join(toDir, 'package-lock.json'));
  fs.rmSync(path.join(toDir, 'node_modules'), { recursive: true, force: true });
  return run('cp', ['-al', path.join(fromDir, 'node_modules'), path.join(toDir, 'node_modules')], {
    cwd: toDir,
    timeoutMs: 120_000,
  }).then((result) => expectSuccess(result, 'cp -al node_modules'));
}

/**
 * The email provider as a user adds it once they leave `log` delivery: Amazon SES, its
 * endpoint and keys from the environment. In config/env/development/ so that the file
 * init wrote stays exactly as init wrote it. `head`: the lines up to the returned
 * object's opening brace, as that Strapi version's own config files begin.
 */
function addSesProvider(dir, { flavour, head }) {
  const file = path.join(dir, `config/env/development/plugins.${flavour}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    [
      ...head,
      '  email: {',
      '    config: {',
      "      provider: 'amazon-ses',",
      '      providerOptions: {',
      "        key: env('AWS_SES_KEY'),",
      "        secret: env('AWS_SES_SECRET'),",
      "        amazon: env('AWS_SES_ENDPOINT'),",
      '      },',
      "      settings: { defaultFrom: env('EMAIL_FROM'), defaultReplyTo: env('EMAIL_FROM') },",
      '    },',
      '  },',
      '});',
      '',
    ].join('\n')
  );
}

function expectSuccess(result, what) {
  if (result.code === 0) return;
  const why = result.timedOut ? 'timed out' : `exited with ${result.code ?? result.signal}`;
  throw new Error(`${what} ${why}:\n${tail(result.output)}`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function updateJson(file, change) {
  fs.writeFileSync(file, `${JSON.stringify(change(readJson(file)), null, 2)}\n`);
}

module.exports = {
  REPO,
  generateNewFor,
  generateProject,
  addDependenciesAndOverrides,
  installPackage,
  reuseInstall,
  addSesProvider,
  expectSuccess,
  readJson,
};
