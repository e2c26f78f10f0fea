import type { Strapi as StrapiCore } from '@strapi/strapi';

/**
 * Strapi as our services see it: loaded. Its typings mark `db` and `store` optional
 * because they are set during load; every hook and request here runs after that.
 */
export type Strapi = StrapiCore & {
  db: NonNullable<StrapiCore['db']>;
  store: NonNullable<StrapiCore['store']>;
};
