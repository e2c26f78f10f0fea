#!/usr/bin/env node
/**
 * npm run bench: the compiled project on SQLite (or DATABASE_CLIENT=postgres|mysql), driven
 * over loopback by autocannon, every figure measured side by side in one run and
 * reported as ratios (absolute numbers drift on a shared machine; ratios are the result).
 * Writes bench/results.json and bench/results.md (TEST_STRAPI=5: the Strapi 5 host, in the
 * JWT mode UP_JWT_MANAGEMENT names, to results-strapi5-<mode>.*). Targets print pass/short;
 * they never fail.
 *
 * BENCH_SECONDS (default 5) per throughput target, in BENCH_ROUNDS (default 5) interleaved
 * rounds; BENCH_MEMORY_REQUESTS (default 100000).
 * BENCH_ONLY=noop,request,... runs a subset (names as in results.json) while working on
 * one figure; BENCH_CPU_PROF=dir starts Strapi under `node --cpu-prof` writing there;
 * BENCH_ROLE_CACHE=1 turns publicRoleCache on (results-…-rolecache.*); BENCH_PEER=false
 * leaves the peer out (Strapi 5 never has it).
 */
const { fork } = require('node:child_process');
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const autocannon = require('autocannon');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const MEMORY_REQUESTS = Number(process.env.BENCH_MEMORY_REQUESTS || 100_000);
const CLIENT = process.env.DATABASE_CLIENT || 'sqlite';
const CONNECTIONS = 10;
const ONLY = (process.env.BENCH_ONLY || '').split(',').map((name) => name.trim()).filter(Boolean);
const want = (name) => ONLY.length === 0 || ONLY.includes(name);
const CPU_PROF = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];

/** Answers SES SendEmail like AWS, so delivery runs the real provider code. */
function startSesSink() {
  let sent = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      sent += 1;
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end(`<SendEmailResponse><SendEmailResult><MessageId>m${sent}</MessageId></SendEmailResult></SendEmailResponse>`);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}`, sent: () => sent })));
}

async function createDatabase() {
  if (CLIENT === 'postgres') {
    const name = `pl_bench_${randomUUID().slice(0, 8)}`;
    const admin = { host: process.env.DATABASE_HOST || '127.0.0.1', port: Number(process.env.DATABASE_PORT || 5432), user: process.env.DATABASE_USERNAME || 'postgres', password: process.env.DATABASE_PASSWORD || '' };
    const run = async (sql) => { const c = new Client({ ...admin, database: 'postgres' }); await c.connect(); await c.query(sql); await c.end(); };
    await run(`CREATE DATABASE ${name}`);
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_HOST: admin.host, DATABASE_PORT: String(admin.port), DATABASE_NAME: name, DATABASE_USERNAME: admin.user, DATABASE_PASSWORD: admin.password, DATABASE_SSL: 'false' },
      drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  if (CLIENT === 'mysql') {
    const name = `pl_bench_${randomUUID().slice(0, 8)}`;
    const admin = { host: process.env.DATABASE_HOST || '127.0.0.1', port: Number(process.env.DATABASE_PORT || 3306), user: process.env.DATABASE_USERNAME || 'root', password: process.env.DATABASE_PASSWORD || '' };
    const run = async (sql) => { const c = await require('mysql2/promise').createConnection(admin); await c.query(sql); await c.end(); };
    await run(`CREATE DATABASE ${name}`);
    return {
      env: { DATABASE_CLIENT: 'mysql', DATABASE_HOST: admin.host, DATABASE_PORT: String(admin.port), DATABASE_NAME: name, DATABASE_USERNAME: admin.user, DATABASE_PASSWORD: admin.password, DATABASE_SSL: 'false' },
      drop: () => run(`DROP DATABASE IF EXISTS ${name}`),
    };
  }
  // Absolute: the Strapi 5 host (TEST_STRAPI=5) resolves it from its own folder.
  const file = path.join(ROOT, `.tmp/bench-${randomUUID().slice(0, 8)}.db`);
  return { env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file }, drop: async () => fs.rmSync(file, { force: true }) };
}

function startStrapi(env) {
  const child = fork(path.join(__dirname, 'strapi-process.js'), [], { env: { ...process.env, ...env }, execArgv: ['--expose-gc', ...CPU_PROF], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let next = 0;
  const pending = new Map();
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`Strapi exited with ${code}`)));
    child.on('message', (message) => {
      if (message.ready) {
        resolve({
          port: message.port,
          peer: message.peer,
          call: (command, args) => new Promise((done, fail) => { next += 1; pending.set(next, { done, fail }); child.send({ id: next, command, args }); }),
          stop: () => new Promise((done) => { child.removeAllListeners('exit'); child.once('exit', done); child.kill('SIGINT'); }),
        });
      } else if (pending.has(message.id)) {
        const { done, fail } = pending.get(message.id);
        pending.delete(message.id);
        message.error ? fail(new Error(message.error)) : done(message.result);
      }
    });
  });
}

/** `bodies(i)` and `paths(i)` vary the i-th request's body or path (one sequence for both). */
function load(port, { method = 'GET', path: route, bodies, paths, amount, duration = SECONDS }) {
  return new Promise((resolve, reject) => {
    let i = 0;
    const request = { method, path: route, headers: { 'content-type': 'application/json' } };
    if (bodies || paths) {
      request.setupRequest = (req) => {
        const n = i++;
        return { ...req, ...(paths ? { path: paths(n) } : {}), ...(bodies ? { body: JSON.stringify(bodies(n)) } : {}) };
      };
    }
    autocannon(
      { url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, requests: [request], ...(amount ? { amount } : { duration }) },
      (error, result) => (error ? reject(error) : resolve(result))
    );
  });
}

// Requests over the whole run: autocannon's per-second average is coarse for short runs.
const summary = (r) => {
  const seconds = (new Date(r.finish) - new Date(r.start)) / 1000;
  return { rps: Math.round(r.requests.total / seconds), requests: r.requests.total, seconds, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
};

/**
 * One load, with the Strapi process's CPU time per request beside it (deliveries after
 * the response included): steadier than req/s when other tenants share the machine.
 */
async function measured(app, spec) {
  const before = await app.call('cpu');
  const result = summary(await load(app.port, spec));
  await app.call('settle');
  const after = await app.call('cpu');
  const micros = after.user + after.system - before.user - before.system;
  return { ...result, micros, cpu_us_per_request: Math.round(micros / Math.max(1, result.requests)) };
}

/** One target's rounds as one figure: req/s and CPU over all of them, the median p50, the worst p99. */
function combine(slices) {
  const requests = slices.reduce((sum, s) => sum + s.requests, 0);
  const seconds = slices.reduce((sum, s) => sum + s.seconds, 0);
  const micros = slices.reduce((sum, s) => sum + s.micros, 0);
  const p50s = slices.map((s) => s.p50).sort((a, b) => a - b);
  return {
    rps: Math.round(requests / seconds),
    requests,
    p50: p50s[Math.floor(p50s.length / 2)],
    p99: Math.max(...slices.map((s) => s.p99)),
    non2xx: slices.reduce((sum, s) => sum + s.non2xx, 0),
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    cpu_us_per_request: Math.round(micros / Math.max(1, requests)),
    rounds: slices.map((s) => ({ rps: s.rps, cpu_us_per_request: s.cpu_us_per_request })),
  };
}

/** Sequential requests over one keep-alive connection; returns each latency in ms. */
async function timeEach(port, route, bodies) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times = [];
  for (const body of bodies) {
    const data = JSON.stringify(body);
    const start = process.hrtime.bigint();
    await new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: route, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => { res.resume(); res.on('end', resolve); });
      req.on('error', reject);
      req.end(data);
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  agent.destroy();
  return times;
}

const quantile = (values, q) => { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function main() {
  const ses = await startSesSink();
  const database = await createDatabase();
  const env = {
    NODE_ENV: 'test', HOST: '127.0.0.1', APP_KEYS: 'benchKeyA,benchKeyB', API_TOKEN_SALT: 'bench', ADMIN_JWT_SECRET: 'bench', TRANSFER_TOKEN_SALT: 'bench', JWT_SECRET: 'bench-jwt-secret',
    PASSWORDLESS_SECRET: 'bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz', PASSWORDLESS_GRANT_PUBLIC: 'true', PASSWORDLESS_EMAIL_DELIVERY: 'provider', PASSWORDLESS_REDIS_URL: '',
    EMAIL_PROVIDER: 'amazon-ses', AWS_SES_KEY: 'AKIABENCH', AWS_SES_SECRET: 'bench', AWS_SES_ENDPOINT: ses.url, EMAIL_FROM: 'bench@bench.test', PROXY: 'false',
    ...database.env,
  };
  // TEST_STRAPI=5: the Strapi 5 host (strapi5/, JavaScript: nothing to compile).
  if (process.env.TEST_STRAPI === '5') require('../scripts/sync-strapi5');
  else await require('@strapi/strapi').compile({ appDir: ROOT });
  const app = await startStrapi(env);
  const strapiVersion = require(process.env.TEST_STRAPI === '5' ? path.join(ROOT, 'strapi5/node_modules/@strapi/strapi/package.json') : '@strapi/strapi/package.json').version;
  const results = { strapi: `${strapiVersion}${process.env.TEST_STRAPI === '5' ? ` (${process.env.UP_JWT_MANAGEMENT === 'legacy-support' ? 'legacy-support' : 'refresh'} mode)` : ''}${process.env.BENCH_ROLE_CACHE === '1' ? ', publicRoleCache on' : ''}`, machine: `${require('node:os').cpus().length} cores, ${require('node:os').cpus()[0].model}, Node ${process.version}`, database: CLIENT, seconds: SECONDS, runs: {} };
  const log = (line) => console.error(`[bench] ${line}`);
  try {
    log('preparing users');
    const requestUsers = await app.call('createUsers', { prefix: 'req', count: 20_000 });
    let nextRequester = 0;
    await app.call('addPasswordUser', { email: 'local@bench.test', password: 'Bench-password-1' });
    const timingUsers = await app.call('createUsers', { prefix: 'tim', count: 400 });

    // Throughput targets, built first and then measured in interleaved rounds (each target
    // a slice of BENCH_SECONDS per round): the machine's drift then falls on every target
    // alike, and the ratios stay side by side even on a busy shared machine.
    const targets = {
      noop: { path: '/api/bench/noop' },
      noop_public: { path: '/api/bench/noop-public' },
      noop_email: { path: '/api/bench/noop-email' },
      local: { method: 'POST', path: '/api/auth/local', bodies: () => ({ identifier: 'local@bench.test', password: 'Bench-password-1' }) },
      // One sequence across warm-up and rounds, so no identifier meets its own cooldown.
      request: { method: 'POST', path: '/api/auth/passwordless', bodies: () => ({ identifier: `req${nextRequester++ % requestUsers.length}@bench.test` }) },
    };
    // Codes and links issued beforehand, one per request: up to 2,500 a second, and 1,000 to warm up.
    const singleUse = 1000 + SECONDS * 2500;
    // The peer (Strapi 4): its send-link to the same accounts, and its login with links it
    // issued beforehand (its routes skip the Roles check and every limit; it mails inline).
    if (app.peer && want('peer_request')) {
      targets.peer_request = { method: 'POST', path: '/api/passwordless/send-link', bodies: () => ({ email: `req${nextRequester++ % requestUsers.length}@bench.test` }) };
    }
    if (app.peer && want('peer_verify')) {
      log('peer_verify: links issued beforehand');
      const tokens = await app.call('peerTokens', { emails: Array.from({ length: singleUse }, (_, i) => `req${i % requestUsers.length}@bench.test`) });
      let nextLogin = 0;
      targets.peer_verify = { path: '/api/passwordless/login', paths: () => `/api/passwordless/login?loginToken=${tokens[nextLogin++]}`, warmUp: 1000 };
    }
    if (want('verify')) {
      log('verify: issuing codes beforehand through the service');
      // Accounts that signed in before (the steady state; see createUsers): a first sign-in
      // also writes the first proof of the mailbox, once per account.
      const verifyUsers = await app.call('createUsers', { prefix: 'ver', count: singleUse, proven: true });
      const verifyCodes = await app.call('issueCodes', { userIds: verifyUsers });
      let nextVerify = 0;
      targets.verify = {
        method: 'POST',
        path: '/api/auth/passwordless/verify',
        bodies: () => {
          const n = nextVerify++;
          return { identifier: `ver${n}@bench.test`, code: verifyCodes[n] };
        },
        warmUp: 1000,
      };
    }
    const names = Object.keys(targets).filter(want);
    for (const name of names) {
      log(`${name}: warm-up`);
      const { warmUp, ...spec } = targets[name];
      await load(app.port, { ...spec, ...(warmUp ? { amount: warmUp } : { duration: 1 }) });
      await app.call('settle');
    }
    const slices = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 1; round <= (names.length > 0 ? ROUNDS : 0); round += 1) {
      log(`round ${round} of ${ROUNDS}: ${names.join(', ')}, ${SECONDS / ROUNDS} s each`);
      for (const name of names) {
        const { warmUp, ...spec } = targets[name];
        slices[name].push(await measured(app, { ...spec, duration: SECONDS / ROUNDS }));
      }
    }
    for (const name of names) results.runs[name] = combine(slices[name]);

    if (want('statements')) {
    log('statements: per request at the driver, response path and after it');
    const [known, wrong, link] = await app.call('createUsers', { prefix: 'sql', count: 3 }).then((ids) => [ids.slice(0, 1), ids.slice(1, 2), ids.slice(2, 3)]);
    const count = (requests) => app.call('countStatements', { requests });
    const times = (n, make) => Array.from({ length: n }, (_, i) => make(i));
    const [knownCode] = await app.call('issueCodes', { userIds: known });
    const [wrongCode] = await app.call('issueCodes', { userIds: wrong });
    const linkToken = await app.call('issueLink', { userId: link[0] });
    const stmts = {
      noop_public: await count(times(20, () => ({ method: 'GET', path: '/api/bench/noop-public' }))),
      request_known: await count(times(20, (i) => ({ path: '/api/auth/passwordless', body: { identifier: `req${(nextRequester++ % requestUsers.length)}@bench.test` } }))),
      request_unknown: await count(times(20, () => ({ path: '/api/auth/passwordless', body: { identifier: `nobody-${randomUUID().slice(0, 8)}@bench.test` } }))),
      verify_known: await count([{ path: '/api/auth/passwordless/verify', body: { identifier: 'sql0@bench.test', code: knownCode } }]),
      verify_wrong: await count([{ path: '/api/auth/passwordless/verify', body: { identifier: 'sql1@bench.test', code: wrongCode === '000000' ? '000001' : '000000' } }]),
      verify_unknown: await count(times(5, () => ({ path: '/api/auth/passwordless/verify', body: { identifier: `ghost-${randomUUID().slice(0, 8)}@bench.test`, code: '000000' } }))),
      verify_link: await count([{ path: '/api/auth/passwordless/verify', body: { token: linkToken } }]),
    };
    if (app.peer) {
      const [token] = await app.call('peerTokens', { emails: ['sql0@bench.test'] });
      stmts.peer_request = await count(times(5, (i) => ({ path: '/api/passwordless/send-link', body: { email: `req${(nextRequester++ % requestUsers.length)}@bench.test` } })));
      stmts.peer_verify = await count([{ method: 'GET', path: `/api/passwordless/login?loginToken=${token}` }]);
    }
    results.runs.statements = stmts;
    }

    if (want('timing')) {
    log('timing: 400 interleaved requests, known and unknown');
    const interleave = (known, unknown) => known.flatMap((k, i) => [{ known: true, body: k }, { known: false, body: unknown[i] }]);
    const requestMix = interleave(timingUsers.slice(0, 200).map((_, i) => ({ identifier: `tim${i}@bench.test` })), Array.from({ length: 200 }, (_, i) => ({ identifier: `nobody${i}-${randomUUID().slice(0, 6)}@bench.test` })));
    const requestTimes = await timeEach(app.port, '/api/auth/passwordless', requestMix.map((m) => m.body));
    await app.call('settle');
    const timingCodes = await app.call('issueCodes', { userIds: timingUsers.slice(200, 400) });
    const verifyMix = interleave(timingCodes.map((code, i) => ({ identifier: `tim${200 + i}@bench.test`, code: code === '000000' ? '000001' : '000000' })), Array.from({ length: 200 }, (_, i) => ({ identifier: `ghost${i}-${randomUUID().slice(0, 6)}@bench.test`, code: '000000' })));
    const verifyTimes = await timeEach(app.port, '/api/auth/passwordless/verify', verifyMix.map((m) => m.body));
    const split = (mix, times) => ({ known: times.filter((_, i) => mix[i].known), unknown: times.filter((_, i) => !mix[i].known) });
    for (const [name, parts] of Object.entries({ request: split(requestMix, requestTimes), verify: split(verifyMix, verifyTimes) })) {
      results.runs[`timing_${name}`] = {
        known_median: round(quantile(parts.known, 0.5), 3), known_p90: round(quantile(parts.known, 0.9), 3),
        unknown_median: round(quantile(parts.unknown, 0.5), 3), unknown_p90: round(quantile(parts.unknown, 0.9), 3),
        ratio: round(quantile(parts.unknown, 0.5) / quantile(parts.known, 0.5), 3),
      };
    }

    }

    if (want('memory')) {
    log(`memory: RSS before and after ${MEMORY_REQUESTS} requests`);
    const rssBefore = await app.call('rss');
    await load(app.port, { method: 'POST', path: '/api/auth/passwordless', bodies: (i) => ({ identifier: `req${i % requestUsers.length}@bench.test` }), amount: MEMORY_REQUESTS });
    const rssAfter = await app.call('rss');
    results.runs.memory = { requests: MEMORY_REQUESTS, rss_before_mb: round(rssBefore / 2 ** 20, 1), rss_after_mb: round(rssAfter / 2 ** 20, 1), growth_mb: round((rssAfter - rssBefore) / 2 ** 20, 1) };

    }

    if (want('growth')) {
    log('growth: verify p50 with 0 and 1,000,000 challenge rows');
    await app.call('clearChallenges');
    const growthUsers = await app.call('createUsers', { prefix: 'gro', count: 800 });
    const p50Verify = async (userIds, offset) => {
      const codes = await app.call('issueCodes', { userIds });
      const times = await timeEach(app.port, '/api/auth/passwordless/verify', codes.map((code, i) => ({ identifier: `gro${offset + i}@bench.test`, code })));
      return quantile(times, 0.5);
    };
    const p50Empty = await p50Verify(growthUsers.slice(0, 400), 0);
    const rows = await app.call('fillChallenges', { rows: 1_000_000 });
    const p50Full = await p50Verify(growthUsers.slice(400, 800), 400);
    results.runs.growth = { rows, p50_empty_ms: round(p50Empty, 3), p50_full_ms: round(p50Full, 3), ratio: round(p50Full / p50Empty, 3), plan: await app.call('explainLookup') };
    }
  } finally {
    await app.stop();
    ses.server.close();
    await database.drop();
  }

  const { noop, noop_public: pub, noop_email: mailing, local, request, verify, peer_request: peerRequest, peer_verify: peerVerify, statements: stmts, timing_request: tr, timing_verify: tv, growth, memory } = results.runs;
  const status = (ok) => (ok ? 'pass' : 'short');
  const speed = (r) => `${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, CPU ${r.cpu_us_per_request} µs/request`;
  const roleCheck = () => pub.cpu_us_per_request - noop.cpu_us_per_request;
  const own = (r, base = pub) => r.cpu_us_per_request - base.cpu_us_per_request;
  const ownWork = (r, base = pub) => `${round(own(r, base) / roleCheck())} (${own(r, base)} / ${roleCheck()} µs)`;
  const timing = (t) => `${t.ratio} (${t.unknown_median} / ${t.known_median} ms; p90 ${t.unknown_p90} / ${t.known_p90})`;
  // Each row is built only when the runs it needs were measured (BENCH_ONLY).
  const rows = [
    [[noop], () => ['no-op route (the limit)', speed(noop), '', '']],
    [[pub], () => ['no-op route behind the Public role check', speed(pub), '', '']],
    [[mailing], () => ['the same, sending the code email through the provider', speed(mailing), '', '']],
    [[local], () => ['POST /api/auth/local (bcrypt)', speed(local), '', '']],
    [[request], () => ['POST /api/auth/passwordless', speed(request), '', '']],
    [[verify], () => ['POST /api/auth/passwordless/verify', speed(verify), '', '']],
    [[request, noop], () => ['request / no-op', round(request.rps / noop.rps), '≥ 0.30', status(request.rps / noop.rps >= 0.3)]],
    [[verify, noop], () => ['verify / no-op', round(verify.rps / noop.rps), '≥ 0.30', status(verify.rps / noop.rps >= 0.3)]],
    [[request, pub], () => ['request / no-op behind the role check', round(request.rps / pub.rps), '(for reading)', '']],
    [[verify, pub], () => ['verify / no-op behind the role check', round(verify.rps / pub.rps), '(for reading)', '']],
    [[peerRequest], () => ['peer: POST /api/passwordless/send-link', speed(peerRequest), '', '']],
    [[peerVerify], () => ['peer: GET /api/passwordless/login', speed(peerVerify), '', '']],
    [[request, peerRequest], () => ['request / peer send-link', round(request.rps / peerRequest.rps), '≥ 2', status(request.rps / peerRequest.rps >= 2)]],
    [[verify, peerVerify], () => ['verify / peer login', round(verify.rps / peerVerify.rps), '≥ 2', status(verify.rps / peerVerify.rps >= 2)]],
    // Our own work: CPU above the no-op behind the same Roles check, against what that check costs.
    [[request, pub, noop], () => ['request: own CPU / role check CPU', ownWork(request), '≤ 1', status(own(request) <= roleCheck())]],
    // The email plugin and provider's own send is Strapi's work, which the peer pays too.
    [[request, mailing, pub, noop], () => ['request: own CPU without the provider\'s send / role check CPU', ownWork(request, mailing), '≤ 1', status(own(request, mailing) <= roleCheck())]],
    [[verify, pub, noop], () => ['verify: own CPU / role check CPU', ownWork(verify), '≤ 1', status(own(verify) <= roleCheck())]],
    [[request, local], () => ['request / auth/local', round(request.rps / local.rps, 1), '≥ 50', status(request.rps / local.rps >= 50)]],
    [[verify, local], () => ['verify / auth/local', round(verify.rps / local.rps, 1), '≥ 50', status(verify.rps / local.rps >= 50)]],
    [[tr], () => ['request: unknown / known median', timing(tr), '0.95–1.05', status(tr.ratio >= 0.95 && tr.ratio <= 1.05)]],
    [[tv], () => ['verify: unknown / known median', timing(tv), '0.95–1.05', status(tv.ratio >= 0.95 && tv.ratio <= 1.05)]],
    [[growth], () => ['verify p50 at 1M rows / 0 rows', `${growth.ratio} (${growth.p50_full_ms} / ${growth.p50_empty_ms} ms)`, '≤ 1.2', status(growth.ratio <= 1.2)]],
    [[memory], () => [`RSS growth after ${memory.requests} requests`, `${memory.growth_mb} MB (${memory.rss_before_mb} → ${memory.rss_after_mb})`, '< 50 MB', status(memory.growth_mb < 50)]],
    ...(stmts ? Object.entries(stmts).map(([name, c]) => [[stmts], () => [`statements: ${name.replace(/_/g, ' ')}`, `${c.response} + ${c.after} after the response (${Object.entries(c.statuses).map(([code, n]) => `${n}× ${code}`).join(', ')})`, '', '']]) : []),
  ].filter(([needs]) => needs.every(Boolean)).map(([, build]) => build());
  const markdown = [
    `Strapi ${results.strapi}; database: ${CLIENT}; machine: ${results.machine}; ${CONNECTIONS} connections, ${SECONDS} s per throughput run.`,
    '',
    '| measure | result | target | status |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    ...(growth ? [`Lookup plan: ${growth.plan}`] : []),
  ].join('\n');
  // A subset never overwrites the full run's results.
  const host = process.env.TEST_STRAPI === '5' ? `-strapi5-${process.env.UP_JWT_MANAGEMENT === 'legacy-support' ? 'legacy' : 'refresh'}` : '';
  const base = `${ONLY.length > 0 ? 'results-partial' : 'results'}${host}${process.env.BENCH_ROLE_CACHE === '1' ? '-rolecache' : ''}`;
  fs.writeFileSync(path.join(__dirname, `${base}.json`), `${JSON.stringify({ ...results, only: ONLY, table: rows }, null, 2)}\n`);
  fs.writeFileSync(path.join(__dirname, `${base}.md`), `${markdown}\n`);
  console.log(markdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
