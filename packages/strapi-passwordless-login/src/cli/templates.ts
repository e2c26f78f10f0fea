/**
 * The text init writes or asks the user to add. Kept in one place so that a file
 * init creates and the lines it prints for a manual edit never drift apart.
 */
import type { Language, StrapiMajor } from './types';

export const PACKAGE_NAME = 'strapi-passwordless-login';

const SHIM_COMMENT = `// Passwordless login (${PACKAGE_NAME}): routes under /api/auth/passwordless.`;

export function renderShim(language: Language): string {
  const lines =
    language === 'ts'
      ? [
          SHIM_COMMENT,
          `import { withPasswordless } from '${PACKAGE_NAME}';`,
          '',
          'export default (plugin: any) => withPasswordless(plugin);',
        ]
      : [
          "'use strict';",
          '',
          SHIM_COMMENT,
          `const { withPasswordless } = require('${PACKAGE_NAME}');`,
          '',
          'module.exports = (plugin) => withPasswordless(plugin);',
        ];
  return `${lines.join('\n')}\n`;
}

/** The composed form for a file that already extends users-permissions. */
export function renderShimInstructions(language: Language): string {
  const importLine =
    language === 'ts'
      ? `import { withPasswordless } from '${PACKAGE_NAME}';`
      : `const { withPasswordless } = require('${PACKAGE_NAME}');`;
  const exportLine =
    language === 'ts'
      ? 'export default (plugin: any) => withPasswordless(yourExtension(plugin));'
      : 'module.exports = (plugin) => withPasswordless(yourExtension(plugin));';
  return [
    '// At the top of the file:',
    importLine,
    '',
    '// Name the function this file exports now yourExtension, and export instead:',
    exportLine,
  ].join('\n');
}

/** [depth, text]: rendered with whatever indentation the target file uses. */
type Lines = Array<[number, string]>;

const PASSWORDLESS_BLOCK: Lines = [
  [0, 'passwordless: {'],
  [1, '// Required in production: at least 32 random characters (openssl rand -base64 48).'],
  [1, "secret: env('PASSWORDLESS_SECRET'),"],
  [1, "// Storefront page that receives ?token= from the email's sign-in link (optional)."],
  [1, "linkUrl: env('PASSWORDLESS_LINK_URL'),"],
  [1, "// 'log' writes the code email to Strapi's log (development only); production needs an email provider."],
  [1, "email: { delivery: env('PASSWORDLESS_EMAIL_DELIVERY', 'provider') },"],
  [0, '},'],
];

const USERS_PERMISSIONS_ENTRY: Lines = [
  [0, "'users-permissions': {"],
  [1, 'config: {'],
  ...PASSWORDLESS_BLOCK.map(([depth, text]): [number, string] => [depth + 2, text]),
  [1, '},'],
  [0, '},'],
];

function render(lines: Lines, options: { unit: string; depth: number; eol: string }): string {
  return lines.map(([depth, text]) => options.unit.repeat(depth + options.depth) + text).join(options.eol);
}

export function renderPasswordlessBlock(options = { unit: '  ', depth: 0, eol: '\n' }): string {
  return render(PASSWORDLESS_BLOCK, options);
}

export function renderUsersPermissionsEntry(options = { unit: '  ', depth: 0, eol: '\n' }): string {
  return render(USERS_PERMISSIONS_ENTRY, options);
}

/** How a Strapi 5 TypeScript config types its parameter; the project compiles it with `strict`. */
export const TYPED_ENV_PARAMETER = '({ env }: Core.Config.Shared.ConfigParams)';

/**
 * A whole config/plugins file, in the shape Strapi generates. Strapi 5 compiles a
 * TypeScript project with `strict` and `noEmitOnError`: an untyped `{ env }` would
 * stop its build, so that file types it as Strapi 5's own generated config does.
 */
export function renderPluginsConfig(language: Language, major: StrapiMajor): string {
  const entry = renderUsersPermissionsEntry({ unit: '  ', depth: 1, eol: '\n' });
  if (language === 'js') return ['module.exports = ({ env }) => ({', entry, '});', ''].join('\n');
  if (major === 4) return ['export default ({ env }) => ({', entry, '});', ''].join('\n');
  return [
    "import type { Core } from '@strapi/strapi';",
    '',
    `export default ${TYPED_ENV_PARAMETER}: Core.Config.Plugin => ({`,
    entry,
    '});',
    '',
  ].join('\n');
}

const ADMIN_COMMENT = `// Passwordless login (${PACKAGE_NAME}): Settings → Users & Permissions → Passwordless login.`;

/** The admin entry built on each major's admin kit (Strapi 5's admin cannot load Strapi 4's page, nor the reverse). */
export function adminEntry(major: StrapiMajor): string {
  return major === 5 ? `${PACKAGE_NAME}/admin/strapi5` : `${PACKAGE_NAME}/admin`;
}

/** A whole src/admin/app file: the settings page and its English and French texts (the same shape on both majors). */
export function renderAdminApp(language: Language, major: StrapiMajor): string {
  return [
    ADMIN_COMMENT,
    `import passwordless from '${adminEntry(major)}';`,
    '',
    'export default {',
    '  config: {',
    '    translations: passwordless.translations,',
    '  },',
    `  bootstrap(app${language === 'ts' ? ': any' : ''}) {`,
    '    passwordless.bootstrap(app);',
    '  },',
    '};',
    '',
  ].join('\n');
}

/** The lines to merge into an admin app file the project already has. */
export function renderAdminAppInstructions(language: Language, major: StrapiMajor): string {
  return [
    '// At the top of the file:',
    `import passwordless from '${adminEntry(major)}';`,
    '',
    '// In the exported object (merge with what is there):',
    '//   config: { translations: passwordless.translations },  (or merge its en/fr keys into yours)',
    `//   bootstrap(app${language === 'ts' ? ': any' : ''}) { passwordless.bootstrap(app); },`,
  ].join('\n');
}
