// make serve: the site at http://127.0.0.1:8080, served as a static host serves it (the
// project's strict test server), kept up to date while you work:
// - a change to the app's code: `trunk watch` rebuilds dist/ (the wasm recompiles);
// - a change in content/: `site update dist` rewrites the bundle and pages in place in well
//   under a second, the wasm untouched; a broken change prints the content's faults here
//   and the last good site stays served;
// then every open page reloads itself (a small script added to pages in development only).
import { spawn, spawnSync } from 'node:child_process';
import { watch } from 'node:fs';
import { startServer } from '../tests/e2e/server.mjs';

const PORT = 8080;
const DIST = 'dist';
const SITE = 'target/debug/site';
const base = spawnSync(SITE, ['base-path'], { encoding: 'utf8' }).stdout.trim() || '/';

// Open pages listen for reloads (server-sent events: no extra dependency, and within the CSP).
const listeners = new Set();
const reload = (why) => {
  console.log(`serve: ${why}; reloading ${listeners.size} open page(s)`);
  for (const res of listeners) res.write('data: reload\n\n');
};
const RELOAD_JS = `new EventSource('${base}__dev/events').onmessage = () => location.reload();\n`;
const dev = {
  inject: `<script type="module" src="${base}__dev/reload.js"></script>`,
  async handle(req, res, path) {
    if (path === `${base}__dev/reload.js`) {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
      res.end(RELOAD_JS);
      return true;
    }
    if (path === `${base}__dev/events`) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return true;
    }
    return false;
  },
};

// Code: Trunk rebuilds dist/ (its watch list leaves out content/, handled below).
const trunk = spawn('trunk', ['watch', '--locked', '--public-url', base], { stdio: ['ignore', 'pipe', 'pipe'] });
for (const [from, to] of [[trunk.stdout, process.stdout], [trunk.stderr, process.stderr]]) {
  from.on('data', (chunk) => {
    to.write(chunk);
    if (chunk.toString().includes('✅ success')) reload('the app was rebuilt');
  });
}
trunk.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    trunk.kill('SIGINT');
    process.exit(0);
  });
}

// Content: updated in place, one update at a time, the last change always included.
let running = false;
let again = false;
let timer = null;
function update() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  const started = performance.now();
  const child = spawn(SITE, ['update', DIST], { stdio: 'inherit' });
  child.on('exit', (code) => {
    running = false;
    if (code === 0) {
      reload(`content updated in ${Math.round(performance.now() - started)} ms`);
    } else if (code === 3) {
      console.log('serve: waiting for Trunk to rebuild the app');
    } else {
      console.log('serve: fix the content above; the last good site is still served');
    }
    if (again) {
      again = false;
      update();
    }
  });
}
watch('content', { recursive: true }, () => {
  clearTimeout(timer);
  timer = setTimeout(update, 30);
});

await startServer({ dir: DIST, port: PORT, base, dev });
console.log(`serve: http://127.0.0.1:${PORT}${base} (content/ updates in place; code rebuilds with Trunk)`);
