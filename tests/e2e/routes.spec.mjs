// Every URL of the contract, loaded directly, answers 200 and shows its own page; anything
// else answers 404 with the not-found page. A trailing slash means the same page.
import { test, expect } from '@playwright/test';
import { ROUTES, appReady, loadBundle, pageFor, watchProblems } from './helpers.mjs';

for (const route of ROUTES) {
  test(`/${route.path} loads directly with its heading and text`, async ({ page, request, baseURL }) => {
    const bundle = await loadBundle(request, baseURL);
    const expected = pageFor(bundle, route.path);
    const problems = watchProblems(page);
    // Nodes of the prerendered page, marked before the app starts.
    await page.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        document.querySelector('h1').__prerendered = true;
        document.querySelector('.site-header').__prerendered = true;
        // The parts hydrated in later tasks: the last heading in the page, and the footer.
        [...document.querySelectorAll('main h2')].at(-1).__prerendered = true;
        document.querySelector('.site-footer').__prerendered = true;
      }),
    );
    const response = await page.goto(route.path);
    expect(response.status()).toBe(200);
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.title);
    for (const text of route.text) await expect(page.locator('main')).toContainText(text);
    await expect(page).toHaveTitle(new RegExp(bundle.site.name));
    // Hydrated in place: the nodes on screen were adopted, not rebuilt.
    expect(await page.evaluate(() => document.querySelector('h1').__prerendered)).toBe(true);
    expect(await page.evaluate(() => [[...document.querySelectorAll('main h2')].at(-1).__prerendered, document.querySelector('.site-footer').__prerendered])).toEqual([true, true]);
    // And the app is live: a link is followed client-side, the header still the same node.
    const other = route.path === 'policy/' ? 'reports/' : 'policy/';
    await page.evaluate(() => (window.__sameDocument = true));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: pageFor(bundle, other).nav_title, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, other).title);
    expect(await page.evaluate(() => [window.__sameDocument, document.querySelector('.site-header').__prerendered])).toEqual([true, true]);
    expect(problems).toEqual([]);
  });
}

test('the form without the trailing slash is redirected to the page, as every static host does', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  for (const route of ROUTES.filter((r) => r.path)) {
    const bare = route.path.slice(0, -1);
    const answer = await request.get(bare, { maxRedirects: 0 });
    expect(answer.status(), bare).toBe(301);
    expect(new URL(answer.headers().location, baseURL).href).toBe(new URL(route.path, baseURL).href);
    const response = await page.goto(bare);
    expect(response.status()).toBe(200);
    await expect(page).toHaveURL(new URL(route.path, baseURL).href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, route.path).title);
  }
});

test('no address the site names for its own pages answers with a redirect', async ({ page, request, baseURL }) => {
  const own = (href) => new URL(href, baseURL).href.startsWith(baseURL);
  const named = new Set();
  for (const route of [...ROUTES, { path: 'reports/atlantis' }]) {
    const html = await (await request.get(route.path)).text();
    for (const [, href] of html.matchAll(/<a [^>]*href="?([^" >]+)/g)) if (own(href)) named.add(new URL(href, baseURL).href.split('#')[0]);
    for (const [, href] of html.matchAll(/<(?:link rel="?canonical"?|meta property="?og:url"?) [^>]*(?:href|content)="?([^" >]+)/g)) named.add(href);
  }
  const sitemap = await (await request.get('sitemap.xml')).text();
  for (const [, loc] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) named.add(loc);
  // Canonical URLs use the SITE_URL the site was built for, which is where it is served here.
  expect(named.size).toBeGreaterThanOrEqual(ROUTES.length);
  for (const href of named) {
    const answer = await request.get(href, { maxRedirects: 0 });
    expect(answer.status(), href).toBe(200);
  }
  // The address the Share button hands out is the page's own.
  await page.goto('reports/norway/');
  await appReady(page);
  expect(await page.evaluate(() => location.href)).toBe(new URL('reports/norway/', baseURL).href);
});

test('unknown paths answer 404 with the not-found page and a way back', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  const notFound = bundle.pages.find((p) => p.path === '/404');
  for (const path of ['reports/chile', 'no/such/page', 'policy.html']) {
    const response = await page.goto(path);
    expect(response.status()).toBe(404);
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(notFound.title);
    await expect(page).toHaveTitle(new RegExp(notFound.title));
  }
  await page.locator('main').getByRole('link', { name: /home/i }).first().click();
  await expect(page).toHaveURL(baseURL);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, '').title);
});

test('the header links every view and marks the current one', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  await page.goto('reports/norway/');
  await appReady(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const path of ['', 'policy/', 'reports/', 'hong-kong/', 'related-research/']) {
    await expect(nav.getByRole('link', { name: pageFor(bundle, path).nav_title, exact: true })).toHaveAttribute('href', new URL(path, baseURL).pathname);
  }
  await expect(nav.locator('[aria-current="page"]')).toHaveText(pageFor(bundle, 'reports/').nav_title);
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText('Amnesty International');
  await expect(footer.getByRole('link', { name: bundle.site.licence })).toHaveAttribute('href', bundle.site.licence_url);
  await expect(footer.getByRole('link', { name: bundle.site.original_title })).toHaveAttribute('href', bundle.site.original_url);
});

test('each report shows its document facts, findings, sources and a link to the full document', async ({ page }) => {
  for (const path of ['reports/argentina/', 'reports/hong-kong/', 'reports/norway/', 'reports/papua-new-guinea/', 'policy/']) {
    await page.goto(path);
    await appReady(page);
    const facts = page.locator('.facts');
    await expect(facts).toContainText('Index number');
    await expect(facts).toContainText('26 May 2016');
    // The link names the site it opens and the language of the page there.
    const link = facts.getByRole('link', { name: /^Read the full document on [a-z.]+ \((English|Spanish)\)$/ });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^https:\/\/(www\.)?amnesty(usa)?\.org(\.hk)?\//);
    await expect(link).toContainText(new URL(href).hostname.replace(/^www\./, ''));
    await expect(page.getByRole('heading', { name: 'Sources', exact: true })).toBeVisible();
    if (path !== 'policy/') await expect(page.locator('#findings')).toBeVisible();
  }
});

test('the Hong Kong report and focus page link to each other', async ({ page, baseURL }) => {
  await page.goto('reports/hong-kong/');
  await appReady(page);
  await expect(page.locator(`main a[href^="${new URL('hong-kong/', baseURL).pathname}"]`).first()).toBeVisible();
  await page.goto('hong-kong/');
  await appReady(page);
  await expect(page.locator(`main a[href^="${new URL('reports/hong-kong/', baseURL).pathname}"]`).first()).toBeVisible();
});

test('related research lists all six items', async ({ page }) => {
  await page.goto('related-research/');
  await appReady(page);
  const items = page.locator('.research-item');
  await expect(items).toHaveCount(6);
  for (const [i, country] of ['Uganda', 'Greece', 'Nigeria', 'Honduras', 'Brazil', 'Tunisia'].entries()) {
    await expect(items.nth(i).getByRole('heading')).toContainText(country);
    await expect(items.nth(i).getByRole('link')).toHaveAttribute('href', /^https:\/\//);
  }
});
