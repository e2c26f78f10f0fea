import type { PasswordlessConfig } from './types';

const DEFAULT_HTML = `<!doctype html>
<html><body style="margin:0;padding:24px;background:#f6f6f9;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#32324d">
<table role="presentation" width="100%" style="max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<tr><td>
<p style="font-size:16px;margin:0 0 16px">Hello <%= USER.username %>,</p>
<p style="font-size:16px;margin:0 0 8px">Your sign-in code:</p>
<p style="font-size:32px;font-weight:700;letter-spacing:6px;margin:0 0 16px;user-select:all"><%= CODE %></p>
<p style="font-size:14px;color:#666687;margin:0">It expires in <%= EXPIRES_IN_MINUTES %> minutes. If you did not ask for it, ignore this email.</p>
</td></tr></table></body></html>`;

export const DEFAULT_CONFIG: PasswordlessConfig = {
  grantPublic: false,
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
  cleanup: { intervalMinutes: 10 },
  redis: { url: undefined, keyPrefix: 'passwordless' },
  email: {
    delivery: 'provider',
    from: undefined,
    replyTo: undefined,
    subject: 'Your sign-in code',
    text:
      'Hello <%= USER.username %>,\n\nYour sign-in code is <%= CODE %>.\n\n' +
      'It expires in <%= EXPIRES_IN_MINUTES %> minutes. If you did not ask for it, ignore this email.\n',
    html: DEFAULT_HTML,
    timeoutMs: 10_000,
    retries: 2,
    retryDelayMs: 1000,
  },
};
