/**
 * The only places init touches the disk. Each one refuses to clobber: a new file is
 * opened with `wx` (fails if it appeared since planning), and an edit checks that
 * the file still holds what init read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Language } from './types';

export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * `<stem>.js` and `<stem>.ts` as they exist. Both are looked at whatever the project's
 * language: a JavaScript file in a TypeScript project is still the user's file.
 */
export function readLanguageVariants(root: string, stem: string): Array<{ language: Language; file: string; text: string }> {
  return (['js', 'ts'] as const).flatMap((language) => {
    const file = `${stem}.${language}`;
    const text = readText(path.join(root, file));
    return text === undefined ? [] : [{ language, file, text }];
  });
}

export function createFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { flag: 'wx' });
}

export function replaceFile(file: string, edit: { before: string; after: string }): void {
  if (readText(file) !== edit.before) {
    throw new Error(`${file} changed while init was running; nothing was written to it. Run init again.`);
  }
  fs.writeFileSync(file, edit.after);
}

/** Appending never rewrites what is there, so a concurrent edit above is kept. */
export function appendToFile(file: string, text: string): void {
  fs.appendFileSync(file, text);
}

/** Keep a Windows-edited file's line endings. */
export function lineEndingOf(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** What to put before appended lines so they start on a line of their own. */
export function separatorBeforeAppend(text: string): string {
  return text === '' || text.endsWith('\n') ? '' : lineEndingOf(text);
}
