// Written by the site builder (src/builder/sw.js): the service worker that keeps the site on
// the device for reading offline. CONFIG lists, for this build only, the app's files, each
// edition's bundle and pages (with the SHA-256 of each page) and the offline page's words.
//
// - Pages are fetched from the network first; the kept copy is the fallback, and an address
//   with no kept copy gets the offline page, listing what can be read.
// - Files with a content hash in their name (the app, bundles) never change: the kept copy is
//   used first.
// - Everything is kept in one cache per build ("rosw-<version>"). A page is kept only if it is
//   this build's (its hash matches), so a kept page always names files kept beside it. A new
//   build's worker waits until no open page uses the old one, then removes the old cache.
// - Nothing is fetched in advance until a page asks ({keep: lang}), which the boot script does
//   once the app has started and never with Save-Data on; until then only what the reader
//   opens is kept (the first page, loaded before the worker, from the browser's cache:
//   {opened: path}).
const CONFIG = __CONFIG__;
const PREFIX = "rosw-";
const CACHE = PREFIX + CONFIG.version;
const KEPT = CONFIG.base + "__kept/";

const pages = new Map();
for (const edition of CONFIG.editions) {
  for (const page of edition.pages) pages.set(page.path, { ...page, edition });
}
const files = new Set([...CONFIG.app, ...CONFIG.editions.map((e) => e.bundle)]);

self.addEventListener("install", (event) => {
  // The editions the reader kept with the build before this one are kept with this one.
  event.waitUntil(
    (async () => {
      const codes = new Set();
      for (const name of await caches.keys()) {
        if (!name.startsWith(PREFIX) || name === CACHE) continue;
        for (const request of await (await caches.open(name)).keys()) {
          const path = new URL(request.url).pathname;
          if (path.startsWith(KEPT)) codes.add(path.slice(KEPT.length));
        }
      }
      for (const code of codes) await keep(code);
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  // The page that registered the worker was loaded before it: kept from the browser's cache.
  const opened = event.data?.opened;
  if (opened) {
    event.waitUntil(keepOpened(opened));
    return;
  }
  const edition = CONFIG.editions.find((e) => e.lang === event.data?.keep);
  if (!edition) return;
  event.waitUntil(
    keep(edition.code).then(
      () => event.source?.postMessage({ kept: edition.lang, version: CONFIG.version }),
      () => event.source?.postMessage({ failed: edition.lang }),
    ),
  );
});

/** Keeps the app's files and one edition's bundle and pages, fetching only what is missing. */
async function keep(code) {
  const edition = CONFIG.editions.find((e) => e.code === code);
  if (!edition) return;
  const cache = await caches.open(CACHE);
  const have = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  const wanted = [...CONFIG.app, edition.bundle, ...edition.pages.map((p) => p.path)];
  await Promise.all(
    wanted
      .filter((path) => !have.has(path))
      .map(async (path) => {
        const response = await fetch(path, { cache: pages.has(path) ? "no-cache" : "default" });
        if (response.ok) await store(cache, path, response);
      }),
  );
  await cache.put(KEPT + code, new Response(""));
}

/** Keeps a page the reader opened, and the style it was shown with, without a new download. */
async function keepOpened(pathname) {
  const path = pagePath(pathname);
  if (!pages.has(path)) return;
  const cache = await caches.open(CACHE);
  for (const wanted of [path, CONFIG.style]) {
    if (await cache.match(wanted)) continue;
    const response = await fetch(wanted, { cache: "force-cache" }).catch(() => null);
    if (response?.ok) await store(cache, wanted, response);
  }
}

/** Keeps a response under its path: a page only if it is this build's. */
async function store(cache, path, response) {
  const page = pages.get(path);
  if (page) {
    const digest = await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer());
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
    if (hex !== page.sha256) return;
  }
  await cache.put(path, response);
}

/** The page an address stands for: `/reports/norway` is `/reports/norway/`. */
function pagePath(pathname) {
  if (pages.has(pathname)) return pathname;
  if (pages.has(pathname + "/")) return pathname + "/";
  return pathname;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(CONFIG.base)) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(event, url));
  } else if (files.has(url.pathname)) {
    event.respondWith(file(event, url));
  }
});

async function navigate(event, url) {
  const path = pagePath(url.pathname);
  try {
    const response = await fetch(event.request);
    if (response.ok && pages.has(path) && !response.redirected) {
      event.waitUntil(caches.open(CACHE).then((cache) => store(cache, path, response.clone())));
    }
    return response;
  } catch (error) {
    const kept = await (await caches.open(CACHE)).match(path);
    return kept ?? offlinePage(url);
  }
}

async function file(event, url) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(url.pathname);
  if (kept) return kept;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(cache.put(url.pathname, response.clone()));
  return response;
}

const escape = (text) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** The offline page, in the edition of the address asked for, listing every kept page. */
async function offlinePage(url) {
  const edition =
    CONFIG.editions.find((e, i) => i > 0 && url.pathname.startsWith(e.prefix)) ?? CONFIG.editions[0];
  const cache = await caches.open(CACHE);
  const items = [];
  // The reader's edition first, then any other kept.
  for (const other of [edition, ...CONFIG.editions.filter((e) => e !== edition)]) {
    for (const page of other.pages) {
      if (!(await cache.match(page.path))) continue;
      const lang = other === edition ? "" : ` lang="${escape(other.lang)}"`;
      items.push(`<li><a href="${escape(page.path)}"${lang}>${escape(page.title)}</a></li>`);
    }
  }
  const words = edition.offline;
  const list = items.length
    ? `<p>${escape(words.text)}</p><ul>${items.join("")}</ul>`
    : `<p>${escape(words.none)}</p>`;
  const style = (await cache.match(CONFIG.style)) ? `<link rel="stylesheet" href="${escape(CONFIG.style)}">` : "";
  const html =
    `<!doctype html><html lang="${escape(edition.lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="color-scheme" content="light dark"><meta name="robots" content="noindex">` +
    `<title>${escape(words.title)} – ${escape(edition.site)}</title>${style}</head>` +
    `<body><div class="exit-this-page"><div class="wrap"><a class="exit-button" href="${escape(edition.exit.href)}" rel="noreferrer">${escape(edition.exit.label)}</a></div></div>` +
    `<main id="main" class="wrap page offline"><h1>${escape(words.title)}</h1>${list}</main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
