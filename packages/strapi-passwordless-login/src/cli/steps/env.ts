/**
 * .env: a fresh PASSWORDLESS_SECRET and 'log' delivery, so the first start works
 * without an email provider. Only appends, and only names that are not set at all.
 */
import * as path from 'node:path';
import { appendToFile, createFile, lineEndingOf, readText, separatorBeforeAppend } from '../files';
import { generateSecret, readEnvVariables } from '../env-file';
import { PACKAGE_NAME } from '../templates';
import type { Change, Project, Step } from '../types';

const FILE = '.env';

export const envStep: Step = {
  name: 'environment',
  plan(project: Project): Change[] {
    const file = path.join(project.root, FILE);
    const text = readText(file);
    const variables = readEnvVariables(text ?? '');
    const changes: Change[] = [];

    // The secret is drawn at write time: a dry run never makes one, and none is printed.
    const additions: Array<{ describe: string; line: () => string }> = [];
    if (!variables.has('PASSWORDLESS_SECRET')) {
      additions.push({
        describe: 'PASSWORDLESS_SECRET (a new random secret, not shown)',
        line: () => `PASSWORDLESS_SECRET=${generateSecret()}`,
      });
    } else if (variables.get('PASSWORDLESS_SECRET') === '') {
      changes.push({
        status: 'action needed',
        path: FILE,
        reason:
          'PASSWORDLESS_SECRET is present but empty; left as is. Set it to at least 32 random characters (openssl rand -base64 48): production refuses to start without it.',
      });
    }
    if (!variables.has('PASSWORDLESS_EMAIL_DELIVERY')) {
      additions.push({
        describe: "PASSWORDLESS_EMAIL_DELIVERY=log (codes go to Strapi's log; development only)",
        line: () => 'PASSWORDLESS_EMAIL_DELIVERY=log',
      });
    }

    if (additions.length > 0) {
      const write = (): void => {
        const eol = lineEndingOf(text ?? '');
        const lines = [`# Passwordless login (${PACKAGE_NAME})`, ...additions.map((addition) => addition.line())];
        const block = lines.join(eol) + eol;
        if (text === undefined) createFile(file, block);
        else appendToFile(file, separatorBeforeAppend(text) + block);
      };
      changes.unshift({
        status: text === undefined ? 'create' : 'update',
        path: FILE,
        reason: `added ${additions.map((addition) => addition.describe).join(' and ')}`,
        write,
      });
    } else if (changes.length === 0) {
      changes.push({ status: 'in place', path: FILE, reason: 'PASSWORDLESS_SECRET and PASSWORDLESS_EMAIL_DELIVERY are set' });
    }
    return changes;
  },
};
