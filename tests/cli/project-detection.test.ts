import fs from 'node:fs';
import path from 'node:path';
import { lowestVersionOf } from '../../packages/strapi-passwordless-login/src/cli/strapi-version';
import { makeProject, removeProjects, runCli, snapshot, writeFiles } from './project-fixture';

afterEach(removeProjects);

describe('init outside a Strapi 4 or 5 project root', () => {
  it.each([
    [
      'no package.json',
      { noPackageJson: true as const },
      /No package\.json in .*not a Strapi project.*root of a Strapi 4 or 5 project/,
    ],
    [
      'a package.json without @strapi/strapi',
      { strapi: null },
      /not a Strapi project: package\.json has no "@strapi\/strapi" dependency/,
    ],
    ['Strapi 5 (5.0.0)', { strapi: '5.0.0' }, /Strapi 5 project .*below 5\.50\.2.*npx @strapi\/upgrade minor/],
    ['Strapi 5 (^5.12.1)', { strapi: '^5.12.1' }, /Strapi 5 project .*needs Strapi 5\.50\.2 or later/],
    ['Strapi 6 (6.0.0)', { strapi: '6.0.0' }, /Strapi 6 project .*Strapi 6 is not supported yet/],
    ['Strapi 3 (3.6.8)', { strapi: '3.6.8' }, /Strapi 3 project .*needs Strapi 4/],
    [
      'an unreadable range, nothing installed',
      { strapi: 'latest' },
      /Cannot tell the Strapi version from "@strapi\/strapi": "latest"/,
    ],
  ])('%s: exits 1 with a reason and writes nothing', async (_label, fixture, message) => {
    const root = makeProject(fixture);
    const before = snapshot(root);
    const run = await runCli(root);

    expect(run.code).toBe(1);
    expect(run.err).toMatch(message);
    expect(run.out).toBe('');
    expect(snapshot(root)).toEqual(before);
  });

  it('a folder inside the project: names the root to cd into', async () => {
    const root = makeProject({ files: { 'src/index.js': 'module.exports = {};\n' } });
    const run = await runCli(path.join(root, 'src'));

    expect(run.code).toBe(1);
    expect(run.err).toContain(`Run init in your Strapi project's root: cd ${root}`);
    expect(fs.existsSync(path.join(root, 'src/config'))).toBe(false);
  });

  it('a package.json that is not JSON: exits 1 naming the file', async () => {
    const root = makeProject({ noPackageJson: true, files: { 'package.json': '{ "dependencies": ' } });
    const run = await runCli(root);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${path.join(root, 'package.json')} is not valid JSON`);
  });
});

describe('a Strapi 4 project', () => {
  it.each(['4.26.2', '^4.15.0', '~4.25.1', '>=4.0.0 <5', '4.x'])('"@strapi/strapi": "%s" is accepted', async (range) => {
    const run = await runCli(makeProject({ strapi: range }));
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Strapi .* project \(JavaScript\)/);
  });

  it('a range without a version falls back to the installed @strapi/strapi', async () => {
    const root = makeProject({ strapi: 'latest' });
    writeFiles(root, { 'node_modules/@strapi/strapi/package.json': '{ "version": "4.20.1" }' });
    const run = await runCli(root);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Strapi 4\.20\.1 project/);
  });

  it.each([
    ['4.26.2', 4],
    ['^4.15.0', 4],
    ['~4.25.1', 4],
    ['v4.1.0', 4],
    ['>=5.0.0-beta.1', 5],
    ['45.0.0', 45],
    ['latest', undefined],
    ['workspace:*', undefined],
    ['<5', undefined],
  ])('the lowest version of %j has major %s', (range, major) => {
    expect(lowestVersionOf(range)?.major).toBe(major);
  });
});
