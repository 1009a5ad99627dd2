#!/usr/bin/env node
// Page-weight budgets of the script tag (run after `npm run build`): real pages load in
// Chromium against the reference identity API, and every script they fetch is summed (gzip -9):
//   a sign-in page (provider + signed-out + sign-in)   ≤ 43 KB
//   a page with every element the kit defines          ≤ 120 KB
// Sizes are deterministic for a build, so they are budgets; timings are only in `npm run bench`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../server/standalone.js';
import { CHROME_ARGS, CHROME_PATH } from './chromium.mjs';
import { cdnDir, kb, kitTags, pageWeight, startPageServer } from './kit-pages.mjs';

const BUDGETS = [
  // 40 KB held password, two-step and passkey sign-in (39.0 KB). The other ways in add their
  // entry points (~2.8 KB before the hash-free chunk names won back 0.5 KB): "Use another
  // method", the page a sign-in link opens, a provider's return (bearer mode's one-time token),
  // the strength gate of a new password. Their own code loads when used. 42 KB held those
  // (41.7 KB); phone sign-in adds the first step's "Email or phone number" and its steps' wiring
  // (0.6 KB): the number reader (libphonenumber-js, 43 KB), the texted code's calls and the
  // phone words load when a number is first sent.
  { label: 'sign-in page (provider + signed-out + sign-in)', path: '/sign-in.html', budget: 43 * 1024 },
  // 90 KB held the account elements (76.9 KB); the six organization elements add ~29 KB.
  { label: 'every element the kit defines', path: '/every-element.html', budget: 120 * 1024 },
];

if (!existsSync(join(cdnDir, 'auth-elements.js'))) {
  console.error('page budget: dist/cdn/auth-elements.js is missing; run `npm run build` first');
  process.exit(1);
}

let api;
const pageServer = await startPageServer(() => api);
let browser;
let failed = 0;
try {
  api = await startServer({ port: 0, databasePath: ':memory:', trustedOrigins: [pageServer.origin], log: false, production: false });
  browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
  for (const { label, path, budget } of BUDGETS) {
    const { scripts, gzip } = await pageWeight(browser, pageServer.origin + path);
    const ok = gzip <= budget;
    if (!ok) failed++;
    console.log(
      `page budget: ${label}: ${gzip} bytes gzip (${kb(gzip)}) in ${scripts.length} scripts, budget ${kb(budget)}: ` +
        (ok ? `OK, ${budget - gzip} bytes to spare` : `OVER by ${gzip - budget} bytes`),
    );
    for (const script of scripts) console.log(`  ${String(script.gzip).padStart(6)}  ${script.path}`);
  }
  // The every-element page must really hold every element: each tag on it is defined (its own
  // chunk fetched, or its code brought by an element that renders it, as the invitation page
  // brings the sign-in and sign-up buttons).
  const { defined } = await pageWeight(browser, pageServer.origin + '/every-element.html');
  const missing = kitTags().filter((tag) => !defined.includes(tag));
  if (missing.length) {
    failed++;
    console.log(`page budget: the every-element page did not load ${missing.join(', ')}`);
  }
} finally {
  await browser?.close();
  await api?.close();
  pageServer.close();
}
process.exit(failed ? 1 : 0);
