#!/usr/bin/env node
// npm test: every check in order, stopping at the first failure. The last line of output is
// `steps: N passed, M failed` (counting steps; each step prints its own test counts).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const node = process.execPath;
const has = (p) => existsSync(join(root, p));

const nodeTestDirs = ['server', 'test/node', 'test/e2e'].filter(has);

/** @type {{name: string, cmd?: string, args?: string[], skip?: string}[]} */
const steps = [
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'build', cmd: node, args: ['scripts/build.mjs'] },
  // The generated React/Preact/Solid/Vue/Svelte types, used by fixture apps (test-types/).
  { name: 'framework types (scripts/check-types.mjs)', cmd: node, args: ['scripts/check-types.mjs'] },
  { name: 'examples: pack, install, type-check, build (scripts/check-examples.mjs)', cmd: node, args: ['scripts/check-examples.mjs'] },
  // Real pages in Chromium, every script they fetch summed: sign-in page ≤ 42 KB, every element ≤ 120 KB.
  { name: 'page-weight budgets (scripts/page-budget.mjs)', cmd: node, args: ['scripts/page-budget.mjs'] },
  // The package as published: publint --strict, arethetypeswrong, the packed file list.
  { name: 'package (scripts/check-package.mjs)', cmd: node, args: ['scripts/check-package.mjs'] },
  { name: 'browser tests (web-test-runner)', cmd: bin('web-test-runner'), args: [] },
  nodeTestDirs.length
    ? { name: `node tests (${nodeTestDirs.join(', ')})`, cmd: node, args: ['--test', ...nodeTestDirs.map((d) => `${d}/`)] }
    : { name: 'node tests', skip: 'neither server/ nor test/e2e/ exists' },
  // One run per built-in theme, plus Arabic (vitest.config.ts: the `storybook` project's instances).
  { name: 'story tests, every theme and Arabic (vitest --project storybook)', cmd: bin('vitest'), args: ['run', '--project', 'storybook'] },
];

function run(cmd, args) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    child.on('error', (err) => {
      console.error(err.message);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const line = '='.repeat(72);
let passed = 0;
let failed = 0;
const results = [];
for (const [i, step] of steps.entries()) {
  const title = `[${i + 1}/${steps.length}] ${step.name}`;
  console.log(`\n${line}\n${title}\n${line}`);
  if (step.skip) {
    console.log(`SKIPPED: ${step.skip}`);
    results.push(`  skipped  ${step.name} (${step.skip})`);
    continue;
  }
  const t0 = performance.now();
  const code = await run(step.cmd, step.args);
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  if (code === 0) {
    passed++;
    results.push(`  passed   ${step.name} (${secs} s)`);
  } else {
    failed++;
    results.push(`  FAILED   ${step.name} (exit ${code}, ${secs} s)`);
    console.error(`\n${title} FAILED (exit ${code}); later steps not run`);
    break;
  }
}

console.log(`\n${line}\n${results.join('\n')}\n${line}`);
console.log(`steps: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
