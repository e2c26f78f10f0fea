/**
 * The client as browsers and edge runtimes get it: it compiles against ES2020 and the DOM
 * without Node's types, and the package build emits it with no Node or server code in
 * its JavaScript and no Node types in its declarations.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PACKAGE = path.resolve(__dirname, '../../packages/strapi-passwordless-login');
const TSC = require.resolve('typescript/bin/tsc');

/** Runs tsc; a failure fails the test with tsc's own report. */
function tsc(...args: string[]): void {
  try {
    execFileSync(process.execPath, [TSC, ...args], { cwd: PACKAGE, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc ${args.join(' ')} failed:\n${stdout}${stderr}`);
  }
}

let out: string;
beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'passwordless-client-build-'));
  tsc('-p', 'tsconfig.build.json', '--outDir', out);
}, 120_000);
afterAll(() => out && fs.rmSync(out, { recursive: true, force: true }));

describe('the client for browsers and edge runtimes', () => {
  it('type-checks against ES2020 + DOM without Node types (tsconfig.client.json)', () => {
    tsc('-p', 'tsconfig.client.json', '--noEmit');
  });

  it('the package build emits what the ./client export names', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8'));
    expect(pkg.exports['./client']).toEqual({ types: './dist/client/index.d.ts', default: './dist/client/index.js' });
    for (const file of Object.values<string>(pkg.exports['./client'])) {
      expect(fs.existsSync(path.join(out, path.relative('./dist', file)))).toBe(true);
    }
  });

  it('its JavaScript requires only its own files: no server code, no Node built-ins', () => {
    const files = fs.readdirSync(path.join(out, 'client')).filter((name) => name.endsWith('.js'));
    const required = files.flatMap((name) =>
      [...fs.readFileSync(path.join(out, 'client', name), 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]),
    );
    expect(required.length).toBeGreaterThan(0);
    for (const specifier of required) expect(specifier).toMatch(/^\.\/[\w-]+$/);
  });

  it('its declarations reference no Node types, and a DOM-only project compiles against them', () => {
    for (const name of fs.readdirSync(path.join(out, 'client')).filter((file) => file.endsWith('.d.ts'))) {
      expect(fs.readFileSync(path.join(out, 'client', name), 'utf8')).not.toMatch(/reference types=|from ['"]node:/);
    }
    const consumer = path.join(out, 'consumer.ts');
    fs.writeFileSync(
      consumer,
      [
        "import { createPasswordlessClient, PasswordlessError, type PasswordlessErrorCode, type SignInResult } from './client';",
        "const client = createPasswordlessClient({ baseUrl: 'https://cms.example', fetch, credentials: 'include' });",
        'export async function signIn(email: string, code: string): Promise<SignInResult | PasswordlessErrorCode> {',
        '  try { return await client.verifyCode(email, code); }',
        '  catch (error) { if (error instanceof PasswordlessError) return error.code; throw error; }',
        '}',
      ].join('\n'),
    );
    const project = path.join(out, 'tsconfig.consumer.json');
    const compilerOptions = { noEmit: true, strict: true, target: 'ES2020', lib: ['ES2020', 'DOM'], types: [], moduleResolution: 'node' };
    fs.writeFileSync(project, JSON.stringify({ compilerOptions, files: [consumer] }));
    tsc('-p', project);
  });
});
