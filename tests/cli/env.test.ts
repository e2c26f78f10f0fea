import { readEnvVariables } from '../../packages/strapi-passwordless-login/src/cli/env-file';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeProject, read, removeProjects, runCli, snapshot, writeFiles } from './project-fixture';

const SECRET = 'x'.repeat(64);
const SECRET_LINE = /^PASSWORDLESS_SECRET=[A-Za-z0-9+/]{64}$/m;

afterEach(removeProjects);

describe('.env', () => {
  it('without a trailing newline: the variables start on a line of their own', async () => {
    const root = makeProject({ files: { '.env': 'HOST=0.0.0.0' } });
    const run = await runCli(root);

    const lines = read(root, '.env').split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'HOST=0.0.0.0',
      '# Passwordless login (strapi-passwordless-login)',
      expect.stringMatching(SECRET_LINE),
    ]);
    expect(lines.slice(3)).toEqual(['PASSWORDLESS_EMAIL_DELIVERY=log', '']);
    expect(run.out).toMatch(/^updated +\.env: added PASSWORDLESS_SECRET/m);
  });

  it('with CRLF line endings: appends CRLF lines', async () => {
    const root = makeProject({ files: { '.env': 'HOST=0.0.0.0\r\n' } });
    await runCli(root);
    expect(read(root, '.env')).toMatch(
      /^HOST=0\.0\.0\.0\r\n# Passwordless login \(strapi-passwordless-login\)\r\nPASSWORDLESS_SECRET=\S{64}\r\nPASSWORDLESS_EMAIL_DELIVERY=log\r\n$/
    );
  });

  it('with the secret set: the secret is kept, only the delivery added', async () => {
    const original = `HOST=0.0.0.0\nexport PASSWORDLESS_SECRET="${SECRET}"\n`;
    const root = makeProject({ files: { '.env': original } });
    const run = await runCli(root);

    expect(read(root, '.env')).toBe(
      `${original}# Passwordless login (strapi-passwordless-login)\nPASSWORDLESS_EMAIL_DELIVERY=log\n`
    );
    expect(run.out).not.toContain(SECRET);
  });

  it('with both variables set (any values): not changed', async () => {
    const root = makeProject({ files: { '.env': `PASSWORDLESS_SECRET=${SECRET}\nPASSWORDLESS_EMAIL_DELIVERY=provider\n` } });
    const before = snapshot(root)['.env'];
    const run = await runCli(root);

    expect(snapshot(root)['.env']).toEqual(before);
    expect(run.out).toMatch(/^in place +\.env: /m);
  });

  it('with an empty secret: left as is, and the run says so', async () => {
    const root = makeProject({ files: { '.env': 'PASSWORDLESS_SECRET=\nPASSWORDLESS_EMAIL_DELIVERY=log\n' } });
    const before = snapshot(root)['.env'];
    const run = await runCli(root);

    expect(snapshot(root)['.env']).toEqual(before);
    expect(run.out).toMatch(/^action needed +\.env: PASSWORDLESS_SECRET is present but empty; left as is/m);
  });

  it('a commented-out secret does not count as set', async () => {
    const root = makeProject({ files: { '.env': '# PASSWORDLESS_SECRET=old\n' } });
    await runCli(root);
    expect(read(root, '.env')).toMatch(SECRET_LINE);
  });
});

describe('.env.example', () => {
  it('present: gains the missing names with empty values', async () => {
    const root = makeProject({ files: { '.env.example': 'HOST=\nPASSWORDLESS_SECRET=\n# PASSWORDLESS_EMAIL_DELIVERY=log' } });
    const run = await runCli(root);

    expect(read(root, '.env.example')).toBe(
      'HOST=\nPASSWORDLESS_SECRET=\n# PASSWORDLESS_EMAIL_DELIVERY=log\n# Passwordless login (strapi-passwordless-login)\nPASSWORDLESS_EMAIL_DELIVERY=\nPASSWORDLESS_LINK_URL=\n'
    );
    expect(run.out).toMatch(/^updated +\.env\.example: added PASSWORDLESS_EMAIL_DELIVERY=, PASSWORDLESS_LINK_URL=$/m);
  });

  it('absent: not created', async () => {
    const root = makeProject();
    const run = await runCli(root);
    expect(Object.keys(snapshot(root))).not.toContain('.env.example');
    expect(run.out).toMatch(/^skipped +\.env\.example: /m);
  });
});

describe('readEnvVariables', () => {
  it.each([
    ['A=1', 'A', '1'],
    ['A=', 'A', ''],
    ['  A = spaced  ', 'A', 'spaced'],
    ['export A=1', 'A', '1'],
    ['A="quoted # not a comment"', 'A', 'quoted # not a comment'],
    ["A=''", 'A', ''],
    ['A= # only a comment', 'A', ''],
    ['A: colon form', 'A', 'colon form'],
  ])('%j sets %s to %j', (line, name, value) => {
    expect(readEnvVariables(`${line}\n`).get(name)).toBe(value);
  });

  it.each(['# A=1', '  # A=1', 'A', ''])('%j sets nothing', (line) => {
    expect(readEnvVariables(line).size).toBe(0);
  });
});

// Issue 18: init writes a secret into .env; it must not be committed with the project.
describe('.gitignore', () => {
  it('a .gitignore that does not cover .env gets the line; a second run changes nothing', async () => {
    const root = makeProject({ files: { '.gitignore': 'node_modules\nbuild' } });
    const run = await runCli(root);
    expect(read(root, '.gitignore')).toBe('node_modules\nbuild\n# Secrets (strapi-passwordless-login)\n.env\n');
    expect(run.out).toMatch(/^updated +\.gitignore: added \.env/m);
    const before = snapshot(root);
    expect((await runCli(root)).out).toMatch(/^in place +\.gitignore: \.env is ignored by git/m);
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    ['.env', '.env\n'],
    ['a wildcard', '.env*\n'],
    ['a rule of the repository root above the project', null],
  ])('.env already ignored by %s: nothing written', async (_label, gitignore) => {
    const root = makeProject({ files: gitignore === null ? {} : { '.gitignore': gitignore } });
    const project = gitignore === null ? nestedProject(root) : root;
    const before = read(project, '.gitignore').length;
    const run = await runCli(project);
    expect(run.out).toMatch(/^in place +\.gitignore: \.env is ignored by git/m);
    expect(read(project, '.gitignore').length).toBe(before);
  });

  it('a negation (!.env) un-ignores it: the line is added', async () => {
    const root = makeProject({ files: { '.gitignore': '.env*\n!.env\n' } });
    expect((await runCli(root)).out).toMatch(/^updated +\.gitignore: added \.env/m);
  });

  it('a rule in another case (.ENV) does not cover .env: git is case-sensitive here', async () => {
    const root = makeProject({ files: { '.gitignore': '.ENV\n' } });
    expect((await runCli(root)).out).toMatch(/^updated +\.gitignore: added \.env/m);
  });

  it('a .env git already tracks: no ignore rule helps, so the run says what to do and writes nothing there', async () => {
    const root = makeProject({ files: { '.env': 'HOST=0.0.0.0\n', '.gitignore': 'node_modules\n' } });
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', '.env'], { cwd: root });
    const run = await runCli(root);
    expect(run.out).toMatch(/^action needed +\.env: \.env is tracked by git/m);
    expect(run.out).toContain('git rm --cached .env');
    expect(read(root, '.gitignore')).toBe('node_modules\n');
  });

  it('no .gitignore at all: one is created with .env', async () => {
    const root = makeProject();
    const run = await runCli(root);
    expect(read(root, '.gitignore')).toBe('# Secrets (strapi-passwordless-login)\n.env\n');
    expect(run.out).toMatch(/^created +\.gitignore: added \.env/m);
  });
});

/** A Strapi project at <repo>/apps/cms (a real git repository), the root .gitignore ignoring .env; the project's own .gitignore does not. */
function nestedProject(repo: string): string {
  execFileSync('git', ['init', '-q'], { cwd: repo });
  const project = path.join(repo, 'apps', 'cms');
  fs.mkdirSync(project, { recursive: true });
  fs.renameSync(path.join(repo, 'package.json'), path.join(project, 'package.json'));
  writeFiles(repo, { '.gitignore': 'node_modules\n.env\n' });
  writeFiles(project, { '.gitignore': 'build\n' });
  return project;
}
