#!/usr/bin/env node
// The package as npm would publish it (run after `npm run build`): publint --strict and
// arethetypeswrong (ESM only: the package has no CommonJS build) find nothing, and the packed
// files hold no declaration maps pointing at unshipped sources, no sources, no tests, and under
// define/ only the per-tag entries. Ends with `package: N passed, M failed`.
import {spawnSync} from 'node:child_process';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(cmd, args) {
  const result = spawnSync(cmd, args, {cwd: root, encoding: 'utf8'});
  return {ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim()};
}

/** Every file `npm pack` would put in the tarball. */
function packedFiles() {
  const {ok, output} = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']);
  if (!ok) throw new Error(`npm pack --dry-run failed:\n${output}`);
  return JSON.parse(output.slice(output.indexOf('[')))[0].files.map((file) => file.path);
}

const checks = [
  ['publint --strict', () => run(bin('publint'), ['--strict'])],
  ['arethetypeswrong (ESM only)', () => run(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--format', 'ascii'])],
  [
    'packed files',
    () => {
      const files = packedFiles();
      const wrong = files.filter(
        (path) =>
          path.endsWith('.d.ts.map') ||
          path.startsWith('src/') ||
          /\.test\.[cm]?[jt]s$/.test(path) ||
          (/^dist\/(lib|types)\/define\//.test(path) && !/\/define\/auth-[a-z-]+\.(js|js\.map|d\.ts)$/.test(path)),
      );
      const needed = ['LICENSE', 'README.md', 'package.json', 'custom-elements.json', 'dist/cdn/auth-elements.js', 'dist/lib/index.js', 'dist/types/index.d.ts'];
      const missing = needed.filter((path) => !files.includes(path));
      return {
        ok: !wrong.length && !missing.length,
        output: [wrong.length ? `should not ship: ${wrong.join(', ')}` : '', missing.length ? `missing: ${missing.join(', ')}` : '', `${files.length} files`]
          .filter(Boolean)
          .join('\n'),
      };
    },
  ],
];

let passed = 0;
let failed = 0;
for (const [name, check] of checks) {
  const {ok, output} = check();
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  if (!ok || process.env.VERBOSE) console.log(output.replace(/^/gm, '     '));
  ok ? passed++ : failed++;
}
console.log(`package: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
