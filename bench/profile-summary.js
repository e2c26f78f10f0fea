#!/usr/bin/env node
/**
 * Where the time went in a `BENCH_CPU_PROF` profile: CPU share by package (inclusive)
 * and by function (self), over the last seconds of the profile, which are the load of
 * the last run (BENCH_ONLY=request puts the request load there).
 *
 *   BENCH_ONLY=request BENCH_CPU_PROF=bench/profiles npm run bench
 *   node bench/profile-summary.js bench/profiles/<file>.cpuprofile [seconds=5] [rows=25]
 */
const fs = require('node:fs');

const [file, seconds = '5', rows = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.js <file.cpuprofile> [seconds] [rows]');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children || []) parentOf.set(child, node.id);

let clock = profile.startTime;
const times = profile.timeDeltas.map((delta) => (clock += delta));
// The run's last 0.3 s are settling and shutdown, not load.
const to = times[times.length - 1] - 300e3;
const from = to - Number(seconds) * 1e6;

const owner = (url) => {
  if (!url) return '(native)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.includes('/src/extensions/')) return 'the extension';
  if (url.startsWith('node:')) return 'node core';
  return url.replace(/^.*\/(bench|tests|config)\//, '$1/');
};
const label = (frame) => `${frame.functionName || '(anonymous)'} (${owner(frame.url)}:${frame.lineNumber + 1})`;

const self = new Map();
const byPackage = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  if (times[i] < from || times[i] > to) return;
  total += 1;
  const key = label(nodes.get(id).callFrame);
  self.set(key, (self.get(key) || 0) + 1);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parentOf.get(cur)) {
    const pkg = owner(nodes.get(cur).callFrame.url);
    if (!seen.has(pkg)) {
      seen.add(pkg);
      byPackage.set(pkg, (byPackage.get(pkg) || 0) + 1);
    }
  }
});

const share = (count) => `${((100 * count) / total).toFixed(1).padStart(5)}%`;
const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(rows));
console.log(`${total} samples over ${seconds} s`);
console.log('\nby package (inclusive: time in it or in what it called)');
for (const [name, count] of top(byPackage)) if (name !== '(native)' && name !== 'node core') console.log(share(count), name);
console.log('\nby function (self)');
for (const [name, count] of top(self)) console.log(share(count), name);
