// The script-tag bundle on a page served from another origin than the identity API:
//   same site (127.0.0.1:<page> → 127.0.0.1:<api>): cookie mode, CORS with credentials;
//   cross site (localhost:<page> → 127.0.0.1:<api>): mode="bearer", also with Dev Identity (OIDC).
// The page loads only dist/cdn/auth-elements.js, under a strict CSP with Trusted Types;
// run `npm run build` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/standalone.js';
import { KIT_CSP, launchChromium } from './support.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bundle = join(root, 'dist', 'cdn', 'auth-elements.js');

const EMAIL_INPUT = 'auth-sign-in input[autocomplete~="username"]';
const PASSWORD_INPUT = 'auth-sign-in input[autocomplete="current-password"]';
const PASSWORD = 'correct-horse-42';

/** @type {import('node:http').Server} */
let pageServer;
/** @type {number} */
let pagePort;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let api;
/** @type {import('playwright-core').Browser} */
let browser;

/** The page: only the bundle, a provider pointed at the API, sign-in and signed-in content. */
function pageHtml(mode) {
  const modeAttr = mode ? ` mode="${mode}"` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Auth Elements cross-origin test</title>
<script type="module" src="/cdn/auth-elements.js"></script>
</head>
<body>
<main>
<auth-provider api-url="${api.url}/api/auth"${modeAttr}>
  <auth-sign-in></auth-sign-in>
  <auth-signed-in><p id="signed-in-content">Welcome back</p></auth-signed-in>
</auth-provider>
</main>
</body>
</html>
`;
}

/**
 * The strictest policy a careful site ships: scripts and styles from its own origin only, no
 * inline code, and Trusted Types enforced for every DOM sink. Every page here is served with it.
 */
const STRICT_CSP = `default-src 'self'; connect-src *; img-src 'self' data:; object-src 'none'; base-uri 'none'; ${KIT_CSP}`;

/** Static files: /same-site.html, /cross-site.html and /cdn/* from dist/cdn. */
function handlePage(req, res) {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const send = (status, type, body) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': STRICT_CSP });
    res.end(body);
  };
  if (path === '/favicon.ico') return send(204, 'image/x-icon', '');
  if (path === '/same-site.html') return send(200, 'text/html; charset=utf-8', pageHtml());
  if (path === '/cross-site.html') return send(200, 'text/html; charset=utf-8', pageHtml('bearer'));
  if (path.startsWith('/cdn/')) {
    const file = resolve(root, 'dist', 'cdn', `.${path.slice('/cdn'.length)}`);
    if (file.startsWith(join(root, 'dist', 'cdn')) && existsSync(file) && file.endsWith('.js')) {
      return send(200, 'text/javascript; charset=utf-8', readFileSync(file));
    }
  }
  send(404, 'text/plain', 'not found');
}

/** Signs up over HTTP and verifies the email with the code from the dev mailbox. */
async function createVerifiedUser(email, origin) {
  const post = async (path, body) => {
    const res = await fetch(`${api.url}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 200, `POST ${path} → ${res.status} ${await res.clone().text()}`);
    return res.json();
  };
  await post('/sign-up/email', { name: 'Test User', email, password: PASSWORD });
  const mail = await (await fetch(`${api.url}/__mail.json`)).json();
  const message = mail.findLast((m) => m.to === email);
  const otp = message?.text.match(/\b(\d{6})\b/)?.[1];
  assert.ok(otp, `no verification code for ${email} in ${JSON.stringify(mail)}`);
  await post('/email-otp/verify-email', { email, otp });
}

/** Opens the page and signs in with the keyboard only: type, Enter, type, Enter. */
async function signInWithKeyboard(url, email) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  const explain = (err) => {
    err.message += problems.length ? `\npage reported:\n  ${problems.join('\n  ')}` : '';
    return err;
  };
  // Every CSP or Trusted Types violation the page reports, to assert there are none.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  try {
    await page.goto(url);
    const enabled = (sel) => {
      const el = document.querySelector(sel);
      return !!el && !el.disabled && el.closest('form') !== null;
    };
    await page.waitForFunction(enabled, EMAIL_INPUT, { timeout: 15_000 });
    assert.equal(await page.isVisible('#signed-in-content'), false, 'signed-in content hidden before sign-in');
    await page.focus(EMAIL_INPUT);
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');

    await page.waitForFunction(enabled, PASSWORD_INPUT, { timeout: 15_000 });
    await page.focus(PASSWORD_INPUT);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');

    await page.waitForSelector('#signed-in-content', { state: 'visible', timeout: 15_000 });
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP or Trusted Types violation');
    return { page, context, explain };
  } catch (err) {
    await context.close();
    throw explain(err);
  }
}

before(async () => {
  assert.ok(existsSync(bundle), `${bundle} is missing: run \`npm run build\` before the e2e tests`);
  pageServer = createServer(handlePage);
  await new Promise((done) => pageServer.listen(0, '127.0.0.1', done));
  pagePort = /** @type {import('node:net').AddressInfo} */ (pageServer.address()).port;
  api = await startServer({
    port: 0,
    host: '127.0.0.1',
    databasePath: ':memory:',
    trustedOrigins: [`http://127.0.0.1:${pagePort}`, `http://localhost:${pagePort}`],
    production: false,
    log: false,
    // Dev Identity beside it: social sign-in from the pages (the cross-site one in bearer mode).
    devIdentity: { port: 0 },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await api?.close();
  await new Promise((done) => (pageServer ? pageServer.close(done) : done()));
});

test('same site, other origin: cookie sign-in with the keyboard', { timeout: 60_000 }, async () => {
  const origin = `http://127.0.0.1:${pagePort}`;
  const email = 'same-site@example.com';
  await createVerifiedUser(email, origin);
  const { page, context, explain } = await signInWithKeyboard(`${origin}/same-site.html`, email);
  try {
    // The session lives in the API's HttpOnly cookie: a reload is still signed in.
    await page.reload();
    await page.waitForSelector('#signed-in-content', { state: 'visible', timeout: 15_000 });
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.doesNotMatch(stored, /token/i, 'no session token in web storage');
  } catch (err) {
    throw explain(err);
  } finally {
    await context.close();
  }
});

test('cross site (localhost → 127.0.0.1): bearer sign-in with the keyboard', { timeout: 60_000 }, async () => {
  const origin = `http://localhost:${pagePort}`;
  const email = 'cross-site@example.com';
  await createVerifiedUser(email, origin);
  const { page, context, explain } = await signInWithKeyboard(`${origin}/cross-site.html`, email);
  try {
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.doesNotMatch(stored, /token/i, 'bearer token kept in memory, not in web storage');
  } catch (err) {
    throw explain(err);
  } finally {
    await context.close();
  }
});

test('cross site, bearer mode: Continue with Dev Identity signs in and comes back with the session', { timeout: 60_000 }, async () => {
  const origin = `http://localhost:${pagePort}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/cross-site.html`);
    const button = page.getByRole('button', { name: 'Continue with Dev Identity' });
    await button.waitFor({ timeout: 15_000 });
    await button.click();
    await page.waitForURL((url) => url.origin === new URL(api.devIdentity).origin);
    await page.keyboard.type(`bearer-${Date.now()}@example.com`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Bea Bearer');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Allow' }).click();
    // Back on the page on the other site: signed in with a bearer token the API handed over once.
    await page.waitForURL((url) => url.origin === origin);
    await page.waitForSelector('#signed-in-content', { state: 'visible', timeout: 15_000 });
    const url = new URL(page.url());
    assert.equal(url.searchParams.has('auth-token'), false, 'the one-time token left the address bar');
    assert.equal(url.searchParams.has('auth-bearer'), false);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.doesNotMatch(stored, /token/i, 'the bearer token is kept in memory only');
  } finally {
    await context.close();
  }
});
