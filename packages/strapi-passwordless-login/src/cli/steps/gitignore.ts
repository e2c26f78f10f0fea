/**
 * .gitignore: the secret init writes to .env must not reach the repository. Inside a git
 * work tree git itself decides (`git check-ignore`, and `git ls-files` for a .env that is
 * already tracked, which no ignore rule stops); elsewhere `ignore` (the gitignore rules
 * as git applies them, used by ESLint and Prettier) reads the project's .gitignore.
 * When nothing covers .env, `.env` is appended (or a .gitignore created).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { appendToFile, createFile, lineEndingOf, readText, separatorBeforeAppend } from '../files';
import { PACKAGE_NAME } from '../templates';
import type { Change, Project, Step } from '../types';

const FILE = '.gitignore';
const ENV = '.env';

type Verdict = 'ignored' | 'not ignored' | 'tracked';

export const gitignoreStep: Step = {
  name: 'git ignore',
  plan(project: Project): Change[] {
    const verdict = askGit(project.root) ?? readGitignore(project.root);
    if (verdict === 'ignored') return [{ status: 'in place', path: FILE, reason: `${ENV} is ignored by git` }];
    if (verdict === 'tracked') {
      return [
        {
          status: 'action needed',
          path: ENV,
          reason: `${ENV} is tracked by git, so the PASSWORDLESS_SECRET in it would be committed; no ignore rule stops that`,
          manual: `git rm --cached ${ENV}\necho ${ENV} >> ${FILE}`,
        },
      ];
    }
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

/** git's own answer, or null outside a work tree (or without git). */
function askGit(root: string): Verdict | null {
  const git = (args: string[]): number => {
    try {
      execFileSync('git', args, { cwd: root, stdio: 'ignore', timeout: 10_000 });
      return 0;
    } catch (error) {
      return typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : -1;
    }
  };
  if (git(['rev-parse', '--is-inside-work-tree']) !== 0) return null;
  if (git(['ls-files', '--error-unmatch', '--', ENV]) === 0) return 'tracked';
  const ignored = git(['check-ignore', '-q', '--', ENV]);
  if (ignored === 0) return 'ignored';
  return ignored === 1 ? 'not ignored' : null;
}

/** The project's own .gitignore, read as git reads it: case-sensitive, and not through a symlink. */
function readGitignore(root: string): Verdict {
  const file = path.join(root, FILE);
  if (!fs.existsSync(file) || fs.lstatSync(file).isSymbolicLink()) return 'not ignored';
  return ignore({ ignorecase: false }).add(readText(file) ?? '').ignores(ENV) ? 'ignored' : 'not ignored';
}
