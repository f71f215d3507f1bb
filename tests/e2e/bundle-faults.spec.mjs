// A failed content download never leaves a blank page or a panic: readers get a plain
// message and a Retry button that fetches again and recovers. A prerendered page carries its
// own data, so the download that can fail is the full bundle, when the reader goes on.
import { test, expect } from '@playwright/test';
import { BUNDLE, appReady, loadBundle, pageFor } from './helpers.mjs';

const FAULTS = {
  network: { fulfil: (route) => route.abort('internetdisconnected'), message: /couldn’t reach the site/ },
  'HTTP 500': { fulfil: (route) => route.fulfill({ status: 500, body: 'Internal Server Error' }), message: /couldn’t send this page’s content/ },
  'malformed JSON': { fulfil: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema": 1, "site": {"na' }), message: /arrived damaged or out of date/ },
  'wrong shape': { fulfil: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema": 1, "pages": 42}' }), message: /arrived damaged or out of date/ },
};

/** Follows the main navigation's link to a page (relative path) of the bundle. */
async function follow(page, bundle, path) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: pageFor(bundle, path).nav_title, exact: true }).click();
}

test('a page goes live from its own data; the bundle is fetched once, when a link to another page is pointed at', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  const fetched = [];
  page.on('request', (r) => /\/content\.[^/]+\.json$/.test(new URL(r.url()).pathname) && fetched.push(r.url()));
  await page.goto('reports/norway/');
  await appReady(page);
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
  // The page's own parts work without it: its contents links, the share button.
  await page.locator('a[href$="#findings"]').first().hover();
  await page.waitForTimeout(200);
  expect(fetched).toEqual([]);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: pageFor(bundle, 'policy/').nav_title, exact: true }).hover();
  await expect.poll(() => fetched.length).toBe(1);
  await nav.getByRole('link', { name: pageFor(bundle, 'reports/').nav_title, exact: true }).hover();
  await follow(page, bundle, 'policy/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'policy/').title);
  await follow(page, bundle, 'reports/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'reports/').title);
  expect(fetched).toHaveLength(1);
});

for (const [name, fault] of Object.entries(FAULTS)) {
  test(`${name}: the page stays live, and a link followed shows a message and Retry`, async ({ page, request, baseURL }) => {
    const bundle = await loadBundle(request, baseURL);
    await page.route(BUNDLE, fault.fulfil);
    await page.goto('reports/norway/');
    await appReady(page);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await follow(page, bundle, 'policy/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(fault.message);
    // The header is still there to use.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await page.unroute(BUNDLE);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'policy/').title);
    // The page the reader came from is still theirs to go back to.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'reports/norway/').title);
  });

  test(`${name}: without prerendered markup the app shows the message and recovers`, async ({ page, request, baseURL }) => {
    const bundle = await loadBundle(request, baseURL);
    await serveShell(page, baseURL);
    await page.route(BUNDLE, fault.fulfil);
    await page.goto('policy/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(fault.message);
    await page.unroute(BUNDLE);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'policy/').title);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}

test('a retry that fails again keeps the message and the button', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  await page.route(BUNDLE, (route) => route.fulfill({ status: 503, body: '' }));
  await page.goto('policy/');
  await appReady(page);
  await follow(page, bundle, 'reports/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/couldn’t send/);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeEnabled();
  await expect(alert).toContainText('HTTP status 503');
});

test('while the bundle loads, the app shows a loading state that does not shift the layout', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  await serveShell(page, baseURL);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(BUNDLE, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('policy/');
  await expect(page.getByRole('status')).toContainText('Loading');
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'policy/').title);
  const cls = await page.evaluate(() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (total += e.hadRecentInput ? 0 : e.value))).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(total), 200);
  }));
  expect(cls).toBe(0);
});

/** Serves every page as the bare app shell (no prerendered markup and no page data), as a foreign or old shell would be. */
async function serveShell(page, baseURL) {
  await page.route((url) => url.pathname.startsWith(new URL(baseURL).pathname) && !/\.[a-z0-9]+$/.test(url.pathname), async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<div id=app data-prerendered="">[\s\S]*<\/body>/, '<div id=app></div></body>');
    await route.fulfill({ response, body: html });
  });
}
