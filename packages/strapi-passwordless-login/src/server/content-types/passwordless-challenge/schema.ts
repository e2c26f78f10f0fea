/**
 * One row per code sent. Holds only an HMAC of the code: the plaintext lives in the
 * email alone. Hidden from the Content Manager and the Content-Type Builder, and every
 * attribute is private so no API ever returns it.
 *
 * Times are epoch milliseconds in bigint columns: conditional updates compare them
 * with plain numbers, identically on SQLite, PostgreSQL and MySQL.
 */

export default {
  kind: 'collectionType',
  collectionName: 'up_passwordless_challenges',
  info: {
    singularName: 'passwordless-challenge',
    pluralName: 'passwordless-challenges',
    displayName: 'Passwordless challenge',
    description: 'One-time login codes (HMAC only)',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    // A plain column, not a relation: a relation would put the owner in a join table
    // and turn the single conditional UPDATE that consumes a code into a join.
    // The account the code is for; null for a sign-up, where `email` names the new address.
    userId: { type: 'integer', private: true, configurable: false },
    email: { type: 'string', private: true, configurable: false },
    codeHash: { type: 'string', required: true, private: true, configurable: false },
    // HMAC of the magic-link token of the same email; null when no linkUrl is configured.
    tokenHash: { type: 'string', private: true, configurable: false },
    expiresAt: { type: 'biginteger', required: true, private: true, configurable: false },
    attempts: { type: 'integer', required: true, default: 0, private: true, configurable: false },
    consumedAt: { type: 'biginteger', private: true, configurable: false },
  },
  // "The newest challenge of user X" is the only lookup on the hot path.
  // A link is looked up by its token's HMAC.
  indexes: [
    { name: 'up_passwordless_challenges_user_idx', columns: ['user_id', 'id'] },
    { name: 'up_passwordless_challenges_token_idx', columns: ['token_hash'] },
    { name: 'up_passwordless_challenges_email_idx', columns: ['email', 'id'] },
  ],
};
