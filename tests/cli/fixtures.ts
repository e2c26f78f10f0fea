/** File contents the init tests start from: Strapi's generated files and typical edits of them. */

/** What create-strapi-app 4.x writes (@strapi/generate-new resources/files/{js,ts}/config). */
export const GENERATED_PLUGINS_JS = 'module.exports = () => ({});\n';
export const GENERATED_PLUGINS_TS = 'export default () => ({});\n';

export const ENV_PLUGINS_JS = 'module.exports = ({ env }) => ({});\n';

export const OTHER_PLUGIN_JS = `module.exports = ({ env }) => ({
  upload: {
    config: {
      sizeLimit: 250 * 1024 * 1024, // 250 MB: "large" {videos}
    },
  },
  email: {
    config: {
      provider: 'sendmail',
      settings: { defaultFrom: env('EMAIL_FROM', 'hello@example.com') },
    },
  },
});
`;

export const OTHER_PLUGIN_TS = `export default ({ env }) => ({
  upload: {
    config: {
      sizeLimit: 250 * 1024 * 1024,
    },
  },
  email: {
    config: {
      provider: 'sendmail',
      settings: { defaultFrom: env('EMAIL_FROM', 'hello@example.com') },
    },
  },
});
`;

export const USERS_PERMISSIONS_JS = `module.exports = ({ env }) => ({
  'users-permissions': {
    config: {
      jwt: { expiresIn: '7d' },
    },
  },
});
`;

export const EXISTING_SHIM_JS = `module.exports = (plugin) => {
  plugin.controllers.user.hello = (ctx) => (ctx.body = 'hi');
  return plugin;
};
`;

export const EXISTING_SHIM_TS = `export default (plugin: any) => {
  plugin.controllers.user.hello = (ctx: any) => (ctx.body = 'hi');
  return plugin;
};
`;

/** Shapes init must not edit, each with the reason it is not the generated one. */
export const UNSAFE_PLUGINS_JS: Array<[string, string]> = [
  ['a function body with return', 'module.exports = ({ env }) => {\n  return {\n    upload: {},\n  };\n};\n'],
  ['a plain object export', 'module.exports = {\n  upload: { config: {} },\n};\n'],
  ['code before the export', "const shared = require('./shared');\n\nmodule.exports = ({ env }) => ({\n  ...shared,\n});\n"],
  ['code after the export', 'module.exports = ({ env }) => ({});\nmodule.exports.extra = true;\n'],
  ['an expression around the object', 'module.exports = ({ env }) => ({}) || ({});\n'],
  ['a parameter other than { env }', 'module.exports = ({ env, strapi }) => ({});\n'],
  ['a regular expression', 'module.exports = ({ env }) => ({\n  upload: { config: { accept: /\\.(png|jpe?g)$/ } },\n});\n'],
  ['a syntax error inside', 'module.exports = ({ env }) => ({\n  upload: { config: { a: 1 b: 2 } },\n});\n'],
];
