/**
 * Indexes on users-permissions' own user table. Strapi creates none for email or
 * username, so every lookup by identifier (ours on each code request and verify, and
 * /api/auth/local's) read the whole table: at 26,000 users that scan was a third of
 * the CPU of a code request (npm run bench, node --cpu-prof).
 */
export const USER_LOOKUP_INDEXES = [
  { name: 'up_users_email_idx', columns: ['email'] },
  { name: 'up_users_username_idx', columns: ['username'] },
];

interface SchemaWithIndexes {
  indexes?: Array<{ name: string; columns: string[] }>;
}

/**
 * Adds the lookup indexes to the user schema as it stands once the admin's own
 * extensions (content-types/user/schema.json) are applied, keeping their indexes.
 */
export function withLookupIndexes<T extends SchemaWithIndexes>(schema: T): T {
  const existing = schema.indexes ?? [];
  const names = new Set(existing.map((index) => index.name));
  return { ...schema, indexes: [...existing, ...USER_LOOKUP_INDEXES.filter((index) => !names.has(index.name))] };
}
