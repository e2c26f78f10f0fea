/**
 * A temporary project laid out as create-strapi-app 5 generates it (fixtures-strapi5*.ts),
 * with the installed @strapi/strapi version init reads, and for TypeScript the typescript
 * package init checks an edited config with (a 5.x TypeScript project installs it).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { DEPENDENCIES_5_54, ENV_5_54, ENV_EXAMPLE_5_54, PLUGINS_JS_5_54, PLUGINS_TS_5_54 } from './fixtures-strapi5';
import { GITIGNORE_5_54 } from './fixtures-strapi5-gitignore';
import { makeProject, writeFiles } from './project-fixture';

export type Language = 'js' | 'ts';

export interface Strapi5Options {
  /** The installed @strapi/strapi; also the package.json version. */
  version?: string;
  /** config/plugins text; null: no such file. */
  plugins?: string | null;
  files?: Record<string, string>;
}

export function makeStrapi5Project(language: Language, options: Strapi5Options = {}): string {
  const version = options.version ?? '5.54.0';
  const plugins = options.plugins === undefined ? (language === 'ts' ? PLUGINS_TS_5_54 : PLUGINS_JS_5_54) : options.plugins;
  const files: Record<string, string> = {
    '.env': ENV_5_54,
    '.env.example': ENV_EXAMPLE_5_54,
    '.gitignore': GITIGNORE_5_54,
    'src/extensions/.gitkeep': '',
    // Only whether tsconfig.json exists is read; the generated jsconfig.json is not read at all.
    [language === 'ts' ? 'tsconfig.json' : 'jsconfig.json']: '{ "compilerOptions": { "strict": true } }\n',
    'node_modules/@strapi/strapi/package.json': JSON.stringify({ name: '@strapi/strapi', version }),
    ...(plugins === null ? {} : { [`config/plugins.${language}`]: plugins }),
    ...options.files,
  };
  const dependencies = { ...DEPENDENCIES_5_54, '@strapi/strapi': version, '@strapi/plugin-users-permissions': version };
  const root = makeProject({ packageJson: { name: `${language}-554`, version: '0.1.0', dependencies }, files });
  if (language === 'ts') {
    fs.symlinkSync(path.dirname(require.resolve('typescript/package.json')), path.join(root, 'node_modules/typescript'), 'dir');
  }
  return root;
}

// The parts of @strapi/strapi 5.54's types a config file and the shim touch (@strapi/types
// core/config/{plugin,shared}.d.ts and @strapi/utils env), and the package's entry.
const STUBS: Record<string, string> = {
  'node_modules/@strapi/strapi/index.d.ts': `export declare namespace Core { namespace Config {
    interface Plugin { [key: string]: { enabled?: boolean; resolve?: string; config?: unknown } | boolean }
    namespace Shared { type ConfigParams = { env: { (key: string): string | undefined; <T>(key: string, initial: T): string | T } } }
  } }`,
  'node_modules/strapi-passwordless-login/index.d.ts':
    'export declare function withPasswordless<P extends object>(plugin: P): P;',
};

/**
 * Type-checks TypeScript files of a project as Strapi 5 builds them: its tsconfig has
 * `strict` and `noEmitOnError`, so any diagnostic stops the build.
 */
export function typeCheck(root: string, files: string[]): string[] {
  writeFiles(root, STUBS);
  const program = ts.createProgram(
    files.map((file) => path.join(root, file)),
    {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2019,
      esModuleInterop: true,
      types: [],
    }
  );
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}
