// Real pages that use the script tag, served beside dist/cdn on one origin with the reference
// identity API behind /api/auth/ (cookie mode), and what they weigh: every script Chromium
// fetches, gzip -9 of each response summed. Used by the page-weight budgets in `npm test`
// (scripts/page-budget.mjs) and by `npm run bench`.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineEntries, root } from './build.mjs';

export const cdnDir = resolve(root, 'dist', 'cdn');
export const gz = (buf) => gzipSync(buf, { level: 9 }).length;
export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The tags the kit defines (one `src/define/auth-*.ts` each). */
export const kitTags = () => Object.keys(defineEntries()).map((name) => name.slice('define/'.length));

/** A page with the script tag (and `head`, such as preload hints) and `body` inside the provider. */
const kitPage = (title, body, head = '') => (apiUrl) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script type="module" src="/cdn/auth-elements.js"></script>${head}</head>
<body><auth-provider api-url="${apiUrl}">${body}</auth-provider></body></html>`;

/** Every tag but the provider, each once, visible (what a page using them all would load). */
function everyElement() {
  const others = kitTags().filter((tag) => !['auth-provider', 'auth-sign-in', 'auth-signed-out'].includes(tag));
  return `<auth-signed-out><auth-sign-in></auth-sign-in></auth-signed-out>${others.map((tag) => `<${tag}></${tag}>`).join('')}`;
}

const SIGN_IN_BODY = '<auth-signed-out><auth-sign-in></auth-sign-in></auth-signed-out>';

/** The plain HTML form the kit's sign-in is compared with. */
const FLOOR_FORM = `<form method="post"><label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required>
<button>Continue</button></form>`;

/** Scripts served beside the pages (not the kit's). */
const scripts = {
  '/floor-form.js': `document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(FLOOR_FORM)});`,
};

export const pages = {
  '/sign-in.html': kitPage('sign-in', SIGN_IN_BODY),
  // The README's advice for a page that knows what it shows: its elements' chunks start with the entry.
  '/sign-in-preloaded.html': kitPage(
    'sign-in, preloaded',
    SIGN_IN_BODY,
    [
      ...['auth-signed-out', 'auth-sign-in'].map((tag) => `<link rel="modulepreload" href="/cdn/elements/${tag}.js">`),
      // The first session check and capabilities, asked while the scripts load.
      ...['get-session', 'auth-elements/capabilities'].map((path) => `<link rel="preload" as="fetch" crossorigin="use-credentials" href="/api/auth/${path}">`),
    ].join(''),
  ),
  '/every-element.html': (apiUrl) => kitPage('every element', everyElement())(apiUrl),
  '/floor.html': () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>floor</title></head>
<body>${FLOOR_FORM}</body></html>`,
  // The same form put in by the smallest module script: what any script-rendered form pays
  // (a second request after the HTML, then a frame) before a line of the kit runs.
  '/floor-script.html': () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>floor, by a script</title>
<script type="module" src="/floor-form.js"></script></head><body></body></html>`,
};

/** The sign-in card's email field: present on both kit pages once the card is interactive. */
export const EMAIL_FIELD = 'auth-sign-in input[autocomplete~="username"]';

/** One origin for pages, dist/cdn and the API: static files + a proxy for /api/auth/ to `getApi().url`. */
export function startPageServer(getApi) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/api/auth/')) {
      const api = new URL(getApi().url);
      const upstream = request(
        { host: api.hostname, port: api.port, method: req.method, path: req.url, headers: { ...req.headers, host: api.host } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.statusCode = 502;
        res.end();
      });
      req.pipe(upstream);
      return;
    }
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (pages[path]) return send(200, 'text/html; charset=utf-8', pages[path](`${origin}/api/auth`));
    if (scripts[path]) return send(200, 'text/javascript; charset=utf-8', scripts[path]);
    if (path.startsWith('/cdn/')) {
      const file = resolve(cdnDir, `.${path.slice(4)}`);
      if (file.startsWith(cdnDir) && file.endsWith('.js') && existsSync(file)) {
        return send(200, 'text/javascript; charset=utf-8', readFileSync(file));
      }
    }
    send(404, 'text/plain', 'not found');
  });
  let origin = '';
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      origin = `http://127.0.0.1:${server.address().port}`;
      done({
        server,
        origin,
        close: () => {
          server.closeAllConnections();
          server.close();
        },
      });
    }),
  );
}

/**
 * What a page really fetches once it is interactive and the network is idle: every script
 * response (path and gzip -9 size) and their sum.
 */
export async function pageWeight(browser, url, selector = EMAIL_FIELD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    const path = new URL(response.url()).pathname;
    responses.push(response.body().then((body) => ({ path, gzip: gz(body) }), () => ({ path, gzip: 0 })));
  });
  try {
    await page.goto(url);
    await page.waitForSelector(selector, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const scripts = await Promise.all(responses);
    // The kit's tags the page defined by then (an element may bring another's code with its own).
    const defined = await page.evaluate(() => [...document.querySelectorAll('*')].map((node) => node.localName).filter((tag, i, all) => tag.startsWith('auth-') && all.indexOf(tag) === i && customElements.get(tag)));
    return { scripts, defined, gzip: scripts.reduce((sum, script) => sum + script.gzip, 0) };
  } finally {
    await context.close();
  }
}
