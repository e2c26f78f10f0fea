import type { PasswordlessConfig } from './types';

/** The card both emails open with: a phone-width table, the greeting. */
const HTML_OPEN = `<!doctype html>
<html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0;padding:24px 12px;background:#f6f6f9;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#32324d">
<table role="presentation" width="100%" style="max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<tr><td>
<p style="font-size:16px;margin:0 0 16px">Hello <%= USER.username %>,</p>`;
const HTML_HEAD = `${HTML_OPEN}
<p style="font-size:16px;margin:0 0 8px">Your sign-in code:</p>
<p style="font-size:32px;font-weight:700;letter-spacing:6px;margin:0 0 16px;user-select:all"><%= CODE %></p>`;
const HTML_LINK = `
<p style="margin:0 0 16px"><a href="<%= URL %>" style="display:inline-block;background:#4945ff;color:#fff;text-decoration:none;padding:12px 20px;border-radius:4px;font-size:16px">Sign in</a></p>`;
const HTML_CLOSE = '\n</td></tr></table></body></html>';
const HTML_FOOT = `
<p style="font-size:14px;color:#666687;margin:0">It expires in <%= EXPIRES_IN_MINUTES %> minutes. If you did not ask for it, ignore this email.</p>${HTML_CLOSE}`;

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

const LOCKED_TEXT_HEAD =
  'Hello <%= USER.username %>,\n\nSomeone asked for a sign-in code for your account, but too many wrong codes were entered, so codes are paused for now.\n\n';
const LOCKED_TEXT_LINK = 'You can still sign in with this link, which expires in <%= EXPIRES_IN_MINUTES %> minutes: <%= URL %>\n\n';
const LOCKED_TEXT_FOOT = 'If you did not ask for it, you can ignore this email: nobody can sign in with a code meanwhile.\n';
const LOCKED_HTML_HEAD = `${HTML_OPEN}
<p style="font-size:16px;margin:0 0 16px">Someone asked for a sign-in code for your account, but too many wrong codes were entered, so codes are paused for now.</p>`;
const LOCKED_HTML_LINK = `
<p style="margin:0 0 16px"><a href="<%= URL %>" style="display:inline-block;background:#4945ff;color:#fff;text-decoration:none;padding:12px 20px;border-radius:4px;font-size:16px">Sign in with this link</a></p>
<p style="font-size:14px;color:#666687;margin:0 0 8px">The link expires in <%= EXPIRES_IN_MINUTES %> minutes.</p>`;
const LOCKED_HTML_FOOT = `
<p style="font-size:14px;color:#666687;margin:0">If you did not ask for it, you can ignore this email: nobody can sign in with a code meanwhile.</p>${HTML_CLOSE}`;

/** The email sent while codes are locked: it says so, and carries the link when there is one. */
export function defaultLockedTemplates({ withLink }: { withLink: boolean }): { subject: string; text: string; html: string } {
  return {
    subject: 'Sign-in codes are paused for your account',
    text: LOCKED_TEXT_HEAD + (withLink ? LOCKED_TEXT_LINK : '') + LOCKED_TEXT_FOOT,
    html: LOCKED_HTML_HEAD + (withLink ? LOCKED_HTML_LINK : '') + LOCKED_HTML_FOOT,
  };
}

export const DEFAULT_CONFIG: PasswordlessConfig = {
  grantPublic: false,
  publicRoleCache: { enabled: false, maxAgeSeconds: 5 },
  linkUrl: undefined,
  signUp: { enabled: 'auto', emailsPerHour: 200 },
  secret: undefined,
  code: { length: 6, ttlSeconds: 600, maxAttempts: 5 },
  limits: {
    identifierCooldownSeconds: 60,
    identifierPerHour: 5,
    failureBudget: 10,
    failureWindowSeconds: 86_400,
    lockSeconds: 900,
    maxConsecutiveFailures: 100,
    ipRequest: { points: 20, durationSeconds: 900 },
    ipVerify: { points: 20, durationSeconds: 900 },
    trustedProxyHops: 1,
  },
  trustedServers: { apiTokens: [], request: { points: 2000, durationSeconds: 900 }, verify: { points: 2000, durationSeconds: 900 } },
  access: { allow: [], deny: [], editableInAdmin: true },
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
    locked: defaultLockedTemplates({ withLink: false }),
    editableInAdmin: true,
    startJitterMs: 100,
    timeoutMs: 10_000,
    retries: 2,
    retryDelayMs: 1000,
  },
};
