// Every URL of the contract, loaded directly, answers 200 and shows its own page; anything
// else answers 404 with the not-found page. A trailing slash means the same page.
import { test, expect } from '@playwright/test';
import { ROUTES, appReady, loadBundle, pageFor, watchProblems } from './helpers.mjs';

for (const route of ROUTES) {
  test(`/${route.path} loads directly with its heading and text`, async ({ page, request, baseURL }) => {
    const bundle = await loadBundle(request, baseURL);
    const expected = pageFor(bundle, route.path);
    const problems = watchProblems(page);
    const response = await page.goto(route.path);
    expect(response.status()).toBe(200);
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.title);
    for (const text of route.text) await expect(page.locator('main')).toContainText(text);
    await expect(page).toHaveTitle(new RegExp(bundle.site.name));
    expect(problems).toEqual([]);
  });
}

test('a trailing slash shows the same page', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  for (const path of ['policy/', 'reports/norway/', 'related-research/']) {
    const response = await page.goto(path);
    expect(response.status()).toBe(200);
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, path.slice(0, -1)).title);
  }
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
  await page.goto('reports/norway');
  await appReady(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const path of ['', 'policy', 'reports', 'hong-kong', 'related-research']) {
    await expect(nav.getByRole('link', { name: pageFor(bundle, path).nav_title, exact: true })).toHaveAttribute('href', new URL(path, baseURL).pathname);
  }
  await expect(nav.locator('[aria-current="page"]')).toHaveText(pageFor(bundle, 'reports').nav_title);
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText('Amnesty International');
  await expect(footer.getByRole('link', { name: bundle.site.licence })).toHaveAttribute('href', bundle.site.licence_url);
  await expect(footer.getByRole('link', { name: bundle.site.original_title })).toHaveAttribute('href', bundle.site.original_url);
});

test('each report shows its document facts, findings, sources and a link to amnesty.org', async ({ page }) => {
  for (const path of ['reports/argentina', 'reports/hong-kong', 'reports/norway', 'reports/papua-new-guinea', 'policy']) {
    await page.goto(path);
    await appReady(page);
    const facts = page.locator('.facts');
    await expect(facts).toContainText('Index number');
    await expect(facts).toContainText('26 May 2016');
    await expect(facts.getByRole('link', { name: /full document on amnesty\.org/ })).toHaveAttribute('href', /^https:\/\/www\.amnesty\.org\//);
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
    if (path !== 'policy') await expect(page.locator('#findings')).toBeVisible();
  }
});

test('the Hong Kong report and focus page link to each other', async ({ page, baseURL }) => {
  await page.goto('reports/hong-kong');
  await appReady(page);
  await expect(page.locator(`main a[href^="${new URL('hong-kong', baseURL).pathname}"]`).first()).toBeVisible();
  await page.goto('hong-kong');
  await appReady(page);
  await expect(page.locator(`main a[href^="${new URL('reports/hong-kong', baseURL).pathname}"]`).first()).toBeVisible();
});

test('related research lists all six items', async ({ page }) => {
  await page.goto('related-research');
  await appReady(page);
  const items = page.locator('.research-item');
  await expect(items).toHaveCount(6);
  for (const [i, country] of ['Uganda', 'Greece', 'Nigeria', 'Honduras', 'Brazil', 'Tunisia'].entries()) {
    await expect(items.nth(i).getByRole('heading')).toContainText(country);
    await expect(items.nth(i).getByRole('link')).toHaveAttribute('href', /^https:\/\//);
  }
});
