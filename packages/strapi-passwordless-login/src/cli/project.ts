/**
 * Recognising a Strapi 4 or 5 project root before anything is written: init edits
 * files by their Strapi paths, so running it anywhere else must stop with a reason.
 * Which versions are set up is strapi-version.ts's call.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readText } from './files';
import { judgeStrapiVersion } from './strapi-version';
import type { CliIo, PackageJson, PackageManager, Project } from './types';

// A string discriminant: the repo also type-checks with strictNullChecks off, where `ok: boolean` does not narrow.
export type Detection = { kind: 'project'; project: Project } | { kind: 'refused'; message: string };

export function detectProject(io: Pick<CliIo, 'cwd' | 'env'>): Detection {
  const root = path.resolve(io.cwd);
  const packageJson = readPackageJson(root);
  if (packageJson === undefined) {
    const above = findStrapiRootAbove(root);
    return fail(
      above
        ? `No package.json in ${root}. Run init in your Strapi project's root: cd ${above}`
        : `No package.json in ${root}: this is not a Strapi project. Run init in the root of a Strapi 4 or 5 project.`
    );
  }
  if (packageJson === null) return fail(`${path.join(root, 'package.json')} is not valid JSON; fix it and run init again.`);

  const range = packageJson.dependencies?.['@strapi/strapi'];
  if (typeof range !== 'string') {
    return fail(
      `${root} is not a Strapi project: package.json has no "@strapi/strapi" dependency. Run init in the root of a Strapi 4 or 5 project.`
    );
  }
  const installed = readPackageJson(path.join(root, 'node_modules', '@strapi', 'strapi')) as { version?: unknown } | undefined;
  const installedVersion = typeof installed?.version === 'string' ? installed.version : undefined;
  const verdict = judgeStrapiVersion(installedVersion, range);
  if (verdict.kind === 'refused') return fail(verdict.message);
  return {
    kind: 'project',
    project: {
      root,
      language: fs.existsSync(path.join(root, 'tsconfig.json')) ? 'ts' : 'js',
      strapiVersion: installedVersion ?? range,
      strapiMajor: verdict.major,
      packageJson,
      packageManager: detectPackageManager(root, io.env),
    },
  };
}

/** undefined: no file; null: not JSON. */
function readPackageJson(directory: string): PackageJson | null | undefined {
  const text = readText(path.join(directory, 'package.json'));
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as PackageJson) : null;
  } catch {
    return null;
  }
}

/** Run from src/ or config/ by mistake: name the root to cd into. */
function findStrapiRootAbove(start: string): string | undefined {
  for (let dir = path.dirname(start); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const packageJson = readPackageJson(dir);
    if (packageJson === undefined) continue;
    return packageJson?.dependencies?.['@strapi/strapi'] ? dir : undefined;
  }
  return undefined;
}

/** Lockfile first (the project's choice), then whichever client ran npx/dlx. */
function detectPackageManager(root: string, env: CliIo['env']): PackageManager {
  if (fs.existsSync(path.join(root, 'yarn.lock'))) return 'yarn';
  if (fs.existsSync(path.join(root, 'pnpm-lock.yaml'))) return 'pnpm';
  if (fs.existsSync(path.join(root, 'package-lock.json'))) return 'npm';
  const agent = env.npm_config_user_agent ?? '';
  if (agent.startsWith('yarn/')) return 'yarn';
  if (agent.startsWith('pnpm/')) return 'pnpm';
  return 'npm';
}

function fail(message: string): Detection {
  return { kind: 'refused', message };
}
