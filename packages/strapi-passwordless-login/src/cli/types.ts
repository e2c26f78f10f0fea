/** Where the CLI reads and writes; tests pass their own to run it in-process. */
export interface CliIo {
  cwd: string;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  env: Record<string, string | undefined>;
}

/** Strapi 4 and 5 both decide by the presence of tsconfig.json in the project root. */
export type Language = 'js' | 'ts';

/** The majors init sets up; steps differ where Strapi 5 does (its config shape, its admin). */
export type StrapiMajor = 4 | 5;

export type PackageManager = 'npm' | 'yarn' | 'pnpm';

export interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  overrides?: Record<string, unknown>;
  resolutions?: Record<string, unknown>;
  pnpm?: { overrides?: Record<string, unknown> };
}

export interface Project {
  root: string;
  language: Language;
  /** The installed version when known, else the range from package.json. */
  strapiVersion: string;
  strapiMajor: StrapiMajor;
  packageJson: PackageJson;
  packageManager: PackageManager;
}

/**
 * `create` and `update` carry a `write`; the others only report. `action needed`
 * means init left the file alone and `manual` holds the exact lines to add.
 */
export type ChangeStatus = 'create' | 'update' | 'in place' | 'action needed' | 'skipped';

export interface Change {
  status: ChangeStatus;
  /** Relative to the project root, with forward slashes, as printed. */
  path: string;
  reason: string;
  manual?: string;
  /** Applied only after every step has planned, and never on --dry-run. */
  write?: () => void;
}

/**
 * One thing init sets up. `plan` only reads: writing is deferred so that --dry-run
 * and a real run share every decision, and a failure while planning writes nothing.
 */
export interface Step {
  name: string;
  plan(project: Project): Change[] | Promise<Change[]>;
}
