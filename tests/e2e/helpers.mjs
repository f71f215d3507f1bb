// Shared facts and helpers for the browser tests.
import { expect } from '@playwright/test';

/** Every route of the URL contract (relative to the site's base) with text it must show. */
export const ROUTES = [
  { path: '', text: ['independent'] },
  { path: 'policy/', text: ['POL 30/4062/2016', 'forced labour'] },
  { path: 'reports/', text: ['More than 200 sex workers'] },
  { path: 'reports/argentina/', text: ['AMR 13/4042/2016'] },
  { path: 'reports/hong-kong/', text: ['ASA 17/4032/2016'] },
  { path: 'reports/norway/', text: ['EUR 36/4034/2016'] },
  { path: 'reports/papua-new-guinea/', text: ['ASA 34/4030/2016'] },
  { path: 'hong-kong/', text: ['entrapment'] },
  { path: 'related-research/', text: ['Uganda', 'MDE 30/2814/2015'] },
  { path: 'safe-reading/', text: ['private window', 'Exit this page'] },
  { path: 'search/', text: ['POL 30/4062/2016'] },
];

/** The content bundle the built site ships, to compare the pages against. */
export async function loadBundle(request, baseURL) {
  const html = await (await request.get(baseURL)).text();
  const href = html.match(/<meta[^>]*name=["]?content-bundle[^>]*>/)[0].match(/content=["]?([^" >]+)/)[1];
  return (await request.get(new URL(href, baseURL).href)).json();
}

export function pageFor(bundle, path) {
  return bundle.pages.find((p) => p.path === '/' + path);
}

/** Waits until the app has taken over the prerendered page. */
export async function appReady(page) {
  await expect(page.locator('#app:not([data-prerendered])')).toHaveCount(1);
}

/** Collects console errors, page errors and CSP violations. */
export function watchProblems(page) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

export const BUNDLE = '**/content.*.json';

/** The Chinese edition's path prefix, relative to the site's base. */
export const ZH = 'zh-hk/';

/** The bundle of the edition a page (relative path) is in, as that page names it. */
export async function loadBundleOf(request, baseURL, path) {
  const html = await (await request.get(new URL(path, baseURL).href)).text();
  const tag = [...html.matchAll(/<meta[^>]*>/g)].map((m) => m[0]).find((t) => /\bname="?content-bundle(?=["\s>])/.test(t));
  const href = tag.match(/content="?([^" >]+)/)[1];
  return (await request.get(new URL(href, baseURL).href)).json();
}
