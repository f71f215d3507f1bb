// The Traditional Chinese (Hong Kong) edition: every route under /zh-hk/, in Chinese in the
// served HTML, with its own head; the language switch; hreflang both ways; one bundle per
// language.
import { test, expect } from '@playwright/test';
import { BUNDLE, ROUTES, ZH, appReady, loadBundleOf, watchProblems } from './helpers.mjs';

const pageOf = (bundle, path) => bundle.pages.find((p) => p.path === '/' + path);
const attr = (html, re) => html.match(re)?.[1];
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

for (const route of ROUTES) {
  test(`/${ZH}${route.path} is served in Chinese with its own head`, async ({ page, request, baseURL }) => {
    const zh = await loadBundleOf(request, baseURL, ZH);
    const expected = pageOf(zh, route.path);
    const answer = await request.get(ZH + route.path, { maxRedirects: 0 });
    expect(answer.status()).toBe(200);
    const html = await answer.text();
    // In the served HTML itself, before any script runs.
    expect(html).toMatch(/<html lang="?zh-Hant-HK"?/);
    expect(html).toContain(escapeHtml(expected.title));
    expect(attr(html, /<link href="?([^" >]+)"? rel="?canonical/) ?? attr(html, /rel="?canonical"? href="?([^" >]+)/)).toBe(new URL(ZH + route.path, baseURL).href);
    expect(html).toContain(`content="${expected.description}"`);
    expect(html).toMatch(/property="?og:locale"? content="?zh_HK/);
    expect(html).toMatch(/og:locale:alternate" content="en_GB"/);
    const problems = watchProblems(page);
    await page.goto(ZH + route.path);
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.title);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK');
    await expect(page).toHaveTitle(new RegExp(zh.site.name));
    for (const text of route.text.filter((t) => /^[A-Z]{3} \d/.test(t))) await expect(page.locator('main')).toContainText(text);
    expect(problems).toEqual([]);
  });
}

test('hreflang is reciprocal on every page of both editions, and the sitemap lists them all', async ({ request, baseURL }) => {
  const alternates = async (path) => {
    const html = await (await request.get(path)).text();
    return Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]]));
  };
  const sitemap = await (await request.get('sitemap.xml')).text();
  for (const route of ROUTES) {
    const en = new URL(route.path, baseURL).href;
    const zh = new URL(ZH + route.path, baseURL).href;
    const expected = { 'en-GB': en, 'zh-Hant-HK': zh, 'x-default': en };
    expect(await alternates(route.path), route.path).toEqual(expected);
    expect(await alternates(ZH + route.path), ZH + route.path).toEqual(expected);
    expect(sitemap).toContain(`<loc>${en}</loc>`);
    expect(sitemap).toContain(`<loc>${zh}</loc>`);
  }
  expect(sitemap.match(/<loc>/g)).toHaveLength(ROUTES.length * 2);
});

test('the switch leads to the same page and section in the other language, client-side once the app runs', async ({ page, request, baseURL }) => {
  const zh = await loadBundleOf(request, baseURL, ZH);
  const en = await loadBundleOf(request, baseURL, '');
  // Before the app: a plain link, in the language it leads to.
  const html = await (await request.get('reports/norway/')).text();
  expect(html).toMatch(new RegExp(`<li lang="zh-Hant-HK"><a href="${new URL(ZH + 'reports/norway/', baseURL).pathname}"[^>]*>繁體中文(<!>)?</a>(<!>)?</li>`));
  await page.goto('reports/norway/#findings');
  await appReady(page);
  await page.evaluate(() => (window.__sameDocument = true));
  const toChinese = page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '繁體中文' });
  await expect(toChinese).toHaveAttribute('href', new URL(ZH + 'reports/norway/', baseURL).pathname + '#findings');
  await toChinese.click();
  await expect(page).toHaveURL(new URL(ZH + 'reports/norway/#findings', baseURL).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageOf(zh, 'reports/norway/').title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK');
  await expect(page.getByRole('navigation', { name: '主選單' })).toBeVisible();
  await expect(page.locator('#findings')).toBeInViewport();
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  // And back, on the Chinese page's own switch.
  await page.getByRole('navigation', { name: '語言' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new URL('reports/norway/#findings', baseURL).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageOf(en, 'reports/norway/').title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test('a Chinese page downloads the Chinese bundle only', async ({ page }) => {
  const bundles = [];
  page.on('request', (r) => /content\.[^/]*\.json$/.test(r.url()) && bundles.push(new URL(r.url()).pathname.split('/').pop()));
  await page.goto(ZH + 'policy/');
  await appReady(page);
  await page.getByRole('navigation', { name: '主選單' }).getByRole('link').nth(2).click();
  await expect(page).toHaveURL(/zh-hk\/reports\/$/);
  expect(bundles.length).toBeGreaterThan(0);
  expect(bundles.every((b) => b.startsWith('content.zh-hk.'))).toBe(true);
});

test('an unknown path under /zh-hk/ shows the Chinese not-found page', async ({ page, request, baseURL }) => {
  const zh = await loadBundleOf(request, baseURL, ZH);
  const notFound = zh.pages.find((p) => p.path === '/404');
  const response = await page.goto(ZH + 'reports/chile');
  expect(response.status()).toBe(404);
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(notFound.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK');
});

test('a Chinese page says it is a translation, and marks English inside it', async ({ page, request, baseURL }) => {
  const zh = await loadBundleOf(request, baseURL, ZH);
  await page.goto(ZH + 'reports/norway/');
  await appReady(page);
  await expect(page.locator('.edition-note')).toContainText(zh.site.translation_note.slice(0, 10));
  // The official English title of the report is read out in English.
  const title = pageOf(zh, 'reports/norway/').document.title;
  await expect(page.locator('.facts-title [lang="en-GB"]')).toHaveText(title);
  // Dates in Hong Kong Chinese form.
  await expect(page.locator('.facts time')).toHaveText('2016年5月26日');
});

test('a bundle that fails on switching language shows the message and Retry in the page’s language', async ({ page }) => {
  await page.goto('policy/');
  await appReady(page);
  let fail = true;
  await page.route('**/content.zh-hk.*.json', (route) => (fail ? route.fulfill({ status: 503, body: '' }) : route.continue()));
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '繁體中文' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('couldn’t send');
  fail = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/政策/);
});
