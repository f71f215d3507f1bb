// make bench-content: how long an editor waits. Measures, on this machine:
// - `make content` on a built release site (a one-file edit, updated in place);
// - `make serve`: from saving an edit in content/ to the new text in the open browser page,
//   and that a broken edit leaves the last good page served with the fault in the terminal.
// Edits content/en/policy.md and always restores it. Writes bench/results/content-loop.json.
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const FILE = 'content/en/policy.md';
const original = readFileSync(FILE, 'utf8');
const restore = () => writeFileSync(FILE, original);
process.on('exit', restore);
process.on('SIGINT', () => process.exit(130));

const withSentence = (sentence) => original.replace('+++\n\n', `+++\n\n${sentence}\n\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const results = {};

// 1. make content on a built release site.
const dist = process.env.DIST ?? 'dist';
const times = [];
for (let i = 0; i < 3; i++) {
  writeFileSync(FILE, withSentence(`An edit to time make content, number ${i}.`));
  const t0 = performance.now();
  execFileSync('make', ['--no-print-directory', 'content', `DIST=${dist}`], { stdio: 'pipe' });
  times.push(Math.round(performance.now() - t0));
}
restore();
execFileSync('make', ['--no-print-directory', 'content', `DIST=${dist}`], { stdio: 'pipe' });
results.makeContentMs = times;
console.log(`make content (one-file edit, ${dist}): ${times.join(', ')} ms`);

// 2. make serve: edit to page.
let log = '';
const serve = spawn('make', ['--no-print-directory', 'serve'], { detached: true });
serve.stdout.on('data', (d) => (log += d));
serve.stderr.on('data', (d) => (log += d));
const stopServe = () => { try { process.kill(-serve.pid, 'SIGTERM'); } catch {} };
process.on('exit', stopServe);
const waitFor = async (test, ms, what) => {
  const end = Date.now() + ms;
  while (Date.now() < end) { if (await test()) return; await sleep(50); }
  throw new Error(`timed out waiting for ${what}\n${log.slice(-2000)}`);
};
const builds = () => (log.match(/✅ success/g) ?? []).length;
await waitFor(() => builds() >= 1, 600_000, 'make serve to build');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto('http://127.0.0.1:8080/policy/');
await page.waitForSelector('#app h1');
const reloads = [];
for (let i = 0; i < 3; i++) {
  const sentence = `An edit to time the reload, number ${i}.`;
  const t0 = performance.now();
  writeFileSync(FILE, withSentence(sentence));
  await page.waitForFunction((s) => document.body.innerText.includes(s), sentence, { timeout: 60_000, polling: 20 });
  reloads.push(Math.round(performance.now() - t0));
  await sleep(1000);
}
results.serveEditToPageMs = reloads;
console.log(`make serve, saved edit to new text in the open page: ${reloads.join(', ')} ms`);

// A broken edit: the terminal names the fault; the last good page stays served.
const before = builds();
const failures = (log.match(/problem\(s\) in the content/g) ?? []).length;
writeFileSync(FILE, original.replace(/^title = .*\n/m, ''));
await waitFor(() => (log.match(/problem\(s\) in the content/g) ?? []).length > failures, 60_000, 'the fault in the terminal');
const named = /content\/en\/policy\.md:1: title: missing/.test(log);
const response = await page.goto('http://127.0.0.1:8080/policy/');
const stillServed = response.status() === 200 && (await page.textContent('h1')).length > 0 && builds() === before;
results.brokenEdit = { faultNamed: named, lastGoodPageServed: stillServed };
console.log(`make serve, broken edit: fault named in the terminal: ${named}; last good page served: ${stillServed}`);
restore();
await browser.close();
stopServe();
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/content-loop.json', JSON.stringify(results, null, 2));
if (!named || !stillServed) process.exit(1);
