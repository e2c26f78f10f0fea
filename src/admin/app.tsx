// The demo app's admin customisation: the passwordless settings page under
// Settings → Users & Permissions, in English and French.
import passwordless, { type AdminApp } from 'strapi-passwordless-login/admin';

export default {
  config: {
    locales: ['fr'],
    translations: passwordless.translations,
  },
  bootstrap(app: AdminApp) {
    passwordless.bootstrap(app);
  },
};
