import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const TEST_DB_DIR = '.tmp/test';

/** Compiles the TypeScript project once per run; every test file boots from dist/. */
export default async function globalSetup(): Promise<void> {
  fs.rmSync(path.join(ROOT, TEST_DB_DIR), { recursive: true, force: true });
  fs.mkdirSync(path.join(ROOT, TEST_DB_DIR), { recursive: true });
  fs.mkdirSync(path.join(ROOT, 'public/uploads'), { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { compile } = require('@strapi/strapi');
  await compile({ appDir: ROOT });
}
