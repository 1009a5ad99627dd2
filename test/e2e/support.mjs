// Shared pieces of the end-to-end tests: Chromium from the machine, free ports, the mailbox.
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before} from 'node:test';
import {chromium} from 'playwright-core';
import {CHROME_ARGS, CHROME_PATH} from '../../scripts/chromium.mjs';

/**
 * The policy the kit runs under, exactly as README.md documents it (a page adds its own
 * default-src, connect-src, img-src…). Lit creates the `lit-html` Trusted Types policy.
 */
export const KIT_CSP = "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

export function launchChromium() {
  return chromium.launch({executablePath: CHROME_PATH, args: CHROME_ARGS});
}

/** A port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** The newest code mailed to `to` (the dev mailbox lists messages newest last). */
export async function latestCode(origin, to, after = 0) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const messages = await (await fetch(`${origin}/__mail.json`)).json();
    const mine = messages.filter((message) => message.to === to);
    if (mine.length > after) return mine[mine.length - 1].text.match(/\b(\d{6})\b/)[1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no code mailed to ${to}`);
}

/** A verified account made through the demo's API, as the sign-up card would. */
export async function createAccount(origin, {name, email, password}) {
  const post = (path, body) =>
    fetch(`${origin}/api/auth${path}`, {method: 'POST', headers: {'content-type': 'application/json', origin}, body: JSON.stringify(body)});
  const signedUp = await post('/sign-up/email', {name, email, password});
  if (signedUp.status !== 200) throw new Error(`sign-up of ${email} answered ${signedUp.status}`);
  const verified = await post('/email-otp/verify-email', {email, otp: await latestCode(origin, email)});
  if (verified.status !== 200) throw new Error(`verifying ${email} answered ${verified.status}`);
}

/** How many messages `to` has received so far. */
export async function mailCount(origin, to) {
  const messages = await (await fetch(`${origin}/__mail.json`)).json();
  return messages.filter((message) => message.to === to).length;
}

/**
 * The demo `npm start` serves (vite.config.ts: the page and the reference identity API on one
 * origin), on a free port with a fresh SQLite database, and Chromium. `close()` ends all three.
 * `host: 'localhost'` for passkeys (WebAuthn refuses an IP address as the relying party).
 */
export async function startDemo(name, {host = '127.0.0.1'} = {}) {
  const {createServer: createViteServer} = await import('vite');
  const dataDir = mkdtempSync(join(tmpdir(), `auth-elements-${name}-`));
  const port = await freePort();
  process.env.DATABASE_PATH = join(dataDir, 'auth.db');
  const server = await createViteServer({configFile: 'vite.config.ts', logLevel: 'error', server: {port, strictPort: true, host, open: false}});
  await server.listen();
  const browser = await launchChromium();
  return {
    origin: `http://${host}:${port}`,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dataDir, {recursive: true, force: true});
    },
  };
}

/**
 * The demo (startDemo) for one test file: started before its tests, closed after them. The
 * returned object holds the demo's `origin` and `browser` once the tests run.
 */
export function demoForTests(name, options) {
  const demo = {origin: '', browser: /** @type {import('playwright-core').Browser} */ (undefined)};
  let running;
  before(async () => {
    running = await startDemo(name, options);
    demo.origin = running.origin;
    demo.browser = running.browser;
  });
  after(() => running?.close());
  return demo;
}

/** A screenshot taker: `shot(page, name)` writes `<prefix>-<name>.png` to $SCREENSHOTS when it is set. */
export function screenshots(prefix) {
  return async (page, name) => {
    if (process.env.SCREENSHOTS) await page.screenshot({path: join(process.env.SCREENSHOTS, `${prefix}-${name}.png`), fullPage: true});
  };
}

/** Types an email and a password into the page's <auth-sign-in> card, each sent with Enter. */
export async function submitCredentials(page, email, password) {
  const field = page.locator('auth-sign-in input[autocomplete~="username"]');
  await field.fill(email);
  await field.press('Enter');
  const passwordField = page.locator('auth-sign-in input[autocomplete="current-password"]');
  await passwordField.fill(password);
  await passwordField.press('Enter');
}

/** Signs `page` in through the demo's card (submitCredentials) and waits for the header's user button. */
export async function signInThroughCard(page, origin, email, password) {
  await page.goto(origin);
  await submitCredentials(page, email, password);
  await page.locator('auth-user-button button[aria-haspopup="menu"]').waitFor();
}
