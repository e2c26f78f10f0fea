import type { Strapi } from '../utils/strapi-types';
import { renderTemplate, type TemplateValues } from '../../shared/template';
import { getService } from '../utils/get-service';
import { templatesFor } from '../utils/email-templates';

export interface Recipient {
  email: string;
  username?: string | null;
}

export interface CodeEmail {
  to: Recipient;
  /** null: the email that says codes are locked. */
  code: string | null;
  token?: string | null;
  locale?: string;
}

export interface Message {
  to: string;
  from?: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Renders the code email (or, with `code: null`, the email that says codes are locked)
 * and hands it to Strapi's email plugin (SES in production). In `log` delivery
 * (development only) it writes the message to the log instead. Templates: config's,
 * overridden by what admins saved on the Passwordless login page.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const compose = async ({ to, code, token, locale }: CodeEmail): Promise<Message> => {
    const { email } = getService('passwordless-settings').get();
    const values = valuesFor({ to, code: code ?? '', token: token ?? null });
    const saved = (await getService('passwordless-admin-settings').current()).templates.value;
    const templates = templatesFor(email, saved, { locale, locked: code === null });
    return {
      to: to.email,
      ...(email.from ? { from: email.from } : {}),
      ...(email.replyTo ? { replyTo: email.replyTo } : {}),
      subject: renderTemplate(templates.subject, values, { html: false }),
      text: renderTemplate(templates.text, values, { html: false }),
      html: renderTemplate(templates.html, values, { html: true }),
    };
  };

  const deliver = async (message: Message, { retries }: { retries: number }): Promise<void> => {
    const { email } = getService('passwordless-settings').get();
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
        if (attempt >= retries) throw error;
        await sleep(email.retryDelayMs * 2 ** attempt);
      }
    }
  };

  return {
    async sendCode(input: CodeEmail): Promise<void> {
      await deliver(await compose(input), { retries: getService('passwordless-settings').get().email.retries });
    },

    /**
     * The admin page's test: the code email as `locale` would get it, with sample values
     * (no code that works).
     */
    async composeTest({ to, locale }: { to: Recipient; locale?: string }): Promise<Message> {
      return compose({ to, code: sampleValues().CODE, token: 'test-link-does-not-sign-in', locale });
    },

    /** Hands a composed test email to the provider once; its error is the admin's to read. */
    async deliverTest(message: Message): Promise<void> {
      await deliver(message, { retries: 0 });
    },
  };
};

/** The values a template is filled with. */
function valuesFor({ to, code, token }: { to: Recipient; code: string; token: string | null }): TemplateValues {
  const { email, code: codeOptions, linkUrl } = getService('passwordless-settings').get();
  return {
    CODE: code,
    URL: linkUrl && token ? linkFor(linkUrl, token) : '',
    'USER.username': to.username ?? '',
    'USER.email': to.email,
    EXPIRES_IN_MINUTES: String(Math.ceil(codeOptions.ttlSeconds / 60)),
    APP_NAME: email.appName,
  };
}

/** What the admin page's preview and test email fill in: this server's real expiry, app name and link shape. */
export function sampleValues(): TemplateValues {
  const { length } = getService('passwordless-settings').get().code;
  const code = '1234567890'.slice(0, length);
  return valuesFor({ to: { email: 'alice@example.com', username: 'alice' }, code, token: 'sample-token' });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
