// A failed content download never leaves a blank page or a panic: readers get a plain
// message and a Retry button that fetches again and recovers.
import { test, expect } from '@playwright/test';
import { BUNDLE, appReady, loadBundle, pageFor } from './helpers.mjs';

const FAULTS = {
  network: { fulfil: (route) => route.abort('internetdisconnected'), message: /couldn’t reach the site/ },
  'HTTP 500': { fulfil: (route) => route.fulfill({ status: 500, body: 'Internal Server Error' }), message: /couldn’t send this page’s content/ },
  'malformed JSON': { fulfil: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema": 1, "site": {"na' }), message: /arrived damaged or out of date/ },
  'wrong shape': { fulfil: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema": 1, "pages": 42}' }), message: /arrived damaged or out of date/ },
};

for (const [name, fault] of Object.entries(FAULTS)) {
  test(`${name}: the prerendered page stays readable, with a message and Retry`, async ({ page, request, baseURL }) => {
    const bundle = await loadBundle(request, baseURL);
    await page.route(BUNDLE, fault.fulfil);
    await page.goto('reports/norway/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(fault.message);
    // The page's own text is still there to read.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'reports/norway/').title);
    await page.unroute(BUNDLE);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await appReady(page);
    await expect(page.getByRole('alert')).toHaveCount(0);
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

test('a retry that fails again keeps the message and the button', async ({ page }) => {
  await page.route(BUNDLE, (route) => route.fulfill({ status: 503, body: '' }));
  await page.goto('policy/');
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

/** Serves every page as the bare app shell (no prerendered markup), as an old cached page would be. */
async function serveShell(page, baseURL) {
  await page.route((url) => url.pathname.startsWith(new URL(baseURL).pathname) && !/\.[a-z0-9]+$/.test(url.pathname), async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<div id=app data-prerendered="">[\s\S]*<\/div><\/body>/, '<div id=app></div></body>');
    await route.fulfill({ response, body: html });
  });
}
