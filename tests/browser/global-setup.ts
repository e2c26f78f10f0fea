import compileStrapi from '../global-setup';
import { STRAPI_MAJOR } from '../helpers/host';
import { buildAdmin } from './helpers/admin-build';
import { buildStorefront } from './helpers/storefront';

/**
 * Once per run, for the host TEST_STRAPI names: the admin panel built (`strapi build`),
 * the project compiled as for npm test (Strapi 5: the package copy synced) and the
 * Next.js example built. The admin build goes first and alone on Strapi 4: both builds
 * are CPU-bound and it writes dist/ too. On Strapi 5 the sync comes first, since the admin
 * bundle takes the package's admin entry from the copy.
 *
 * scripts/test-browser.js runs both hosts and skips what the first run already built:
 * BROWSER_SKIP_STOREFRONT_BUILD=1 (the example does not depend on the host) and, for a
 * run of the storefront alone, BROWSER_SKIP_ADMIN_BUILD=1.
 */
export default async function globalSetup(): Promise<void> {
  const skipAdmin = process.env.BROWSER_SKIP_ADMIN_BUILD === '1';
  const skipStorefront = process.env.BROWSER_SKIP_STOREFRONT_BUILD === '1';
  if (STRAPI_MAJOR === 5) await compileStrapi();
  if (!skipAdmin) await buildAdmin();
  await Promise.all([STRAPI_MAJOR === 5 ? null : compileStrapi(), skipStorefront ? null : buildStorefront()]);
}
