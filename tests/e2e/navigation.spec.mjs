// Moving around: links navigate client-side (no reload), the back button works, titles follow.
import { test, expect } from '@playwright/test';
import { appReady, loadBundle, pageFor } from './helpers.mjs';

test('links navigate without a full page reload, and back returns', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  await page.goto('');
  await appReady(page);
  await page.evaluate(() => (window.__sameDocument = true));

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: pageFor(bundle, 'policy/').nav_title, exact: true }).click();
  await expect(page).toHaveURL(new URL('policy/', baseURL).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'policy/').title);
  await expect(page).toHaveTitle(`${pageFor(bundle, 'policy/').title} – ${bundle.site.name}`);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: pageFor(bundle, 'reports/').nav_title, exact: true }).click();
  await page.locator('main').getByRole('link', { name: pageFor(bundle, 'reports/norway/').title }).click();
  await expect(page).toHaveURL(new URL('reports/norway/', baseURL).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'reports/norway/').title);

  // Report to report: the next one replaces this one.
  await page.getByRole('navigation', { name: 'Country reports' }).getByRole('link', { name: /Next report/ }).click();
  await expect(page).toHaveURL(new URL('reports/papua-new-guinea/', baseURL).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'reports/papua-new-guinea/').title);

  await page.goBack();
  await expect(page).toHaveURL(new URL('reports/norway/', baseURL).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'reports/norway/').title);
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(new URL('policy/', baseURL).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'policy/').title);
  await page.goForward();
  await expect(page).toHaveURL(new URL('reports/', baseURL).href);

  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test('breadcrumbs lead back up from a report', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  await page.goto('reports/argentina/');
  await appReady(page);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText(pageFor(bundle, 'reports/argentina/').nav_title);
  await crumbs.getByRole('link', { name: pageFor(bundle, 'reports/').nav_title, exact: true }).click();
  await expect(page).toHaveURL(new URL('reports/', baseURL).href);
});
