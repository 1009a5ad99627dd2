#!/usr/bin/env node
// Size budget for the script-tag bundle: gzip (level 9) of dist/cdn/auth-elements.js ≤ 50 KB
// (eight elements with the session states, focus handling, live region, capabilities from the
// API and server-rendering guards; the lazy
// per-element loading of the account issue brings a page down to what it uses).
// Run after `npm run build`. Locale chunks load lazily and are not counted.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'dist', 'cdn', 'auth-elements.js');
const BUDGET = 50 * 1024; // 51200 bytes

if (!existsSync(file)) {
  console.error(`size budget: ${file} is missing; run \`npm run build\` first`);
  process.exit(1);
}
const raw = readFileSync(file);
const gz = gzipSync(raw, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const ok = gz <= BUDGET;
console.log(
  `size budget: dist/cdn/auth-elements.js ${gz} bytes gzip (${kb(gz)}; ${kb(raw.length)} raw), ` +
    `budget ${BUDGET} bytes (${kb(BUDGET)}): ${ok ? `OK, ${BUDGET - gz} bytes to spare` : `OVER by ${gz - BUDGET} bytes`}`,
);
process.exit(ok ? 0 : 1);
