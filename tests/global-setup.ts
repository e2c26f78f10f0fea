import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
/**
 * This run's database folder: runs side by side (npm test beside npm run test:v5) must
 * not remove each other's SQLite files. Child processes inherit the variable.
 */
process.env.PASSWORDLESS_TEST_RUN ??= String(process.pid);
export const TEST_DB_DIR = `.tmp/test/run-${process.env.PASSWORDLESS_TEST_RUN}`;

/**
 * Compiles the TypeScript project once per run; every test file boots from dist/. The
 * Strapi 5 host (TEST_STRAPI=5) is JavaScript: nothing to compile, its package copy synced.
 */
export default async function globalSetup(): Promise<void> {
  fs.rmSync(path.join(ROOT, TEST_DB_DIR), { recursive: true, force: true });
  fs.mkdirSync(path.join(ROOT, TEST_DB_DIR), { recursive: true });
  fs.mkdirSync(path.join(ROOT, 'public/uploads'), { recursive: true });
  if (process.env.TEST_STRAPI === '5') {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    require('../scripts/sync-strapi5');
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { compile } = require('@strapi/strapi');
  await compile({ appDir: ROOT });
}
