/**
 * Strapi 5: adds "Passwordless login" to the Users & Permissions section of Settings.
 * Called from the app's own src/admin/app.(js|tsx) bootstrap.
 */
import { passwordlessLink, SECTION, type AdminApp } from '../settings-link';

export function bootstrap(app: AdminApp): void {
  app.addSettingsLink(
    SECTION,
    passwordlessLink({
      // Strapi 5 routes a settings link relative to /settings (an absolute one is corrected with a warning).
      to: `${SECTION}/passwordless`,
      // Loaded on first visit, as users-permissions loads its own pages; a plain function
      // returning the import (Strapi 5 warns about async loaders).
      Component: () => import('./passwordless-page'),
    }),
  );
}
