// "Exit this page": first after the skip link on every route of both editions; a click or
// tap, Enter, or Shift pressed three times each replace the page with the neutral one
// (stubbed here: the tests never leave the machine), so that Back does not return to it.
// Before the app has started, after, and as a plain link without JavaScript.
import { test, expect } from '@playwright/test';
import { ROUTES, ZH, appReady } from './helpers.mjs';

// Each edition's neutral page, as content/<edition>/site.toml names it.
const NEUTRAL = { '': 'https://www.bbc.co.uk/weather', [ZH]: 'https://www.hko.gov.hk/tc/index.html' };
const PAGES = ['', ZH].flatMap((edition) => ROUTES.map((route) => ({ edition, path: edition + route.path })));

test.beforeEach(async ({ context }) => {
  await context.route(/^https:\/\/www\.(bbc\.co\.uk|hko\.gov\.hk)\//, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' }),
  );
});

const ways = {
  // A tap where the device has touch (the phone projects), a mouse click elsewhere.
  'a click or tap': (page) =>
    test.info().project.use.hasTouch ? page.locator('a.exit-button').tap() : page.locator('a.exit-button').click(),
  'Enter': async (page) => {
    await page.locator('a.exit-button').focus();
    await page.keyboard.press('Enter');
  },
  'Shift pressed three times': async (page) => {
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  },
};

/** Opens each page, uses the exit one way, and checks that Back does not return to it. */
async function leaveEach(page, pages, act, started) {
  // Before the app: its wasm never arrives, and the prerendered page is all there is.
  if (!started) await page.route('**/*.wasm', (route) => route.abort());
  for (const { edition, path } of pages) {
    await page.goto('about:blank');
    await page.goto(path);
    if (started) await appReady(page);
    else await expect(page.locator('#app[data-prerendered]')).toHaveCount(1);
    await act(page);
    await page.waitForURL(NEUTRAL[edition]);
    await page.goBack();
    expect(page.url(), path).toBe('about:blank');
  }
}

// The control is one component and one document-wide handler, the same on every page (the
// test after these checks it is on every page): each way on one page per edition, and a tap
// through every page once, on the phone at the domain root.
for (const [way, act] of Object.entries(ways)) {
  for (const started of [false, true]) {
    test(`${way} leaves a page of each edition for the neutral one, ${started ? 'once the app runs' : 'before the app has started'}, and Back does not return`, async ({ page }) => {
      await leaveEach(page, PAGES.filter((p) => p.path.endsWith('reports/norway/')), act, started);
    });
  }
}

for (const started of [false, true]) {
  test(`a tap leaves every page of both editions, ${started ? 'once the app runs' : 'before the app has started'}`, async ({ page }) => {
    test.skip(test.info().project.name !== 'root-phone', 'walked once, on the phone at the domain root');
    test.setTimeout(120_000);
    await leaveEach(page, PAGES, ways['a click or tap'], started);
  });
}

test('on every page the exit comes right after the skip link, and its help leads to the safe-reading page', async ({ page }) => {
  test.setTimeout(60_000);
  for (const { edition, path } of PAGES) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    await expect(page.locator('.skip-link')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator('a.exit-button')).toBeFocused();
    await expect(page.locator('a.exit-button')).toHaveAttribute('href', NEUTRAL[edition]);
    await expect(page.locator('a.exit-button')).toHaveAttribute('rel', 'noreferrer');
    await expect(page.locator('.exit-help a')).toHaveAttribute('href', new RegExp(`${edition}safe-reading/$`));
  }
});

test('Shift held for other keys does not exit: Shift+Tab three times moves focus back', async ({ page }) => {
  await page.goto('reports/norway/');
  await appReady(page);
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('ABC');
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/reports\/norway\/$/);
});

test('the exit stays in view while scrolling', async ({ page }) => {
  await page.goto('policy/');
  await page.mouse.wheel(0, 3000);
  await expect(page.locator('a.exit-button')).toBeInViewport();
});

test('the footer links the safe-reading page, in both editions', async ({ page }) => {
  for (const edition of ['', ZH]) {
    await page.goto(edition);
    await page.locator('.site-footer a', { hasText: edition ? '安全閱讀' : 'Safe reading' }).click();
    await expect(page.locator('h1')).toHaveText(edition ? '安全閱讀本網站' : 'Reading this site safely');
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the exit is a plain link to the neutral page', async ({ page }) => {
    await page.goto('reports/norway/');
    await page.locator('a.exit-button').click();
    await page.waitForURL(NEUTRAL['']);
  });
});
