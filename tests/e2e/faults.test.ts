/**
 * Faults: the email provider down, slow or unreachable, and the database gone. The
 * routes keep answering in Strapi's shape, Strapi keeps serving, nothing is lost.
 */
import net from 'node:net';
import { startStrapi, RELAXED_LIMITS, CHALLENGE_TABLE, type TestApp } from '../helpers/strapi';
import { createUser, codeFrom, newEmail } from '../helpers/users';
import { ask, verify } from '../helpers/flow';

const passwordless = {
  grantPublic: true,
  // No cooldown so "ask again" needs no waiting; bounded, fast retries for the test.
  limits: { ...RELAXED_LIMITS, identifierCooldownSeconds: 0 },
  email: { timeoutMs: 300, retries: 2, retryDelayMs: 10 },
};

function deliveryFailures(app: TestApp): string[] {
  return app.logs.filter((log) => log.level === 'warn' && log.message.includes('[passwordless] email to user')).map((l) => l.message);
}

describe('email provider faults', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi({ passwordless });
  });
  afterAll(async () => app?.stop());
  afterEach(() => {
    app.ses.mode = 'ok';
  });

  it.each([
    ['answers 500', 'fail' as const, 'SES is down'],
    ['never answers (timeout)', 'hang' as const, 'did not answer within 300 ms'],
  ])('SES %s: 200 as usual, 3 bounded attempts, the reason logged without the code; asking again works', async (_label, mode, reason) => {
    const user = await createUser(app.strapi);
    app.ses.mode = mode;
    const before = app.ses.attempts;
    const logged = deliveryFailures(app).length;
    const res = await ask(app, user.email);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    await app.settle();
    expect(app.ses.attempts - before).toBe(3);
    const failures = deliveryFailures(app).slice(logged);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain(reason);
    expect(failures[0]).not.toMatch(/\b\d{6}\b/);

    app.ses.mode = 'ok';
    expect((await ask(app, user.email)).status).toBe(200);
    await app.settle();
    const code = codeFrom(app.ses.to(user.email)[0]);
    expect((await verify(app, user.email, code)).status).toBe(200);
  });
});

describe('email provider refusing connections', () => {
  let app: TestApp;
  beforeAll(async () => {
    // A port that was free a moment ago: nothing listens there.
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    app = await startStrapi({ passwordless, env: { AWS_SES_ENDPOINT: `http://127.0.0.1:${closed}` } });
  });
  afterAll(async () => app?.stop());

  it('answers 200, logs ECONNREFUSED, and Strapi keeps serving', async () => {
    const user = await createUser(app.strapi);
    expect((await ask(app, user.email)).status).toBe(200);
    await app.settle();
    const failures = deliveryFailures(app);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain('ECONNREFUSED');
    expect((await app.http().get('/_health')).status).toBe(204);
    expect((await ask(app, user.email)).status).toBe(200);
  });
});

describe('database unavailable', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi({ passwordless });
  });
  afterAll(async () => app?.stop());

  it('both routes answer 503 SERVICE_UNAVAILABLE in Strapi shape; nothing half-written; all resumes', async () => {
    const user = await createUser(app.strapi);
    expect((await ask(app, user.email)).status).toBe(200);
    await app.settle();
    const code = codeFrom(app.ses.to(user.email)[0]);
    const rowsBefore = await app.strapi.db.connection(CHALLENGE_TABLE).where('user_id', user.id);

    await app.strapi.db.connection.destroy();
    for (const res of [await ask(app, user.email), await verify(app, user.email, code)]) {
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        data: null,
        error: {
          status: 503,
          name: 'ServiceUnavailableError',
          message: 'Service temporarily unavailable',
          details: { code: 'SERVICE_UNAVAILABLE' },
        },
      });
    }
    expect((await app.http().get('/_health')).status).toBe(204);
    await app.settle();

    app.strapi.db.connection.initialize();
    // The request made during the outage left no row and sent nothing...
    expect(await app.strapi.db.connection(CHALLENGE_TABLE).where('user_id', user.id)).toEqual(rowsBefore);
    expect(app.ses.to(user.email)).toHaveLength(1);
    // ...the verify during the outage did not burn an attempt, and the code still works once.
    expect((await verify(app, user.email, code)).status).toBe(200);
    expect((await verify(app, user.email, code)).status).toBe(400);
  });
});

describe('one error path for outages (regression: http-errors 503 lost details.code)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi({ passwordless });
  });
  afterAll(async () => app?.stop());

  const UNAVAILABLE = {
    data: null,
    error: { status: 503, name: 'ServiceUnavailableError', message: 'Service temporarily unavailable', details: { code: 'SERVICE_UNAVAILABLE' } },
  };

  /** Counters that fail as a Redis that went away does, while the database is fine. */
  function breakCounters(error: Error, { down }: { down: boolean }): () => void {
    const limits = app.strapi.plugin('users-permissions').service('passwordless-limits');
    const saved = { limitRequest: limits.limitRequest, limitVerify: limits.limitVerify, ping: limits.ping };
    limits.limitRequest = limits.limitVerify = async () => {
      throw error;
    };
    limits.ping = async () => !down;
    return () => Object.assign(limits, saved);
  }

  it('counters down (controller path): both routes answer the exact 503 body, with Retry-After', async () => {
    const restore = breakCounters(new Error('Connection is closed.'), { down: true });
    try {
      const user = await createUser(app.strapi);
      for (const res of [await ask(app, user.email), await verify(app, user.email, '123456')]) {
        expect(res.status).toBe(503);
        expect(res.body).toEqual(UNAVAILABLE);
        expect(res.headers['retry-after']).toBe('5');
      }
    } finally {
      restore();
    }
  });

  it('a failure while storage answers is a bug, not an outage: 500, not 503', async () => {
    const restore = breakCounters(new TypeError('cannot read properties of undefined'), { down: false });
    try {
      const res = await ask(app, (await createUser(app.strapi)).email);
      expect(res.status).toBe(500);
    } finally {
      restore();
    }
  });

  it('logs of database errors never contain the identifier as typed', async () => {
    // Written straight to the table: Strapi 5's user service reads the new entry again in
    // the background (its events), which the table's renaming below would break.
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    const user = await app.strapi.db
      .query('plugin::users-permissions.user')
      .create({ data: { username: `u_${Date.now()}`, email: newEmail('logs'), provider: 'local', confirmed: false, blocked: false, role: role.id } });
    const knex = app.strapi.db.connection;
    await knex.schema.renameTable('up_users', 'up_users_away');
    try {
      expect((await ask(app, user.email)).status).toBe(200);
      await app.settle();
    } finally {
      await knex.schema.renameTable('up_users_away', 'up_users');
    }
    const failures = app.logs.filter((log) => log.message.includes('could not issue a code'));
    expect(failures).toHaveLength(1);
    expect(app.logs.some((log) => log.message.includes(user.email) || log.message.includes(user.email.split('@')[0]))).toBe(false);
  });
});
