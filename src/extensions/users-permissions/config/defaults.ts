import type { PasswordlessConfig } from './types';

const HTML_HEAD = `<!doctype html>
<html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0;padding:24px 12px;background:#f6f6f9;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#32324d">
<table role="presentation" width="100%" style="max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<tr><td>
<p style="font-size:16px;margin:0 0 16px">Hello <%= USER.username %>,</p>
<p style="font-size:16px;margin:0 0 8px">Your sign-in code:</p>
<p style="font-size:32px;font-weight:700;letter-spacing:6px;margin:0 0 16px;user-select:all"><%= CODE %></p>`;
const HTML_LINK = `
<p style="margin:0 0 16px"><a href="<%= URL %>" style="display:inline-block;background:#4945ff;color:#fff;text-decoration:none;padding:12px 20px;border-radius:4px;font-size:16px">Sign in</a></p>`;
const HTML_FOOT = `
<p style="font-size:14px;color:#666687;margin:0">It expires in <%= EXPIRES_IN_MINUTES %> minutes. If you did not ask for it, ignore this email.</p>
</td></tr></table></body></html>`;

const TEXT_HEAD = 'Hello <%= USER.username %>,\n\nYour sign-in code is <%= CODE %>.\n\n';
const TEXT_LINK = 'Or sign in with this link: <%= URL %>\n\n';
const TEXT_FOOT = 'It expires in <%= EXPIRES_IN_MINUTES %> minutes. If you did not ask for it, ignore this email.\n';

/** The default email, with the magic link when a linkUrl is configured. */
export function defaultEmailTemplates({ withLink }: { withLink: boolean }): { subject: string; text: string; html: string } {
  return {
    subject: 'Your sign-in code',
    text: TEXT_HEAD + (withLink ? TEXT_LINK : '') + TEXT_FOOT,
    html: HTML_HEAD + (withLink ? HTML_LINK : '') + HTML_FOOT,
  };
}

export const DEFAULT_CONFIG: PasswordlessConfig = {
  grantPublic: false,
  linkUrl: undefined,
  signUp: 'auto',
  secret: undefined,
  code: { length: 6, ttlSeconds: 600, maxAttempts: 5 },
  limits: {
    identifierCooldownSeconds: 60,
    identifierPerHour: 5,
    failureBudget: 10,
    failureWindowSeconds: 86_400,
    lockSeconds: 900,
    ipRequest: { points: 20, durationSeconds: 900 },
    ipVerify: { points: 20, durationSeconds: 900 },
    trustedProxyHops: 1,
  },
  access: { allow: [], deny: [] },
  cookie: { enabled: false, name: 'strapi_jwt', sameSite: 'lax', secure: false, maxAge: undefined, domain: undefined, path: '/', origins: [] },
  cleanup: { intervalMinutes: 10 },
  redis: { url: undefined, keyPrefix: 'passwordless' },
  email: {
    delivery: 'provider',
    from: undefined,
    replyTo: undefined,
    ...defaultEmailTemplates({ withLink: false }),
    appName: 'Strapi',
    locales: {},
    startJitterMs: 100,
    timeoutMs: 10_000,
    retries: 2,
    retryDelayMs: 1000,
  },
};
