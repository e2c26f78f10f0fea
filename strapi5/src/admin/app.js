// The Strapi 5 host's admin customisation: the passwordless settings page under
// Settings → Users & Permissions, in English and French (the browser test opens it).
import passwordless from 'strapi-passwordless-login/admin/strapi5';

export default {
  config: {
    locales: ['fr'],
    translations: passwordless.translations,
  },
  bootstrap(app) {
    passwordless.bootstrap(app);
  },
};
