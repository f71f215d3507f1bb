// Browser tests: the built site (target/dist-root, target/dist-subpath) in Debian's Chromium,
// served by a strict CDN-like static server, at a phone and a desktop viewport.
import { defineConfig } from '@playwright/test';

const launchOptions = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
// Service workers only where a test asks for them (offline.spec.mjs): elsewhere a worker would
// answer requests that the tests intercept or count.
const phone = { serviceWorkers: 'block', viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, launchOptions };
const desktop = { serviceWorkers: 'block', viewport: { width: 1280, height: 800 }, launchOptions };
const sites = { root: 'http://127.0.0.1:8091/', subpath: 'http://127.0.0.1:8092/rights/' };

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  outputDir: '../../test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // The domain root at both viewports; the sub-path, which changes addresses and not layout,
  // on the phone, where most readers are.
  projects: [
    { name: 'root-phone', use: { ...phone, baseURL: sites.root } },
    { name: 'root-desktop', use: { ...desktop, baseURL: sites.root } },
    { name: 'subpath-phone', use: { ...phone, baseURL: sites.subpath } },
  ],
  webServer: [
    { command: 'node tests/e2e/server.mjs --dir target/dist-root --port 8091', cwd: '../..', url: 'http://127.0.0.1:8091/', reuseExistingServer: false },
    { command: 'node tests/e2e/server.mjs --dir target/dist-subpath --port 8092 --base /rights/', cwd: '../..', url: 'http://127.0.0.1:8092/rights/', reuseExistingServer: false },
  ],
});
