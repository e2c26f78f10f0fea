/**
 * config/plugins on Strapi 5: the generator's 'users-permissions' entry (refresh mode,
 * HttpOnly cookie) gains the passwordless block inside its config, every other byte kept.
 */
import path from 'node:path';
import ts from 'typescript';
import { PLUGINS_JS_5_54, PLUGINS_TS_5_54 } from './fixtures-strapi5';
import { PLUGINS_JS_5_48, PLUGINS_JS_5_50_2, PLUGINS_TS_5_48, PLUGINS_TS_5_50_2 } from './fixtures-strapi5-older';
import { read, removeProjects, runCli, snapshot } from './project-fixture';
import { makeStrapi5Project, typeCheck, type Language } from './strapi5-project';

type PluginsConfig = Record<string, { config: Record<string, unknown> }>;
const SECRET = 's'.repeat(64);
const fakeEnv = (name: string, fallback?: string): string | undefined => (name === 'PASSWORDLESS_SECRET' ? SECRET : fallback);
const PASSWORDLESS = { secret: SECRET, linkUrl: undefined, email: { delivery: 'provider' } };
const BLOCK = /\r?\n {6}passwordless: \{[\s\S]*?\r?\n {6}\},/;

/** Runs a written config/plugins file as Strapi would: JavaScript required, TypeScript compiled first. */
function loadPlugins(root: string, language: Language): PluginsConfig {
  const file = path.join(root, `config/plugins.${language}`);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  if (language === 'js') return require(file)({ env: fakeEnv });
  const { outputText, diagnostics } = ts.transpileModule(read(root, 'config/plugins.ts'), {
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS },
  });
  expect(diagnostics).toEqual([]);
  const exports: { default?: (params: unknown) => PluginsConfig } = {};
  new Function('exports', 'require', outputText)(exports, require);
  return exports.default!({ env: fakeEnv });
}

afterEach(removeProjects);

describe.each([
  ['5.54.0', 'js', PLUGINS_JS_5_54],
  ['5.54.0', 'ts', PLUGINS_TS_5_54],
  ['5.50.2', 'js', PLUGINS_JS_5_50_2],
  ['5.50.2', 'ts', PLUGINS_TS_5_50_2],
] as const)('create-strapi-app %s, %s', (version, language, original) => {
  it("adds passwordless inside 'users-permissions'.config; jwtManagement, sessions and upload kept", async () => {
    const root = makeStrapi5Project(language, { version, plugins: original });
    const run = await runCli(root);

    expect(run.out).toMatch(
      new RegExp(`^updated +config/plugins\\.${language}: added passwordless inside 'users-permissions'\\.config`, 'm')
    );
    const edited = read(root, `config/plugins.${language}`);
    // Only the block and, in JavaScript (whose function takes no parameter), ({ env }) were added.
    const withoutBlock = edited.replace(BLOCK, '');
    expect(
      language === 'js' ? withoutBlock.replace('module.exports = ({ env }) =>', 'module.exports = () =>') : withoutBlock
    ).toBe(original);
    expect(run.out.includes('and the ({ env }) parameter it reads')).toBe(language === 'js');

    const config = loadPlugins(root, language);
    expect(config['users-permissions'].config).toEqual({
      passwordless: PASSWORDLESS,
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    });
    expect(Object.keys(config)).toEqual(['users-permissions', 'upload']);
    if (language === 'ts')
      expect(typeCheck(root, ['config/plugins.ts', 'src/extensions/users-permissions/strapi-server.ts'])).toEqual([]);
  });

  it('a second run finds the block and changes no file', async () => {
    const root = makeStrapi5Project(language, { version, plugins: original });
    await runCli(root);
    const after = snapshot(root);
    const second = await runCli(root);

    expect(snapshot(root)).toEqual(after);
    expect(second.out).toMatch(/^in place +config\/plugins\.\w+: 'users-permissions' already has a passwordless block/m);
    expect(second.out).toContain('Everything is in place; nothing changed.');
  });
});

describe('a project made by an older Strapi 5 and upgraded (no users-permissions entry)', () => {
  it.each([
    ['js', PLUGINS_JS_5_48],
    ['ts', PLUGINS_TS_5_48],
  ] as const)('%s: gains the whole entry, and it type-checks', async (language, original) => {
    const root = makeStrapi5Project(language, { plugins: original });
    const run = await runCli(root);

    expect(run.out).toMatch(
      /^updated +config\/plugins\.\w+: added 'users-permissions'\.config\.passwordless as the first entry/m
    );
    expect(loadPlugins(root, language)['users-permissions'].config).toEqual({ passwordless: PASSWORDLESS });
    if (language === 'ts') expect(typeCheck(root, ['config/plugins.ts'])).toEqual([]);
  });
});

describe('no config/plugins at all', () => {
  it('TypeScript: the file init creates types its parameter, as Strapi 5 builds with strict', async () => {
    const root = makeStrapi5Project('ts', { plugins: null });
    const run = await runCli(root);

    expect(run.out).toMatch(/^created +config\/plugins\.ts: /m);
    expect(read(root, 'config/plugins.ts')).toContain('({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({');
    expect(loadPlugins(root, 'ts')['users-permissions'].config).toEqual({ passwordless: PASSWORDLESS });
    expect(typeCheck(root, ['config/plugins.ts', 'src/extensions/users-permissions/strapi-server.ts'])).toEqual([]);
  });

  it('an untyped ({ env }) would not build: what the typed file avoids', () => {
    const root = makeStrapi5Project('ts', { plugins: "export default ({ env }) => ({ a: env('A') });\n" });
    expect(typeCheck(root, ['config/plugins.ts']).join('\n')).toMatch(/Binding element 'env' implicitly has an 'any' type/);
  });
});

it('keeps CRLF line endings', async () => {
  const original = PLUGINS_JS_5_54.replace(/\n/g, '\r\n');
  const root = makeStrapi5Project('js', { plugins: original });
  await runCli(root);
  const edited = read(root, 'config/plugins.js');
  expect(edited).toContain('config: {\r\n      passwordless: {\r\n        // Required in production');
  expect(edited.replace(/\r\n/g, '')).not.toMatch(/\n/);
});
