import type { Strapi } from './strapi-types';
import { sqlDriver } from './sql-driver';
import { USER_UID } from './uids';

/** Strapi's own conversion of a column value to the attribute value (its fields' `fromDB`), for the types it is exact for. */
const FROM_DB: Record<string, (value: unknown) => unknown> = {
  increments: (value) => value,
  string: String,
  email: String,
  password: String,
  uid: String,
  text: String,
  enumeration: String,
  biginteger: String,
  integer: Number,
  boolean: (value) => (typeof value === 'boolean' ? value : String(value) === '1' ? true : String(value) === '0' ? false : null),
  datetime: (value) => {
    const cast = value instanceof Date ? value : new Date(value as string | number);
    return Number.isNaN(cast.getTime()) ? null : cast.toISOString();
  },
};

interface Meta {
  tableName: string;
  attributes: Record<string, { type: string }>;
  columnToAttribute: Record<string, string>;
}

const plans = new WeakMap<object, { sql: string; meta: Meta } | null>();

/**
 * The account row as `strapi.db.query(user).findOne({ where: { id } })` returns it, read
 * with one prepared statement: the query engine built and compiled that query on every
 * verify (about 200 µs in-process on the benchmark machine, a tenth of a verify). The
 * conversion is the query engine's own (`fromSingleRow`: scalar columns through their
 * field's `fromDB`, join columns as they are), and is used only when every attribute of
 * the user model has a type converted here exactly; a project whose user model has others
 * (json, decimal, date, ...) gets the query engine's findOne. tests/e2e/account-row
 * compares the two on every database and on both majors.
 */
export async function readAccount(strapi: Strapi, id: number): Promise<Record<string, unknown> | null> {
  const sql = await sqlDriver(strapi);
  let plan = plans.get(strapi);
  if (plan === undefined) {
    const meta = strapi.db.metadata.get(USER_UID) as unknown as Meta;
    const exact = Object.values(meta.attributes).every((attribute) => attribute.type === 'relation' || attribute.type in FROM_DB);
    plan = exact ? { meta, sql: `SELECT * FROM ${sql.quote(meta.tableName)} WHERE ${sql.quote('id')} = ? LIMIT 1` } : null;
    plans.set(strapi, plan);
  }
  if (!plan) return strapi.db.query(USER_UID).findOne({ where: { id } });
  const [row] = (await sql.execute(plan.sql, [id])).rows;
  if (!row) return null;
  const { attributes, columnToAttribute } = plan.meta;
  const account: Record<string, unknown> = {};
  for (const column of Object.keys(row)) {
    const name = Object.prototype.hasOwnProperty.call(columnToAttribute, column) ? columnToAttribute[column] : undefined;
    if (name === undefined) continue;
    const { type } = attributes[name];
    const value = row[column];
    account[name] = type === 'relation' || value === null ? value : FROM_DB[type](value);
  }
  return account;
}
