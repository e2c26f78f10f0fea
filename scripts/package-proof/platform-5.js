/**
 * What proving a Strapi 5 project does that a Strapi 4 one does not (platform-4.js):
 * the project comes from create-strapi-app in refresh mode, init leaves the admin alone
 * (so `strapi build` need only succeed), and a sign-in is a session with an HttpOnly
 * refresh cookie that users-permissions' own logout ends.
 */
const fs = require('node:fs');
const path = require('node:path');
const checks = require('./project-checks');
const { createStrapi5Project } = require('./create-strapi-5');
const { signInWithRefresh } = require('./refresh-flow');

function createProject({ version, dir, flavour, logFile }) {
  return createStrapi5Project({ version, dir, flavour, logFile });
}

/** The build wrote the panel `strapi start` serves; the package adds nothing to it yet. */
function checkAdminBuild(buildDir) {
  if (!fs.existsSync(path.join(buildDir, 'index.html'))) throw new Error(`strapi build wrote no ${buildDir}/index.html`);
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
