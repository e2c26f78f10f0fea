/**
 * .gitignore: the secret init writes to .env must not reach the repository. Whether
 * git would ignore .env is decided by `ignore` (the gitignore rules as git applies them,
 * used by ESLint and Prettier), over every .gitignore from the repository's root down
 * to the project, deeper files winning. When none covers it, `.env` is appended (or a
 * .gitignore created).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { appendToFile, createFile, lineEndingOf, readText, separatorBeforeAppend } from '../files';
import { PACKAGE_NAME } from '../templates';
import type { Change, Project, Step } from '../types';

const FILE = '.gitignore';
const ENV = '.env';

export const gitignoreStep: Step = {
  name: 'git ignore',
  plan(project: Project): Change[] {
    if (envIsIgnored(project.root)) return [{ status: 'in place', path: FILE, reason: `${ENV} is ignored by git` }];
    const file = path.join(project.root, FILE);
    const text = readText(file);
    const reason = `added ${ENV}, so the PASSWORDLESS_SECRET in it is never committed`;
    if (text === undefined) {
      return [{ status: 'create', path: FILE, reason, write: () => createFile(file, `# Secrets (${PACKAGE_NAME})\n${ENV}\n`) }];
    }
    return [
      {
        status: 'update',
        path: FILE,
        reason,
        write: () => {
          const eol = lineEndingOf(text);
          appendToFile(file, `${separatorBeforeAppend(text)}# Secrets (${PACKAGE_NAME})${eol}${ENV}${eol}`);
        },
      },
    ];
  },
};

/** .env as git sees it: each .gitignore from the repository root (or the project, outside git) down. */
function envIsIgnored(root: string): boolean {
  let ignored = false;
  for (const dir of gitignoreDirs(root)) {
    const text = readText(path.join(dir, FILE));
    if (text === undefined) continue;
    const verdict = ignore().add(text).test(path.relative(dir, path.join(root, ENV)).split(path.sep).join('/'));
    if (verdict.ignored) ignored = true;
    if (verdict.unignored) ignored = false;
  }
  return ignored;
}

/** The project's folder and its parents up to the repository root, outermost first. */
function gitignoreDirs(root: string): string[] {
  const dirs: string[] = [];
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    dirs.unshift(dir);
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
  }
  // Outside any repository only the project's own file counts.
  return fs.existsSync(path.join(dirs[0], '.git')) ? dirs : [path.resolve(root)];
}
