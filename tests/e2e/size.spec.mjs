// Size budget on the built site. Bytes are deterministic, so this is a test; times are not,
// so they belong to `make bench`. The limits are in tests/size-budget.json.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const DIST = 'target/dist-root';
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test('the first view of every page stays within the size budget', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'root-desktop', 'bytes are the same for every project');
  const budget = JSON.parse(await readFile('tests/size-budget.json', 'utf8'));
  const read = (path) => readFile(join(DIST, path.replace(/^\//, '')));
  const routes = ['', 'policy/', 'reports/', 'reports/argentina/', 'reports/hong-kong/', 'reports/norway/', 'reports/papua-new-guinea/', 'hong-kong/', 'related-research/', 'safe-reading/', 'search/'];
  const sizes = {};
  const totals = {};
  // Each edition's pages load the same app; each page carries its own share of its edition's
  // bundle, and the full bundle is fetched only when the reader heads for another page.
  for (const edition of ['', 'zh-hk/']) {
    const html = (await read(edition + 'reports/norway/index.html')).toString();
    const css = html.match(/href="?(\/[^" >]+\.css)/)[1];
    const boot = html.match(/<script[^>]*src="?(\/boot-[^" >]+\.js)/)[1];
    const bundle = html.match(/name=["]?content-bundle["]? content="?([^" >]+)|content="?([^" >]+)"? name=["]?content-bundle(?=[" >])/).slice(1).find(Boolean);
    const bootJs = (await read(boot)).toString();
    const glue = bootJs.match(/"([^"]+-[0-9a-f]{12,16}\.js)"/)[1];
    const wasm = bootJs.match(/"([^"]+-[0-9a-f]{12,16}_bg\.wasm)"/)[1];
    const files = {};
    for (const [name, path] of Object.entries({ css, boot, glue, wasm })) files[name] = brotli(await read(path));
    Object.assign(sizes, files, { [`bundle ${edition || 'en/'}`]: brotli(await read(bundle)) });
    const shared = Object.values(files).reduce((a, b) => a + b, 0);
    for (const route of routes) totals['/' + edition + route] = shared + brotli(await read(join(edition + route, 'index.html')));
  }
  console.log(`brotli bytes: ${JSON.stringify(sizes)}; first view per page: ${JSON.stringify(totals)}`);
  expect(sizes.wasm).toBeLessThanOrEqual(budget.wasm);
  expect(sizes.glue + sizes.boot).toBeLessThanOrEqual(budget.js);
  expect(sizes['bundle en/']).toBeLessThanOrEqual(budget.bundle);
  expect(sizes['bundle zh-hk/']).toBeLessThanOrEqual(budget.bundleZhHk);
  for (const [route, total] of Object.entries(totals)) expect(total, route).toBeLessThanOrEqual(budget.firstView);
});
