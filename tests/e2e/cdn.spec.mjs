// What a plain CDN serves before any script runs: every route its own HTML file with its own
// head tags and readable text, a real 404, sitemap and robots, strict headers, SRI; and the
// app's takeover of that HTML adds no flash and no layout shift.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { ROUTES, ZH, appReady, loadBundle, pageFor, watchProblems } from './helpers.mjs';

/** Reads a tag's attribute from raw HTML (the served bytes, before any script). */
function attr(html, selector, name) {
  const tag = html.match(new RegExp(`<(?:meta|link)[^>]*${selector}[^>]*>`));
  if (!tag) return null;
  const value = tag[0].match(new RegExp(`\\s${name}=(?:"([^"]*)"|([^\\s>]+))`));
  return value ? (value[1] ?? value[2]).replace(/&amp;/g, '&').replace(/&quot;/g, '"') : null;
}

const unescape = (s) => s.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

test('every route is served as its own HTML file with its own head tags and text', async ({ request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  const titles = new Set();
  for (const route of ROUTES) {
    for (const path of route.path ? [route.path, route.path + '/'] : ['']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const html = await response.text();
      const page = pageFor(bundle, route.path);
      const url = new URL(route.path, baseURL).href;
      const title = unescape(html.match(/<title>([^<]*)<\/title>/)[1]);
      expect(title).toContain(page.title);
      titles.add(title);
      expect(attr(html, 'name=["]?description\\b', 'content')).toBe(page.description);
      expect(attr(html, 'rel=["]?canonical\\b', 'href')).toBe(url);
      expect(attr(html, 'property=["]?og:title\\b', 'content')).toBe(page.title);
      expect(attr(html, 'property=["]?og:description\\b', 'content')).toBe(page.description);
      expect(attr(html, 'property=["]?og:url\\b', 'content')).toBe(url);
      expect(attr(html, 'property=["]?og:type\\b', 'content')).toMatch(/^(website|article)$/);
      expect(attr(html, 'property=["]?og:site_name\\b', 'content')).toBe(bundle.site.name);
      expect(attr(html, 'property=["]?og:locale\\b', 'content')).toBe('en_GB');
      expect(attr(html, 'property=["]?og:image["\\s]', 'content')).toBe(new URL('share.png', baseURL).href);
      expect(attr(html, 'property=["]?og:image:alt\\b', 'content')).toBe(bundle.site.share_image_alt);
      expect(attr(html, 'name=["]?twitter:card\\b', 'content')).toBe('summary_large_image');
      expect(attr(html, 'name=["]?twitter:title\\b', 'content')).toBe(page.title);
      expect(attr(html, 'name=["]?twitter:description\\b', 'content')).toBe(page.description);
      expect(attr(html, 'name=["]?twitter:image["\\s]', 'content')).toBe(new URL('share.png', baseURL).href);
      // The page's main text is in the served HTML itself.
      const text = unescape(html.replace(/<[^>]+>/g, ' '));
      expect(text).toContain(page.title);
      for (const t of route.text) expect(text).toContain(t);
    }
  }
  expect(titles.size).toBe(ROUTES.length);
});

test('unknown paths get the not-found page with status 404 and no canonical', async ({ request }) => {
  const response = await request.get('reports/atlantis');
  expect(response.status()).toBe(404);
  const html = await response.text();
  expect(html).toContain('Page not found');
  expect(attr(html, 'name=["]?robots\\b', 'content')).toBe('noindex');
  expect(attr(html, 'rel=["]?canonical\\b', 'href')).toBeNull();
});

test('the share image is a real 1200×630 PNG', async ({ request, baseURL }) => {
  const response = await request.get(new URL('share.png', baseURL).href);
  expect(response.status()).toBe(200);
  const png = await response.body();
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
});

test('sitemap.xml lists every page by absolute URL and robots.txt points to it', async ({ request, baseURL }) => {
  const sitemap = await (await request.get('sitemap.xml')).text();
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  const paths = [...ROUTES.map((r) => r.path), ...ROUTES.map((r) => ZH + r.path)];
  expect(locs).toEqual(paths.map((path) => new URL(path, baseURL).href));
  const robots = await (await request.get('robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${new URL('sitemap.xml', baseURL).href}`);
});

test('with JavaScript off, every page is readable', async ({ browser, baseURL, request }) => {
  const bundle = await loadBundle(request, baseURL);
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  for (const route of ROUTES) {
    await page.goto(route.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, route.path).title);
    for (const t of route.text) await expect(page.locator('main')).toContainText(t);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  }
  // Links are real links: they work without the app.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: pageFor(bundle, 'policy/').nav_title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'policy/').title);
  await context.close();
});

test('strict headers, no CSP violation and no console error on any route', async ({ page, request }) => {
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  test.setTimeout(60_000);
  for (const route of [...ROUTES, { path: 'reports/atlantis' }, { path: ZH + 'policy/' }, { path: ZH + 'reports/atlantis' }]) {
    const response = await page.goto(route.path);
    const headers = response.headers();
    expect(headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(headers['strict-transport-security']).toContain('max-age=31536000');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['permissions-policy']).toContain('web-share=(self)');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    await appReady(page);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
  }
  // The only message: Chromium's own note that the unknown path answered 404, as it should.
  expect(problems).toEqual(Array(2).fill('console: Failed to load resource: the server responded with a status of 404 (Not Found)'));
  // Pages revalidate; hashed files are immutable.
  const html = await request.get('policy/');
  expect(html.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.endsWith('_bg.wasm')));
  expect((await request.get(wasm)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const bundleHref = await page.evaluate(() => new URL(document.querySelector('meta[name=content-bundle]').content, location.href).href);
  expect(bundleHref).toMatch(/content\.zh-hk\.[0-9a-f]{16}\.json$/);
  expect((await request.get(bundleHref)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});

test('scripts, the wasm and the stylesheet carry Subresource Integrity; no inline script, only the page data', async ({ request, baseURL }) => {
  const html = await (await request.get('reports/norway/')).text();
  const tag = (re) => html.match(re)?.[0] ?? '';
  const integrity = (t) => t.match(/integrity=["]?(sha384-[A-Za-z0-9+/=]+)/)?.[1];
  const boot = tag(/<script[^>]*type="?module"?[^>]*>/);
  expect(integrity(boot)).toBeTruthy();
  expect(integrity(tag(/<link[^>]*rel=["]?stylesheet[^>]*>/))).toBeTruthy();
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1]));
  // The one script element without a source is the page's data: JSON, never run.
  expect(inline.map((m) => m[1].trim())).toEqual(['type="application/json" id="page-data"']);
  expect(JSON.parse(inline[0][2]).only).toBe('/reports/norway/');
  // The boot script loads the JS glue and the wasm with their own hashes, after the first paint.
  const bootJs = await (await request.get(new URL(boot.match(/src="?([^" >]+)/)[1], baseURL).href)).text();
  const glue = bootJs.match(/"([^"]+-[0-9a-f]{12,16}\.js)"/)?.[1];
  const wasm = bootJs.match(/"([^"]+-[0-9a-f]{12,16}_bg\.wasm)"/)?.[1];
  for (const href of [glue, wasm]) {
    const bytes = await (await request.get(new URL(href, baseURL).href)).body();
    expect(bootJs, href).toContain(`"sha384-${createHash('sha384').update(bytes).digest('base64')}"`);
  }
  // Nothing of the app is requested before the page has painted.
  expect(html).not.toMatch(/modulepreload|application\/wasm|rel=["]?preload/);
});

test('a wasm that does not match its hash is refused, and the page stays readable', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  await page.route('**/*_bg.wasm', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 1] ^= 0xff;
    await route.fulfill({ response, body });
  });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('reports/norway/');
  await expect.poll(() => errors.join('\n')).toMatch(/integrity/i);
  await expect(page.locator('#app[data-prerendered]')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'reports/norway/').title);
});

test('the app starts on a host that sends the wasm with a generic MIME type', async ({ page }) => {
  const problems = watchProblems(page);
  await page.route('**/*_bg.wasm', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await page.goto('reports/norway/');
  await appReady(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'The policy' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The policy on the human rights of sex workers');
  expect(problems).toEqual([]);
});

test('the app takes over the prerendered page with no flash and no layout shift', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  await page.addInitScript(() => {
    window.__frames = [];
    window.__cls = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__cls += e.hadRecentInput ? 0 : e.value))).observe({ type: 'layout-shift', buffered: true });
    // From the first frame the parsed page can paint until well after the takeover.
    const frame = () => {
      window.__frames.push(document.querySelector('h1')?.textContent ?? '');
      if (window.__frames.length < 300) requestAnimationFrame(frame);
    };
    document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(frame));
  });
  for (const path of ['reports/norway/', '', 'related-research/']) {
    await page.goto(path);
    await appReady(page);
    await page.waitForTimeout(300);
    const { frames, cls } = await page.evaluate(() => ({ frames: window.__frames, cls: window.__cls }));
    expect(frames.length).toBeGreaterThan(3);
    // Every painted frame showed the page's heading: nothing blank or "Loading…" in between.
    expect(new Set(frames)).toEqual(new Set([pageFor(bundle, path).title]));
    expect(cls).toBe(0);
  }
});

test('with Save-Data on, the page stays the plain prerendered page and the app is not downloaded', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  await page.addInitScript(() => Object.defineProperty(NetworkInformation.prototype, 'saveData', { get: () => true }));
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('reports/norway/');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  expect(fetched.filter((p) => /\.(wasm|json)$|rights-of-sex-workers-/.test(p))).toEqual([]);
  await expect(page.locator('#app[data-prerendered]')).toHaveCount(1);
  // Links are ordinary links: following one loads the next page in full.
  await page.evaluate(() => (window.__sameDocument = true));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: pageFor(bundle, 'policy/').nav_title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'policy/').title);
  expect(await page.evaluate(() => window.__sameDocument)).toBeUndefined();
});
