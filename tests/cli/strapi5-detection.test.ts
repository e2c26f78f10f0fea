/**
 * Which Strapi 5 projects init sets up: 5.50.2 and later (the first create-strapi-app
 * whose projects run users-permissions in refresh mode), judged by the installed
 * @strapi/strapi when there is one, else by the lowest version package.json allows.
 */
import {
  compareVersions,
  lowestVersionOf,
  STRAPI_5_FLOOR,
} from '../../packages/strapi-passwordless-login/src/cli/strapi-version';
import { makeProject, removeProjects, runCli, snapshot, writeFiles } from './project-fixture';
import { makeStrapi5Project } from './strapi5-project';

afterEach(removeProjects);

function projectWith(range: string, installed?: string): string {
  const root = makeProject({ strapi: range });
  if (installed) writeFiles(root, { 'node_modules/@strapi/strapi/package.json': JSON.stringify({ version: installed }) });
  return root;
}

describe('accepted', () => {
  it.each([
    ['5.54.0 installed (create-strapi-app 5.54.0)', '5.54.0', '5.54.0', /^Strapi 5\.54\.0 project/],
    ['5.50.2 installed (create-strapi-app 5.50.2)', '5.50.2', '5.50.2', /^Strapi 5\.50\.2 project/],
    ['a range below the floor, 5.54.0 installed: what runs decides', '^5.0.0', '5.54.0', /^Strapi 5\.54\.0 project/],
    ['"^5.50.2", nothing installed', '^5.50.2', undefined, /^Strapi \^5\.50\.2 project/],
    ['">=5.50.2 <6", nothing installed', '>=5.50.2 <6', undefined, /^Strapi >=5\.50\.2 <6 project/],
  ])('%s', async (_label, range, installed, header) => {
    const run = await runCli(projectWith(range, installed));
    expect(run.code).toBe(0);
    expect(run.out).toMatch(header);
    // Recorded as Strapi 5: the steps that differ say so.
    expect(run.out).toMatch(/^created +src\/admin\/app\.js: .*strapi-passwordless-login\/admin\/strapi5 /m);
  });
});

describe('refused, with the floor and the upgrade named, nothing written', () => {
  it.each([
    ['5.26.0 installed (create-strapi-app 5.26.0)', '5.26.0', '5.26.0', /Strapi 5\.26\.0 project/],
    ['5.50.2-beta.0 installed', '5.50.2-beta.0', '5.50.2-beta.0', /Strapi 5\.50\.2-beta\.0 project/],
    [
      '"5.50.1", nothing installed',
      '5.50.1',
      undefined,
      /Strapi 5 project \("@strapi\/strapi": "5\.50\.1"\) whose range allows versions below 5\.50\.2/,
    ],
    ['"^5.0.0 || ^5.50.2", nothing installed: the lowest it allows decides', '^5.0.0 || ^5.50.2', undefined, /below 5\.50\.2/],
  ])('%s', async (_label, range, installed, what) => {
    const root = projectWith(range, installed);
    const before = snapshot(root);
    const run = await runCli(root);

    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toMatch(what);
    expect(run.err).toContain('needs Strapi 5.50.2 or later');
    expect(run.err).toContain('npx @strapi/upgrade minor');
    expect(snapshot(root)).toEqual(before);
  });

  it('a 5.26.0 project as create-strapi-app 5.26.0 makes it', async () => {
    const root = makeStrapi5Project('js', { version: '5.26.0', plugins: 'module.exports = () => ({});\n' });
    const run = await runCli(root);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^This is a Strapi 5\.26\.0 project .*needs Strapi 5\.50\.2 or later.*npx @strapi\/upgrade minor/);
  });

  it('Strapi 6 installed: not supported yet', async () => {
    const run = await runCli(projectWith('^6.0.0', '6.0.0'));
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /Strapi 6\.0\.0 project .*supports Strapi 4 and Strapi 5 from 5\.50\.2: Strapi 6 is not supported yet/
    );
  });
});

describe('lowestVersionOf', () => {
  it.each([
    ['5.50.2', [5, 50, 2, false]],
    ['^5.50.2', [5, 50, 2, false]],
    ['~5.54.0', [5, 54, 0, false]],
    ['>=5.50.2 <6', [5, 50, 2, false]],
    ['5.x', [5, 0, 0, false]],
    ['5.50.x', [5, 50, 0, false]],
    ['5', [5, 0, 0, false]],
    ['5.55.0-beta.1', [5, 55, 0, true]],
    ['^4.15.0 || ^5.50.2', [4, 15, 0, false]],
  ])('%j → %j', (range, [major, minor, patch, prerelease]) => {
    expect(lowestVersionOf(range)).toEqual({ major, minor, patch, prerelease });
  });

  it.each(['latest', '*', 'workspace:*', '<6', '^5.50.2 || latest', ''])('%j has no lower bound init can read', (range) => {
    expect(lowestVersionOf(range)).toBeUndefined();
  });

  it.each([
    ['5.50.2', 0],
    ['5.50.1', -1],
    ['5.50.2-rc.1', -1],
    ['5.51.0-beta.0', 1],
    ['5.54.0', 1],
  ])('%s against the 5.50.2 floor: %i', (version, sign) => {
    expect(Math.sign(compareVersions(lowestVersionOf(version)!, STRAPI_5_FLOOR))).toBe(sign);
  });
});
