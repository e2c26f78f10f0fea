/** Reading config files as text: an object's properties, and the exported config function. */
import { locateConfigFunction } from '../../packages/strapi-passwordless-login/src/cli/config-function';
import { listProperties } from '../../packages/strapi-passwordless-login/src/cli/object-literal';
import { PLUGINS_JS_5_54, PLUGINS_TS_5_54 } from './fixtures-strapi5';

/** The keys of the object literal that opens `source`. */
function keysOf(source: string): Array<string | null> | null {
  const properties = listProperties(source, 0, source.lastIndexOf('}'));
  return properties && properties.map(({ key }) => key);
}

describe('listProperties', () => {
  it.each([
    ['{}', []],
    ['{ a: 1, \'b-c\': { d: [1, 2] }, "e": f(1, 2), }', ['a', 'b-c', 'e']],
    ['{ shorthand, a: `x,${y}` /* , */ }', ['shorthand', 'a']],
    ['{ ...spread, a: 1 }', [null, 'a']],
    ['{ [computed]: 1 }', [null]],
    ['{ method() { return 1; } }', [null]],
    ['{ get a() { return 1; } }', [null]],
    ["{ 'a\\u0062': 1 }", [null]],
    ["{ 'quoted' }", [null]],
    ['{ 1: 1 }', [null]],
  ])('%s: %j', (source, keys) => {
    expect(keysOf(source)).toEqual(keys);
  });

  it.each(['{ a: /,/ }', '{ a: 1 / 2, b: 2 }', "{ a: '}, b: 1 }"])('%s: null (init cannot follow it)', (source) => {
    expect(keysOf(source)).toBeNull();
  });
});

describe('locateConfigFunction', () => {
  const allow = { declarationsBefore: true };

  it.each([
    ['Strapi 5 JavaScript', PLUGINS_JS_5_54, 'js', false],
    ['Strapi 5 TypeScript (const config, typed, export default config)', PLUGINS_TS_5_54, 'ts', true],
    ['Strapi 4 TypeScript', 'export default () => ({});\n', 'ts', false],
    ['declared, then exported', 'const config = ({ env }) => ({});\nmodule.exports = config;\n', 'js', true],
  ] as const)('finds %s', (_label, source, language, hasEnv) => {
    const located = locateConfigFunction(source, language, allow);
    expect(located).toMatchObject({ kind: 'found', found: { parameters: { hasEnv } } });
  });

  it.each([
    ['declarations before, for Strapi 4', PLUGINS_JS_5_54, 'js', { declarationsBefore: false }],
    ['another name exported', 'const config = () => ({});\nexport default other;\n', 'ts', allow],
    ['a longer name exported', 'const config = () => ({});\nexport default configs;\n', 'ts', allow],
    ['a type annotation in JavaScript', 'module.exports = ({ env }: Params) => ({});\n', 'js', allow],
    ['a parameter besides env', 'export default ({ env, strapi }) => ({});\n', 'ts', allow],
    ['the export inside a block', 'if (x) {\n  module.exports = () => ({});\n}\n', 'js', allow],
    ['a property named like the export', 'foo.module.exports = () => ({});\n', 'js', allow],
  ] as const)('refuses %s', (_label, source, language, options) => {
    expect(locateConfigFunction(source, language, options).kind).toBe('refused');
  });
});
