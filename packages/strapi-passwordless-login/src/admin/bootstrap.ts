/**
 * Adds "Passwordless login" to the Users & Permissions section of Settings. Called from
 * the app's own src/admin/app.tsx bootstrap, since the package extends users-permissions
 * rather than registering an admin plugin of its own.
 */
import { en, MESSAGE_PREFIX } from './translations';
import { PERMISSIONS } from './permissions';

/** The part of Strapi 4's StrapiApp that bootstrap(app) receives and we use. */
export interface AdminApp {
  addSettingsLink: (
    sectionId: string,
    link: {
      id: string;
      to: string;
      intlLabel: { id: string; defaultMessage: string };
      Component: () => Promise<unknown>;
      permissions: Array<{ action: string; subject: null }>;
    },
  ) => void;
}

/** users-permissions' pluginId, which is also its settings section id. */
const SECTION = 'users-permissions';

export function bootstrap(app: AdminApp): void {
  app.addSettingsLink(SECTION, {
    id: 'passwordless',
    to: `/settings/${SECTION}/passwordless`,
    intlLabel: { id: `${MESSAGE_PREFIX}menu.label`, defaultMessage: en['menu.label'] },
    // Loaded on first visit, as users-permissions loads its own pages.
    Component: () => import('./pages/passwordless-page'),
    permissions: PERMISSIONS.openPage,
  });
}
