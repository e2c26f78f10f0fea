/// <reference lib="dom" />
/**
 * Cookie mode in a real browser: a static page on its own origin (http://localhost:P)
 * signs in against Strapi on another (http://localhost:S) with credentials: 'include'.
 * Both are one site (ports do not make sites), so the SameSite=Lax cookie travels and
 * only Strapi's CORS answer and CSRF origin check stand between it and a third,
 * unlisted origin (http://localhost:Q) in the same browser.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { newEmail } from '../helpers/users';
import { launchChromium } from './helpers/chromium';
import { serveStaticPage, type StaticPage } from './helpers/static-page';
import { listen, waitForEmail } from './helpers/strapi-http';

const PAGE = path.join(__dirname, 'fixtures/cookie-session.html');
const COOKIE = 'strapi_jwt';

let app: TestApp;
let strapiUrl: string;
let listed: StaticPage;
let unlisted: StaticPage;
let browser: Browser;

beforeAll(async () => {
  [listed, unlisted] = await Promise.all([serveStaticPage(PAGE), serveStaticPage(PAGE)]);
  app = await startStrapi({
    passwordless: { grantPublic: true, limits: RELAXED_LIMITS, cookie: { enabled: true, origins: [listed.origin] } },
  });
  strapiUrl = `http://localhost:${await listen(app)}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await Promise.all([listed?.close(), unlisted?.close()]);
});

type Answer = { status: number; body?: any; error?: string };
type Call = 'me' | 'logout';

async function open(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/?strapi=${encodeURIComponent(strapiUrl)}`);
  return page;
}

const call = (page: Page, name: Call): Promise<Answer> => page.evaluate((fn) => (window as any).session[fn](), name);

/** Signs in from the listed page, as its user would (code from the delivered email). */
async function signIn(context: BrowserContext): Promise<{ page: Page; email: string }> {
  const page = await open(context, listed.origin);
  const email = newEmail('cookie');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Email me a code' }).click();
  const { code } = await waitForEmail(app, email, 1);
  await page.getByLabel('Code').fill(code!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`"user": "${email}"`).waitFor();
  return { page, email };
}

const sessionCookie = async (context: BrowserContext) => (await context.cookies(strapiUrl)).find((c) => c.name === COOKIE);

describe('cookie session in Chromium', () => {
  let context: BrowserContext;
  beforeEach(async () => {
    context = await browser.newContext();
    context.setDefaultTimeout(15_000);
  });
  afterEach(async () => context?.close());

  it('the HttpOnly cookie set by verify authenticates later calls; page scripts cannot read it', async () => {
    const { page, email } = await signIn(context);
    expect(await sessionCookie(context)).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // Cookies ignore ports: a readable cookie for localhost would show on this page.
    expect(await page.evaluate(() => document.cookie)).not.toContain(COOKIE);

    const answered = page.waitForResponse((res) => res.url().endsWith('/api/users/me'));
    const me = await call(page, 'me');
    expect(me).toMatchObject({ status: 200, body: { email } });
    // Credentialed CORS for the listed origin, by name (never *).
    expect((await answered).headers()).toMatchObject({
      'access-control-allow-origin': listed.origin,
      'access-control-allow-credentials': 'true',
    });
  });

  it('an unlisted origin in the same browser cannot read /api/users/me, and its logout is refused', async () => {
    const { page } = await signIn(context);
    const intruder = await open(context, unlisted.origin);

    // The browser sends the cookie (same site) but withholds the answer from the page.
    const me = await call(intruder, 'me');
    expect(me.status).toBe(0);

    // A cross-site form's POST (no preflight) reaches Strapi with the cookie: 403.
    const refused = intruder.waitForResponse((res) => res.url().endsWith('/api/auth/logout'));
    await intruder.evaluate((url) => {
      const form = Object.assign(document.createElement('form'), { method: 'POST', action: url, target: 'sink' });
      document.body.append(Object.assign(document.createElement('iframe'), { name: 'sink' }), form);
      form.submit();
    }, `${strapiUrl}/api/auth/logout`);
    const res = await refused;
    expect({ status: res.status(), code: (await res.json())?.error?.details?.code }).toEqual({ status: 403, code: 'CSRF_ORIGIN_MISMATCH' });
    // The same call through fetch with JSON is refused too (by the preflight, or by Strapi).
    expect((await call(intruder, 'logout')).status).not.toBe(200);

    // Still in the browser, unchanged: the refused logout cleared nothing.
    expect(await sessionCookie(context)).toMatchObject({ name: COOKIE, httpOnly: true });
    expect((await call(page, 'me')).status).toBe(200);
  });

  it('logout from the listed origin clears the cookie: the next call is anonymous', async () => {
    const { page } = await signIn(context);
    expect(await call(page, 'logout')).toMatchObject({ status: 200, body: { ok: true } });
    expect(await sessionCookie(context)).toBeUndefined();
    expect((await call(page, 'me')).status).toBe(403);
  });
});
