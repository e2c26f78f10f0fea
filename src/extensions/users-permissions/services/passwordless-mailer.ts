import type { Strapi } from '../utils/strapi-types';
import { renderTemplate, type TemplateValues } from '../utils/template';
import { getService } from '../utils/get-service';

export interface Recipient {
  email: string;
  username?: string | null;
}

/**
 * Renders the code email and hands it to Strapi's email plugin (SES in production).
 * In `log` delivery (development only) it writes the message to the log instead.
 */
export default ({ strapi }: { strapi: Strapi }) => ({
  async sendCode({ to, code }: { to: Recipient; code: string }): Promise<void> {
    const { email, code: codeOptions } = getService('passwordless-settings').get();
    const values: TemplateValues = {
      CODE: code,
      'USER.username': to.username ?? '',
      'USER.email': to.email,
      EXPIRES_IN_MINUTES: String(Math.ceil(codeOptions.ttlSeconds / 60)),
    };
    const message = {
      to: to.email,
      ...(email.from ? { from: email.from } : {}),
      ...(email.replyTo ? { replyTo: email.replyTo } : {}),
      subject: renderTemplate(email.subject, values, { html: false }),
      text: renderTemplate(email.text, values, { html: false }),
      html: renderTemplate(email.html, values, { html: true }),
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

/** A provider that never answers must not hold a delivery (and its memory) forever. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`email provider did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
