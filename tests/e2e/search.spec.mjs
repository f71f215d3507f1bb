// Search: results as the reader types, from the search worker (downloaded at the first query,
// never before); the query in the address; no results; hostile input; the `/` shortcut;
// without JavaScript.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ZH, appReady, watchProblems } from './helpers.mjs';
import { FIRST } from './search-queries.mjs';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WORKER = /\/search-worker-[0-9a-f]+(_loader\.js|\.js|_bg\.wasm)$/;
const BUNDLE = /\/content\.[a-z-]+\.[0-9a-f]+\.json$/;
/** The page's last section: every page and its sections, as links (written by the builder). */
const EVERY_PAGE = 'section:has(> h2#search-index)';
/** The results: a numbered list, each item a link and an excerpt. */
const HITS = '.search-results > ol > li';

test('a reader who does not search downloads no search code, even on the search page', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  for (const path of ['reports/norway/', 'search/', ZH + 'search/']) {
    await page.goto(path);
    await appReady(page);
  }
  await page.getByRole('link', { name: '政策' }).first().click();
  await appReady(page);
  expect(requests.filter((url) => WORKER.test(url))).toEqual([]);
});

async function search(page, text) {
  const input = page.getByRole('searchbox');
  await input.fill(text);
  return input;
}

for (const [edition, query, expected] of FIRST) {
  test(`“${query}” finds /${edition}${expected} first`, async ({ page, baseURL }, testInfo) => {
    test.skip(testInfo.project.name === 'root-desktop', 'ranking and links do not depend on the viewport');
    const problems = watchProblems(page);
    const requests = [];
    await page.goto(edition + 'search/');
    await appReady(page);
    // The browser's own late request for the icon is not the search's.
    page.on('request', (r) => !r.url().endsWith('.svg') && requests.push(r.url()));
    await search(page, query);
    const first = page.locator(HITS).first().getByRole('link');
    const [path, fragment] = expected.split('#');
    await expect(first).toHaveAttribute('href', new URL(edition + path, baseURL).pathname + (fragment ? '#' + fragment : ''));
    // Highlighted, as text; the count is announced politely.
    await expect(page.locator('.search-results mark').first()).toBeVisible();
    await expect(page.getByRole('status')).toContainText(query);
    await expect(page.getByRole('status')).not.toContainText(/Nothing found|找不到/);
    // The address carries the query; nothing but the worker's own files was fetched to answer
    // it (its bundle comes from the browser's cache).
    await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(query).replace(/[()*]/g, '\\$&')}$`));
    expect(requests.filter((url) => !WORKER.test(url) && !BUNDLE.test(url))).toEqual([]);
    expect(requests.filter((url) => WORKER.test(url))).toHaveLength(3);
    expect(problems).toEqual([]);
  });
}

test('a query in the address is restored on load, and again on Back from a result', async ({ page, baseURL }) => {
  await page.goto('search/?q=entrapment');
  await appReady(page);
  await expect(page.getByRole('searchbox')).toHaveValue('entrapment');
  const first = page.locator(HITS).first().getByRole('link');
  await expect(first).toBeVisible();
  const href = await first.getAttribute('href');
  await first.click();
  await expect(page).toHaveURL(new URL(href, baseURL).href);
  await page.goBack();
  await expect(page).toHaveURL(/search\/\?q=entrapment$/);
  await expect(page.getByRole('searchbox')).toHaveValue('entrapment');
  await expect(page.locator(HITS).first().getByRole('link')).toHaveAttribute('href', href);
});

test('no results: a plain message and every page offered', async ({ page }) => {
  await page.goto('search/');
  await appReady(page);
  await search(page, 'xylophone quartz');
  await expect(page.getByRole('status')).toHaveText(/^Nothing found for “xylophone quartz”\. .* every page and section below\.$/);
  await expect(page.locator(HITS)).toHaveCount(0);
  // Every page, with its sections, is on the page.
  await expect(page.locator(`${EVERY_PAGE} > ul > li`)).toHaveCount(10);
});

test('any input is handled, and markup-like text stays text', async ({ page }) => {
  const problems = watchProblems(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    d.dismiss();
  });
  await page.goto('search/');
  await appReady(page);
  for (const text of ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '?!…—「」', 'x'.repeat(5000), 'مرحبا بالعالم', '👩🏽‍⚖️ 🏳️‍⚧️', ' ', 'policy policy policy policy policy policy policy policy policy policy policy policy policy']) {
    await search(page, text);
    await expect(page.locator('#app img, .search-results script')).toHaveCount(0);
  }
  await search(page, '<zzqq onerror=zzqq()>');
  await expect(page.getByRole('status')).toContainText('“<zzqq onerror=zzqq()>”');
  expect(dialogs).toBe(0);
  expect(problems).toEqual([]);
});

test('“/” opens search from any page, but types a slash inside a field', async ({ page }) => {
  await page.goto('reports/norway/');
  await appReady(page);
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/search\/#search-input$/);
  const input = page.getByRole('searchbox');
  await expect(input).toBeFocused();
  await page.keyboard.type('a/b');
  await expect(input).toHaveValue('a/b');
  // In the Chinese edition, the Chinese search page.
  await page.goto(ZH + 'policy/');
  await appReady(page);
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/zh-hk\/search\/#search-input$/);
  await expect(page.getByRole('searchbox')).toBeFocused();
});

test('Tab moves from the field through the results', async ({ page }) => {
  await page.goto('search/?q=sex+workers');
  await appReady(page);
  await expect(page.locator(HITS).first()).toBeVisible();
  await page.getByRole('searchbox').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(HITS).first().getByRole('link')).toBeFocused();
});

test('more results than are shown: how many matched, and the best 10', async ({ page }) => {
  await page.goto('search/');
  await appReady(page);
  await search(page, 'sex');
  await expect(page.getByRole('status')).toHaveText(/^\d{2,} results for “sex”; the best 10 are below$/);
  await expect(page.locator(HITS)).toHaveCount(10);
});

test('the search page opened again starts empty, whatever was found before', async ({ page }) => {
  await page.goto('search/');
  await appReady(page);
  await search(page, 'police');
  await page.locator(HITS).first().getByRole('link').click();
  await expect(page).not.toHaveURL(/search/);
  await page.locator('.site-nav').getByRole('link', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/search\/$/);
  await expect(page.getByRole('searchbox')).toHaveValue('');
  await expect(page.locator(HITS)).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(/^\s*$/);
});

test('the address #search-input (where “/” leads before the app has started) focuses the field once it shows', async ({ page }) => {
  await page.goto('search/#search-input');
  await appReady(page);
  await expect(page.getByRole('searchbox')).toBeFocused();
});

test('a worker that cannot be fetched: the status line says so', async ({ page }) => {
  await page.route(WORKER, (route) => route.abort());
  await page.goto('search/');
  await appReady(page);
  await search(page, 'police');
  await expect(page.getByRole('status')).toContainText('We couldn’t reach the site');
});

test('axe finds nothing on the search page with results, light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ['search/?q=police', ZH + 'search/?q=警方']) {
      await page.goto(path);
      await appReady(page);
      await expect(page.locator(HITS).first()).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(violations.map((v) => `${path} ${scheme}: ${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
    }
  }
});

test('without JavaScript, the search page lists every page and section', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('search/');
  // No field that nothing could answer.
  await expect(page.getByRole('searchbox', { includeHidden: true })).toBeHidden();
  const index = page.locator(EVERY_PAGE);
  await expect(index.locator(':scope > ul > li')).toHaveCount(10);
  await expect(index.getByRole('link', { name: 'Key findings' }).first()).toHaveAttribute('href', /#findings$/);
  await context.close();
});
