// Passwordless login (strapi-passwordless-login): routes under /api/auth/passwordless.
import { withPasswordless } from 'strapi-passwordless-login';

export default (plugin: any) => withPasswordless(plugin);
