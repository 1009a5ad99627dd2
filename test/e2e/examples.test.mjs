// The example apps as built by scripts/check-examples.mjs (npm test's examples step) from the
// packed package: the React, Vue and Svelte apps' Vite builds, the Angular build, and the plain
// page with its copied script-tag bundle. Each is served on its own origin that also mounts the reference API under /api/auth
// (in-memory SQLite) and the dev mailbox, and is driven through sign up → code → signed in.
// The "Signed in as …" line is filled by the app's typed auth-session-change handler.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {existsSync, readFileSync, statSync} from 'node:fs';
import {dirname, extname, join, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createAuth} from '../../server/auth.js';
import {createRequestHandler} from '../../server/http.js';
import {createMailbox} from '../../server/mailbox.js';
import {latestCode, launchChromium} from './support.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const apps = {
  react: {dist: join(root, 'examples/react/dist'), needs: 'index.html'},
  vue: {dist: join(root, 'examples/vue/dist'), needs: 'index.html'},
  svelte: {dist: join(root, 'examples/svelte/dist'), needs: 'index.html'},
  angular: {dist: join(root, 'examples/angular/dist/browser'), needs: 'index.html'},
  html: {dist: join(root, 'examples/html/dist'), needs: 'vendor/auth-elements/auth-elements.js'},
};
const types = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml'};

/** One origin: the API and mailbox, then the app's files (unknown paths get index.html). */
async function serve(dist) {
  const mailbox = createMailbox({log: false});
  let handleApi;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/api/auth/') || path.startsWith('/__mail')) return handleApi(req, res);
    let file = resolve(dist, `.${path}`);
    if (!file.startsWith(dist + sep) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
    res.writeHead(200, {'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store'});
    res.end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const auth = await createAuth({databasePath: ':memory:', baseURL: origin, trustedOrigins: [origin], mailbox, logLevel: 'error', production: false});
  handleApi = createRequestHandler({auth, mailbox, production: false});
  return {origin, close: () => new Promise((done) => server.close(done))};
}

const servers = {};
let browser;

before(async () => {
  for (const [name, {dist, needs}] of Object.entries(apps)) {
    assert.ok(
      existsSync(join(dist, needs)),
      `examples/${name} is not built (no ${join(dist, needs).slice(root.length + 1)}): run \`npm run build && node scripts/check-examples.mjs\` first (npm test's examples step)`,
    );
    servers[name] = await serve(dist);
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((server) => server.close()));
});

for (const name of Object.keys(apps)) {
  test(`examples/${name}: sign up → code → signed in, named by the typed event handler`, {timeout: 30_000}, async () => {
    const {origin} = servers[name];
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      const email = `${name}-${Date.now()}@example.com`;
      const userName = `${name[0].toUpperCase()}${name.slice(1)} Example`;
      await page.goto(origin);
      await page.locator('auth-sign-in input[autocomplete~="username"]').waitFor();
      // The app's appearance object arrived as a property, not as a stringified attribute.
      assert.equal(await page.locator('auth-provider').evaluate((provider) => provider.appearance?.variables?.colorPrimary), '#0f766e');
      await page.getByRole('link', {name: 'Sign up'}).click();
      await page.locator('auth-sign-up input[name="name"]').fill(userName);
      await page.locator('auth-sign-up input[autocomplete="username"]').fill(email);
      await page.locator('auth-sign-up input[autocomplete="new-password"]').fill('example-app-sign-up-1');
      await page.locator('auth-sign-up input[autocomplete="new-password"]').press('Enter');
      const code = page.locator('auth-sign-up input[autocomplete="one-time-code"]');
      await code.waitFor();
      await code.focus();
      await page.keyboard.type(await latestCode(origin, email)); // six digits submit the code
      await page.locator('auth-user-button button[aria-haspopup="menu"]').waitFor();
      // The app's own line (the live region announces a similar sentence).
      await page.locator('auth-signed-in > p').filter({hasText: `Signed in as ${userName}`}).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
