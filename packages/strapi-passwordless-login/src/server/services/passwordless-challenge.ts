import { randomInt } from 'node:crypto';
import { digestSecret, digestsMatch, generateCode, generateToken } from '../utils/code';
import { getService } from '../utils/get-service';
import type { Strapi } from '../utils/strapi-types';
import { tableOf, type Table } from '../utils/table';
import { sqlDriver, type SqlDriver } from '../utils/sql-driver';

const CODE_PURPOSE = 'code';
const LINK_PURPOSE = 'link';
// Compared against when there is no challenge, so a miss does the same work as a hit.
const NO_DIGEST = '0'.repeat(64);
/**
 * Decoy rows: no owner, no token, never expire, so no lookup ever finds one. A verify
 * with no challenge of its own (unknown or blocked identifier) counts its attempt on
 * one of them, so it commits a row write exactly like a wrong guess on a real code.
 * Without them an unknown identifier answered measurably faster: on PostgreSQL an
 * UPDATE that writes a row commits a WAL flush, 245 µs against 105 µs for one that
 * matches nothing. Several of them, so that floods of unknown identifiers do not queue
 * on one row lock.
 */
const DECOY_HASH = 'decoy';
const DECOY_ROWS = 16;
const DECOY_ATTEMPT_CAP = 2_000_000_000;
const NEVER = Number.MAX_SAFE_INTEGER;

export type VerifyOutcome = 'verified' | 'invalid';

/** Whose code it is: an account, or (sign-up) an address that has none yet. */
export type Owner = { userId: number } | { email: string };

// The user id alone for accounts keeps codes issued before sign-up existed valid.
const ownerKey = (owner: Owner) => ('userId' in owner ? String(owner.userId) : `email:${owner.email}`);

const CHALLENGE_UID = 'plugin::users-permissions.passwordless-challenge';
const ATTRIBUTES = ['userId', 'email', 'codeHash', 'tokenHash', 'expiresAt', 'attempts', 'consumedAt', 'createdAt', 'updatedAt'] as const;

interface ChallengeRow {
  id: number;
  codeHash: string;
  consumedAt: number | string | null;
  attempts: number | string;
  expiresAt: number | string;
}

// bigint columns come back as strings from PostgreSQL.
const isLive = (row: ChallengeRow, at: number, maxAttempts: number) =>
  row.consumedAt === null && Number(row.attempts) < maxAttempts && Number(row.expiresAt) > at;

/**
 * Challenges: create, consume, count attempts, expire. The only code that touches
 * the challenge table.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  let schema: Table<(typeof ATTRIBUTES)[number]> | undefined;
  const meta = () => (schema ??= tableOf(strapi, CHALLENGE_UID, ATTRIBUTES));
  const table = () => strapi.db.connection(meta().name);
  const c = () => meta().column;
  const settings = () => getService('passwordless-settings');
  const now = () => getService('passwordless-clock').now();
  const digest = (owner: Owner, code: string) => digestSecret(settings().secretKey(), CODE_PURPOSE, ownerKey(owner), code);
  // A link arrives without an identifier, so its digest cannot name the owner.
  const tokenDigest = (token: string) => digestSecret(settings().secretKey(), LINK_PURPOSE, '', token);

  let decoys: number[] = [];
  const decoyId = () => (decoys.length > 0 ? decoys[randomInt(decoys.length)] : 0);

  /**
   * The statements every code request and verify runs, as SQL text for the driver
   * (prepared once per connection; see utils/sql-driver), built once from the metadata.
   */
  let hot: ReturnType<typeof hotStatements> | undefined;
  const statements = async () => {
    const sql = await sqlDriver(strapi);
    return { sql, text: (hot ??= hotStatements(sql, meta())) };
  };
  const ownerParams = (owner: Owner) => ('userId' in owner ? [owner.userId] : [owner.email]);

  /** Single use: of two concurrent consumers only one sees consumed_at IS NULL. */
  const consume = async (id: number, at: number, maxAttempts: number): Promise<boolean> => {
    const { sql, text } = await statements();
    return (await sql.execute(text.consume, [at, id, maxAttempts, at])).changes === 1;
  };

  return {
    /**
     * A fresh code (and link token, with `withLink`) for the owner; every earlier one of
     * theirs stops working. Returns the plaintexts, for the email only.
     */
    async issueChallenge({ owner, withLink }: { owner: Owner; withLink: boolean }): Promise<{
      code: string;
      token: string | null;
      expiresAt: number;
    }> {
      const { code: options } = settings().get();
      const code = generateCode(options.length);
      const token = withLink ? generateToken() : null;
      const issuedAt = now();
      const expiresAt = issuedAt + options.ttlSeconds * 1000;
      // One plain INSERT: the query engine's create would add a transaction and a
      // read-back of the row, three more statements on every code request.
      const { sql, text } = await statements();
      const inserted = await sql.execute(text.insert, [
        'userId' in owner ? owner.userId : null,
        'email' in owner ? owner.email : null,
        digest(owner, code),
        token ? tokenDigest(token) : null,
        expiresAt,
        0,
        null,
        new Date(issuedAt),
        new Date(issuedAt),
      ]);
      const id = Number(inserted.rows[0]?.id ?? inserted.insertId);
      // Verification only ever looks at a user's newest challenge, so older ones are
      // already dead; marking them consumed keeps the table honest and cleanable.
      await sql.execute('userId' in owner ? text.supersedeOfUser : text.supersedeOfEmail, [issuedAt, ...ownerParams(owner), id]);
      return { code, token, expiresAt };
    },

    /** Deletes used, superseded and expired challenges: none of them can ever verify again. */
    async removeStale(): Promise<number> {
      const removed = Number(await table().whereNotNull(c().consumedAt).orWhere(c().expiresAt, '<', now()).delete());
      await this.prepareDecoys();
      return removed;
    },

    /**
     * Creates the decoy rows that are missing and resets their counts (boot and each
     * cleanup). Instances booting together may add a few too many; any of them serves.
     */
    async prepareDecoys(): Promise<void> {
      const find = async () =>
        (await table().select('id').where(c().codeHash, DECOY_HASH).whereNull(c().userId).whereNull(c().email).orderBy('id')).map(
          (row: { id: number }) => Number(row.id)
        );
      let found = await find();
      if (found.length < DECOY_ROWS) {
        const at = new Date(now());
        const row = { [c().codeHash]: DECOY_HASH, [c().expiresAt]: NEVER, [c().attempts]: 0, [c().createdAt]: at, [c().updatedAt]: at };
        await table().insert(Array.from({ length: DECOY_ROWS - found.length }, () => row));
        found = await find();
      }
      await table().whereIn('id', found).update({ [c().attempts]: 0 });
      decoys = found;
    },

    /**
     * Checks a code against the owner's newest challenge and consumes it on success.
     * `owner: null` (unknown or blocked user) runs the same queries and one write, to a decoy.
     */
    async verifyChallenge({ owner, code }: { owner: Owner | null; code: string }): Promise<VerifyOutcome> {
      const { maxAttempts } = settings().get().code;
      const at = now();
      const subject: Owner = owner ?? { userId: 0 };
      const { sql, text } = await statements();
      const newest = (await sql.execute('userId' in subject ? text.newestOfUser : text.newestOfEmail, ownerParams(subject))).rows[0] as unknown as ChallengeRow | undefined;
      // A used, expired or spent challenge never comes back to life, so it is treated
      // like none at all: the attempt goes to a decoy and costs the same.
      const row = newest && isLive(newest, at, maxAttempts) ? newest : undefined;

      // One conditional write counts the attempt and, for the right code, consumes the
      // challenge. Its conditions are the budget and single use: of concurrent guesses at
      // most maxAttempts are ever counted, and a right code succeeds only as one of them,
      // and only once.
      const matches = digestsMatch(row?.codeHash ?? NO_DIGEST, digest(subject, code)) && row !== undefined;
      const { changes: counted } = await sql.execute(matches ? text.countAndConsume : text.count, [
        ...(matches ? [at] : []),
        row?.id ?? decoyId(),
        row ? maxAttempts : DECOY_ATTEMPT_CAP,
        at,
      ]);
      return matches && counted === 1 ? 'verified' : 'invalid';
    },

    /**
     * A magic-link token: found by its HMAC, then consumed like the code of the same
     * challenge (using either one consumes both). A code killed by wrong tries takes
     * its link with it. Returns the owner on success.
     */
    async verifyToken({ token }: { token: string }): Promise<Owner | null> {
      const { maxAttempts } = settings().get().code;
      const at = now();
      const { sql, text } = await statements();
      const row = (await sql.execute(text.byToken, [tokenDigest(token)])).rows[0] as unknown as { id: number; userId: number | null; email: string | null } | undefined;
      // Strictly below maxAttempts: a code that used all its tries is dead, link included.
      // An unknown token runs the same write against no row.
      const consumed = await consume(row ? Number(row.id) : 0, at, maxAttempts - 1);
      if (!row || !consumed) return null;
      return row.userId === null || row.userId === undefined ? { email: String(row.email) } : { userId: Number(row.userId) };
    },
  };
};

/**
 * The hot statements' SQL. Column aliases are quoted: PostgreSQL folds unquoted ones to
 * lower case. MySQL and MariaDB return a new row's id as the insert id, not RETURNING.
 */
function hotStatements(sql: SqlDriver, table: Table<(typeof ATTRIBUTES)[number]>) {
  const q = sql.quote;
  const t = q(table.name);
  const col = (attribute: (typeof ATTRIBUTES)[number]) => q(table.column[attribute]);
  const as = (attribute: (typeof ATTRIBUTES)[number]) => `${col(attribute)} AS ${q(attribute)}`;
  const inserted = ['userId', 'email', 'codeHash', 'tokenHash', 'expiresAt', 'attempts', 'consumedAt', 'createdAt', 'updatedAt'] as const;
  const returning = sql.dialect === 'mysql' || sql.dialect === 'mariadb' ? '' : ` RETURNING ${q('id')}`;
  const ofUser = `${col('userId')} = ?`;
  const ofEmail = `${col('userId')} IS NULL AND ${col('email')} = ?`;
  const newest = (where: string) =>
    `SELECT ${q('id')} AS ${q('id')}, ${as('codeHash')}, ${as('consumedAt')}, ${as('attempts')}, ${as('expiresAt')} FROM ${t} WHERE ${where} ORDER BY ${q('id')} DESC LIMIT 1`;
  const supersede = (where: string) => `UPDATE ${t} SET ${col('consumedAt')} = ? WHERE ${where} AND ${q('id')} < ? AND ${col('consumedAt')} IS NULL`;
  const live = `${q('id')} = ? AND ${col('consumedAt')} IS NULL AND ${col('attempts')} < ? AND ${col('expiresAt')} > ?`;
  return {
    insert: `INSERT INTO ${t} (${inserted.map(col).join(', ')}) VALUES (${inserted.map(() => '?').join(', ')})${returning}`,
    supersedeOfUser: supersede(ofUser),
    supersedeOfEmail: supersede(ofEmail),
    newestOfUser: newest(ofUser),
    newestOfEmail: newest(ofEmail),
    // One conditional write counts the attempt and, for the right code, consumes the challenge.
    count: `UPDATE ${t} SET ${col('attempts')} = ${col('attempts')} + 1 WHERE ${live}`,
    countAndConsume: `UPDATE ${t} SET ${col('attempts')} = ${col('attempts')} + 1, ${col('consumedAt')} = ? WHERE ${live}`,
    byToken: `SELECT ${q('id')} AS ${q('id')}, ${as('userId')}, ${as('email')} FROM ${t} WHERE ${col('tokenHash')} = ? LIMIT 1`,
    // A link: strictly below maxAttempts is passed in as maxAttempts - 1 (see verifyToken).
    consume: `UPDATE ${t} SET ${col('consumedAt')} = ? WHERE ${q('id')} = ? AND ${col('consumedAt')} IS NULL AND ${col('attempts')} <= ? AND ${col('expiresAt')} > ?`,
  };
}
