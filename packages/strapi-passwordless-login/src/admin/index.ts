/**
 * strapi-passwordless-login/admin: wire it from the app's src/admin/app.tsx:
 *
 *   import passwordless from 'strapi-passwordless-login/admin';
 *   export default {
 *     config: { locales: ['fr'], translations: passwordless.translations },
 *     bootstrap(app: any) { passwordless.bootstrap(app); },
 *   };
 */
import { bootstrap, type AdminApp } from './bootstrap';
import { translations } from './translations';

export { bootstrap, translations, type AdminApp };

const passwordlessAdmin: { bootstrap: (app: AdminApp) => void; translations: typeof translations } = { bootstrap, translations };
export default passwordlessAdmin;
