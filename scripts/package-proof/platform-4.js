/**
 * What proving a Strapi 4 project does that a Strapi 5 one does not (platform-5.js):
 * the project comes from @strapi/generate-new, the admin build must carry the settings
 * page, and a sign-in answers one long-lived JWT that users-permissions cannot revoke,
 * so the package adds the logout action the admin grants.
 */
const fs = require('node:fs');
const path = require('node:path');
const projects = require('./projects');
const { signInByCode } = require('./flow');

/** `shared` is the version's state across its flavours: generate-new is installed once. */
async function createProject({ version, dir, flavour, workDir, logFile, shared }) {
  shared.generateNewDir ??= await projects.generateNewFor(version, workDir, logFile);
  await projects.generateProject({ generateNewDir: shared.generateNewDir, dir, flavour, logFile });
}

/** init wrote src/admin/app.*, so the build bundled the settings page from node_modules. */
function checkAdminBuild(buildDir) {
  const bundle = fs
    .readdirSync(buildDir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => fs.readFileSync(path.join(buildDir, file), 'utf8'))
    .join('\n');
  // The test email button's text, from the page's own translations.
  if (!bundle.includes('Send me a test code email')) throw new Error('the admin build does not contain the Passwordless login page');
}

/** Strapi 4's generated config files: an untyped `({ env })`, which its compile accepts. */
function sesConfigHead(flavour) {
  return [flavour === 'ts' ? 'export default ({ env }) => ({' : 'module.exports = ({ env }) => ({'];
}

module.exports = {
  createProject,
  checkInit: () => {},
  checkAdminBuild,
  sesConfigHead,
  publicActions: ['passwordless', 'passwordlessVerify', 'logout'],
  signIn: signInByCode,
};
