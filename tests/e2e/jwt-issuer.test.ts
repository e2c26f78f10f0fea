import path from 'node:path';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { JWT_MODE, STRAPI_MAJOR } from '../helpers/host';
import { createUser } from '../helpers/users';
import { me, signIn } from '../helpers/flow';

// The modules as the app under test loads them: they find users-permissions from where
// they are installed (the Strapi 5 host has its own copy of the package).
const { STRAPI5 } = require('../helpers/boot-strapi');
const utils = STRAPI_MAJOR === 5 ? path.join(STRAPI5, 'node_modules/strapi-passwordless-login/dist/server/utils') : '../../packages/strapi-passwordless-login/src/server/utils';
const { issueLikeStock } = require(`${utils}/jwt-issuer`) as { issueLikeStock(strapi: unknown, payload: Record<string, unknown>): string | null };
const { issueUserJwt } = require(`${utils}/jwt`) as { issueUserJwt(strapi: unknown, userId: number): string };

// users-permissions' own dependency, for checking signatures from outside Strapi.
const jsonwebtoken = require('jsonwebtoken') as { verify(token: string, secret: string): Record<string, unknown> };
const JWT_SECRET = 'test-jwt-secret';

/**
 * The tokens a sign-in answers with are users-permissions' own, signed with the secret
 * made a key once (jsonwebtoken otherwise tries a string secret as a PEM key per token).
 */
let app: TestApp;
beforeAll(async () => {
  app = await startStrapi({ passwordless: { grantPublic: true } });
});
afterAll(async () => app?.stop());

const jwtService = () => app.strapi.plugin('users-permissions').service('jwt');

(JWT_MODE === 'legacy' ? describe : describe.skip)('legacy JWTs issued like users-permissions', () => {
  it('is byte for byte the token the jwt service issues, and verifies with it', async () => {
    const payload = { id: 42, iat: Math.floor(Date.now() / 1000) };
    const ours = issueLikeStock(app.strapi, payload);
    expect(ours).toEqual(expect.any(String));
    expect(ours).toBe(jwtService().issue({ ...payload }));
    await expect(jwtService().verify(ours)).resolves.toMatchObject({ id: 42 });
    expect(jsonwebtoken.verify(ours!, JWT_SECRET)).toMatchObject({ id: 42 });
  });

  it("leaves a project's own issue in charge", async () => {
    const service = jwtService();
    const stock = service.issue;
    service.issue = () => 'project-issued';
    try {
      expect(issueLikeStock(app.strapi, { id: 1 })).toBeNull();
      expect(issueUserJwt(app.strapi, 1)).toBe('project-issued');
    } finally {
      service.issue = stock;
    }
    expect(issueUserJwt(app.strapi, 1)).not.toBe('project-issued');
  });
});

(JWT_MODE === 'refresh' ? describe : describe.skip)('refresh sessions with the session secret as a key', () => {
  it('signs access tokens that the string secret verifies, and that Strapi accepts', async () => {
    const user = await createUser(app.strapi);
    const jwt = await signIn(app, user.email);
    expect(jsonwebtoken.verify(jwt, JWT_SECRET)).toMatchObject({ userId: String(user.id), type: 'access' });
    expect((await me(app, jwt)).status).toBe(200);
  });
});
