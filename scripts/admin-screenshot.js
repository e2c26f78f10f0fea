#!/usr/bin/env node
/**
 * Screenshots of the admin "Passwordless login" page, one per tab, for the README
 * (docs/admin-passwordless.png is the status tab). Needs a running Strapi with the built
 * admin and Chromium (Debian: apt-get install chromium; elsewhere set CHROMIUM).
 *
 *   node scripts/admin-screenshot.js [--url=http://localhost:1337] [--out=docs] [--mock] [--locale=fr]
 *
 * Registers the first admin (ADMIN_EMAIL / ADMIN_PASSWORD) when none exists. --mock
 * answers the page's API from scripts/admin-fixtures.js, for when the server side is absent.
 */
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const CHROMIUM_FLAGS = require('./chromium-flags');
const FIXTURES = require('./admin-fixtures');

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const URL_BASE = arg('url', 'http://localhost:1337');
const OUT = path.resolve(__dirname, '..', arg('out', 'docs'));
const LOCALE = arg('locale', 'en');
const MOCK = process.argv.includes('--mock');
const ADMIN = {
  firstname: 'Ada',
  lastname: 'Admin',
  email: process.env.ADMIN_EMAIL || 'admin@shop.example',
  password: process.env.ADMIN_PASSWORD || 'Passw0rd!Passw0rd',
};

async function ensureAdmin() {
  const init = await (await fetch(`${URL_BASE}/admin/init`)).json();
  if (init.data?.hasAdmin) return;
  const response = await fetch(`${URL_BASE}/admin/register-admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!response.ok) throw new Error(`register-admin: ${response.status} ${await response.text()}`);
}

async function mockApi(page) {
  const routes = { status: FIXTURES.status, stats: FIXTURES.stats, templates: FIXTURES.templates, access: FIXTURES.access, 'test-email': FIXTURES.testEmail };
  await page.route('**/users-permissions/passwordless/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(routes[name] ?? {}) });
  });
}

async function main() {
  await ensureAdmin();
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    if (MOCK) await mockApi(page);
    // The admin keeps its language in localStorage; set it before the app reads it.
    await page.addInitScript((locale) => localStorage.setItem('strapi-admin-language', locale), LOCALE);
    await page.goto(`${URL_BASE}/admin/auth/login`);
    // By name, not label: the labels follow the admin's language.
    await page.locator('input[name="email"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin(\/)?$/);
    await page.goto(`${URL_BASE}/admin/settings/users-permissions/passwordless`);
    const tabs = page.getByRole('tab');
    await tabs.first().waitFor();
    const suffix = LOCALE === 'en' ? '' : `-${LOCALE}`;
    const names = ['status', 'templates', 'access'];
    for (let index = 0; index < (await tabs.count()); index += 1) {
      await tabs.nth(index).click();
      await page.waitForTimeout(800);
      const file = index === 0 && !suffix ? 'admin-passwordless.png' : `admin-passwordless-${names[index]}${suffix}.png`;
      await page.screenshot({ path: path.join(OUT, file), fullPage: true });
      console.log(path.join(OUT, file));
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
