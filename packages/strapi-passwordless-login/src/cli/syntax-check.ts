/**
 * Parses a config file init has edited before it is written: an edit that would
 * stop Strapi from booting is printed for the user instead.
 */
import * as path from 'node:path';
import * as vm from 'node:vm';
import { createRequire } from 'node:module';
import type { Language } from './types';

interface TypeScriptLike {
  transpileModule(input: string, options: { reportDiagnostics: boolean; fileName: string }): { diagnostics?: unknown[] };
}

export type SyntaxCheck = 'parses' | 'syntax error' | 'unverifiable';

/**
 * JavaScript is compiled (not run) by V8. TypeScript goes through the project's own
 * compiler when installed (a Strapi 4 TypeScript project has it); without one, the
 * file must parse as JavaScript once `export default` reads `module.exports =`, and
 * type syntax makes it unverifiable, which for init also means "print, do not edit".
 */
export function checkSyntax(source: string, language: Language, projectRoot: string): SyntaxCheck {
  if (language === 'js') return parsesAsScript(source) ? 'parses' : 'syntax error';
  const typescript = loadProjectTypeScript(projectRoot);
  if (typescript) {
    const { diagnostics = [] } = typescript.transpileModule(source, { reportDiagnostics: true, fileName: 'plugins.ts' });
    return diagnostics.length === 0 ? 'parses' : 'syntax error';
  }
  return parsesAsScript(source.replace(/\bexport\s+default\b/, 'module.exports =')) ? 'parses' : 'unverifiable';
}

function parsesAsScript(source: string): boolean {
  try {
    new vm.Script(source, { filename: 'plugins.js' });
    return true;
  } catch {
    return false;
  }
}

function loadProjectTypeScript(projectRoot: string): TypeScriptLike | undefined {
  try {
    return createRequire(path.join(projectRoot, 'package.json'))('typescript') as TypeScriptLike;
  } catch {
    return undefined;
  }
}
