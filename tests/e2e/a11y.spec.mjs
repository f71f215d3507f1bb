// WCAG 2.2 AA and the reading tools: axe on every route in both themes, keyboard use,
// focus and announcements after navigation, scroll restoration, small screens, tap targets,
// section links, sharing, print.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ROUTES, ZH, appReady, loadBundle, pageFor } from './helpers.mjs';

/** Every route of both editions. */
const ALL = [...ROUTES, ...ROUTES.map((r) => ({ path: ZH + r.path }))];

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const [edition, prefix] of [['English', ''], ['Chinese', ZH]])
for (const scheme of ['light', 'dark']) {
  test(`axe finds no WCAG 2.2 A/AA violation on the ${edition} routes (${scheme})`, async ({ page }) => {
    const { name, use } = test.info().project;
    // The dark theme changes colours, not layout: checked at the phone viewport only.
    test.skip(scheme === 'dark' && !use.isMobile, 'the dark theme is checked on the phone');
    await page.emulateMedia({ colorScheme: scheme });
    // Every route at the domain root; under the sub-path (the same markup, other addresses),
    // the home page, a report, the research list and the safe-reading page, whose parts cover
    // the other pages'.
    const kinds = ['', 'reports/norway/', 'related-research/', 'safe-reading/'];
    const routes = name.startsWith('subpath') ? ROUTES.filter((r) => kinds.includes(r.path)) : ROUTES;
    // One test walks many pages: its time limit grows with them (axe takes a few seconds each).
    test.setTimeout(30_000 + routes.length * 5_000);
    for (const route of [...routes, { path: 'no/such/page' }].map((r) => ({ path: prefix + r.path }))) {
      await page.goto(route.path);
      await appReady(page);
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      const summary = violations.map((v) => `${route.path || '/'}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`);
      expect(summary).toEqual([]);
    }
  });
}

test('a keyboard-only walk: skip link, navigation, contents, share; focus always visible', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => delete Navigator.prototype.share);
  await page.goto('reports/norway/');
  await appReady(page);
  expect(await page.locator('[tabindex]').evaluateAll((els) => els.filter((e) => e.tabIndex > 0).length)).toBe(0);

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  // "Exit this page" and its help come next, then the header.
  await page.keyboard.press('Tab');
  await expect(page.locator('a.exit-button')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('.exit-help a')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('.site-name a')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link').first()).toBeFocused();

  // Back to the skip link: it takes focus past the navigation into the page.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Tab');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.closest('main') !== null);
  expect(first).toBe(true);

  // Walk forward through the page: every stop is visible, styled as focused, in document order.
  let previous = null;
  const seen = [];
  for (let i = 0; i < 40; i++) {
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        text: (el.textContent || '').trim().slice(0, 40),
        tag: el.tagName,
        marked: style.boxShadow !== 'none' || style.outlineStyle !== 'none',
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
        inMain: el.closest('main') !== null,
      };
    });
    if (!stop.inMain) break;
    expect(stop.marked, `focus indicator on ${stop.text}`).toBe(true);
    expect(stop.visible, `${stop.text} scrolled into view`).toBe(true);
    const after = previous === null || (await page.evaluate(() => window.__prev?.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING));
    expect(Boolean(after), `order after ${previous}`).toBe(true);
    await page.evaluate(() => (window.__prev = document.activeElement));
    seen.push(stop.text);
    previous = stop.text;
    await page.keyboard.press('Tab');
  }
  expect(seen).toContain('Share this page');
  expect(seen).toContain('Key findings');

  // Contents link by keyboard: the section comes into view and the address names it.
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Key findings' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new URL('reports/norway/#findings', baseURL).href);
  await expect(page.locator('#findings')).toBeInViewport();

  // Share by keyboard: the fallback copies the address and says so.
  await page.getByRole('button', { name: 'Share this page' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL('reports/norway/#findings', baseURL).href);
});

test('after a client-side navigation, focus is on the new heading and the title is announced', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  await page.goto('');
  await appReady(page);
  await expect(page.locator('#route-announcer')).toHaveText('');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: pageFor(bundle, 'hong-kong/').nav_title, exact: true }).click();
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(pageFor(bundle, 'hong-kong/').title);
  await expect(h1).toBeFocused();
  await expect(page.locator('#route-announcer')).toHaveText(`${pageFor(bundle, 'hong-kong/').title} – ${bundle.site.name}`);
  expect(await page.evaluate(() => scrollY)).toBe(0);
});

test('back restores the scroll position', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  await page.goto('policy/');
  await appReady(page);
  const link = page.locator('main .prose a[href*="/reports"], main .prose a[href*="/hong-kong"]').last();
  await link.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 40));
  await page.waitForTimeout(100);
  const before = await page.evaluate(() => scrollY);
  expect(before).toBeGreaterThan(200);
  const target = await link.getAttribute('href');
  await link.click();
  await expect(page).toHaveURL(new URL(target, baseURL).href);
  await page.waitForTimeout(200);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'policy/').title);
  await expect.poll(() => page.evaluate(() => Math.round(scrollY))).toBe(Math.round(before));
});

test('a #fragment link opened directly lands on its section', async ({ page }) => {
  await page.goto('reports/norway/#findings');
  await appReady(page);
  await page.waitForTimeout(200);
  const top = await page.locator('#findings').evaluate((el) => el.getBoundingClientRect().top);
  // Just below the exit bar that stays at the top of the screen, not hidden under it.
  const bar = await page.locator('.exit-this-page').evaluate((el) => el.getBoundingClientRect().bottom);
  expect(top).toBeGreaterThanOrEqual(bar);
  expect(top).toBeLessThan(bar + 60);
});

test('no sideways scrolling at 320 px and no tap target under 24×24 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const route of [...ALL, { path: 'no/such/page' }]) {
    await page.goto(route.path);
    await appReady(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), route.path).toBeLessThanOrEqual(320);
    // Links inside running text are exempt (WCAG 2.5.8 "inline"); every other target is checked.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('a, button')]
        .filter((el) => !el.closest('.prose p, .prose li, .facts-note, .research-note, .site-footer p, .exit-help p') || el.closest('.contents'))
        .filter((el) => getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length)
        .map((el) => ({ text: el.textContent.trim(), box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(small, route.path).toEqual([]);
  }
});

test('the Web Share API is used where the browser has it', async ({ page, baseURL, request }) => {
  const bundle = await loadBundle(request, baseURL);
  await page.addInitScript(() => {
    Navigator.prototype.share = function (data) {
      window.__shared = data;
      return Promise.resolve();
    };
  });
  await page.goto('reports/hong-kong/');
  await appReady(page);
  await page.getByRole('button', { name: 'Share this page' }).click();
  await expect.poll(() => page.evaluate(() => window.__shared)).toEqual({ title: pageFor(bundle, 'reports/hong-kong/').title, url: new URL('reports/hong-kong/', baseURL).href });
});

test('print: no navigation or buttons, external links show their address', async ({ page }) => {
  await page.goto('reports/norway/');
  await appReady(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share this page' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeHidden();
  const after = await page.locator('.facts-link a').evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toMatch(/attr\(href\)|https:\/\//);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});

test('follows the system: dark theme and reduced motion', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.goto('policy/');
  await appReady(page);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 24, 29)');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-GB');
});

test('a link followed before the app is live is an ordinary link to the prerendered page', async ({ page, request, baseURL }) => {
  const bundle = await loadBundle(request, baseURL);
  // Hold the app's wasm while the first page is open: the page is readable, the app never
  // live. The next page's download goes through.
  const home = new URL(baseURL).href;
  await page.route('**/*_bg.wasm', async (route) => {
    if (page.url() === home) return; // never answered
    await route.continue();
  });
  await page.goto('');
  await expect(page.locator('#app[data-prerendered]')).toHaveCount(1);
  await page.evaluate(() => (window.__firstDocument = true));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: pageFor(bundle, 'hong-kong/').nav_title, exact: true }).click();
  await expect(page).toHaveURL(new URL('hong-kong/', baseURL).href);
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageFor(bundle, 'hong-kong/').title);
  expect(await page.evaluate(() => window.__firstDocument)).toBeUndefined();
});
