/** Templates per locale, APP_NAME, escaping in the HTML part. */
import { startStrapi, RELAXED_LIMITS, type TestApp } from '../helpers/strapi';
import { createUser } from '../helpers/users';

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({
    passwordless: {
      grantPublic: true,
      limits: RELAXED_LIMITS,
      email: {
        appName: 'Maison & Fils',
        locales: {
          fr: { subject: 'Votre code <%= APP_NAME %>', text: 'Code : <%= CODE %>', html: '<p><%= APP_NAME %> : <%= CODE %></p>' },
          'pt-BR': { subject: 'Seu código' },
        },
      },
    },
  });
});
afterAll(async () => app?.stop());

async function mailFor(locale: string | undefined) {
  const user = await createUser(app.strapi);
  const res = await app.http().post('/api/auth/passwordless').send(locale === undefined ? { identifier: user.email } : { identifier: user.email, locale });
  expect(res.status).toBe(200);
  await app.settle();
  return app.ses.to(user.email)[0];
}

describe('email templates', () => {
  it.each([
    ['fr', 'Votre code Maison & Fils'],
    ['fr-CA', 'Votre code Maison & Fils'], // language fallback
    ['FR', 'Votre code Maison & Fils'],
    ['pt-BR', 'Seu código'],
    ['de', 'Your sign-in code'], // unknown: the default
    [undefined, 'Your sign-in code'],
  ])('locale %s → subject %j', async (locale, subject) => {
    expect((await mailFor(locale)).subject).toBe(subject);
  });

  it('a locale missing parts takes them from the default; values are HTML-escaped in the HTML part', async () => {
    const pt = await mailFor('pt-BR');
    expect(pt.text).toMatch(/Your sign-in code is \d{6}/);
    const fr = await mailFor('fr');
    expect(fr.html).toMatch(/^<p>Maison &amp; Fils : \d{6}<\/p>$/);
    expect(fr.text).toMatch(/^Code : \d{6}$/);
  });

  it.each([['not a locale!'], ['x'.repeat(40)], [42]])('refuses locale %j with 400 INVALID_BODY', async (locale) => {
    const res = await app.http().post('/api/auth/passwordless').send({ identifier: 'a@shop.test', locale });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('INVALID_BODY');
  });
});
