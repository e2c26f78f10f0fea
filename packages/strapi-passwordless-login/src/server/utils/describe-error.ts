/**
 * An error as it may be logged: its name, driver code and message, with any SQL text
 * and anything shaped like an email address removed. knex prefixes driver errors with
 * the statement, bindings substituted (`select ... where email = 'alice@x' - SQLITE_BUSY`),
 * which would put the typed identifier, personal data, in the logs.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === 'string' ? redact(error) : 'unknown error';
  const { code } = error as { code?: unknown };
  const message = error.message.includes(' - ') ? error.message.slice(error.message.lastIndexOf(' - ') + 3) : error.message;
  return `${error.name}${typeof code === 'string' || typeof code === 'number' ? ` ${code}` : ''}: ${redact(message)}`;
}

const EMAIL_LIKE = /[^\s'"`<>()]+@[^\s'"`<>()]+/g;

function redact(text: string): string {
  return text.replace(EMAIL_LIKE, '[address]');
}
