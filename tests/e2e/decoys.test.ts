import { startStrapi, RELAXED_LIMITS, CHALLENGE_TABLE, type TestApp } from '../helpers/strapi';
import { createUser, newEmail } from '../helpers/users';
import { receiveCode, verify, wrongCode } from '../helpers/flow';

// A verify without a live challenge of its own writes one decoy row, so it commits a
// write like a wrong guess on a real code (timing: see README, Performance).
let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({ passwordless: { grantPublic: true, limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 } } });
});
afterAll(async () => app?.stop());

const decoys = () => app.strapi.db.connection(CHALLENGE_TABLE).where('code_hash', 'decoy').orderBy('id');
const decoyAttempts = async () => (await decoys()).reduce((sum: number, row: any) => sum + Number(row.attempts), 0);
const userRows = (userId: number) => app.strapi.db.connection(CHALLENGE_TABLE).where('user_id', userId).orderBy('id');

describe('decoy challenge rows', () => {
  it('exist from boot, 16 of them, owned by nobody, without token, never expiring', async () => {
    const rows = await decoys();
    expect(rows).toHaveLength(16);
    for (const row of rows) {
      expect(row.user_id).toBeNull();
      expect(row.email).toBeNull();
      expect(row.token_hash).toBeNull();
      expect(row.consumed_at).toBeNull();
      expect(Number(row.expires_at)).toBe(Number.MAX_SAFE_INTEGER);
    }
  });

  it('take the attempt of an unknown identifier: one more counted on the decoys', async () => {
    const before = await decoyAttempts();
    const res = await verify(app, newEmail('nobody'), '123456');
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('INVALID_CODE');
    expect(await decoyAttempts()).toBe(before + 1);
  });

  it('take the attempt of a known user with no live code (none, or already used), leaving their rows as they were', async () => {
    const user = await createUser(app.strapi);
    let before = await decoyAttempts();
    expect((await verify(app, user.email, '123456')).status).toBe(400);
    expect(await decoyAttempts()).toBe(before + 1);

    const code = await receiveCode(app, user.email);
    expect((await verify(app, user.email, code)).status).toBe(200);
    const used = await userRows(user.id);
    before = await decoyAttempts();
    expect((await verify(app, user.email, code)).status).toBe(400);
    expect(await userRows(user.id)).toEqual(used);
    expect(await decoyAttempts()).toBe(before + 1);
  });

  it('are left alone by a wrong guess on a live code, which counts on the code itself', async () => {
    const user = await createUser(app.strapi);
    const code = await receiveCode(app, user.email);
    const before = await decoyAttempts();
    expect((await verify(app, user.email, wrongCode(code))).status).toBe(400);
    expect(await decoyAttempts()).toBe(before);
    const [row] = await userRows(user.id);
    expect(Number(row.attempts)).toBe(1);
    // The right code still works within its budget.
    expect((await verify(app, user.email, code)).status).toBe(200);
  });

  it('survive housekeeping, which resets their counts, and come back if deleted', async () => {
    expect(await decoyAttempts()).toBeGreaterThan(0);
    await app.strapi.plugin('users-permissions').service('passwordless').removeStale();
    expect(await decoys()).toHaveLength(16);
    expect(await decoyAttempts()).toBe(0);

    await app.strapi.db.connection(CHALLENGE_TABLE).where('code_hash', 'decoy').delete();
    // With none left an unknown identifier still gets the same answer.
    expect((await verify(app, newEmail('nobody'), '123456')).body.error.details.code).toBe('INVALID_CODE');
    await app.strapi.plugin('users-permissions').service('passwordless').removeStale();
    expect(await decoys()).toHaveLength(16);
  });

  it('make a wrong guess cost the same statements for unknown, username-only and known identifiers, sign-up on', async () => {
    const user = await createUser(app.strapi);
    const code = await receiveCode(app, user.email);
    const statements = async (identifier: string, guess: string) => {
      const seen: string[] = [];
      const record = (query: { sql: string }) => seen.push(query.sql.trim().split(/\s+/)[0].toLowerCase());
      app.strapi.db.connection.on('query', record);
      const res = await verify(app, identifier, guess);
      app.strapi.db.connection.off('query', record);
      expect(res.body.error.details.code).toBe('INVALID_CODE');
      return seen;
    };
    const known = await statements(user.email, wrongCode(code));
    expect(known).toContain('update');
    expect(await statements(newEmail('nobody'), '123456')).toEqual(known);
    expect(await statements(`nobody${Date.now()}`, '123456')).toEqual(known);
  });
});
