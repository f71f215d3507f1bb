// Which tasks make up a page's Total Blocking Time in Lighthouse's mobile preset, and why.
//
//   make dist && node bench/tbt-tasks.mjs zh-hk/policy/ [runs]
//
// Lighthouse does not time the page at 4× CPU: it loads it at full speed, then simulates the
// phone (Lantern). Each task of 10 ms or more becomes a node of a dependency graph and is
// replayed four times slower (twice, for a task that lays the page out), and TBT sums, over
// the tasks that end after the simulated first paint, the part of each beyond 50 ms. This
// prints, for each run, the simulated first paint, and every task that blocks: where the
// simulation put it, its real start (relative to the observed first paint) and length, and
// what it did. It serves `dist/` as the bench does (a CDN-like server, brotli); measure a
// release build: after `make bench`, `dist/` holds `make serve`'s debug build.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROME_FLAGS, CHROME_PATH } from './chrome.mjs';

// Lantern's simulator as Lighthouse itself loads it (the same module, so the same record of
// the simulations it ran).
const fromLighthouse = createRequire(createRequire(import.meta.url).resolve('lighthouse'));
const { Simulator } = await import(
  pathToFileURL(fromLighthouse.resolve('@paulirish/trace_engine/models/trace/lantern/simulation/Simulator.js')).href
);

const [route, runs = '3'] = process.argv.slice(2);
if (route === undefined) {
  console.error('usage: node bench/tbt-tasks.mjs ROUTE [runs]   (ROUTE as in the URL: zh-hk/policy/, or "" for /)');
  process.exit(2);
}
const PORT = 8096;
const server = await startServer({ dir: process.env.DIST ?? 'dist', port: PORT, base: '/' });
const url = `http://127.0.0.1:${PORT}/${route.replace(/^\//, '')}`;
// The same browser and flags as the bench, so that the figures compare.
const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS });
const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] };
// The same end time of a simulation's last node is its estimate of the metric.
const estimate = (label) => Math.max(0, ...[...(Simulator.allNodeTimings.get(label)?.values() ?? [])].map((t) => t.endTime));
try {
  await lighthouse(url, flags); // a fresh browser's first load is slower than any later one
  for (let run = 1; run <= Number(runs); run++) {
    Simulator.allNodeTimings.clear();
    const { lhr, artifacts } = await lighthouse(url, flags);
    const tbt = lhr.audits['total-blocking-time'].numericValue;
    const paint = artifacts.Trace.traceEvents.find((e) => e.name === 'firstContentfulPaint');
    console.log(`run ${run}: TBT ${Math.round(tbt)} ms, performance ${Math.round(lhr.categories.performance.score * 100)}`);
    // TBT is the mean of two simulations, each counted from the other's first-paint estimate.
    for (const [kind, from, to] of [
      ['optimistic', 'pessimisticFirstContentfulPaint', 'optimisticInteractive'],
      ['pessimistic', 'optimisticFirstContentfulPaint', 'pessimisticInteractive'],
    ]) {
      const [start, end] = [estimate(from), estimate(to)];
      const timings = Simulator.allNodeTimings.get(`${kind}TotalBlockingTime`) ?? new Map();
      const lines = [];
      let sum = 0;
      for (const [node, t] of timings) {
        if (node.type !== 'cpu') continue;
        const counted = Math.min(t.endTime, end) - Math.max(t.startTime, start);
        if (counted <= 50) continue;
        sum += counted - 50;
        const did = node.childEvents.filter((e) => e.dur > 1000).slice(0, 4).map((e) => `${e.name} ${(e.dur / 1000).toFixed(1)}`);
        lines.push(`    ${Math.round(counted - 50)} ms: simulated ${Math.round(t.startTime)}–${Math.round(t.endTime)}, real ${((node.event.ts - paint.ts) / 1000).toFixed(0)} ms (${(node.event.dur / 1000).toFixed(1)} ms long): ${did.join(', ')}`);
      }
      console.log(`  ${kind}: first paint at ${Math.round(start)} ms, blocking ${Math.round(sum)} ms`);
      if (lines.length) console.log(lines.join('\n'));
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
