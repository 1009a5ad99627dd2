#!/usr/bin/env node
// Type-checks and builds every app in examples/ against the package as published: `npm pack`
// of the repo (run `npm run build` first), unpacked into examples/.pack/auth-elements, which
// each example's package.json names as `"auth-elements": "file:../.pack/auth-elements"`. Each
// example's .npmrc has `install-links=true`, so npm installs that folder as a copy (as from the
// registry), and its lock records auth-elements' own dependencies (lit, …) but no hash of its
// contents: the locks stay the same from build to build. (A `file:` tarball would not: npm
// records its integrity, and `npm ci` then installs the cached old contents of a rebuilt one.)
//
// Per example: `npm ci` when node_modules is missing or older than the lock (the first run needs
// the npm registry); otherwise only node_modules/auth-elements is replaced by the fresh pack.
// Then `npm run check` (tsc / vue-tsc / svelte-check; Angular checks in `ng build`) and
// `npm run build`. The builds are what test/e2e/examples.test.mjs serves.
//
// When the packed package's version or dependencies no longer match an example's lock, this
// fails and says so; `node scripts/check-examples.mjs --update-locks` runs `npm install` in
// every example to rewrite the locks (commit them). Last line: `examples: N passed, M failed`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = join(root, 'examples');
const packed = join(examplesDir, '.pack', 'auth-elements');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const updateLocks = process.argv.includes('--update-locks');

// Slowest install first; two at a time (2 cores).
const examples = [
  { dir: 'angular', label: 'Angular 21 (ng build, strictTemplates)' },
  { dir: 'react', label: 'React 19 (tsc, vite build)' },
  { dir: 'vue', label: 'Vue 3 (vue-tsc, vite build)' },
  { dir: 'svelte', label: 'Svelte 5 (svelte-check, vite build)' },
  { dir: 'html', label: 'plain HTML (script-tag bundle)' },
];

// Children run as if from a shell in the example, not inside the repo's `npm test`.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_(package|lifecycle)_|npm_config_local_prefix$|INIT_CWD$)/.test(key)));
Object.assign(env, { NG_CLI_ANALYTICS: 'false', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });

function fail(message) {
  console.error(`check-examples: ${message}`);
  console.log('examples: 0 passed, 1 failed');
  process.exit(1);
}

// 1. The package as published.
for (const built of ['dist/lib/index.js', 'dist/types/index.d.ts', 'dist/cdn/auth-elements.js']) {
  if (!existsSync(join(root, built))) fail(`no ${built}: run \`npm run build\` first`);
}
const t0 = performance.now();
const tmp = mkdtempSync(join(tmpdir(), 'auth-elements-pack-'));
let tarball;
try {
  const [info] = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--loglevel=error', '--pack-destination', tmp], { cwd: root, env, encoding: 'utf8' }));
  tarball = join(tmp, info.filename);
  rmSync(packed, { recursive: true, force: true });
  mkdirSync(packed, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', packed, '--strip-components=1'], { stdio: 'inherit' });
  if (untar.status !== 0) fail(`could not unpack ${tarball}`);
} catch (err) {
  fail(`npm pack failed: ${err.message}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
// npm would run a `prepare` (and pack scripts) of a folder dependency, never of a registry
// package: drop them, the rest of the manifest is as published.
const manifestPath = join(packed, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
for (const script of ['prepare', 'prepack', 'postpack']) delete manifest.scripts?.[script];
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
const files = (function count(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(join(dir, e.name)) : 1), 0);
})(packed);
console.log(`check-examples: packed ${manifest.name}@${manifest.version} (${files} files) into examples/.pack/ (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

/** Runs a command in an example; resolves with its exit code and output (never rejects). */
function run(cwd, cmd, args) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (err) => done({ code: 1, out: `${out}${err.message}` }));
    child.on('close', (code) => done({ code: code ?? 1, out }));
  });
}

const sorted = (deps) => Object.fromEntries(Object.entries(deps ?? {}).sort(([a], [b]) => a.localeCompare(b)));

/** Why `npm ci` would install something other than this package.json and the fresh pack, or null. */
function staleLock(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  const top = lock.packages?.[''] ?? {};
  for (const field of ['dependencies', 'devDependencies']) {
    if (!isDeepStrictEqual(sorted(pkg[field]), sorted(top[field]))) return `package.json ${field} differ from the lock's`;
  }
  const entry = lock.packages?.['node_modules/auth-elements'];
  if (!entry) return 'the lock has no node_modules/auth-elements';
  if (entry.version !== manifest.version) return `the lock has auth-elements ${entry.version}, the pack is ${manifest.version}`;
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
    if (!isDeepStrictEqual(sorted(entry[field]), sorted(manifest[field]))) return `auth-elements' ${field} changed since the lock was written`;
  }
  return null;
}

/** The lock's and node_modules' auth-elements, gone (before `npm install` writes them anew). */
function forgetPackage(dir) {
  const lockFile = join(dir, 'package-lock.json');
  if (existsSync(lockFile)) {
    const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
    delete lock.packages?.['node_modules/auth-elements'];
    writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
  }
  rmSync(join(dir, 'node_modules', 'auth-elements'), { recursive: true, force: true });
}

/** node_modules/auth-elements ← the fresh pack (keeping any dependencies npm nested in it). */
function refreshPackage(dir) {
  const target = join(dir, 'node_modules', 'auth-elements');
  for (const entry of existsSync(target) ? readdirSync(target) : []) {
    if (entry !== 'node_modules') rmSync(join(target, entry), { recursive: true, force: true });
  }
  cpSync(packed, target, { recursive: true });
}

async function checkExample({ dir: name, label }) {
  const dir = join(examplesDir, name);
  const steps = [];
  const started = performance.now();
  const result = (ok, report = '') => ({ name, label, ok, report, steps, secs: ((performance.now() - started) / 1000).toFixed(1) });
  const step = async (label, cmd, args) => {
    const t = performance.now();
    const { code, out } = await run(dir, cmd, args);
    steps.push(`${label} ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return code === 0 ? null : `${label} failed (exit ${code}):\n${out.trim()}`;
  };

  if (updateLocks) {
    // npm keeps what the lock says of a file: dependency (its dependencies, its peers) even when
    // the pack changed: forget it, so the lock is written from the fresh pack.
    forgetPackage(dir);
    const problem = await step('npm install', npm, ['install', '--no-audit', '--no-fund', '--loglevel=error']);
    if (problem) return result(false, problem);
  } else {
    const stale = staleLock(dir);
    if (stale) return result(false, `examples/${name}/package-lock.json is out of date: ${stale}.\nRun \`node scripts/check-examples.mjs --update-locks\` and commit the locks.`);
    const stamp = join(dir, 'node_modules', '.package-lock.json');
    if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync(join(dir, 'package-lock.json')).mtimeMs) {
      const problem = await step('npm ci', npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
      if (problem) return result(false, problem);
    } else {
      refreshPackage(dir);
    }
  }
  const { scripts = {} } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const script of ['check', 'build'].filter((s) => scripts[s])) {
    const problem = await step(script, npm, ['run', script, '--silent']);
    if (problem) return result(false, problem);
  }
  return result(true);
}

const results = new Array(examples.length);
let next = 0;
await Promise.all(
  [0, 1].map(async () => {
    while (next < examples.length) {
      const i = next++;
      results[i] = await checkExample(examples[i]);
    }
  }),
);
let passed = 0;
let failed = 0;
for (const { name, label, ok, report, steps, secs } of results) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} examples/${name}: ${label} (${steps.join(', ') || 'no step'}; ${secs} s)`);
  if (!ok) console.log(report);
}
if (updateLocks) console.log('check-examples: locks rewritten by `npm install`; commit examples/*/package-lock.json');
console.log(`examples: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
