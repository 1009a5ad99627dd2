// The machine's Chromium and the flags it needs to run headless, as root, offline: one place
// for web-test-runner, vitest (Storybook), the end-to-end tests and the bench.
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
