import fs from 'node:fs';
import path from 'node:path';
import { findClosingBracket } from '../../packages/strapi-passwordless-login/src/cli/js-scan';
import {
  hasPasswordlessConfig,
  insertUsersPermissionsEntry,
} from '../../packages/strapi-passwordless-login/src/cli/plugins-config-edit';
import { makeProject, read, removeProjects, runCli } from './project-fixture';

afterEach(removeProjects);

describe('findClosingBracket', () => {
  it.each([
    ['{}', 1],
    ['{ a: { b: [1, (2)] } } tail', 21],
    ["{ a: '}' }", 9],
    ['{ a: "\\"}" }', 11],
    ['{ a: `${ { b: "}" }.b }` }', 25],
    ['{ // }\n}', 7],
    ['{ /* } */ }', 10],
  ])('%j closes at %i', (source, index) => {
    expect(findClosingBracket(source, 0)).toBe(index);
  });

  it.each([
    ['a regular expression', '{ a: /}/ }'],
    ['a division', '{ a: 1 / 2 }'],
    ['mismatched brackets', '{ a: [ }'],
    ['no closing bracket', '{ a: 1'],
    ['an unterminated string', "{ a: '} }"],
    ['an unterminated comment', '{ /* } '],
  ])('%s: unknown (-1)', (_label, source) => {
    expect(findClosingBracket(source, 0)).toBe(-1);
  });
});

describe('insertUsersPermissionsEntry', () => {
  it.each([
    ['module.exports = () => ({});'],
    ['module.exports=({env})=>({})'],
    ["'use strict';\n// Plugins\nmodule.exports = ({ env }) => ({\n});\n/* end */\n"],
  ])('accepts the generated shape %j', (source) => {
    expect(insertUsersPermissionsEntry(source, 'js')).toMatchObject({ kind: 'edited' });
  });

  it('does not take the TypeScript form for JavaScript, nor the reverse', () => {
    expect(insertUsersPermissionsEntry('export default () => ({});', 'js').kind).toBe('refused');
    expect(insertUsersPermissionsEntry('module.exports = () => ({});', 'ts').kind).toBe('refused');
  });

  it('keeps an existing ({ env }) parameter as written', () => {
    const edit = insertUsersPermissionsEntry('export default ({env}) => ({\n  upload: {},\n});\n', 'ts');
    expect(edit).toMatchObject({ kind: 'edited', addedEnvParameter: false });
    expect(edit.kind === 'edited' && edit.text.startsWith("export default ({env}) => ({\n  'users-permissions': {")).toBe(true);
  });
});

describe('hasPasswordlessConfig', () => {
  it.each([
    ['the shape init writes', "module.exports = ({ env }) => ({ 'users-permissions': { config: { passwordless: {} } } });", true],
    ['double quotes, quoted key', 'module.exports = () => ({ "users-permissions": { config: { "passwordless": {} } } });', true],
    [
      'shorthand property',
      "const passwordless = {};\nmodule.exports = () => ({ 'users-permissions': { config: { passwordless } } });",
      true,
    ],
    ["this repository's own config/plugins.ts", fs.readFileSync(path.join(__dirname, '../../config/plugins.ts'), 'utf8'), true],
    ['users-permissions without it', "module.exports = () => ({ 'users-permissions': { config: { jwt: {} } } });", false],
    [
      'passwordless under another plugin',
      "module.exports = () => ({ 'users-permissions': { config: {} }, other: { passwordless: {} } });",
      false,
    ],
    [
      'only the package name',
      "// see strapi-passwordless-login\nmodule.exports = () => ({ 'users-permissions': { config: {} } });",
      false,
    ],
    ['no users-permissions entry', 'module.exports = () => ({ passwordless: {} });', false],
  ])('%s: %s', (_label, source, expected) => {
    expect(hasPasswordlessConfig(source)).toBe(expected);
  });
});

describe('a TypeScript config with type syntax', () => {
  const original =
    "export default ({ env }) => ({\n  upload: { config: { sizeLimit: env.int('UPLOAD_LIMIT', 1000) as number } },\n});\n";

  it("is edited when the project's typescript can check the result", async () => {
    const root = makeProject({ files: { 'tsconfig.json': '{}\n', 'config/plugins.ts': original } });
    fs.mkdirSync(path.join(root, 'node_modules'));
    fs.symlinkSync(path.dirname(require.resolve('typescript/package.json')), path.join(root, 'node_modules/typescript'), 'dir');
    const run = await runCli(root);

    expect(run.out).toMatch(/^updated +config\/plugins\.ts: /m);
    expect(read(root, 'config/plugins.ts').endsWith(original.slice(original.indexOf('({\n') + 2))).toBe(true);
  });

  it('is left untouched, with the reason, when typescript is not installed', async () => {
    const root = makeProject({ files: { 'tsconfig.json': '{}\n', 'config/plugins.ts': original } });
    const run = await runCli(root);

    expect(read(root, 'config/plugins.ts')).toBe(original);
    expect(run.out).toMatch(
      /^action needed +config\/plugins\.ts: left untouched: it uses TypeScript syntax and the project's typescript package/m
    );
  });
});

describe('config/plugins.js and config/plugins.ts both present', () => {
  it('edits neither and prints the entry', async () => {
    const files = { 'config/plugins.js': 'module.exports = () => ({});\n', 'config/plugins.ts': 'export default () => ({});\n' };
    const root = makeProject({ files });
    const run = await runCli(root);

    expect(read(root, 'config/plugins.js')).toBe(files['config/plugins.js']);
    expect(read(root, 'config/plugins.ts')).toBe(files['config/plugins.ts']);
    expect(run.out).toMatch(/^action needed +config\/plugins\.\{js,ts\}: both files exist/m);
  });
});
