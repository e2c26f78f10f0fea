import { startStrapi, type TestApp } from '../helpers/strapi';
import { JWT_MODE } from '../helpers/host';
import { issueLikeStock } from '../../packages/strapi-passwordless-login/src/server/utils/jwt-issuer';
import { issueUserJwt } from '../../packages/strapi-passwordless-login/src/server/utils/jwt';

/**
 * The JWT a sign-in answers with is users-permissions' own, signed with the secret made a
 * key once (jsonwebtoken otherwise tries the secret as a PEM key on every token).
 */
(JWT_MODE === 'legacy' ? describe : describe.skip)('JWTs issued like users-permissions (legacy JWTs)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi({ passwordless: { grantPublic: true } });
  });
  afterAll(async () => app?.stop());

  const jwtService = () => app.strapi.plugin('users-permissions').service('jwt');

  it('is byte for byte the token the jwt service issues, and verifies with it', async () => {
    const payload = { id: 42, iat: Math.floor(Date.now() / 1000) };
    const ours = issueLikeStock(app.strapi, payload);
    expect(ours).toEqual(expect.any(String));
    expect(ours).toBe(jwtService().issue({ ...payload }));
    await expect(jwtService().verify(ours)).resolves.toMatchObject({ id: 42 });
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
