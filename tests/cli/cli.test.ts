import { makeProject, removeProjects, runCli, snapshot } from './project-fixture';

afterEach(removeProjects);

describe('command line', () => {
  it.each([
    ['no command', [], /Missing command/],
    ['an unknown command', ['deploy'], /Unknown command: deploy/],
    ['an unknown flag', ['init', '--force'], /Unknown option: --force/],
    ['an extra argument', ['init', 'now'], /Unexpected argument: now/],
  ])('%s: usage on stderr, exit 2, nothing written', async (_label, argv, message) => {
    const root = makeProject();
    const run = await runCli(root, argv);

    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.err).toContain('Usage: npx strapi-passwordless-login init [--dry-run]');
    expect(run.out).toBe('');
  });

  it.each([[['--help']], [['-h']], [['init', '--help']]])('%j: usage on stdout, exit 0', async (argv) => {
    const run = await runCli(makeProject(), argv);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Usage: npx strapi-passwordless-login init [--dry-run]');
  });
});

describe('next steps', () => {
  const OVERRIDE_NOTE = 'get-intrinsic 1.3.1 breaks the admin build';

  it('name the admin permissions to tick', async () => {
    const run = await runCli(makeProject());
    expect(run.out).toContain('Roles → Public → Users-permissions');
    expect(run.out).toContain('tick passwordless and passwordlessVerify (and logout)');
  });

  it.each([
    ['npm, no override', {}, {}, '"overrides": { "get-intrinsic": "1.3.0" }'],
    ['yarn, no resolution', { 'yarn.lock': '' }, {}, '"resolutions": { "get-intrinsic": "1.3.0" }'],
    ['pnpm, no override', { 'pnpm-lock.yaml': '' }, {}, '"pnpm": { "overrides": { "get-intrinsic": "1.3.0" } }'],
    ['npm with the override', {}, { overrides: { 'get-intrinsic': '1.3.0' } }, null],
    ['yarn with the resolution', { 'yarn.lock': '' }, { resolutions: { 'get-intrinsic': '1.3.0' } }, null],
  ])('%s: get-intrinsic note %s', async (_label, files, packageJson, snippet) => {
    const run = await runCli(makeProject({ files, packageJson }));
    if (snippet) expect(run.out).toContain(`  ${snippet}\n${OVERRIDE_NOTE}`);
    else expect(run.out).not.toContain(OVERRIDE_NOTE);
  });

  it.each([
    [{}, {}, 'npm install strapi-passwordless-login', 'npm run develop'],
    [{ 'yarn.lock': '' }, {}, 'yarn add strapi-passwordless-login', 'yarn develop'],
    [
      {},
      { npm_config_user_agent: 'pnpm/9.1.0 npm/? node/v20.11.0 linux x64' },
      'pnpm add strapi-passwordless-login',
      'pnpm develop',
    ],
  ])('with %j and env %j: %s, then %s', async (files, env, install, develop) => {
    const run = await runCli(makeProject({ files }), ['init'], env);
    expect(run.out).toContain(`Install the package: ${install}`);
    expect(run.out).toContain(`Start Strapi: ${develop}`);
  });

  it('skip the install step when the package is a dependency', async () => {
    const packageJson = { dependencies: { '@strapi/strapi': '4.26.2', 'strapi-passwordless-login': '^0.1.0' } };
    const run = await runCli(makeProject({ packageJson }));
    expect(run.out).not.toContain('Install the package');
    expect(run.out).toContain('1. Start Strapi');
  });
});

describe('a file that cannot be read', () => {
  it('stops before writing anything: exit 1, the reason on stderr', async () => {
    // config is a file, so reading config/plugins.js fails while the steps are planning.
    const root = makeProject({ files: { config: 'not a directory\n' } });
    const before = snapshot(root);
    const run = await runCli(root);

    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^strapi-passwordless-login: ENOTDIR/);
    expect(snapshot(root)).toEqual(before);
  });
});
