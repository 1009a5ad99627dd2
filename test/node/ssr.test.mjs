// Server-side rendering: on a server (plain Node, no DOM) every built entry imports, every element
// constructs, an AuthClient opens no BroadcastChannel, and @lit-labs/ssr renders the elements
// to HTML with declarative shadow roots — and the process still exits on its own afterwards.
// Each check runs in a child process with a timeout, so an open handle (a channel, a timer)
// fails the test instead of hanging it. Reads dist/lib (run `npm run build` first).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {wholeJson} from '../../scripts/whole-json-plugin.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const lib = join(root, 'dist', 'lib');
const url = (file) => pathToFileURL(file).href;

const defineDir = join(lib, 'define');
const defineFiles = existsSync(defineDir) ? readdirSync(defineDir).filter((f) => /^auth-[a-z0-9-]+\.js$/.test(f)).sort() : [];
const entries = [join(lib, 'index.js'), join(lib, 'define.js'), ...defineFiles.map((f) => join(defineDir, f))];
const tags = defineFiles.map((f) => f.slice(0, -3));

const en = JSON.parse(readFileSync(join(root, 'locales', 'en.json'), 'utf8'));

/** Runs an ES module script in a fresh Node; a process that doesn't exit in time counts as a failure. */
function runNode(code, timeout = 10_000) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {cwd: root, encoding: 'utf8', timeout});
  const timedOut = result.error?.code === 'ETIMEDOUT';
  assert.ok(!timedOut, `the process did not exit within ${timeout} ms (an open handle?)\n${result.stderr}`);
  assert.equal(result.status, 0, `exited with ${result.status ?? result.signal}\n${result.stderr}`);
  const last = result.stdout.trim().split('\n').at(-1);
  return JSON.parse(last);
}

/** Counts BroadcastChannels opened (Node has the global; a server must not open one). */
const countChannels = `
  globalThis.__channels = 0;
  if (globalThis.BroadcastChannel) {
    const Native = globalThis.BroadcastChannel;
    globalThis.BroadcastChannel = class extends Native {
      constructor(...args) { super(...args); globalThis.__channels++; }
    };
  }
`;

test('dist/lib has every entry', () => {
  assert.ok(existsSync(join(lib, 'index.js')), 'run `npm run build` first');
  assert.ok(tags.length >= 8, `only ${tags.length} define entries in dist/lib/define`);
});

test('plain Node: every entry imports, every element constructs, a client opens no channel, the process exits', () => {
  const out = runNode(`
    ${countChannels}
    for (const entry of ${JSON.stringify(entries.map(url))}) await import(entry);
    const lib = await import(${JSON.stringify(url(join(lib, 'index.js')))});
    const {LitElement} = await import('lit');
    const constructed = [];
    for (const tag of ${JSON.stringify(tags)}) {
      const Element = customElements.get(tag);
      if (!Element) throw new Error(tag + ' is not registered');
      const element = new Element();
      if (!(element instanceof Element)) throw new Error(tag + ' did not construct');
      constructed.push(tag);
    }
    // The classes from the side-effect-free entry construct too.
    const classes = Object.keys(lib).filter((name) => /^Auth[A-Z]/.test(name) && lib[name].prototype instanceof LitElement);
    for (const name of classes) new lib[name]();

    const disposed = new lib.AuthClient({adapter: new lib.MemoryAdapter()});
    await disposed.ready;
    const status = disposed.state.status;
    disposed.dispose();
    // A client nobody disposes must not hold the process open either.
    const forgotten = new lib.AuthClient({adapter: new lib.MemoryAdapter()});
    await forgotten.ready;
    console.log(JSON.stringify({constructed, classes, status, channels: globalThis.__channels}));
  `);
  assert.deepEqual(out.constructed, tags);
  assert.ok(out.classes.length >= 8, `constructed ${out.classes.join(', ')}`);
  assert.equal(out.status, 'signed-out');
  assert.equal(out.channels, 0, 'no BroadcastChannel is opened on a server');
});

/** Renders the kit's elements with @lit-labs/ssr; `globalShim` first installs Lit's global DOM shim (as the React / Next.js integration does). */
function ssr({globalShim}) {
  return runNode(`
    ${countChannels}
    ${globalShim ? `await import('@lit-labs/ssr/lib/install-global-dom-shim.js');` : ''}
    const {render} = await import('@lit-labs/ssr');
    const {collectResultSync} = await import('@lit-labs/ssr/lib/render-result.js');
    const {html} = await import('lit');
    await import(${JSON.stringify(url(join(lib, 'define.js')))});
    const templates = {
      provider: html\`<auth-provider api-url="https://api.example.com/api/auth"
        ><auth-sign-in sign-up-url="/sign-up"></auth-sign-in
        ><auth-signed-in><auth-user-button></auth-user-button></auth-signed-in
        ><auth-signed-out><p>Signed out</p></auth-signed-out
      ></auth-provider>\`,
      signUp: html\`<auth-provider adapter="memory"><auth-sign-up sign-in-url="/sign-in"></auth-sign-up></auth-provider>\`,
      userButton: html\`<auth-user-button></auth-user-button>\`,
      loading: html\`<auth-loading></auth-loading>\`,
      loadingNow: html\`<auth-loading delay="0"></auth-loading>\`,
      unavailable: html\`<auth-unavailable></auth-unavailable>\`,
      styled: html\`<auth-sign-in locale="de" .appearance=\${{variables: {colorPrimary: '#0a0'}, elements: {card: 'my-card'}, css: ':host { color: red }'}}></auth-sign-in>\`,
    };
    const out = {};
    for (const [name, template] of Object.entries(templates)) out[name] = collectResultSync(render(template)); // synchronous: nothing waits on a promise
    out.channels = globalThis.__channels;
    console.log(JSON.stringify(out));
  `);
}

const SHADOW = '<template shadowroot="open" shadowrootmode="open"';

/** What the declarative shadow root right after `<tag …>` in `htmlText` renders (past its styles, up to its `</template>`). */
function shadowOf(htmlText, tag) {
  const start = htmlText.indexOf(`<${tag}`);
  assert.ok(start >= 0, `no <${tag}> in\n${htmlText}`);
  const open = htmlText.indexOf('>', start) + 1;
  const rest = htmlText.slice(open);
  assert.ok(rest.trimStart().startsWith(SHADOW), `<${tag}> has no declarative shadow root:\n${rest.slice(0, 300)}`);
  const shadow = rest.slice(0, rest.indexOf('</template>'));
  return shadow.includes('</style>') ? shadow.slice(shadow.indexOf('</style>') + '</style>'.length) : shadow.slice(shadow.indexOf('>') + 1);
}

for (const globalShim of [false, true]) {
  test(`@lit-labs/ssr renders the provider, the cards and the status elements${globalShim ? ' (global DOM shim installed)' : ''}`, () => {
    const out = ssr({globalShim});
    assert.equal(out.channels, 0, 'rendering opens no BroadcastChannel');

    // The provider: its slot; the sign-in card's shell: the card, its title and the slot the form goes in.
    assert.match(shadowOf(out.provider, 'auth-provider'), /<slot><\/slot>/);
    const signIn = shadowOf(out.provider, 'auth-sign-in');
    assert.match(signIn, /<section class="card"/);
    assert.match(signIn, /<slot name="form"><\/slot>/);
    assert.ok(signIn.includes(en.signIn.title), `the title "${en.signIn.title}" is in\n${signIn}`);
    // The session is unknown on the server: signed-in and signed-out content stay hidden (their
    // light-DOM children are in the HTML, unslotted), and nothing is rendered for a user.
    assert.doesNotMatch(shadowOf(out.provider, 'auth-signed-in'), /<slot/);
    assert.doesNotMatch(shadowOf(out.provider, 'auth-signed-out'), /<slot/);
    assert.doesNotMatch(shadowOf(out.provider, 'auth-user-button'), /<button/);

    const signUp = shadowOf(out.signUp, 'auth-sign-up');
    assert.match(signUp, /<section class="card"/);
    assert.ok(signUp.includes(en.signUp.title), `the title "${en.signUp.title}" is in\n${signUp}`);

    assert.doesNotMatch(shadowOf(out.userButton, 'auth-user-button'), /<button/);
    // <auth-loading> waits `delay` ms before it shows; with delay 0 the busy indicator is in the HTML.
    assert.doesNotMatch(shadowOf(out.loading, 'auth-loading'), /ae-busy/);
    const loadingNow = shadowOf(out.loadingNow, 'auth-loading');
    assert.match(loadingNow, /class="ae-busy" role="status"/);
    assert.ok(loadingNow.includes(en.common.loading));
    // The API is never "unavailable" before the first check: nothing shows.
    assert.doesNotMatch(shadowOf(out.unavailable, 'auth-unavailable'), /<slot|ae-unavailable/);

    // An appearance (variables, classes, CSS) renders the same shell; the styles apply in the browser.
    assert.match(shadowOf(out.styled, 'auth-sign-in'), /<section class="card"/);
  });
}

/** src/define.ts with Lit's hydrate support loaded first, bundled for the browser (what a page that hydrates server HTML loads). */
async function hydratingBundle() {
  const {build} = await import('vite');
  const entry = '\0ssr-hydrate-entry';
  const output = await build({
    root,
    configFile: false,
    envDir: false,
    publicDir: false,
    logLevel: 'silent',
    plugins: [
      wholeJson(),
      {
        name: 'ssr-hydrate-entry',
        resolveId: (id) => (id === entry ? id : null),
        load: (id) =>
          id === entry
            ? `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';\nimport ${JSON.stringify(join(root, 'src', 'define.ts'))};`
            : null,
      },
    ],
    build: {write: false, minify: false, target: 'es2022', rolldownOptions: {input: entry, output: {format: 'es', codeSplitting: false}}},
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  return chunks.find((chunk) => chunk.type === 'chunk' && chunk.isEntry).code;
}

test('the server HTML hydrates in Chromium: one card each, the form appears, no mismatch', async () => {
  const {markup} = runNode(`
    const {render} = await import('@lit-labs/ssr');
    const {collectResultSync} = await import('@lit-labs/ssr/lib/render-result.js');
    const {html} = await import('lit');
    await import(${JSON.stringify(url(join(lib, 'define.js')))});
    const markup = collectResultSync(render(html\`<auth-provider adapter="memory"
      ><auth-sign-in sign-up-url="/sign-up"></auth-sign-in
      ><auth-sign-up sign-in-url="/sign-in"></auth-sign-up
      ><auth-signed-in><auth-user-button></auth-user-button></auth-signed-in
      ><auth-signed-out><p>Signed out</p></auth-signed-out
      ><auth-loading delay="0"></auth-loading
    ></auth-provider>\`));
    console.log(JSON.stringify({markup}));
  `);
  const script = await hydratingBundle();
  const {launchChromium} = await import('../e2e/support.mjs');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.route('http://app.test/**', (route) =>
      route.request().url().endsWith('/elements.js')
        ? route.fulfill({contentType: 'text/javascript', body: script})
        : route.fulfill({
            contentType: 'text/html',
            body: `<!doctype html><html lang="en"><body>${markup}<script type="module" src="/elements.js"></script></body></html>`,
          }),
    );
    await page.goto('http://app.test/');
    // Before any script: the browser parsed the declarative shadow roots.
    await page.waitForFunction(() => document.querySelector('auth-provider')?.activeClient?.state.status === 'signed-out');
    await page.waitForFunction(() => !!document.querySelector('auth-sign-in form input[name="email"]'));
    const seen = await page.evaluate(() => {
      const count = (tag, selector) => document.querySelector(tag).shadowRoot.querySelectorAll(selector).length;
      return {
        signInCards: count('auth-sign-in', 'section.card'),
        signUpCards: count('auth-sign-up', 'section.card'),
        footerLinks: count('auth-sign-in', 'a[href="/sign-up"]'),
        part: document.querySelector('auth-sign-in').shadowRoot.querySelector('section.card').getAttribute('part'),
        signedOutSlots: count('auth-signed-out', 'slot'),
        signedInSlots: count('auth-signed-in', 'slot'),
      };
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(seen, {signInCards: 1, signUpCards: 1, footerLinks: 1, part: 'card', signedOutSlots: 1, signedInSlots: 0});
  } finally {
    await browser.close();
  }
});
