/**
 * Child processes with a deadline. Each runs in its own process group, so a timeout
 * or the final cleanup ends it together with whatever it started (npm's install
 * scripts, Strapi), and only that: nothing is ever killed by name.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');

const running = new Set();

/**
 * The environment for a child: `npm run test:package` exports npm_config_* (prefix,
 * local prefix, user agent) for this repository, which must not leak into an npm
 * command that works on a project elsewhere.
 */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(name) && name !== 'INIT_CWD') env[name] = value;
  }
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

/**
 * Starts `command args` in `cwd`; output goes to `logFile` (appended) and is kept in
 * memory. Resolves to the child; `child.done` resolves to { code, signal, output }.
 */
function start(command, args, { cwd, env = cleanEnv(), logFile }) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
  log?.write(`\n$ ${[command, ...args].join(' ')}   (in ${cwd})\n`);
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    log?.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  running.add(child);
  child.done = new Promise((resolve) => {
    child.once('error', (error) => {
      running.delete(child);
      resolve({ code: null, signal: null, output: `${output}\n${error.message}` });
    });
    child.once('close', (code, signal) => {
      running.delete(child);
      log?.end();
      resolve({ code, signal, output });
    });
  });
  child.output = () => output;
  return child;
}

/** Runs to completion or to `timeoutMs`; a timeout is reported as code null. */
async function run(command, args, { timeoutMs, ...options }) {
  const child = start(command, args, options);
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const result = await Promise.race([child.done, timedOut]);
  clearTimeout(timer);
  if (result !== 'timeout') return { ...result, timedOut: false };
  await stop(child);
  return { code: null, signal: null, output: child.output(), timedOut: true };
}

/** SIGTERM to the child's group, SIGKILL after `graceMs`; resolves when it has exited. */
async function stop(child, { graceMs = 10_000 } = {}) {
  if (!running.has(child)) return;
  signalGroup(child, 'SIGTERM');
  let timer;
  const exited = await Promise.race([
    child.done.then(() => true),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (!exited) {
    signalGroup(child, 'SIGKILL');
    await child.done;
  }
}

/** Last resort on exit: every group this process started and that is still there. */
function killAll() {
  for (const child of running) signalGroup(child, 'SIGKILL');
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** The last `count` lines of a command's output, indented, for a failure report. */
function tail(text, count = 25) {
  return text
    .trimEnd()
    .split('\n')
    .slice(-count)
    .map((line) => `      ${line}`)
    .join('\n');
}

module.exports = { cleanEnv, start, run, stop, killAll, tail };
