/**
 * Strapi 5 config/plugins files init must not edit: each is left byte for byte, the run
 * says why and prints the block to add, and a second run changes nothing either.
 */
import { PLUGINS_JS_5_54 } from './fixtures-strapi5';
import { read, removeProjects, runCli, snapshot } from './project-fixture';
import { makeStrapi5Project, type Language } from './strapi5-project';

const ENTRY_ONE_LINE = "module.exports = () => ({\n  'users-permissions': { config: { jwtManagement: 'refresh' } },\n});\n";

const CASES: Array<[string, Language, string, RegExp]> = [
  [
    'a spread in its config (it could set passwordless again)',
    'js',
    PLUGINS_JS_5_54.replace("      jwtManagement: 'refresh',", "      ...shared,\n      jwtManagement: 'refresh',"),
    /its 'users-permissions' config has a spread, computed or method property/,
  ],
  [
    "a spread beside 'users-permissions'",
    'js',
    PLUGINS_JS_5_54.replace('  upload: {', '  ...others,\n  upload: {'),
    /the returned object has a spread, computed or method property/,
  ],
  [
    "two 'users-permissions' keys",
    'js',
    PLUGINS_JS_5_54.replace('  upload: {', "  'users-permissions': { config: {} },\n  upload: {"),
    /the returned object has more than one 'users-permissions' key/,
  ],
  [
    'its config held in a variable',
    'js',
    "const up = { jwtManagement: 'refresh' };\nmodule.exports = () => ({\n  'users-permissions': {\n    config: up,\n  },\n});\n",
    /its 'config' value is not an object literal/,
  ],
  ['its config on one line', 'js', ENTRY_ONE_LINE, /not written one property per line/],
  [
    'an env of its own, which ({ env }) would hide',
    'js',
    `const env = require('./env');\n${PLUGINS_JS_5_54}`,
    /declares an `env` of its own above the export/,
  ],
  [
    'a regular expression before the export',
    'js',
    `const png = /\\.png$/;\n${PLUGINS_JS_5_54}`,
    /not the shape Strapi generates/,
  ],
  ['code after the export', 'js', `${PLUGINS_JS_5_54}module.exports.extra = true;\n`, /not the shape Strapi generates/],
  [
    'a function body',
    'js',
    "module.exports = () => {\n  return { 'users-permissions': { config: { jwtManagement: 'refresh' } } };\n};\n",
    /not the shape Strapi generates/,
  ],
  [
    'TypeScript without { env } (an untyped one fails the strict build)',
    'ts',
    ENTRY_ONE_LINE.replace('module.exports =', 'export default').replace(
      "{ config: { jwtManagement: 'refresh' } }",
      "{\n    config: {\n      jwtManagement: 'refresh',\n    },\n  }"
    ),
    /its function has no \{ env \} parameter, and an untyped one fails the strict TypeScript build/,
  ],
];

afterEach(removeProjects);

describe.each(CASES)('Strapi 5 config/plugins with %s', (_label, language, original, why) => {
  it('is left untouched, with the reason and the block to add; a second run changes nothing', async () => {
    const root = makeStrapi5Project(language, { plugins: original });
    const file = `config/plugins.${language}`;
    const run = await runCli(root);

    expect(read(root, file)).toBe(original);
    expect(run.out).toMatch(new RegExp(`^action needed +config/plugins\\.${language}: left untouched: `, 'm'));
    expect(run.out).toMatch(why);
    expect(run.out).toContain("Add this inside its 'users-permissions' config: { ... }:");
    const parameter = language === 'ts' ? '({ env }: Core.Config.Shared.ConfigParams)' : '({ env })';
    expect(run.out).toContain(
      `    // The exported function must receive ${parameter}:\n    passwordless: {\n      // Required in production`
    );

    const after = snapshot(root);
    const second = await runCli(root);
    expect(snapshot(root)).toEqual(after);
    expect(second.out).toContain('Nothing changed; everything else is in place.');
  });
});
