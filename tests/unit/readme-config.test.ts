/**
 * The README's configuration table is what admins read; the defaults are what runs.
 * Regression: they drifted (grantPublic's text named two routes, it grants three).
 * Every key must have a row, every row must name a real key, a default written as a
 * literal must be the default, and every env variable named must be wired.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../../packages/strapi-passwordless-login/src/server/config/defaults';

const ROOT = path.resolve(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const PLUGINS = fs.readFileSync(path.join(ROOT, 'config/plugins.ts'), 'utf8');

/** Values documented as one row, not key by key. */
const ATOMIC = new Set(['limits.ipRequest', 'limits.ipVerify', 'email.locales', 'email.locked', 'access.allow', 'access.deny', 'cookie.origins']);

function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, child] of Object.entries(value as object)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (child && typeof child === 'object' && !Array.isArray(child) && !ATOMIC.has(at)) {
      for (const [k, v] of leaves(child, at)) out.set(k, v);
    } else out.set(at, child);
  }
  return out;
}

interface Row {
  keys: string[];
  defaultCell: string;
  envCell: string;
}

function tableRows(): Row[] {
  const start = README.indexOf('| key | default |');
  const lines = README.slice(start).split('\n');
  const rows: Row[] = [];
  for (const line of lines.slice(2)) {
    if (!line.startsWith('|')) break;
    const [keyCell, defaultCell, envCell] = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const names = [...keyCell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    // `cookie.name`, `sameSite`: later names share the first one's parent.
    const parent = names[0].includes('.') ? names[0].slice(0, names[0].lastIndexOf('.') + 1) : '';
    rows.push({ keys: names.map((name, i) => (i > 0 && !name.includes('.') ? parent + name : name)), defaultCell, envCell });
  }
  return rows;
}

const rows = tableRows();
const documented = rows.flatMap((row) => row.keys);
const defaults = leaves(DEFAULT_CONFIG);

describe('README configuration table', () => {
  it('has a row for every config key', () => {
    const missing = [...defaults.keys()].filter(
      (key) => !documented.some((doc) => doc === key || key.startsWith(`${doc}.`))
    );
    expect(missing).toEqual([]);
  });

  it('names only real config keys', () => {
    expect(documented.filter((key) => !defaults.has(key) && ![...defaults.keys()].some((k) => k.startsWith(`${key}.`)))).toEqual([]);
  });

  it.each(rows.filter((row) => row.keys.length === 1 && /^`[^`]+`$/.test(row.defaultCell.trim())).map((row) => [row.keys[0], row.defaultCell]))(
    '%s: the default written in the table is the default (%s)',
    (key, cell) => {
      // eslint-disable-next-line no-new-func
      const literal = new Function(`return (${cell.trim().slice(1, -1)});`)();
      const actual = defaults.has(key) ? defaults.get(key) : undefined;
      expect(actual).toEqual(literal);
    }
  );

  it('every env variable it names is read by config/plugins.ts', () => {
    const names = rows.flatMap((row) => [...row.envCell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((name) => !PLUGINS.includes(`'${name}'`))).toEqual([]);
  });
});
