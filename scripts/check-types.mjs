#!/usr/bin/env node
// Type-checks the generated framework types (dist/types/frameworks/, written by `npm run build`)
// the way an app would use them: test-types/ is a small project with its own package.json and
// lock (React 19 types, Preact, Solid, Vue + vue-tsc, Svelte 5 + svelte-check, TypeScript); the
// built package is put into its node_modules/auth-elements exactly as `npm pack` would publish it
// (so package.json `exports` and `files` are part of the test), with its own dependencies linked
// from the repo's node_modules.
//
// Each fixture holds uses that must type-check and uses that must not: `// @ts-expect-error` in
// .tsx, `<!-- @vue-expect-error -->` in .vue, and in .svelte (svelte-check has no such comment)
// `<!-- expect-error: why -->` on the line before, matched here against svelte-check's output.
//
// Needs the npm registry only the first time (`npm ci` when test-types/node_modules is missing or
// older than the lock). Last line: `types: N passed, M failed`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'test-types');
const modules = join(fixtures, 'node_modules');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function fail(message) {
  console.error(`check-types: ${message}`);
  console.log('types: 0 passed, 1 failed');
  process.exit(1);
}

// 1. The fixtures' own dependencies.
const lock = join(fixtures, 'package-lock.json');
const installed = join(modules, '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log('check-types: npm ci in test-types/');
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: fixtures, stdio: 'inherit' });
  if (r.status !== 0) fail('npm ci in test-types/ failed');
}

// 2. The package as published: the files `npm pack` would put in the tarball.
if (!existsSync(join(root, 'dist', 'types', 'frameworks'))) fail('no dist/types/frameworks: run `npm run build` first');
const [packed] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], { cwd: root, encoding: 'utf8' }));
const target = join(modules, pkg.name);
rmSync(target, { recursive: true, force: true });
for (const { path } of packed.files) {
  mkdirSync(dirname(join(target, path)), { recursive: true });
  cpSync(join(root, path), join(target, path));
}
// Its dependencies, where npm would nest them (the repo has them installed).
for (const dep of Object.keys(pkg.dependencies ?? {})) {
  const link = join(target, 'node_modules', dep);
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(join(root, 'node_modules', dep), link, 'dir');
}

// 3. One check per framework.
const bin = (name) => join(modules, '.bin', name);
const checks = [
  { name: 'React 19 (tsc)', cmd: bin('tsc'), args: ['-p', 'react/tsconfig.json'], dir: 'react' },
  { name: 'Preact (tsc)', cmd: bin('tsc'), args: ['-p', 'preact/tsconfig.json'], dir: 'preact' },
  { name: 'Solid (tsc)', cmd: bin('tsc'), args: ['-p', 'solid/tsconfig.json'], dir: 'solid' },
  { name: 'Vue 3 (vue-tsc, strictTemplates)', cmd: bin('vue-tsc'), args: ['-p', 'vue/tsconfig.json'], dir: 'vue' },
  { name: 'Svelte 5 (svelte-check)', svelte: 'svelte', dir: 'svelte' },
  // All five generated files in one program with skipLibCheck off (the fixtures skip library
  // checks, as apps do, which would turn an error inside a generated .d.ts into a silent `any`).
  { name: 'the generated .d.ts files themselves (tsc, skipLibCheck off)', cmd: bin('tsc'), args: ['-p', 'declarations/tsconfig.json'] },
];

/** Runs a command; resolves with its exit code and output (never rejects). */
function run(cmd, args) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: fixtures });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (err) => done({ code: 1, out: `${out}${err.message}` }));
    child.on('close', (code) => done({ code: code ?? 1, out }));
  });
}

/** svelte-check: no errors but the expected ones, and every expected one present. */
async function checkSvelte(dir) {
  const { out } = await run(bin('svelte-check'), ['--workspace', dir, '--output', 'machine', '--tsconfig', join(fixtures, dir, 'tsconfig.json')]);
  const problems = [];
  for (const line of out.split('\n')) {
    // <timestamp> ERROR "file" line:col "message"   (line is 1-based)
    const m = line.match(/^\d+ (ERROR|WARNING) "([^"]+)" (\d+):(\d+) "(.*)"$/);
    if (m) problems.push({ kind: m[1], file: m[2], line: Number(m[3]), message: m[5] });
  }
  const expected = [];
  for (const file of readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.svelte'))) {
    readFileSync(join(fixtures, dir, file), 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = text.match(/<!-- expect-error: (.*) -->/);
        if (m) expected.push({ file, line: i + 2, why: m[1] });
      });
  }
  const at = (p, want) => p.file.endsWith(want.file) && p.line === want.line;
  const report = [
    ...expected.filter((want) => !problems.some((p) => at(p, want))).map((want) => `${dir}/${want.file}:${want.line}: expected an error (${want.why}), got none`),
    ...problems.filter((p) => !expected.some((want) => at(p, want))).map((p) => `${dir}/${p.file}:${p.line}: ${p.kind} ${p.message}`),
  ];
  if (!/COMPLETED/.test(out)) report.push(`svelte-check did not complete:\n${out}`);
  return { ok: report.length === 0, report: report.join('\n') };
}

/** How many uses a fixture expects to fail (its expect-error comments). */
function rejectedUses(dir) {
  return readdirSync(join(fixtures, dir))
    .filter((f) => /\.(tsx|vue|svelte)$/.test(f))
    .reduce((n, f) => n + (readFileSync(join(fixtures, dir, f), 'utf8').match(/@ts-expect-error|@vue-expect-error|<!-- expect-error:/g)?.length ?? 0), 0);
}

async function runCheck(check) {
  const t0 = performance.now();
  const { ok, report } = check.svelte
    ? await checkSvelte(check.svelte)
    : await run(check.cmd, check.args).then(({ code, out }) => ({ ok: code === 0, report: out.trim() }));
  return { check, ok, report, secs: ((performance.now() - t0) / 1000).toFixed(1) };
}

// Two at a time (tsc is single-threaded); results print in order.
const results = new Array(checks.length);
let next = 0;
await Promise.all(
  [0, 1].map(async () => {
    while (next < checks.length) {
      const i = next++;
      results[i] = await runCheck(checks[i]);
    }
  }),
);
let passed = 0;
let failed = 0;
for (const { check, ok, report, secs } of results) {
  if (ok) passed++;
  else failed++;
  const rejected = check.dir ? rejectedUses(check.dir) : 0;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${check.name}${rejected ? `: accepted uses, and ${rejected} rejected ones` : ''} (${secs} s)`);
  if (!ok) console.log(report.replaceAll(`${fixtures}/`, ''));
}
console.log(`check-types: ${relative(root, target)} ← ${packed.files.length} packed files`);
console.log(`types: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
