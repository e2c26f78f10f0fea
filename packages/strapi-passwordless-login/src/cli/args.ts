/** The command line: one command and two flags, so no parser dependency. */
export const USAGE = `Usage: npx strapi-passwordless-login init [--dry-run]

Sets up passwordless login in the Strapi 4 or 5 (5.50.2 or later) project in the
current directory:
  src/extensions/users-permissions/strapi-server.{js,ts}  wires the routes in
  config/plugins.{js,ts}                                  passwordless config under 'users-permissions'
  .env (and an existing .env.example)                     PASSWORDLESS_SECRET, PASSWORDLESS_EMAIL_DELIVERY
Existing files are never overwritten: when one cannot be edited safely, init
prints the lines to add. Running it again changes nothing.

Options:
  --dry-run   say what would be written; write nothing
  -h, --help  show this help
`;

export type ParsedArgs = { kind: 'help' } | { kind: 'init'; dryRun: boolean } | { kind: 'usage-error'; message: string };

const COMMANDS = ['init'];

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags = argv.filter((arg) => arg.startsWith('-'));
  const positionals = argv.filter((arg) => !arg.startsWith('-'));
  const unknownFlag = flags.find((flag) => !['--dry-run', '--help', '-h'].includes(flag));
  if (unknownFlag) return { kind: 'usage-error', message: `Unknown option: ${unknownFlag}` };
  if (flags.includes('--help') || flags.includes('-h')) return { kind: 'help' };
  if (positionals.length === 0) return { kind: 'usage-error', message: 'Missing command.' };
  if (!COMMANDS.includes(positionals[0])) return { kind: 'usage-error', message: `Unknown command: ${positionals[0]}` };
  if (positionals.length > 1) return { kind: 'usage-error', message: `Unexpected argument: ${positionals[1]}` };
  return { kind: 'init', dryRun: flags.includes('--dry-run') };
}
