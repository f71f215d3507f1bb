// Moving around: links navigate client-side (no reload), the back button works, titles follow.
import { test, expect } from '@playwright/test';
import { appReady, loadBundle, pageFor, watchProblems } from './helpers.mjs';

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

test('a link tapped as soon as the router listens, before the layout exists, is followed once the page is live', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  const problems = watchProblems(page);
  // The router starts listening for clicks on links in the app's first task; the layout, and
  // with it the page, is hydrated in later ones. A tap right after the router's listener is
  // added: hydration must still adopt the report on screen, then show the page asked for.
  await page.addInitScript(() => {
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (type, ...rest) {
      add.call(this, type, ...rest);
      if (this !== window || type !== 'click' || window.__tapped) return;
      window.__tapped = 'before the layout';
      queueMicrotask(() => document.querySelector('.site-footer a[href$="/safe-reading/"]').click());
    };
  });
  await page.goto('reports/norway/');
  await expect(page).toHaveURL(new URL('safe-reading/', baseURL).href);
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'safe-reading/').title);
  // Followed by the app, in the same document.
  expect(await page.evaluate(() => window.__tapped)).toBe('before the layout');
  expect(problems).toEqual([]);
});

test('a link tapped while the page is still being made live is followed once it is', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  const problems = watchProblems(page);
  // The page is made live in several tasks. The share button shows once the page's top has
  // been; the sections and the footer are still to come. A tap on a header link then.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const hydrating = document.querySelector('#app[data-prerendered]');
      if (!hydrating || !document.querySelector('.share:not(.share-pending)')) return;
      observer.disconnect();
      window.__tapped = 'while hydrating';
      document.querySelector('nav[aria-label="Main"] a[href$="/policy/"]').click();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
  });
  await page.goto('reports/norway/');
  await expect(page).toHaveURL(new URL('policy/', baseURL).href);
  await appReady(page);
  const policy = pageFor(bundle, 'policy/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(policy.title);
  // Followed by the app, in the same document, and nothing of the report is left behind.
  expect(await page.evaluate(() => window.__tapped)).toBe('while hydrating');
  await expect(page.locator('main section.text-section > h2')).toHaveText(policy.sections.map((s) => s.heading));
  await expect(page.locator('main')).not.toContainText('EUR 36/4034/2016');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: pageFor(bundle, 'reports/').nav_title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'reports/').title);
  expect(await page.evaluate(() => window.__tapped)).toBe('while hydrating');
  expect(problems).toEqual([]);
});
