/**
 * Answers shaped like src/shared/admin-api.ts, for screenshots of the admin page when the
 * server side is not there (admin-screenshot.js --mock). Not used by any test.
 */
const now = Date.UTC(2026, 10, 27, 19);
const hourly = [3, 5, 2, 1, 0, 0, 1, 4, 9, 14, 18, 22, 19, 16, 21, 25, 23, 17, 12, 9, 7, 6, 4, 8];

module.exports = {
  status: {
    secret: { configured: true, problem: null },
    email: { delivery: 'provider', provider: 'amazon-ses', from: 'no-reply@shop.example', replyTo: 'help@shop.example', adminEmail: 'admin@shop.example' },
    roles: [
      { id: 1, name: 'Authenticated', type: 'authenticated', actions: ['logout'] },
      { id: 2, name: 'Public', type: 'public', actions: ['passwordless', 'passwordlessVerify'] },
    ],
    signUp: { setting: 'auto', allowRegister: true, enabled: true, emailsPerHour: 200 },
    linkUrl: 'https://shop.example/auth/link',
    cookie: { enabled: true, name: 'passwordless_session', secure: true, sameSite: 'lax', origins: ['https://shop.example'] },
    counters: 'database',
    limits: [
      { key: 'code.ttlMinutes', value: '10', source: 'default' },
      { key: 'code.maxAttempts', value: '5', source: 'default' },
      { key: 'limits.perEmailPerHour', value: '5', source: 'config' },
      { key: 'limits.perIpPerHour', value: '30', source: 'default' },
      { key: 'signUp.emailsPerHour', value: '200', source: 'config' },
    ],
    editable: { templates: true, access: true },
  },
  stats: {
    hours: hourly.map((requested, index) => ({
      hour: new Date(now - (23 - index) * 3600e3).toISOString(),
      requested,
      succeeded: Math.round(requested * 0.8),
      failed: Math.round(requested * 0.2) + (index === 15 ? 6 : 0),
      locked: index === 15 ? 1 : 0,
    })),
  },
  testEmail: { sent: true, to: 'admin@shop.example' },
  templates: {
    editable: true,
    placeholders: ['CODE', 'URL', 'USER.username', 'USER.email', 'EXPIRES_IN_MINUTES', 'APP_NAME'],
    sample: {
      CODE: '482913',
      URL: 'https://shop.example/auth/link?token=example',
      'USER.username': 'alice',
      'USER.email': 'alice@example.com',
      EXPIRES_IN_MINUTES: '10',
      APP_NAME: 'Shop',
    },
    configured: {
      default: {
        subject: 'Your <%= APP_NAME %> sign-in code: <%= CODE %>',
        text: 'Your code is <%= CODE %>. It expires in <%= EXPIRES_IN_MINUTES %> minutes.\n\nOr open <%= URL %>',
        html: '<p>Your code is <strong><%= CODE %></strong>.</p><p>It expires in <%= EXPIRES_IN_MINUTES %> minutes.</p><p><a href="<%= URL %>">Sign in</a></p>',
      },
      locales: {},
    },
    saved: { default: {}, locales: { fr: { subject: 'Votre code <%= APP_NAME %> : <%= CODE %>' } } },
    updatedAt: null,
  },
  access: {
    editable: true,
    configured: { allow: [], deny: ['@mailinator.com'] },
    saved: { allow: ['@shop.example'], deny: ['spam@example.com'] },
    updatedAt: null,
  },
};
