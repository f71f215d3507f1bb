// make bench: for every route of the URL contract, the bytes of its first view (raw, gzip,
// brotli) and Lighthouse's mobile preset (Slow 4G, 4x CPU) against the built site, next to a
// static copy of the same page with every script removed, served by the same server.
//
//   node bench/bench.mjs [--dist dist] [--runs 3] [--baseline bench/results/before.json] [--search | --bytes]
// (`--search`: only what search costs, in about a minute; `--bytes`: only each route's first
// view, in bytes, in seconds, written to bench/results/bytes.json.)
// Writes bench/results/bench.json and prints a table.
import { mkdir, readFile, readdir, writeFile, copyFile, rm } from 'node:fs/promises';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
import { FIRST } from '../tests/e2e/search-queries.mjs';
import { CHROME_FLAGS, CHROME_PATH } from './chrome.mjs';

const { values } = parseArgs({ options: { dist: { type: 'string' }, runs: { type: 'string' }, baseline: { type: 'string' }, search: { type: 'boolean' }, bytes: { type: 'boolean' } } });
const DIST = values.dist ?? 'dist';
const RUNS = Number(values.runs ?? process.env.BENCH_RUNS ?? 3);
// An earlier run's bench.json or bytes.json (`BENCH_BASELINE`, e.g. of the commit before a
// feature): each route's first view is then also given as the bytes added since. By default,
// main just before search landed, so the table gives what search added to every first view.
const BASELINE = values.baseline ?? process.env.BENCH_BASELINE ?? 'bench/baselines/before-search.json';
const baseline = JSON.parse(await readFile(BASELINE, 'utf8'));
const baselineName = baseline.label ?? BASELINE;
const before = (route) => baseline?.routes.find((r) => r.route === route)?.bytes.total.brotli;
const OUT = 'bench/results';
const APP_PORT = 8097;
const STATIC_PORT = 8098;
const OFFLINE_PORT = 8099;
// The addresses the site itself hands out (canonical, sitemap, links, Share): with the slash.
// Both editions: English at the root, Chinese under zh-hk/.
const PAGES = ['', 'policy/', 'reports/', 'reports/argentina/', 'reports/hong-kong/', 'reports/norway/', 'reports/papua-new-guinea/', 'hong-kong/', 'related-research/', 'safe-reading/', 'search/'];
// `BENCH_ROUTES="zh-hk/ reports/norway/"`: only those routes (as written here, '' or '/' for
// the home page), to look again at one page without measuring them all.
const ALL_ROUTES = [...PAGES, ...PAGES.map((page) => 'zh-hk/' + page)];
const ONLY = process.env.BENCH_ROUTES?.split(/\s+/).filter(Boolean).map((r) => (r === '/' ? '' : r.replace(/^\//, '')));
const ROUTES = ONLY ? ALL_ROUTES.filter((route) => ONLY.includes(route)) : ALL_ROUTES;
if (ONLY && ROUTES.length !== ONLY.length) throw new Error(`BENCH_ROUTES names a route the site does not have: ${ONLY.filter((r) => !ALL_ROUTES.includes(r)).join(' ')}`);
const BUDGET = { firstViewBrotli: 90 * 1024, lcpRatio: 1.1, cls: 0, tbt: 50, performance: 100, accessibility: 100, keystrokeMs: 16 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => (n / 1024).toFixed(1);

/** The site's base path from its own HTML (the builder writes it). */
async function basePath() {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  return html.match(/<meta[^>]*content="?([^" >]+)"?[^>]*name="?site-base/)?.[1] ?? '/';
}

/**
 * Static copies: each page as the app renders it, saved as plain HTML without any script.
 * While loading each page, also records every file its first view loads (until the app has
 * taken over and the network is idle).
 */
async function makeStaticCopies(base) {
  const dir = join(OUT, 'static');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(DIST)) {
    if (/\.(css|svg|png)$/.test(name)) await copyFile(join(DIST, name), join(dir, name));
  }
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS.slice(1) });
  // The first view alone: what the offline worker fetches afterwards is measured apart.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const firstView = {};
  for (const route of ROUTES) {
    const page = await context.newPage();
    const loaded = [];
    page.on('requestfinished', (request) => loaded.push(new URL(request.url()).pathname));
    await page.goto(`http://127.0.0.1:${APP_PORT}${base}${route}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('#app:not([data-prerendered])');
    firstView[route] = [...new Set(loaded)];
    const html = await page.evaluate(() => {
      const doc = document.documentElement.cloneNode(true);
      doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]').forEach((el) => el.remove());
      // The share button only works with the app.
      doc.querySelectorAll('.share').forEach((el) => el.remove());
      return '<!doctype html>' + doc.outerHTML;
    });
    const file = join(dir, route, 'index.html');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, html);
    await writeFile(file + '.br', brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    await writeFile(file + '.gz', gzipSync(html, { level: 9 }));
    await page.close();
  }
  await browser.close();
  return { dir, firstView };
}

/**
 * What a first visit costs beyond its first view for offline reading: every request until the
 * worker reports the edition kept (bytes as served, brotli where accepted), per edition.
 */
async function offlineCost(base, firstView) {
  const log = [];
  const server = await startServer({ dir: DIST, port: OFFLINE_PORT, base, log });
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS.slice(1) });
  const cost = {};
  try {
    for (const route of ['', 'zh-hk/']) {
      const context = await browser.newContext();
      const page = await context.newPage();
      log.length = 0;
      await page.goto(`http://127.0.0.1:${OFFLINE_PORT}${base}${route}`);
      await page.waitForSelector('html[data-offline="kept"]', { state: 'attached', timeout: 60_000 });
      const seen = new Set(firstView[route]);
      const extra = log.filter((entry) => !seen.has(entry.path));
      cost[route || 'en'] = { requests: extra.length, brotli: extra.reduce((sum, e) => sum + e.bytes, 0) };
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return cost;
}

/** Raw / gzip / brotli bytes of every file the first view of a route loaded (read from dist). */
async function firstViewBytes(paths, base) {
  const rows = [];
  for (const path of paths) {
    let file = path.slice(base.length);
    if (file === '' || file.endsWith('/')) file += 'index.html';
    else if (!/\.[a-z0-9]+$/.test(file)) file += '/index.html';
    const bytes = await readFile(join(DIST, file));
    rows.push({
      file: path,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  const total = (k) => rows.reduce((s, r) => s + r[k], 0);
  return { files: rows, total: { raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') } };
}

async function lighthouseRun(chrome, url) {
  // Now and then Lighthouse fails a run (it reports a runtime error and no metrics); such a
  // run says nothing about the page, so it is run again rather than counted as a zero.
  let lhr;
  for (let attempt = 1; ; attempt++) {
    ({ lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] }));
    if (!lhr.runtimeError && lhr.audits['total-blocking-time'].numericValue !== undefined) break;
    process.stderr.write(`Lighthouse failed on ${url} (${lhr.runtimeError?.code ?? 'no metrics'})${attempt < 3 ? ', running it again' : ''}\n`);
    if (attempt === 3) throw new Error(`Lighthouse failed three times on ${url}`);
  }
  const a = lhr.audits;
  return {
    fcp: a['first-contentful-paint'].numericValue,
    lcp: a['largest-contentful-paint'].numericValue,
    si: a['speed-index'].numericValue,
    tbt: a['total-blocking-time'].numericValue,
    cls: a['cumulative-layout-shift'].numericValue,
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    transfer: a['total-byte-weight'].numericValue,
  };
}

function summarise(runs) {
  const out = {};
  for (const key of Object.keys(runs[0])) out[key] = median(runs.map((r) => r[key] ?? NaN));
  return out;
}

const base = await basePath();
await mkdir(OUT, { recursive: true });
const app = await startServer({ dir: DIST, port: APP_PORT, base });
if (values.search) {
  printSearch(await measureSearch(base));
  app.close();
  process.exit(0);
}
const { dir: staticDir, firstView } = await makeStaticCopies(base);
if (values.bytes) {
  const routes = [];
  // A route this build does not have yet (an older build, for a baseline) is left out.
  for (const route of ROUTES.filter((r) => existsSync(join(DIST, r, 'index.html')))) {
    routes.push({ route: '/' + route, bytes: await firstViewBytes(firstView[route], base) });
  }
  await writeFile(join(OUT, 'bytes.json'), JSON.stringify({ date: new Date().toISOString(), routes }, null, 2));
  console.log(`First view of every route, brotli, and the bytes added since ${baselineName}:`);
  console.table(Object.fromEntries(routes.map((r) => [r.route, { 'KiB br': +kb(r.bytes.total.brotli), 'B br added': before(r.route) ? r.bytes.total.brotli - before(r.route) : '–' }])));
  console.log(`written ${join(OUT, 'bytes.json')}`);
  app.close();
  process.exit(0);
}
const stat = await startServer({ dir: staticDir, port: STATIC_PORT, base });
// Offline reading and search are measured on full runs only.
const offline = ONLY ? {} : await offlineCost(base, firstView);
for (const [edition, { requests, brotli }] of Object.entries(offline)) {
  console.log(`offline reading, ${edition}: ${requests} requests, ${kb(brotli)} KiB fetched after the first view (brotli)`);
}
const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS });

/**
 * What search costs a reader: the search worker's files, fetched at the first query (bytes as
 * brotli, from the built files), the time from the first keystroke to the first results (the
 * worker starting, reading the bundle from the cache and indexing it), and then, at full speed
 * on a phone-sized page, the time from each keystroke to its results in the page: from the
 * `input` event to the end of the task that put them there, so the next frame shows them.
 * Each query is typed one character at a time, each keystroke once the previous results have
 * been painted: a reader's keystrokes come tens of milliseconds apart, so the frame before
 * always has, and a keystroke is not charged with the previous one's layout. Also given: the
 * time to the frame that shows them (it waits for the screen's next refresh, up to 16.7 ms).
 */
async function measureSearch(base) {
  // The browser tests' queries, and one of three words that match almost every passage.
  const QUERIES = [...FIRST.map(([edition, query]) => [edition, query]), ['', 'sex workers police']];
  // The first pass starts the worker; each later keystroke counts as the median of the nine
  // other passes: on two cores, the browser's other threads move a single figure by several
  // milliseconds (with five, the slowest keystroke of a query still swung from 11 to 17 ms).
  const PASSES = 10;
  const worker = readdirSync(DIST).filter((name) => /^search-worker-[0-9a-f]+(_loader\.js|\.js|_bg\.wasm)$/.test(name));
  const bytes = worker.reduce((sum, name) => sum + statSync(join(DIST, name + '.br')).size, 0);
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS.slice(1) });
  const out = { files: worker.length, brotli: bytes, queries: {} };
  for (const [edition, query] of QUERIES) {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(`http://127.0.0.1:${APP_PORT}${base}${edition}search/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('#app:not([data-prerendered])');
    const { first, shown, painted, hits } = await page.evaluate(async ([text, passes]) => {
      const input = document.getElementById('search-input');
      const status = document.querySelector('.search-status');
      // Every answer's status line quotes its query (the results alone may not change, as
      // when nothing is found twice). The app renders the status line and the results in one
      // batch of microtasks, and an observer runs after that batch.
      const answered = (value, start) => new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (status.textContent.includes(value)) {
            observer.disconnect();
            const shown = performance.now() - start;
            // A task queued from a frame's callback runs once that frame is painted.
            requestAnimationFrame(() => setTimeout(() => resolve([shown, performance.now() - start])));
          }
        });
        observer.observe(status, { childList: true, subtree: true, characterData: true });
      });
      const runs = [];
      let hits = 0;
      for (let pass = 0; pass < passes; pass++) {
        const times = [];
        for (let i = 1; i <= text.length; i++) {
          const start = performance.now();
          const done = answered(text.slice(0, i), start);
          input.value = text.slice(0, i);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          times.push(await done);
        }
        runs.push(times);
        hits = document.querySelectorAll('.search-results > ol > li').length;
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const middle = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
      const later = runs.slice(1);
      const each = (k) => runs[0].slice(1).map((_, i) => middle(later.map((times) => times[i + 1][k])));
      return { first: runs[0][0][0], shown: each(0), painted: each(1), hits };
    }, [query, PASSES]);
    out.queries[edition + query] = {
      firstMs: +first.toFixed(1),
      slowestMs: shown.length ? +Math.max(...shown).toFixed(1) : null,
      medianMs: shown.length ? +median(shown).toFixed(1) : null,
      slowestPaintedMs: painted.length ? +Math.max(...painted).toFixed(1) : null,
      hits,
      budget: shown.length && Math.max(...shown) >= BUDGET.keystrokeMs ? `MISS: ${BUDGET.keystrokeMs} ms` : 'ok',
    };
    await page.close();
  }
  await browser.close();
  return out;
}

function printSearch(cost) {
  console.log(`Search, at full speed, phone-sized: ${cost.files} files, ${kb(cost.brotli)} KiB brotli on a reader's first query (the worker; its bundle is already cached). Per query: the first keystroke (the worker starting), then the slowest and the median later keystroke to its results in the page, and the slowest to the frame that shows them (ms, each keystroke the median of nine passes), and the results shown:`);
  console.table(cost.queries);
}

const results = [];
let searchCost;
try {
  searchCost = ONLY ? null : await measureSearch(base);
  // A fresh browser's first load is slower than any later one; it is not the site's cost.
  await lighthouseRun(chrome, `http://127.0.0.1:${APP_PORT}${base}${ROUTES[0]}`);
  await lighthouseRun(chrome, `http://127.0.0.1:${STATIC_PORT}${base}${ROUTES[0]}`);
  // In rounds over every route: a slow stretch on the machine then falls on one run of many
  // routes, not on all the runs of one. Within a round, the page and its static copy
  // alternate, so drift affects both alike.
  const runs = new Map(ROUTES.map((route) => [route, { app: [], static: [] }]));
  for (let i = 0; i < RUNS; i++) {
    for (const route of ROUTES) {
      const r = runs.get(route);
      r.app.push(await lighthouseRun(chrome, `http://127.0.0.1:${APP_PORT}${base}${route}`));
      r.static.push(await lighthouseRun(chrome, `http://127.0.0.1:${STATIC_PORT}${base}${route}`));
    }
    process.stderr.write(`round ${i + 1} of ${RUNS} done\n`);
  }
  for (const route of ROUTES) {
    const { app: appRuns, static: staticRuns } = runs.get(route);
    const a = summarise(appRuns);
    const s = summarise(staticRuns);
    // The other form, as someone might type it: the host's redirect, then the page.
    const bare = route ? await lighthouseRun(chrome, `http://127.0.0.1:${APP_PORT}${base}${route.slice(0, -1)}`) : null;
    const bytes = await firstViewBytes(firstView[route], base);
    results.push({ route: '/' + route, app: a, static: s, bare, ratio: { fcp: a.fcp / s.fcp, lcp: a.lcp / s.lcp }, bytes, runs: { app: appRuns, static: staticRuns } });
    process.stderr.write(`measured /${route}\n`);
  }
} finally {
  await chrome.kill();
  app.close();
  stat.close();
}

const report = { date: new Date().toISOString(), runs: RUNS, budget: BUDGET, offline, routes: results, search: searchCost };
await writeFile(join(OUT, 'bench.json'), JSON.stringify(report, null, 2));

const verdict = (r) => {
  const misses = [];
  if (r.ratio.lcp > BUDGET.lcpRatio) misses.push(`LCP ${r.ratio.lcp.toFixed(2)}x`);
  if (r.app.cls > BUDGET.cls) misses.push(`CLS ${r.app.cls.toFixed(3)}`);
  if (r.app.tbt > BUDGET.tbt) misses.push(`TBT ${Math.round(r.app.tbt)}ms`);
  if (r.app.performance < BUDGET.performance) misses.push(`perf ${r.app.performance}`);
  if (r.app.accessibility < BUDGET.accessibility) misses.push(`a11y ${r.app.accessibility}`);
  if (r.bytes.total.brotli > BUDGET.firstViewBrotli) misses.push(`${kb(r.bytes.total.brotli)} KiB br`);
  return misses.length ? 'MISS ' + misses.join(', ') : 'ok';
};

// /reports/norway/, or the first route measured when BENCH_ROUTES leaves it out.
const shown = results.find((r) => r.route === '/reports/norway/') ?? results[0];
console.log(`\nFirst view of ${shown.route}: every file it loads (bytes; other routes differ only in their HTML):`);
console.table(Object.fromEntries(shown.bytes.files.map((f) => [f.file, { raw: f.raw, gzip: f.gzip, brotli: f.brotli }]).concat([['TOTAL', shown.bytes.total]])));
console.log(`Lighthouse ${RUNS === 1 ? '1 run' : `median of ${RUNS} runs`}, mobile (Slow 4G, 4x CPU); static = the same page without scripts; KiB br added = first-view bytes added since ${baselineName}:`);
console.table(
  Object.fromEntries(
    results.map((r) => [
      r.route,
      {
        'FCP ms': Math.round(r.app.fcp),
        'LCP ms': Math.round(r.app.lcp),
        'SI ms': Math.round(r.app.si),
        'TBT ms': Math.round(r.app.tbt),
        // TBT moves most from run to run: its spread says how far to trust the median.
        'TBT range': `${Math.round(Math.min(...r.runs.app.map((x) => x.tbt)))}–${Math.round(Math.max(...r.runs.app.map((x) => x.tbt)))}`,
        CLS: +r.app.cls.toFixed(3),
        perf: r.app.performance,
        a11y: r.app.accessibility,
        'static LCP': Math.round(r.static.lcp),
        // One run of the address without its slash (redirected by the host), for comparison.
        'LCP no-slash': r.bare ? Math.round(r.bare.lcp) : '–',
        'static TBT': Math.round(r.static.tbt),
        'FCP x': +r.ratio.fcp.toFixed(2),
        'LCP x': +r.ratio.lcp.toFixed(2),
        'KiB br': +kb(r.bytes.total.brotli),
        'KiB br added': before(r.route) ? +kb(r.bytes.total.brotli - before(r.route)) : '–',
        budget: verdict(r),
      },
    ]),
  ),
);
const added = results.filter((r) => before(r.route)).map((r) => r.bytes.total.brotli - before(r.route));
if (added.length) console.log(`First-view bytes added since ${baselineName}: ${kb(Math.min(...added))}–${kb(Math.max(...added))} KiB brotli per route`);
if (searchCost) printSearch(searchCost);
console.log(`written ${join(OUT, 'bench.json')}`);
