// The published server side: `auth-elements/better-auth`, its hand-kept types, the optional
// peers, and what `npm pack` ships from server/.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('auth-elements/better-auth resolves through the package exports to the plugin module and its types', async () => {
  const entry = pkg.exports['./better-auth'];
  assert.deepEqual(Object.keys(entry), ['types', 'default'], 'types first');
  for (const file of Object.values(entry)) assert.ok(existsSync(join(root, file)), file);
  const viaPackage = await import('auth-elements/better-auth');
  const direct = await import('./better-auth-plugin.js');
  assert.equal(viaPackage.authElements, direct.authElements);
  assert.equal(typeof viaPackage.authElementsOptions, 'function');
});

test('the hand-kept .d.ts declares exactly what the module exports', async () => {
  const module = await import('./better-auth-plugin.js');
  const dts = readFileSync(new URL('./better-auth-plugin.d.ts', import.meta.url), 'utf8');
  const declared = [...dts.matchAll(/^export declare (?:function|const) (\w+)/gm)].map((match) => match[1]);
  assert.deepEqual(declared.toSorted(), Object.keys(module).toSorted());
  for (const name of ['PASSWORD_MIN_LENGTH', 'PASSWORD_MAX_LENGTH', 'CODE_LENGTH', 'CAPABILITIES_VERSION', 'CAPABILITIES_PATH']) {
    const literal = new RegExp(`export declare const ${name}: '?([^';]+)'?;`).exec(dts)?.[1];
    assert.equal(literal, String(module[name]), name);
  }
});

test('better-auth, better-sqlite3, pg and sharp are optional peers (and dev dependencies)', () => {
  for (const name of ['better-auth', 'better-sqlite3', 'pg', 'sharp']) {
    assert.ok(pkg.peerDependencies?.[name], `${name} in peerDependencies`);
    assert.equal(pkg.peerDependenciesMeta?.[name]?.optional, true, `${name} optional`);
    assert.ok(pkg.devDependencies?.[name], `${name} in devDependencies`);
    assert.equal(pkg.dependencies?.[name], undefined, `${name} not a dependency`);
  }
});

test('npm pack ships the server modules, not their tests', async () => {
  const stdout = await new Promise((resolve, reject) =>
    execFile('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, timeout: 60_000, maxBuffer: 64 * 1024 * 1024}, (error, out) =>
      error ? reject(error) : resolve(out),
    ),
  );
  const files = JSON.parse(/** @type {string} */ (stdout))[0].files.map((/** @type {{path: string}} */ file) => file.path);
  const server = files.filter((/** @type {string} */ path) => path.startsWith('server/'));
  for (const path of ['server/cli.js', 'server/better-auth-plugin.js', 'server/better-auth-plugin.d.ts', 'server/standalone.js', 'server/rate-limit.js', 'server/database.js']) {
    assert.ok(server.includes(path), path);
  }
  assert.deepEqual(server.filter((/** @type {string} */ path) => path.endsWith('.test.js') || path.includes('fixtures')), []);
});
