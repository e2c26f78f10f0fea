import type { Strapi } from './strapi-types';

/** A model's table and the column of each attribute, as Strapi's metadata has them. */
export interface Table<A extends string> {
  name: string;
  column: Record<A, string>;
}

/**
 * Read once from `strapi.db.metadata` rather than written out beside the schema, so a
 * renamed attribute or a project's own naming cannot leave the raw queries behind.
 */
export function tableOf<A extends string>(strapi: Strapi, uid: string, attributes: readonly A[]): Table<A> {
  const meta = strapi.db.metadata.get(uid) as { tableName: string; attributes: Record<string, { columnName?: string }> };
  const column = Object.fromEntries(attributes.map((name) => [name, meta.attributes[name]?.columnName ?? name]));
  return { name: meta.tableName, column: column as Record<A, string> };
}
