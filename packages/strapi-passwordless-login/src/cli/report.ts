/** How init's outcome reads: one line per file, manual lines indented below it. */
import type { Change, ChangeStatus } from './types';

const WORDS: Record<ChangeStatus, { done: string; dryRun: string }> = {
  create: { done: 'created', dryRun: 'would create' },
  update: { done: 'updated', dryRun: 'would update' },
  'in place': { done: 'in place', dryRun: 'in place' },
  'action needed': { done: 'action needed', dryRun: 'action needed' },
  skipped: { done: 'skipped', dryRun: 'skipped' },
};
const WIDTH = Math.max(...Object.values(WORDS).map((word) => word.dryRun.length)) + 2;

export function renderChange(change: Change, options: { dryRun: boolean }): string {
  const word = WORDS[change.status][options.dryRun ? 'dryRun' : 'done'];
  const line = `${word.padEnd(WIDTH)}${change.path}: ${change.reason}\n`;
  if (!change.manual) return line;
  const manual = change.manual
    .split('\n')
    .map((text) => (text === '' ? '' : `    ${text}`))
    .join('\n');
  return `${line}\n${manual}\n\n`;
}

export function renderSummary(changes: Change[], options: { dryRun: boolean }): string {
  const writes = changes.filter((change) => change.write).length;
  const actions = changes.filter((change) => change.status === 'action needed').length;
  const lines: string[] = [];
  if (options.dryRun) {
    lines.push(
      writes > 0 ? `Dry run: ${plural(writes, 'file')} would be written; nothing was written.` : 'Dry run: nothing to write.'
    );
  } else if (writes === 0) {
    lines.push(actions === 0 ? 'Everything is in place; nothing changed.' : 'Nothing changed; everything else is in place.');
  } else {
    lines.push(`Done: ${plural(writes, 'file')} written.`);
  }
  if (actions > 0)
    lines.push(`${plural(actions, 'step')} need${actions === 1 ? 's' : ''} your action: add the lines printed above.`);
  return `${lines.join('\n')}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
