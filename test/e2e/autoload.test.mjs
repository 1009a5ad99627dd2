// The script tag loads each element when its tag first appears (src/autoload.ts), from the
// built dist/cdn in Chromium: what a page fetches, tags added later, preload, shadow roots of
// the page's own, a chunk that failed to load, and conditional content hidden meanwhile.
// Run `npm run build` first. The API is absent (the provider says "unavailable"): loading and
// defining elements does not depend on it.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {launchChromium} from './support.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cdn = join(root, 'dist', 'cdn');

const page = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>autoload</title>
<script type="module" src="/cdn/auth-elements.js"></script></head>
<body><auth-provider api-url="/api/auth" adapter="memory">${body}</auth-provider></body></html>`;

/** The README's hints for a page that knows it shows sign-in: its chunks and its first answers start with it. */
const PRELOADED = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>preloaded</title>
<script type="module" src="/cdn/auth-elements.js"></script>
<link rel="modulepreload" href="/cdn/elements/auth-sign-in.js">
<link rel="preload" as="fetch" crossorigin="use-credentials" href="/api/auth/get-session">
<link rel="preload" as="fetch" crossorigin="use-credentials" href="/api/auth/auth-elements/capabilities">
</head><body><auth-provider api-url="/api/auth"><auth-sign-in></auth-sign-in></auth-provider></body></html>`;

/** Requests the stand-in API has answered, by path. */
const apiHits = new Map();

const PAGES = {
  '/preloaded.html': PRELOADED,
  '/better-auth.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>api</title>
<script type="module" src="/cdn/auth-elements.js"></script></head>
<body><auth-provider api-url="/api/auth"></auth-provider></body></html>`,
  '/sign-in.html': page('<auth-signed-out><auth-sign-in></auth-sign-in></auth-signed-out>'),
  '/empty.html': page('<main id="main"></main>'),
  '/secret.html': page('<auth-signed-in><p id="secret">Only for signed-in people</p></auth-signed-in>'),
};

let server;
let origin;
let browser;

before(async () => {
  assert.ok(existsSync(join(cdn, 'auth-elements.js')), 'dist/cdn/auth-elements.js is missing: run `npm run build` first');
  server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (PAGES[path]) return res.writeHead(200, {'content-type': 'text/html'}).end(PAGES[path]);
    // A stand-in API for the preload test: nobody signed in, the default capabilities.
    if (path === '/api/auth/get-session' || path === '/api/auth/auth-elements/capabilities') {
      apiHits.set(path, (apiHits.get(path) ?? 0) + 1);
      return res.writeHead(200, {'content-type': 'application/json'}).end(path.endsWith('get-session') ? 'null' : '{}');
    }
    const file = resolve(cdn, `.${path.slice('/cdn'.length)}`);
    if (path.startsWith('/cdn/') && file.startsWith(cdn) && existsSync(file)) {
      return res.writeHead(200, {'content-type': 'text/javascript'}).end(readFileSync(file));
    }
    res.writeHead(404).end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

/** A fresh page at `path`, with the paths of the element chunks it fetched so far. */
async function open(path, setup = async () => {}) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const fetched = [];
  const errors = [];
  tab.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await setup(tab);
  await tab.goto(origin + path);
  await tab.waitForFunction(() => customElements.get('auth-provider'));
  const elements = () => fetched.filter((p) => p.startsWith('/cdn/elements/')).map((p) => p.slice('/cdn/elements/'.length));
  return {tab, elements, errors, close: () => context.close()};
}

const defined = (tab, tag) => tab.evaluate((t) => !!customElements.get(t), tag);

test('a page fetches the elements it has, and no other', async () => {
  const {tab, elements, close} = await open('/sign-in.html');
  try {
    await tab.waitForSelector('auth-sign-in input[autocomplete~="username"]');
    await tab.waitForLoadState('networkidle');
    assert.deepEqual(elements().sort(), ['auth-sign-in.js', 'auth-signed-out.js']);
    assert.equal(await defined(tab, 'auth-sign-up'), false);
    assert.equal(await defined(tab, 'auth-user-button'), false);
  } finally {
    await close();
  }
});

test('a tag added later is loaded and defined when it appears, however deep', async () => {
  const {tab, elements, close} = await open('/empty.html');
  try {
    await tab.waitForLoadState('networkidle');
    assert.deepEqual(elements(), []);
    await tab.evaluate(() => {
      const wrapper = document.createElement('section');
      wrapper.innerHTML = '<div><auth-sign-up></auth-sign-up></div>';
      document.querySelector('#main').append(wrapper);
    });
    await tab.waitForSelector('auth-sign-up input[autocomplete="email"], auth-sign-up input[type="email"]');
    assert.ok(elements().includes('auth-sign-up.js'));
    assert.equal(await defined(tab, 'auth-sign-in'), false);
  } finally {
    await close();
  }
});

test('preload() defines tags before they appear; an unknown tag rejects', async () => {
  const {tab, close} = await open('/empty.html');
  try {
    const result = await tab.evaluate(async () => {
      const kit = await import('/cdn/auth-elements.js');
      await kit.preload('auth-user-button', 'auth-sign-up');
      const unknown = await kit.preload('auth-no-such-thing').then(
        () => 'resolved',
        (error) => error.message,
      );
      return {tags: kit.AUTOLOADED_TAGS, button: !!customElements.get('auth-user-button'), unknown};
    });
    assert.ok(result.button);
    assert.match(result.unknown, /no element <auth-no-such-thing>/);
    assert.ok(result.tags.includes('auth-provider') && result.tags.includes('auth-sign-in'));
  } finally {
    await close();
  }
});

test('discover() loads the kit elements inside a shadow root of the page', async () => {
  const {tab, elements, close} = await open('/empty.html');
  try {
    await tab.evaluate(async () => {
      const host = document.createElement('div');
      document.querySelector('#main').append(host);
      host.attachShadow({mode: 'open'}).innerHTML = '<auth-sign-in></auth-sign-in>';
      await new Promise((r) => setTimeout(r, 100));
    });
    // The document observer cannot see into the shadow root: nothing loaded by itself.
    assert.equal(await defined(tab, 'auth-sign-in'), false);
    await tab.evaluate(async () => {
      const kit = await import('/cdn/auth-elements.js');
      await kit.discover(document.querySelector('#main > div').shadowRoot);
    });
    assert.ok(await defined(tab, 'auth-sign-in'));
    assert.ok(elements().includes('auth-sign-in.js'));
  } finally {
    await close();
  }
});

test('a chunk that failed to load is fetched again when the network is back', async () => {
  let refuse = true;
  const {tab, errors, close} = await open('/empty.html', (t) =>
    t.route('**/cdn/elements/auth-sign-up.js', (route) => (refuse ? route.abort('internetdisconnected') : route.continue())),
  );
  try {
    await tab.evaluate(() => document.querySelector('#main').append(document.createElement('auth-sign-up')));
    await tab.waitForFunction(() => true);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await defined(tab, 'auth-sign-up'), false);
    assert.ok(errors.some((e) => /could not load <auth-sign-up>/.test(e)), errors.join('\n'));
    refuse = false;
    await tab.evaluate(() => dispatchEvent(new Event('online')));
    await tab.waitForFunction(() => customElements.get('auth-sign-up'));
  } finally {
    await close();
  }
});

test('content for signed-in people stays hidden while its element loads', async () => {
  let release;
  const held = new Promise((r) => (release = r));
  const {tab, close} = await open('/secret.html', (t) =>
    t.route('**/cdn/elements/auth-signed-in.js', async (route) => {
      await held;
      await route.continue();
    }),
  );
  try {
    assert.equal(await defined(tab, 'auth-signed-in'), false);
    assert.equal(await tab.locator('#secret').isVisible(), false, 'shown before <auth-signed-in> decided');
    release();
    await tab.waitForFunction(() => customElements.get('auth-signed-in'));
    // Defined: the memory API has nobody signed in, so it stays hidden by the element itself.
    await tab.waitForTimeout(200);
    assert.equal(await tab.locator('#secret').isVisible(), false);
  } finally {
    release();
    await close();
  }
});

test('a page that preloads the first session check and capabilities asks the API once for each', async () => {
  apiHits.clear();
  const {tab, close} = await open('/preloaded.html');
  try {
    // Signed out: the card shows its form, so the client has its answers.
    await tab.waitForSelector('auth-sign-in input[autocomplete~="username"]');
    await tab.waitForLoadState('networkidle');
    assert.equal(apiHits.get('/api/auth/get-session'), 1);
    assert.equal(apiHits.get('/api/auth/auth-elements/capabilities'), 1);
  } finally {
    await close();
  }
});

test('when the code that checks answers cannot be fetched, the API is "unavailable" (network), and a retry recovers', async () => {
  let refuse = true;
  // The response schemas (and valibot) travel in the elements' shared chunk.
  const {tab, close} = await open('/better-auth.html', (t) =>
    t.route('**/cdn/chunks/elements.js', (route) => (refuse ? route.abort('internetdisconnected') : route.continue())),
  );
  try {
    const state = () => tab.evaluate(() => {
      const {status, error} = document.querySelector('auth-provider').activeClient.state;
      return {status, code: error?.code ?? null};
    });
    await tab.waitForFunction(() => document.querySelector('auth-provider').activeClient?.state.status !== 'loading');
    assert.deepEqual(await state(), {status: 'unavailable', code: 'network'});
    refuse = false;
    await tab.evaluate(() => document.querySelector('auth-provider').activeClient.refresh());
    assert.deepEqual(await state(), {status: 'signed-out', code: null});
  } finally {
    await close();
  }
});
