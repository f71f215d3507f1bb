// Offline reading: after one visit the service worker keeps the edition being read; without a
// connection every kept page opens, anything else gets the offline page; a new deploy reaches
// an online reader and no page is ever paired with another build's bundle; with Save-Data
// nothing is fetched in advance. Each test serves its own copy of the built site on its own
// port, so that it can stop the server (offline) or replace the files (a deploy).
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { ROUTES, ZH, appReady, watchProblems } from './helpers.mjs';

test.use({ serviceWorkers: 'allow' });

const root = fileURLToPath(new URL('../../', import.meta.url));

async function serveCopy(testInfo) {
  const base = new URL(testInfo.project.use.baseURL).pathname;
  const built = join(root, base === '/' ? 'target/dist-root' : 'target/dist-subpath');
  const dir = mkdtempSync(join(tmpdir(), 'rosw-offline-'));
  cpSync(built, dir, { recursive: true });
  const log = [];
  const server = await startServer({ dir, port: 0, base, log });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    log,
    url: (path = '') => origin + base + path,
    /** The connection goes: the browser is offline and the server gone. */
    async goOffline(context) {
      await context.setOffline(true);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
    /** A new build replaces the served files, as a host's deploy does. */
    deploy() {
      for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
      cpSync(`${built}-v2`, dir, { recursive: true });
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let site;
test.beforeEach(async ({}, testInfo) => {
  site = await serveCopy(testInfo);
});
test.afterEach(() => site.close());

/** The worker has kept the edition the page is in. */
async function kept(page) {
  await expect(page.locator('html[data-offline="kept"]')).toHaveCount(1, { timeout: 20_000 });
}

/** Any bundle the app fetched is the one the page names: one build's page and content. */
async function oneBuild(page) {
  await appReady(page);
  const { named, fetched } = await page.evaluate(() => ({
    named: new URL(document.querySelector('meta[name=content-bundle]').content, location.href).href,
    fetched: performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/content\.[^/]*\.json$/.test(n)),
  }));
  expect(fetched.filter((n) => n !== named)).toEqual([]);
}

test('after one visit every page of the edition opens offline, by address, link and section', async ({ page, context }) => {
  const problems = watchProblems(page);
  await page.goto(site.url('reports/norway/'));
  await appReady(page);
  await kept(page);
  await site.goOffline(context);
  for (const { path, text } of ROUTES) {
    await page.goto(site.url(path));
    await expect(page.locator('main')).toContainText(text[0]);
    await oneBuild(page);
  }
  // Without the trailing slash, and straight to a section.
  await page.goto(site.url('reports/argentina'));
  await expect(page.locator('h1')).toContainText('Argentina');
  await page.goto(site.url('policy/#decriminalisation'));
  await expect(page.locator('#decriminalisation')).toBeInViewport();
  // A link followed inside the app.
  await page.locator('.site-nav a').nth(2).click();
  await expect(page).toHaveURL(site.url('reports/'));
  await expect(page.locator('main')).toContainText('More than 200 sex workers');
  expect(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
});

test('the other language is kept once it has been read, and switching to it works offline', async ({ page, context }) => {
  await page.goto(site.url('policy/'));
  await appReady(page);
  await kept(page);
  await page.locator('.language-switch a').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK');
  await kept(page);
  await site.goOffline(context);
  await page.goto(site.url(`${ZH}reports/norway/`));
  await expect(page.locator('h1')).toContainText('挪威');
  await oneBuild(page);
  await page.goto(site.url('hong-kong/'));
  await appReady(page);
  await page.locator('.language-switch a').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK');
  await expect(page).toHaveURL(site.url(`${ZH}hong-kong/`));
  await expect(page.locator('h1')).not.toHaveText('');
});

test('offline, an unknown address and a page never kept show the offline page, listing what can be read', async ({ page, context }) => {
  await page.goto(site.url());
  await appReady(page);
  await kept(page);
  await site.goOffline(context);
  const unknown = await page.goto(site.url('no-such-page/'));
  expect(unknown.status()).toBe(503);
  await expect(page.locator('h1')).toHaveText('You are offline');
  const list = page.locator('main li a');
  await expect(list).toHaveCount(ROUTES.length);
  await expect(list.first()).toHaveAttribute('href', site.base);
  // The Chinese edition was never opened: its offline page, in Chinese, lists the English pages.
  await page.goto(site.url(`${ZH}policy/`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK');
  await expect(page.locator('h1')).toHaveText('你目前沒有網絡連線');
  await expect(page.locator('main li a[lang="en-GB"]')).toHaveCount(ROUTES.length);
  // Every page it lists opens.
  await page.locator('main li a').nth(1).click();
  await expect(page.locator('main')).toContainText('POL 30/4062/2016');
});

test('a new deploy reaches an online reader, and no page is shown with another build’s bundle', async ({ page, context }) => {
  const edit = 'A sentence added by an editor to check content updates.';
  await page.goto(site.url());
  await appReady(page);
  await kept(page);
  site.deploy();
  // Pages come from the network first: the next page opened is the new build's.
  await page.goto(site.url('policy/'));
  await expect(page.locator('main')).toContainText(edit);
  await oneBuild(page);
  await expect(page.locator('main')).toContainText(edit);
  // Offline, the worker that is still running answers with its own build's pages and bundle.
  await site.goOffline(context);
  await page.goto(site.url('reports/'));
  await oneBuild(page);
  await page.goto(site.url('policy/'));
  await oneBuild(page);
});

test('with Save-Data on, nothing is fetched in advance and only opened pages are kept', async ({ page, context }) => {
  await context.addInitScript(() =>
    Object.defineProperty(NetworkInformation.prototype, 'saveData', { get: () => true }),
  );
  await page.goto(site.url('reports/norway/'));
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.goto(site.url('policy/'));
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(2000);
  const fetched = site.log.map((e) => e.path).filter((p) => /\/index\.html$|\/$|\.json$|\.wasm$/.test(p));
  expect(new Set(fetched)).toEqual(new Set([site.url('reports/norway/'), site.url('policy/')].map((u) => new URL(u).pathname)));
  await site.goOffline(context);
  await page.goto(site.url('reports/norway/'));
  await expect(page.locator('main')).toContainText('EUR 36/4034/2016');
  await page.goto(site.url('hong-kong/'));
  await expect(page.locator('h1')).toHaveText('You are offline');
  await expect(page.locator('main li a')).toHaveCount(2);
});

test('each edition has a valid web app manifest whose icons exist at the sizes it names', async ({ page }) => {
  for (const path of ['', ZH]) {
    await page.goto(site.url(path));
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    const response = await page.request.get(new URL(href, page.url()).href);
    expect(response.headers()['content-type']).toBe('application/manifest+json');
    const manifest = await response.json();
    expect(manifest.name.length).toBeGreaterThan(0);
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.scope).toBe(site.base);
    expect(manifest.start_url).toBe(site.base + path);
    expect(manifest.lang).toBe(await page.locator('html').getAttribute('lang'));
    expect(manifest.display).toBe('standalone');
    for (const colour of [manifest.theme_color, manifest.background_color]) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.icons.map((i) => i.purpose).sort()).toEqual(['any', 'any', 'maskable']);
    for (const icon of manifest.icons) {
      const png = await (await page.request.get(new URL(icon.src, page.url()).href)).body();
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
  }
  // The worker is revalidated on every visit, never kept as immutable.
  const worker = await page.request.get(site.url('sw.js'));
  expect(worker.headers()['cache-control']).toContain('max-age=0');
});

/** What the site has on the device: its caches and service workers. */
const stored = (page) =>
  page.evaluate(async () => ({
    caches: (await caches.keys()).filter((name) => name.startsWith('rosw-')),
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));

test('the safe-reading page deletes what is kept, and with keeping turned off a visit leaves nothing', async ({ page }) => {
  await page.goto(site.url('policy/'));
  await appReady(page);
  await kept(page);
  expect((await stored(page)).caches.length).toBe(1);
  await page.goto(site.url('safe-reading/'));
  await appReady(page);
  await page.locator('#offline-clear').click();
  await expect(page.locator('#offline-status')).toHaveText(/Deleted/);
  expect(await stored(page)).toEqual({ caches: [], workers: 0 });
  // Turned off: the choice is kept on the device, and later visits keep nothing.
  await page.locator('#offline-keep').uncheck();
  expect(await page.evaluate(() => localStorage.getItem('rosw-offline'))).toBe('off');
  for (const path of ['reports/', `${ZH}policy/`]) {
    await page.goto(site.url(path));
    await appReady(page);
    await page.waitForTimeout(1500);
    expect(await stored(page)).toEqual({ caches: [], workers: 0 });
  }
  await page.goto(site.url('safe-reading/'));
  await expect(page.locator('#offline-keep')).not.toBeChecked();
  // Turned on again, the edition is kept again.
  await page.locator('#offline-keep').check();
  await kept(page);
});

test('a new build’s worker takes over once no page uses the old one, and removes the old cache', async ({ page, context }) => {
  await page.goto(site.url());
  await appReady(page);
  await kept(page);
  const [old] = (await stored(page)).caches;
  site.deploy();
  await page.goto(site.url('policy/'));
  // The browser finds the new worker; it keeps what the old one kept, then waits.
  await expect
    .poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)), { timeout: 20_000 })
    .toBe(true);
  expect((await stored(page)).caches).toContain(old);
  await page.close();
  // The new worker activates as the last page of the old one goes.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const next = await context.newPage();
  await next.goto(site.url('reports/'));
  await expect
    .poll(async () => {
      const { caches } = await stored(next);
      return caches.length === 1 && caches[0] !== old;
    }, { timeout: 20_000 })
    .toBe(true);
});
