/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The Next.js example (examples/next-storefront) in Chromium, as a shopper uses it:
 * code and link sign-in through Auth.js, the messages for wrong, locked and
 * rate-limited codes, the account page, sign-out ending the Strapi session, and the
 * shopper's address reaching Strapi through the storefront's server (issue 14).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { me, wrongCode } from '../helpers/flow';
import { createUser, newEmail } from '../helpers/users';
import { launchChromium } from './helpers/chromium';
import { freePort } from './helpers/ports';
import { NEXTAUTH_SECRET, STOREFRONT_DIR, startStorefront, type Storefront } from './helpers/storefront';
import { createApiToken, listen, waitForEmail } from './helpers/strapi-http';

// `SCREENSHOT_DIR=docs npm run test:browser` refreshes the README's pictures.
const SCREENSHOT_DIR = path.resolve(__dirname, '../..', process.env.SCREENSHOT_DIR ?? '.tmp/screenshots');
const FAILURE_BUDGET = 3;
const CODES_PER_HOUR = 3;

let app: TestApp;
let store: Storefront;
let browser: Browser;
let shoppers = 0;

beforeAll(async () => {
  const storePort = await freePort();
  app = await startStrapi({
    passwordless: {
      grantPublic: true,
      linkUrl: `http://127.0.0.1:${storePort}/auth/link`,
      // No cooldown and a small hourly quota, so that a shopper's 4th code request is
      // refused for most of an hour (the countdown), and a small failure budget so that
      // codes lock after a few wrong ones. Per-IP limits stay at their defaults.
      limits: { identifierCooldownSeconds: 0, identifierPerHour: CODES_PER_HOUR, failureBudget: FAILURE_BUDGET },
      trustedServers: { apiTokens: ['storefront'] },
    },
  });
  const strapiPort = await listen(app);
  const apiToken = await createApiToken(app, 'storefront');
  [store, browser] = await Promise.all([
    startStorefront({ port: storePort, strapiUrl: `http://127.0.0.1:${strapiPort}`, apiToken }),
    launchChromium(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await store?.stop();
  await app?.stop();
});

/**
 * A fresh browser for one shopper. The hosting platform in front of the storefront would
 * set X-Forwarded-For to the shopper's address; here the browser sends one per shopper.
 */
async function shopper(): Promise<Page> {
  shoppers += 1;
  const context = await browser.newContext({
    baseURL: store.url,
    viewport: { width: 720, height: 600 },
    extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${shoppers}` },
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name) });
}

// The page's own message (Next.js adds an empty route announcer with the same role).
const alert = (page: Page) => page.locator('main [role=alert]');

/** Email → code step; returns the email's code and link token. */
async function askForCode(page: Page, email: string, count = 1) {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Email me a code' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  return waitForEmail(app, email, count);
}

/** Submits a code and waits until the form has taken Strapi's answer (or left the page). */
async function enterCode(page: Page, code: string): Promise<void> {
  const submit = page.getByRole('button', { name: 'Sign in', exact: true });
  const answered = page.waitForResponse((res) => res.url().endsWith('/api/auth/callback/passwordless-code'));
  await page.getByLabel('Code').fill(code);
  await submit.click();
  const res = await answered;
  if (res.status() !== 200) await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled);
}

async function signInByCode(page: Page, email: string): Promise<void> {
  const { code } = await askForCode(page, email);
  await enterCode(page, code!);
  await page.waitForURL('/account');
}

/** The Strapi JWT inside Auth.js's encrypted session cookie (the test knows the key). */
async function heldStrapiJwt(page: Page): Promise<string | undefined> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'next-auth.session-token');
  if (!cookie) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { decode } = require(path.join(STOREFRONT_DIR, 'node_modules/next-auth/jwt'));
  return (await decode({ token: cookie.value, secret: NEXTAUTH_SECRET }))?.strapiJwt;
}

describe('the Next.js storefront in a browser', () => {
  it('signs in with the emailed code; the account page shows the email from /api/users/me', async () => {
    const page = await shopper();
    const email = 'alice@example.com';
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await screenshot(page, 'storefront-sign-in.png');
    const { code } = await askForCode(page, email);

    const codeInput = page.getByLabel('Code');
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeInput.getAttribute('inputmode')).toBe('numeric');
    await codeInput.fill(code!);
    await screenshot(page, 'storefront-code.png');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await page.waitForURL('/account');
    expect(await page.getByTestId('account-email').textContent()).toBe(email);
    await screenshot(page, 'storefront-account.png');
  });

  it('keeps the Strapi JWT out of page scripts: HttpOnly session cookie, not in the session object', async () => {
    const page = await shopper();
    await signInByCode(page, newEmail('shopper'));
    const jwt = await heldStrapiJwt(page);
    expect(jwt).toMatch(/^ey/);
    const session = await page.evaluate(() => fetch('/api/auth/session').then((res) => res.text()));
    expect(session).toContain('"email"');
    expect(session).not.toContain(jwt);
    expect(await page.evaluate(() => document.cookie)).not.toContain('session-token');
  });

  it('signs in through the emailed link: the token leaves the address bar, one click spends it', async () => {
    const page = await shopper();
    const email = newEmail('linker');
    const { token } = await askForCode(page, email);
    const landing = page.waitForResponse((res) => res.url().includes('/auth/link?token='));
    await page.goto(`/auth/link?token=${encodeURIComponent(token!)}`);

    expect((await landing).headers()['referrer-policy']).toBe('no-referrer');
    expect(page.url()).toBe(`${store.url}/auth/link/finish`);
    await page.getByRole('button', { name: 'Finish signing in' }).click();
    await page.waitForURL('/account');
    expect(await page.getByTestId('account-email').textContent()).toBe(email);

    // The link works once.
    await page.goto(`/auth/link?token=${encodeURIComponent(token!)}`);
    await page.getByRole('button', { name: 'Finish signing in' }).click();
    expect(await alert(page).textContent()).toMatch(/expired or was already used/);
  });

  it('a wrong code says so, and the right one still works', async () => {
    const page = await shopper();
    const { code } = await askForCode(page, newEmail('typo'));
    await enterCode(page, wrongCode(code!));
    expect(await alert(page).textContent()).toMatch(/wrong or has expired/);
    await enterCode(page, code!);
    await page.waitForURL('/account');
  });

  it('locked after too many wrong codes: points to the link in the email just sent, which signs in', async () => {
    const page = await shopper();
    // An account: codes lock per account (an address with no account has only its own budget).
    const { email } = await createUser(app.strapi);
    const { code } = await askForCode(page, email);
    for (let i = 1; i <= FAILURE_BUDGET; i += 1) {
      await enterCode(page, wrongCode(code!, i));
      expect(await alert(page).textContent()).toMatch(/wrong or has expired/);
    }
    await enterCode(page, wrongCode(code!, FAILURE_BUDGET + 1));
    expect(await alert(page).textContent()).toMatch(/Use the link in the email we just sent/);

    const locked = await waitForEmail(app, email, 2);
    expect(locked.code).toBeNull();
    await page.goto(`/auth/link?token=${encodeURIComponent(locked.token!)}`);
    await page.getByRole('button', { name: 'Finish signing in' }).click();
    await page.waitForURL('/account');
  });

  it("rate-limited resend: says when, and the button counts down from the server's Retry-After", async () => {
    const page = await shopper();
    const email = newEmail('impatient');
    await askForCode(page, email);
    const resend = page.getByRole('button', { name: /Send a new code/ });
    for (let sent = 2; sent <= CODES_PER_HOUR; sent += 1) {
      await resend.click();
      await page.getByText(`We sent a code to ${email}.`).waitFor();
      await waitForEmail(app, email, sent);
    }
    await resend.click();

    expect(await alert(page).textContent()).toMatch(/Try again in (59|60) minutes/);
    expect(await resend.isDisabled()).toBe(true);
    const first = await resend.textContent();
    expect(first).toMatch(/^Send a new code in (59:[0-5]\d|60:00)$/);
    await page.waitForFunction(
      (label) => [...document.querySelectorAll('button')].some((b) => /in \d+:\d\d$/.test(b.textContent!) && b.textContent !== label),
      first
    );
    expect(app.ses.to(email)).toHaveLength(CODES_PER_HOUR);
  });

  it('signed out, the account page sends the shopper to sign in and back', async () => {
    const page = await shopper();
    await page.goto('/account');
    expect(page.url()).toBe(`${store.url}/sign-in?callbackUrl=%2Faccount`);
    await signInByCode(page, newEmail('returning'));
    expect(page.url()).toBe(`${store.url}/account`);
  });

  it('sign-out ends the Strapi session too: the old JWT answers 401', async () => {
    const page = await shopper();
    await signInByCode(page, newEmail('leaving'));
    const jwt = (await heldStrapiJwt(page))!;
    expect((await me(app, jwt)).status).toBe(200);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('/sign-in');
    expect((await me(app, jwt)).status).toBe(401);
    expect(await heldStrapiJwt(page)).toBeUndefined();
    await page.goto('/account');
    expect(page.url()).toBe(`${store.url}/sign-in?callbackUrl=%2Faccount`);
  });

  it("forwards each shopper's address: 25 shoppers through the storefront are not limited by its one address", async () => {
    const ask = (address: string) =>
      fetch(`${store.url}/api/passwordless/code`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ email: newEmail('crowd') }),
      });
    const statuses: number[] = [];
    for (let i = 1; i <= 25; i += 1) statuses.push((await ask(`203.0.113.${i}`)).status);
    expect(statuses).toEqual(Array(25).fill(200));

    // The per-IP limit is live: one shopper alone meets it at the 21st request.
    for (let i = 0; i < 20; i += 1) expect((await ask('192.0.2.77')).status).toBe(200);
    const limited = await ask('192.0.2.77');
    expect({ status: limited.status, body: await limited.json() }).toMatchObject({ status: 429, body: { code: 'IP_RATE_LIMITED' } });
  });
});
