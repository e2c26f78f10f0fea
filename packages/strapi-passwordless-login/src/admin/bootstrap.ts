/**
 * Strapi 4: adds "Passwordless login" to the Users & Permissions section of Settings.
 * Called from the app's own src/admin/app.tsx bootstrap.
 */
import { passwordlessLink, SECTION, type AdminApp } from './settings-link';

export type { AdminApp };

export function bootstrap(app: AdminApp): void {
  app.addSettingsLink(
    SECTION,
    passwordlessLink({
      // Strapi 4 routes settings links by their full path.
      to: `/settings/${SECTION}/passwordless`,
      // Loaded on first visit, as users-permissions loads its own pages.
      Component: () => import('./strapi-v4/passwordless-page'),
    }),
  );
}
