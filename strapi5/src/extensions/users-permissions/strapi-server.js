// Passwordless login (strapi-passwordless-login): routes under /api/auth/passwordless.
const { withPasswordless } = require('strapi-passwordless-login');

module.exports = (plugin) => withPasswordless(plugin);
