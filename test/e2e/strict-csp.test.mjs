// Every flow of the script-tag bundle under the exact policy the README documents:
//   script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html
// (on top of default-src 'self'). The page, the bundle and the identity API share one origin.
// Walks: API unavailable → "Try again" → sign up → code → signed in → sign out → sign in →
// forgot password → code → new password → signed in; another language and a theme load as
// chunks. No CSP or Trusted Types violation may be reported. Run `npm run build` first.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createAuth} from '../../server/auth.js';
import {createRequestHandler} from '../../server/http.js';
import {createMailbox} from '../../server/mailbox.js';
import {KIT_CSP, latestCode, launchChromium, mailCount} from './support.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cdn = join(root, 'dist', 'cdn');
const POLICY = `default-src 'self'; ${KIT_CSP}`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Auth Elements under a strict CSP</title>
<script type="module" src="/cdn/auth-elements.js"></script>
<script type="module" src="/page.js"></script>
</head>
<body>
<auth-provider api-url="/api/auth">
  <auth-loading></auth-loading>
  <auth-unavailable></auth-unavailable>
  <auth-signed-out>
    <auth-sign-in sign-up-url="#sign-up"></auth-sign-in>
    <auth-sign-up sign-in-url="#sign-in" hidden></auth-sign-up>
  </auth-signed-out>
  <auth-signed-in>
    <auth-user-button></auth-user-button>
    <p id="home">Home</p>
  </auth-signed-in>
</auth-provider>
</body>
</html>
`;

// The page's own script (a file: inline scripts are refused): a hash route between the cards.
const PAGE_SCRIPT = `const signIn = document.querySelector('auth-sign-in');
const signUp = document.querySelector('auth-sign-up');
const route = () => { signUp.hidden = location.hash !== '#sign-up'; signIn.hidden = !signUp.hidden; };
addEventListener('hashchange', route);
route();
`;

let server;
let origin;
let browser;
/** While true, the session check answers 503: the API is "down". */
let apiDown = false;

before(async () => {
  assert.ok(existsSync(join(cdn, 'auth-elements.js')), 'dist/cdn/auth-elements.js is missing: run `npm run build` first');
  const mailbox = createMailbox({log: false});
  let handleApi;
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (status, type, body) => {
      res.writeHead(status, {'content-type': type, 'cache-control': 'no-store', 'content-security-policy': POLICY});
      res.end(body);
    };
    if (path === '/get-session-down' || (apiDown && path === '/api/auth/get-session')) return send(503, 'text/plain', 'down');
    if (path.startsWith('/api/auth/') || path.startsWith('/__mail')) return handleApi(req, res);
    if (path === '/') return send(200, 'text/html; charset=utf-8', PAGE);
    if (path === '/page.js') return send(200, 'text/javascript; charset=utf-8', PAGE_SCRIPT);
    if (path === '/favicon.ico') return send(204, 'image/x-icon', '');
    const file = resolve(cdn, `.${path.slice('/cdn'.length)}`);
    if (path.startsWith('/cdn/') && file.startsWith(cdn) && existsSync(file)) {
      const type = file.endsWith('.css') ? 'text/css' : 'text/javascript; charset=utf-8';
      return send(200, type, readFileSync(file));
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${server.address().port}`;
  const auth = await createAuth({databasePath: ':memory:', baseURL: origin, trustedOrigins: [origin], mailbox, logLevel: 'error', production: false});
  handleApi = createRequestHandler({auth, mailbox, production: false});
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
});

test('every flow runs under the documented strict CSP with Trusted Types', {timeout: 90_000}, async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && !message.text().includes('503') && problems.push(`console: ${message.text()}`));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const email = `csp-${Date.now()}@example.com`;
  const menuTrigger = page.locator('auth-user-button button[aria-haspopup="menu"]');

  // The API is down at first: the reason and "Try again", no sign-in form.
  apiDown = true;
  await page.goto(origin);
  await page.getByRole('alert').filter({hasText: 'Something went wrong on our side'}).waitFor();
  assert.equal(await page.locator('auth-sign-in').isVisible(), false);
  apiDown = false;
  await page.getByRole('button', {name: 'Try again'}).first().click();
  await page.locator('auth-sign-in input[autocomplete~="username"]').waitFor();

  // Sign up → code → signed in.
  await page.getByRole('link', {name: 'Sign up'}).click();
  await page.locator('auth-sign-up input[name="name"]').waitFor();
  await page.keyboard.type('Content Policy');
  await page.keyboard.press('Tab');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type('trusted1types');
  await page.keyboard.press('Enter');
  await page.locator('auth-sign-up input[autocomplete="one-time-code"]').waitFor();
  await page.keyboard.type(await latestCode(origin, email));
  await menuTrigger.waitFor();

  // Sign out with the keyboard, then sign in.
  await menuTrigger.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', {name: 'Sign out'}).waitFor();
  await page.keyboard.press('End'); // "Sign out", after "Manage account"
  await page.keyboard.press('Enter');
  // Signed out on the sign-up card's route: follow its "Sign in" link.
  await page.getByRole('link', {name: 'Sign in'}).click();
  await page.locator('auth-sign-in input[autocomplete~="username"]').waitFor();
  await page.locator('auth-sign-in input[autocomplete~="username"]').fill(email);
  await page.keyboard.press('Enter');
  await page.locator('auth-sign-in input[autocomplete="current-password"]').waitFor();
  await page.keyboard.type('trusted1types');
  await page.keyboard.press('Enter');
  await menuTrigger.waitFor();
  await menuTrigger.click();
  await page.getByRole('menuitem', {name: 'Sign out'}).click();

  // Forgot password → code → new password → signed in.
  await page.locator('auth-sign-in input[autocomplete~="username"]').fill(email);
  await page.keyboard.press('Enter');
  await page.locator('auth-sign-in input[autocomplete="current-password"]').waitFor();
  const mailed = await mailCount(origin, email);
  await page.getByRole('button', {name: 'Forgot password?'}).click();
  await page.locator('auth-sign-in input[autocomplete="one-time-code"]').waitFor();
  await page.keyboard.type(await latestCode(origin, email, mailed));
  await page.locator('auth-sign-in input[autocomplete="new-password"]').waitFor();
  await page.keyboard.type('policy2strict');
  await page.keyboard.press('Enter');
  await menuTrigger.waitFor();

  // A language and a theme that load as chunks.
  await page.evaluate(() => {
    const provider = document.querySelector('auth-provider');
    provider.theme = 'dark';
    provider.locale = 'ar';
  });
  await page.waitForFunction(() => document.querySelector('auth-user-button')?.getAttribute('dir') === 'rtl');

  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP or Trusted Types violation');
  assert.deepEqual(problems, []);
  await page.close();
});
