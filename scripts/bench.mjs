#!/usr/bin/env node
// npm run bench: sizes and load time. Prints only; no thresholds (page-weight budgets are in npm test).
//   1. gzip sizes: the script tag's entry, element and shared chunks, each src/define/<tag>.ts bundled with all its
//      dependencies and minified (what an npm user importing only that element ships), and
//      each lazy locale chunk.
//   2. time from navigation to an interactive sign-in form in headless Chromium (median of
//      BENCH_RUNS, default 10, cold cache each run), beside a plain HTML <form> (the floor) and
//      the same form inserted by a one-line module script (what any script-rendered form pays).
//   3. page weight: every script a sign-in page and a page with every element fetch, gzip -9
//      of each response summed; and where the sign-in page's time goes (bundle received,
//      evaluated, session check, field ready).
// Builds first if dist/cdn is missing. Honours CHROME_PATH.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { bundleConfig, defineEntries, root } from './build.mjs';
import { EMAIL_FIELD, cdnDir, gz, kb, pageWeight, startPageServer } from './kit-pages.mjs';
import { startServer } from '../server/standalone.js';
import { CHROME_ARGS, CHROME_PATH } from './chromium.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 10);
const cdnBundle = join(cdnDir, 'auth-elements.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Prints rows as an aligned table; numeric-looking cells right-aligned. */
function table(title, head, rows) {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const fmt = (r) =>
    r
      .map((c, i) => (i > 0 && /^[\d.]+( KB| ms)?$/.test(String(c)) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(fmt(r));
}

// ---------------------------------------------------------------- sizes

if (!existsSync(cdnBundle)) {
  console.log('dist/cdn is missing: building first…');
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const sizeRows = [];
{
  const raw = readFileSync(cdnBundle);
  sizeRows.push(['dist/cdn/auth-elements.js (script tag: provider, client, English, loader)', kb(raw.length), kb(gz(raw))]);
}

/** Bundles one define/<tag>.ts in memory: the entry chunk and what it imports statically (lazy chunks left out). */
async function entrySize(name, entry) {
  const out = await build(
    bundleConfig({ entry, name, outDir: join(tmpdir(), 'auth-elements-bench'), write: false, logLevel: 'silent' }),
  );
  const chunks = new Map(
    (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]),
  );
  const seen = new Set();
  const visit = (c) => {
    if (!c || seen.has(c)) return;
    seen.add(c);
    c.imports.forEach((f) => visit(chunks.get(f)));
  };
  visit([...chunks.values()].find((c) => c.isEntry));
  const code = [...seen].map((c) => c.code).join('\n');
  return { raw: Buffer.byteLength(code), gzip: gz(Buffer.from(code)) };
}

for (const [name, entry] of Object.entries(defineEntries())) {
  const { raw, gzip } = await entrySize(name, entry);
  sizeRows.push([`import 'auth-elements/${name}' (bundled with deps)`, kb(raw), kb(gzip)]);
}

const localeDir = join(cdnDir, 'locales');
if (existsSync(localeDir)) {
  for (const f of readdirSync(localeDir).filter((f) => f.endsWith('.js')).sort()) {
    const raw = readFileSync(join(localeDir, f));
    const lang = basename(f, '.js').replace(/-[\w-]{8}$/, '');
    sizeRows.push([`locale ${lang} (lazy chunk ${f})`, kb(raw.length), kb(gz(raw))]);
  }
}
for (const [dir, what] of [['elements', 'element (loaded when its tag appears)'], ['chunks', 'shared chunk (loaded on demand)']]) {
  const lazyDir = join(cdnDir, dir);
  if (!existsSync(lazyDir)) continue;
  for (const f of readdirSync(lazyDir).filter((f) => f.endsWith('.js')).sort()) {
    const raw = readFileSync(join(lazyDir, f));
    sizeRows.push([`${dir}/${f}: ${what}`, kb(raw.length), kb(gz(raw))]);
  }
}
table('Sizes (minified; gzip -9)', ['what', 'raw', 'gzip'], sizeRows);

// ---------------------------------------------------------------- load time

/**
 * Where the time to an interactive field goes, in one cold load: the bundle's response, its
 * evaluation (the provider defined), the session check's answer, the field.
 */
async function timeline(browser, url, selector) {
  const context = await browser.newContext();
  // Moments recorded from inside the page, by a script that runs before any of the page's own.
  await context.addInitScript(() => {
    const moments = (window.__moments = {});
    for (const tag of ['auth-provider', 'auth-sign-in']) {
      customElements.whenDefined(tag).then(() => (moments[tag] = performance.now()));
    }
  }, selector);
  await context.addInitScript(recordReady, selector);
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__ready, undefined, { polling: 250, timeout: 30_000 });
    return await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource');
      const find = (end) => entries.find((e) => new URL(e.name).pathname.endsWith(end));
      const nav = performance.getEntriesByType('navigation')[0];
      const moments = window.__moments;
      return {
        html: nav?.responseEnd ?? 0,
        bundle: find('/auth-elements.js')?.responseEnd ?? 0,
        defined: moments['auth-provider'],
        sessionStart: find('/get-session')?.startTime ?? 0,
        session: find('/get-session')?.responseEnd ?? 0,
        chunk: Math.max(...entries.filter((e) => /\/cdn\/(elements|chunks)\//.test(e.name)).map((e) => e.responseEnd)),
        signInDefined: moments['auth-sign-in'],
        ready: window.__ready,
      };
    });
  } finally {
    await context.close();
  }
}

/**
 * Records, from inside the page, the first frame in which the field `sel` exists, is enabled and
 * sits in a form (`window.__ready`, ms from navigation start; the frame is when a person can see
 * and use it). A MutationObserver set up before any of the page's own scripts notices the field
 * and asks for the next frame, so the measurement takes no main-thread time while the page loads
 * (the driver polling every frame did, and slowed the kit's pages more than the floor's).
 */
function recordReady(sel) {
  let seen = false;
  const check = () => {
    if (seen) return;
    const el = document.querySelector(sel);
    if (!el || el.disabled || !el.closest('form')) return;
    seen = true;
    requestAnimationFrame(() => (window.__ready = performance.now()));
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  check();
}

/** Navigation → the email input exists, is enabled and inside a form; in-page and wall-clock ms. */
async function measure(browser, url, selector) {
  const context = await browser.newContext();
  await context.addInitScript(recordReady, selector);
  const page = await context.newPage();
  try {
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__ready, undefined, { polling: 250, timeout: 30_000 });
    const wall = performance.now() - t0;
    const inPage = await page.evaluate(() => window.__ready); // ms since the navigation started (timeOrigin)
    return { wall, inPage };
  } finally {
    await context.close();
  }
}

let api;
const pageServer = await startPageServer(() => api);
const { origin } = pageServer;
let browser;
try {
  api = await startServer({ port: 0, databasePath: ':memory:', trustedOrigins: [origin], log: false, production: false });
  browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
  const cases = [
    ['<auth-sign-in> (script tag)', '/sign-in.html', EMAIL_FIELD],
    ['<auth-sign-in> (script tag + modulepreload hints)', '/sign-in-preloaded.html', EMAIL_FIELD],
    ['plain HTML <form> (floor)', '/floor.html', 'input[autocomplete="username"]'],
    ['the same <form> inserted by a one-line module script', '/floor-script.html', 'input[autocomplete="username"]'],
  ];
  const rows = [];
  const medians = [];
  for (const [label, path, selector] of cases) {
    await measure(browser, origin + path, selector); // warm-up: server, browser, disk
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, origin + path, selector));
    const inPage = runs.map((r) => r.inPage);
    const wall = runs.map((r) => r.wall);
    medians.push(median(inPage));
    rows.push([
      label,
      `${median(inPage).toFixed(1)} ms`,
      `${Math.min(...inPage).toFixed(1)} ms`,
      `${Math.max(...inPage).toFixed(1)} ms`,
      `${median(wall).toFixed(1)} ms`,
    ]);
  }
  const [floor, scriptFloor] = medians.slice(-2);
  rows.forEach((row, i) => row.push(`${(medians[i] / floor).toFixed(2)}`, `${(medians[i] / scriptFloor).toFixed(2)}`));
  table(
    `Navigation → interactive email field (headless Chromium, cold cache, median of ${RUNS})`,
    ['page', 'median', 'min', 'max', 'median incl. driver', '× floor', '× script floor'],
    rows,
  );
  console.log('\n"median" is performance.now() in the page when the field is ready (from navigation start);');
  console.log('"incl. driver" is measured in Node from page.goto() and includes Playwright round trips.');

  const weights = [];
  for (const [label, path] of [
    ['sign-in page (provider + signed-out + sign-in)', '/sign-in.html'],
    ['every element the kit defines', '/every-element.html'],
  ]) {
    const { scripts, gzip } = await pageWeight(browser, origin + path);
    weights.push([label, String(scripts.length), kb(gzip)]);
  }
  table('Page weight: every script a real page fetches (gzip -9 of each response, summed)', ['page', 'scripts', 'gzip'], weights);

  const steps = [];
  for (let i = 0; i < RUNS; i++) steps.push(await timeline(browser, origin + '/sign-in.html', EMAIL_FIELD));
  const at = (key) => median(steps.map((s) => s[key]));
  table(
    `Where the sign-in page's time goes (median of ${RUNS}, ms from navigation start)`,
    ['moment', 'at', 'since the previous'],
    [
      ['HTML received', 'html', null],
      ['script-tag bundle received', 'bundle', 'html'],
      ['bundle evaluated (<auth-provider> defined)', 'defined', 'bundle'],
      ['session check sent', 'sessionStart', 'defined'],
      ['element chunks received (elements/, chunks/)', 'chunk', 'sessionStart'],
      ['<auth-sign-in> defined', 'signInDefined', 'chunk'],
      ['session check answered', 'session', 'sessionStart'],
      ['email field interactive', 'ready', 'session'],
    ].map(([label, key, previous]) => [label, `${at(key).toFixed(1)} ms`, previous ? `${(at(key) - at(previous)).toFixed(1)} ms` : ''])
  );
} finally {
  await browser?.close();
  await api?.close();
  pageServer.close();
}
