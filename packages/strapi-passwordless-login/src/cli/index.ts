/**
 * `npx strapi-passwordless-login init`. main() takes its io as a parameter and
 * returns the exit code, so tests run it in-process against a temporary project.
 */
import { parseArgs, USAGE } from './args';
import { runInit } from './init';
import type { CliIo } from './types';

export type { CliIo } from './types';

/** 0: done (possibly with steps left to the user); 1: not a Strapi 4 or 5 project, or an error; 2: bad usage. */
export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const cli: CliIo = {
    cwd: io.cwd ?? process.cwd(),
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
  };
  const args = parseArgs(argv);
  if (args.kind === 'usage-error') {
    cli.stderr.write(`${args.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.kind === 'help') {
    cli.stdout.write(USAGE);
    return 0;
  }
  try {
    return await runInit(cli, { dryRun: args.dryRun });
  } catch (error) {
    // A failed write (permissions, a file appearing mid-run) stops here; lines already
    // printed say what was written before it.
    cli.stderr.write(`strapi-passwordless-login: ${messageOf(error)}\n`);
    return 1;
  }
}

/** Duck-typed: errors from Node's fs may come from another realm (a test sandbox), where instanceof fails. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
