// The browser every measurement here runs in: Debian's Chromium, headless, as root, with its
// background traffic (updates, sync, QUIC probing) off so that only the page is measured.
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
