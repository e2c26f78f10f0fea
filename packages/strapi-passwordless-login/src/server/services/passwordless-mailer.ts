import type { Strapi } from '../utils/strapi-types';
import { renderTemplate, type TemplateValues } from '../../shared/template';
import { getService } from '../utils/get-service';
import type { EmailTemplates, LocaleTemplates } from '../config/types';

export interface Recipient {
  email: string;
  username?: string | null;
}

/**
 * Renders the code email (or, with `code: null`, the email that says codes are locked)
 * and hands it to Strapi's email plugin (SES in production). In `log` delivery
 * (development only) it writes the message to the log instead.
 */
export default ({ strapi }: { strapi: Strapi }) => ({
  async sendCode({ to, code, token, locale }: { to: Recipient; code: string | null; token?: string | null; locale?: string }): Promise<void> {
    const { email, code: codeOptions, linkUrl } = getService('passwordless-settings').get();
    const values: TemplateValues = {
      CODE: code ?? '',
      URL: linkUrl && token ? linkFor(linkUrl, token) : '',
      'USER.username': to.username ?? '',
      'USER.email': to.email,
      EXPIRES_IN_MINUTES: String(Math.ceil(codeOptions.ttlSeconds / 60)),
      APP_NAME: email.appName,
    };
    const localized = pickLocale(email.locales, locale);
    const templates: EmailTemplates =
      code === null
        ? { ...email.locked, ...localized.locked }
        : { subject: email.subject, text: email.text, html: email.html, ...withoutLocked(localized) };
    const message = {
      to: to.email,
      ...(email.from ? { from: email.from } : {}),
      ...(email.replyTo ? { replyTo: email.replyTo } : {}),
      subject: renderTemplate(templates.subject, values, { html: false }),
      text: renderTemplate(templates.text, values, { html: false }),
      html: renderTemplate(templates.html, values, { html: true }),
    };
    if (email.delivery === 'log') {
      strapi.log.info(`[passwordless] email to ${message.to}: ${message.subject}\n${message.text}`);
      return;
    }
    // Bounded: at most 1 + retries attempts, each at most timeoutMs. A retry after a
    // timeout may deliver the same email twice; it carries the same code, so no harm.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await withTimeout(strapi.plugin('email').service('email').send(message), email.timeoutMs);
        return;
      } catch (error) {
        if (attempt >= email.retries) throw error;
        await sleep(email.retryDelayMs * 2 ** attempt);
      }
    }
  },
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The exact locale's templates, else its language's (`fr-CA` → `fr`), else none. */
function pickLocale(locales: Record<string, Partial<LocaleTemplates>>, locale: string | undefined): Partial<LocaleTemplates> {
  if (!locale) return {};
  const byKey = new Map(Object.entries(locales).map(([key, value]) => [key.toLowerCase(), value]));
  const wanted = locale.toLowerCase();
  return byKey.get(wanted) ?? byKey.get(wanted.split('-')[0]) ?? {};
}

function withoutLocked({ locked: _locked, ...parts }: Partial<LocaleTemplates>): Partial<EmailTemplates> {
  return parts;
}

/** The storefront page from config, never from the request, with the token as `?token=`. */
function linkFor(linkUrl: string, token: string): string {
  const url = new URL(linkUrl);
  url.searchParams.set('token', token);
  return url.toString();
}

/** A provider that never answers must not hold a delivery (and its memory) forever. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`email provider did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
