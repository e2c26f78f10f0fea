/**
 * .env.example: the variable names, empty, so a teammate copying it learns they
 * exist. Edited only when the project already keeps one; never created.
 */
import * as path from 'node:path';
import { appendToFile, lineEndingOf, readText, separatorBeforeAppend } from '../files';
import { readEnvVariables } from '../env-file';
import { PACKAGE_NAME } from '../templates';
import type { Change, Project, Step } from '../types';

const FILE = '.env.example';
const NAMES = ['PASSWORDLESS_SECRET', 'PASSWORDLESS_EMAIL_DELIVERY', 'PASSWORDLESS_LINK_URL'];

export const envExampleStep: Step = {
  name: 'environment example',
  plan(project: Project): Change[] {
    const file = path.join(project.root, FILE);
    const text = readText(file);
    if (text === undefined) {
      return [{ status: 'skipped', path: FILE, reason: 'not present; init only adds to an existing one' }];
    }
    const variables = readEnvVariables(text);
    const missing = NAMES.filter((name) => !variables.has(name));
    if (missing.length === 0) return [{ status: 'in place', path: FILE, reason: 'lists the PASSWORDLESS_ variables' }];

    return [
      {
        status: 'update',
        path: FILE,
        reason: `added ${missing.map((name) => `${name}=`).join(', ')}`,
        write: () => {
          const eol = lineEndingOf(text);
          const lines = [`# Passwordless login (${PACKAGE_NAME})`, ...missing.map((name) => `${name}=`)];
          appendToFile(file, separatorBeforeAppend(text) + lines.join(eol) + eol);
        },
      },
    ];
  },
};
