/**
 * Temporary Strapi-like projects for the init CLI: each test builds its own under
 * os.tmpdir(), with every file backdated so that any rewrite shows in its mtime.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../packages/strapi-passwordless-login/src/cli';

export interface Fixture {
  /** The @strapi/strapi range; null: a package.json without it. */
  strapi?: string | null;
  /** No package.json at all. */
  noPackageJson?: true;
  packageJson?: Record<string, unknown>;
  files?: Record<string, string>;
}

const created: string[] = [];
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

export function makeProject(fixture: Fixture = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spl-init-'));
  created.push(root);
  if (!fixture.noPackageJson) {
    const strapi = fixture.strapi === undefined ? '4.26.2' : fixture.strapi;
    const dependencies = strapi === null ? { react: '^18.3.1' } : { '@strapi/strapi': strapi };
    writeFiles(root, {
      'package.json': JSON.stringify({ name: 'shop', private: true, dependencies, ...fixture.packageJson }, null, 2),
    });
  }
  writeFiles(root, fixture.files ?? {});
  for (const file of listFiles(root)) fs.utimesSync(path.join(root, file), LONG_AGO, LONG_AGO);
  return root;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
}

export function removeProjects(): void {
  for (const root of created.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function runCli(cwd: string, argv: string[] = ['init'], env: Record<string, string> = {}): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    cwd,
    env,
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
  });
  return { code, out, err };
}

export function read(root: string, file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

/** Every file (node_modules skipped) with its bytes and mtime. */
export function snapshot(root: string): Record<string, { text: string; mtimeMs: number }> {
  return Object.fromEntries(
    listFiles(root).map((file) => [file, { text: read(root, file), mtimeMs: fs.statSync(path.join(root, file)).mtimeMs }])
  );
}

function listFiles(root: string, dir = ''): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(root, file);
    return [file];
  });
}
