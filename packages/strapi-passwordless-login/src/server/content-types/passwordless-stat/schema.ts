/**
 * Activity per hour for the admin page's chart: one row per hour and event, which every
 * Strapi instance adds its counts to (an upsert), so the chart shows the whole
 * deployment, not the instance that happens to answer the admin. Holds counts only.
 */
export default {
  kind: 'collectionType',
  collectionName: 'up_passwordless_stats',
  info: {
    singularName: 'passwordless-stat',
    pluralName: 'passwordless-stats',
    displayName: 'Passwordless hourly stat',
    description: 'Passwordless sign-in counts per hour (admin chart)',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    // Epoch milliseconds of the hour's start (as the challenges' times: a plain number on every database).
    hourStart: { type: 'biginteger', required: true, private: true, configurable: false },
    event: { type: 'string', required: true, private: true, configurable: false },
    total: { type: 'integer', required: true, default: 0, private: true, configurable: false },
  },
  // The conflict target of the upsert: one row per hour and event.
  indexes: [{ name: 'up_passwordless_stats_hour_event_uq', columns: ['hour_start', 'event'], type: 'unique' }],
};
