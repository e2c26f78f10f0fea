/**
 * The Strapi under benchmark, in its own process so the load generator does not share
 * its event loop. Limits are raised (not disabled); a no-op content-api route exists
 * here only, as the baseline. Answers the parent's IPC commands.
 */
const http = require('node:http');
const { bootStrapi, ROOT, STRAPI5, MAJOR } = require('../tests/helpers/boot-strapi');
const statements = require('./statement-counter');

// Before Strapi loads its database driver.
statements.install(MAJOR === 5 ? STRAPI5 : ROOT);

const USER_UID = 'plugin::users-permissions.user';
const CHALLENGES = 'up_passwordless_challenges';
const HIGH = { points: 1_000_000, durationSeconds: 900 };

const noop = (ctx) => {
  ctx.body = { ok: true };
};

/** Deliveries the no-op that mails has started (awaited by 'settle', as ours are). */
const mailing = new Set();

/** The one published peer, strapi-plugin-passwordless (Strapi 4 only; a dev dependency of the bench). */
const PEER = 'strapi-plugin-passwordless';
const PEER_TOKEN_UID = 'plugin::passwordless.token';
const peerEnabled = MAJOR === 4 && process.env.BENCH_PEER !== 'false';

const request0 = (requests) => `${requests[0].method ?? 'POST'} ${requests[0].path.split('?')[0]}`;

/** One request to this process's own server; resolves with the status once the answer has arrived. */
function send(port, { method = 'POST', path, body }) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? '' : JSON.stringify(body);
    const req = http.request({ host: '127.0.0.1', port, path, method, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(data);
  });
}

async function main() {
  const strapi = await bootStrapi({
    passwordless: {
      grantPublic: true,
      // BENCH_ROLE_CACHE=1: every Public route (the role-checked no-ops too) with the opt-in cache.
      publicRoleCache: { enabled: process.env.BENCH_ROLE_CACHE === '1' },
      limits: { ipRequest: HIGH, ipVerify: HIGH, identifierCooldownSeconds: 1, identifierPerHour: 10_000, failureBudget: 10_000 },
    },
    // users-permissions' own in-memory limiter on /auth/local (10 per minute) would
    // measure itself, not bcrypt.
    pluginConfig: { 'plugin.users-permissions.ratelimit': { interval: 60_000, max: 1_000_000_000 } },
    extraPlugins: peerEnabled ? [PEER] : [],
    extraRoutes: [
      { method: 'GET', path: '/bench/noop', handler: noop, config: { auth: false } },
      // The same no-op behind the check every Public route pays (users-permissions reads
      // the Public role's permissions per request), with the request route's own action.
      { method: 'GET', path: '/bench/noop-public', handler: noop, config: { auth: { scope: ['plugin::users-permissions.auth.passwordless'] } } },
      // And that no-op handing the code email (composed by our mailer, the same size) to
      // Strapi's email plugin after the response: what any route that mails costs, so that
      // "our own work" on a code request does not count the provider's send.
      {
        method: 'GET',
        path: '/bench/noop-email',
        handler: (ctx) => {
          ctx.body = { ok: true };
          const users = global.strapi.plugin('users-permissions');
          const task = users
            .service('passwordless-mailer')
            .composeTest({ to: { email: 'noop@bench.test', username: 'noop' } })
            .then((message) => global.strapi.plugin('email').service('email').send(message))
            .finally(() => mailing.delete(task));
          mailing.add(task);
        },
        config: { auth: { scope: ['plugin::users-permissions.auth.passwordless'] } },
      },
    ],
  });
  strapi.log.level = 'error';
  const server = strapi.server.httpServer;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const service = (name) => strapi.plugin('users-permissions').service(name);
  const commands = {
    async createUsers({ prefix, count, proven = false }) {
      const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
      const ids = [];
      for (let start = 0; start < count; start += 500) {
        const data = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({
          username: `${prefix}${start + i}`,
          email: `${prefix}${start + i}@bench.test`,
          provider: 'local',
          confirmed: true,
          blocked: false,
          role: role.id,
        }));
        await strapi.db.query(USER_UID).createMany({ data });
      }
      // Accounts that signed in before (the steady state): no first proof of the mailbox,
      // whose revocation makes a Strapi 5 refresh-mode sign-in wait for the next second.
      if (proven) await strapi.db.connection('up_users').where('username', 'like', `${prefix}%`).update({ mailbox_proven_at: Date.now() });
      const rows = await strapi.db.connection('up_users').select('id').where('username', 'like', `${prefix}%`).orderBy('id');
      rows.forEach((row) => ids.push(row.id));
      return ids;
    },
    async addPasswordUser({ email, password }) {
      await strapi.plugin('users-permissions').service('user').add({
        username: email.split('@')[0], email, password, provider: 'local', confirmed: true, blocked: false,
      });
    },
    async issueCodes({ userIds }) {
      const codes = [];
      for (const userId of userIds) {
        codes.push((await service('passwordless-challenge').issueChallenge({ owner: { userId }, withLink: false })).code);
      }
      return codes;
    },
    async issueLink({ userId }) {
      return (await service('passwordless-challenge').issueChallenge({ owner: { userId }, withLink: true })).token;
    },
    async fillChallenges({ rows }) {
      const knex = strapi.db.connection;
      const client = knex.client.config.client;
      // Rows for users that do not exist: they only make the table large.
      if (client === 'pg' || client === 'postgres') {
        await knex.raw(`INSERT INTO ${CHALLENGES} (user_id, code_hash, expires_at, attempts) SELECT 100000000 + n, md5(n::text), 0, 0 FROM generate_series(1, ?) AS n`, [rows]);
        await knex.raw(`ANALYZE ${CHALLENGES}`);
      } else {
        await knex.raw(`WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ?) INSERT INTO ${CHALLENGES} (user_id, code_hash, expires_at, attempts) SELECT 100000000 + n, hex(randomblob(32)), 0, 0 FROM s`, [rows]);
        await knex.raw(`ANALYZE`);
      }
      const [{ n }] = await knex(CHALLENGES).count({ n: '*' });
      return Number(n);
    },
    async clearChallenges() {
      await strapi.db.connection(CHALLENGES).delete();
      // Optional chaining: the same bench also runs against builds from before decoys existed.
      await service('passwordless-challenge').prepareDecoys?.();
    },
    async explainLookup() {
      const knex = strapi.db.connection;
      const client = knex.client.config.client;
      const sql = `SELECT id, code_hash FROM ${CHALLENGES} WHERE user_id = 42 ORDER BY id DESC LIMIT 1`;
      const plan = client === 'pg' || client === 'postgres' ? await knex.raw(`EXPLAIN ${sql}`) : await knex.raw(`EXPLAIN QUERY PLAN ${sql}`);
      return JSON.stringify(plan.rows ?? plan);
    },
    async rss() {
      if (global.gc) global.gc();
      await strapi.plugin('users-permissions').service('passwordless').settled();
      if (global.gc) global.gc();
      return process.memoryUsage().rss;
    },
    /**
     * The peer's login links for these accounts, as its send-link stores them (a 20-character
     * nanoid body, active, context '{}'); written in bulk so that the peer's unindexed
     * per-address update does not turn preparation quadratic.
     */
    async peerTokens({ emails }) {
      const { nanoid } = require(require.resolve('nanoid', { paths: [require.resolve(`${PEER}/package.json`)] }));
      const bodies = emails.map(() => nanoid(20));
      for (let start = 0; start < emails.length; start += 500) {
        const data = emails.slice(start, start + 500).map((email, i) => ({ email, body: bodies[start + i], context: '{}', is_active: true, stays_valid: false }));
        await strapi.db.query(PEER_TOKEN_UID).createMany({ data });
      }
      return bodies;
    },
    /**
     * Statements per request at the driver, one request at a time: those sent before the
     * answer arrived (the response path) and those after it, until every delivery started
     * has finished. Returns the mean of each over the requests, and the statuses seen.
     */
    async countStatements({ requests }) {
      const port = server.address().port;
      let before = 0;
      let after = 0;
      const statuses = {};
      let trace = [];
      for (const request of requests) {
        statements.takeTrace();
        const start = statements.read();
        const status = await send(port, request);
        const answered = statements.read();
        await service('passwordless').settled();
        before += answered - start;
        after += statements.read() - answered;
        statuses[status] = (statuses[status] ?? 0) + 1;
        trace = statements.takeTrace();
      }
      if (trace.length > 0) console.error(`[statements] ${request0(requests)}\n  ${trace.join('\n  ')}`);
      const mean = (n) => Math.round((10 * n) / requests.length) / 10;
      return { response: mean(before), after: mean(after), statuses };
    },
    settle: async () => {
      await service('passwordless').settled();
      while (mailing.size > 0) await Promise.allSettled([...mailing]);
    },
    cpu: () => process.cpuUsage(),
  };
  // A clean exit on SIGINT lets `node --cpu-prof` write its profile.
  process.on('SIGINT', () => process.exit(0));
  process.on('message', async ({ id, command, args }) => {
    try {
      process.send({ id, result: await commands[command](args ?? {}) });
    } catch (error) {
      process.send({ id, error: String(error && error.stack) });
    }
  });
  process.send({ ready: true, port: server.address().port, peer: peerEnabled });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
