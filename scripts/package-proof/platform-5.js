/**
 * What proving a Strapi 5 project does that a Strapi 4 one does not (platform-4.js):
 * the project comes from create-strapi-app in refresh mode, init wires the Strapi 5 admin
 * entry (so Vite's `strapi build` must bundle the page), and a sign-in is a session with
 * an HttpOnly refresh cookie that users-permissions' own logout ends.
 */
const fs = require('node:fs');
const path = require('node:path');
const checks = require('./project-checks');
const { createStrapi5Project } = require('./create-strapi-5');
const { signInWithRefresh } = require('./refresh-flow');

function createProject({ version, dir, flavour, logFile }) {
  return createStrapi5Project({ version, dir, flavour, logFile });
}

/**
 * init wrote src/admin/app.* with strapi-passwordless-login/admin/strapi5, so Vite bundled
 * the page from node_modules: its translations in the entry chunk, and the page itself in
 * the chunk loaded when Settings → Passwordless login opens (a data-testid only it has).
 */
function checkAdminBuild(buildDir) {
  if (!fs.existsSync(path.join(buildDir, 'index.html'))) throw new Error(`strapi build wrote no ${buildDir}/index.html`);
  const chunks = fs
    .readdirSync(buildDir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, text: fs.readFileSync(path.join(buildDir, file), 'utf8') }));
  if (!chunks.some(({ text }) => text.includes('Send me a test code email'))) {
    throw new Error('the admin build does not contain the Passwordless login translations');
  }
  const page = chunks.find(({ text }) => text.includes('passwordless-preview-subject'));
  if (!page) throw new Error('the admin build does not contain the Passwordless login page');
  return `admin build: the page in ${page.file}`;
}

/**
 * Typed as Strapi 5's generated config files are: its compile runs with strict and
 * noEmitOnError, so an untyped `({ env })` would stop `strapi build` and `strapi start`.
 */
function sesConfigHead(flavour) {
  if (flavour === 'js') return ['module.exports = ({ env }) => ({'];
  return [
    "import type { Core } from '@strapi/strapi';",
    '',
    'export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({',
  ];
}

module.exports = {
  createProject,
  checkInit: checks.checkInitKeptStrapi5Config,
  checkAdminBuild,
  sesConfigHead,
  // logout is users-permissions' own action on Strapi 5, granted to Authenticated by default.
  publicActions: ['passwordless', 'passwordlessVerify'],
  signIn: signInWithRefresh,
};
