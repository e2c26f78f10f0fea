/**
 * The "Passwordless login" entry of Settings → Users & Permissions, as both majors'
 * bootstrap add it (bootstrap.ts on Strapi 4, strapi-v5/bootstrap.ts): the package
 * extends users-permissions rather than registering an admin plugin of its own, so the
 * link goes in users-permissions' section, behind its own permissions.
 */
import { en, MESSAGE_PREFIX } from './translations';
import { PERMISSIONS } from './permissions';

/** users-permissions' pluginId, which is also its settings section id. */
export const SECTION = 'users-permissions';

export interface SettingsLink {
  id: string;
  to: string;
  intlLabel: { id: string; defaultMessage: string };
  Component: () => Promise<unknown>;
  permissions: Array<{ action: string; subject: null }>;
}

/** The part of the admin app (StrapiApp, on both majors) that bootstrap(app) receives and we use. */
export interface AdminApp {
  addSettingsLink: (sectionId: string, link: SettingsLink) => void;
}

export function passwordlessLink({ to, Component }: Pick<SettingsLink, 'to' | 'Component'>): SettingsLink {
  return {
    id: 'passwordless',
    to,
    intlLabel: { id: `${MESSAGE_PREFIX}menu.label`, defaultMessage: en['menu.label'] },
    Component,
    permissions: PERMISSIONS.openPage,
  };
}
