// A strict static server that behaves like a plain CDN: no SPA fallback, the nearest
// `404.html` (status 404) for unknown paths, a folder asked for without its trailing slash redirected (301) to
// it as GitHub Pages, Netlify, Cloudflare Pages and S3 websites do, the headers from
// `_headers` applied, precompressed `.br`/`.gz` served when the client accepts them. Used by
// the browser tests and the benchmark.
//
//   node tests/e2e/server.mjs --dir dist --port 8080 [--base /rights/]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Netlify / Cloudflare Pages `_headers`: a path line, then indented `Name: value` lines. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
    } else if (rules.length) {
      const i = line.indexOf(':');
      rules.at(-1).headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return rules.map(({ pattern, headers }) => ({
    headers,
    test: new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$'),
  }));
}

function redirect(res, location) {
  res.writeHead(301, { Location: location, 'Content-Length': '0' });
  res.end();
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readRules(dir) {
  try {
    return parseHeaders(await readFile(join(dir, '_headers'), 'utf8'));
  } catch {
    return []; // no _headers: serve without extra headers
  }
}

/**
 * `dev` (make serve only): `{ inject, handle }`. `inject` is added before `</body>` of every
 * page served; `handle(req, res, path)` may answer a request first (returns true if it did).
 * `_headers` is then read for every request, as the folder is rebuilt while it is served.
 * `log`, an array, receives `{ path, bytes }` for every file or 404 page served.
 */
export async function startServer({ dir, port, base = '/', dev = null, log = null }) {
  let rules = await readRules(dir);
  // A file can vanish between the check and the read (a deploy replacing the folder, a test
  // removing its copy while a service worker is still fetching): that request fails with a
  // 500, as on a host mid-deploy, instead of taking the process down.
  const server = createServer((req, res) =>
    respond(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Length': '0' });
      res.end();
    }),
  );
  async function respond(req, res) {
    const url = new URL(req.url, 'http://localhost');
    if (dev) {
      if (await dev.handle(req, res, url.pathname)) return;
      rules = await readRules(dir);
    }
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { 'Content-Length': '0' });
      return res.end();
    }
    let file = null;
    if (path + '/' === base) return redirect(res, base + url.search);
    if (path.startsWith(base)) {
      const rel = normalize(path.slice(base.length - 1) || '/');
      if (!rel.split('/').some((s) => s === '..' || (s.startsWith('.') && s.length > 1))) {
        if (rel.endsWith('/')) {
          if (await isFile(join(dir, rel, 'index.html'))) file = join(rel, 'index.html');
        } else if (await isFile(join(dir, rel))) {
          file = rel;
        } else if (await isFile(join(dir, rel, 'index.html'))) {
          // A folder asked for without its slash: every static host redirects.
          return redirect(res, path + '/' + url.search);
        }
      }
    }
    const status = file ? 200 : 404;
    // The nearest 404.html up the path, as Cloudflare Pages (and Netlify with the site's
    // _redirects) serve it: /zh-hk/nowhere gets /zh-hk/404.html.
    if (!file && path.startsWith(base)) {
      const parts = normalize(path.slice(base.length - 1)).split('/').slice(1, -1);
      for (let n = parts.length; n >= 0 && !file; n--) {
        const candidate = '/' + [...parts.slice(0, n), '404.html'].join('/');
        if (!parts.slice(0, n).some((s) => s.startsWith('.')) && (await isFile(join(dir, candidate)))) file = candidate;
      }
    }
    file ??= '/404.html';
    const headers = new Map();
    for (const rule of rules) {
      if (rule.test.test(path)) for (const [k, v] of rule.headers) headers.set(k, headers.has(k) ? `${headers.get(k)}, ${v}` : v);
    }
    headers.set('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    const accept = dev ? '' : (req.headers['accept-encoding'] ?? '');
    let body;
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (accept.includes(enc) && (await isFile(join(dir, file + ext)))) {
        body = await readFile(join(dir, file + ext));
        headers.set('Content-Encoding', enc);
        break;
      }
    }
    body ??= await readFile(join(dir, file)).catch(() => Buffer.from('Not found'));
    if (dev && file.endsWith('.html')) body = Buffer.from(body.toString().replace('</body>', `${dev.inject}</body>`));
    log?.push({ path, bytes: body.length });
    headers.set('Vary', 'Accept-Encoding');
    headers.set('Content-Length', String(body.length));
    res.writeHead(status, Object.fromEntries(headers));
    res.end(req.method === 'HEAD' ? undefined : body);
  }
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, port: { type: 'string' }, base: { type: 'string' } } });
  const base = values.base ?? '/';
  await startServer({ dir: values.dir ?? 'dist', port: Number(values.port ?? 8080), base });
  console.log(`serving ${values.dir ?? 'dist'} at http://127.0.0.1:${values.port ?? 8080}${base}`);
}
