import compileStrapi from '../global-setup';
import { buildAdmin } from './helpers/admin-build';
import { buildStorefront } from './helpers/storefront';

/**
 * Once per run: the admin panel built (`strapi build`, which also compiles the project),
 * then the project compiled as for npm test and the Next.js example built. The admin
 * build goes first and alone: both builds are CPU-bound and it writes dist/ too.
 */
export default async function globalSetup(): Promise<void> {
  await buildAdmin();
  await Promise.all([compileStrapi(), buildStorefront()]);
}
