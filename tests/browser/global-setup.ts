import compileStrapi from '../global-setup';
import { buildStorefront } from './helpers/storefront';

/** The Strapi project compiled (as for npm test) and the Next.js example built, once per run. */
export default async function globalSetup(): Promise<void> {
  await Promise.all([compileStrapi(), buildStorefront()]);
}
