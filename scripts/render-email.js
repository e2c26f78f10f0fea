#!/usr/bin/env node
/**
 * Renders the default code email (with the magic link) to docs/email.png at a phone's
 * width, through the same template code the mailer uses. Needs Chromium
 * (Debian: apt-get install chromium; elsewhere set CHROMIUM=/path/to/chrome).
 *
 *   npm run render:email
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const CHROMIUM_FLAGS = require('./chromium-flags');

const ROOT = path.resolve(__dirname, '..');
// The package's build (npm install runs it: postinstall).
const EXT = path.join(ROOT, 'packages/strapi-passwordless-login/dist/server');

async function main() {
  const { defaultEmailTemplates } = require(path.join(EXT, 'config/defaults'));
  const { renderTemplate } = require(path.join(EXT, '../shared/template'));
  const html = renderTemplate(
    defaultEmailTemplates({ withLink: true }).html,
    {
      CODE: '482913',
      URL: 'https://shop.example/auth/link?token=example',
      'USER.username': 'alice',
      'USER.email': 'alice@example.com',
      EXPIRES_IN_MINUTES: '10',
      APP_NAME: 'Strapi',
    },
    { html: true }
  );
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'email-render-'));
  const page = path.join(work, 'email.html');
  fs.writeFileSync(page, html);
  const out = path.join(ROOT, 'docs/email.png');
  execFileSync(process.env.CHROMIUM || 'chromium', [
    ...CHROMIUM_FLAGS,
    '--hide-scrollbars',
    `--user-data-dir=${path.join(work, 'profile')}`,
    '--window-size=390,310',
    `--screenshot=${out}`,
    `file://${page}`,
  ], { stdio: 'inherit' });
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`wrote ${path.relative(ROOT, out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
