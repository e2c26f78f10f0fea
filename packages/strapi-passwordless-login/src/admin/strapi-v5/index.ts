/**
 * strapi-passwordless-login/admin/strapi5: the settings page on Strapi 5's admin
 * (design-system 2, @strapi/strapi/admin). Wire it from the app's src/admin/app.(js|tsx):
 *
 *   import passwordless from 'strapi-passwordless-login/admin/strapi5';
 *   export default {
 *     config: { locales: ['fr'], translations: passwordless.translations },
 *     bootstrap(app) { passwordless.bootstrap(app); },
 *   };
 *
 * A second entry rather than one that detects the major: each admin bundles only the
 * page its own kit can render (the Strapi 4 page imports @strapi/helper-plugin, which
 * Strapi 5 projects do not have).
 */
import type { AdminApp } from '../settings-link';
import { translations } from '../translations';
import { bootstrap } from './bootstrap';

export { bootstrap, translations, type AdminApp };

const passwordlessAdmin: { bootstrap: (app: AdminApp) => void; translations: typeof translations } = { bootstrap, translations };
export default passwordlessAdmin;
