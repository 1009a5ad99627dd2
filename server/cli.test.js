import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile, spawn} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const CLI = join(root, pkg.bin['auth-elements-server']);

/** Settings that must not leak in from the shell that runs the tests. */
const clean = () => {
  const env = {...process.env};
  for (const name of ['PORT', 'HOST', 'DATABASE_PATH', 'DATABASE_URL', 'TRUSTED_ORIGINS', 'TRUSTED_PROXY_HEADER', 'BETTER_AUTH_SECRET', 'BETTER_AUTH_SECRETS', 'NODE_ENV']) delete env[name];
  return env;
};

/**
 * Runs the bin to its end.
 * @param {Record<string, string>} env @param {string[]} [args] @param {string} [script]
 * @returns {Promise<{code: number | string | null, stdout: string, stderr: string}>}
 */
const run = (env, args = [], script = CLI) =>
  new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], {env: {...clean(), ...env}, timeout: 15_000}, (error, stdout, stderr) =>
      resolve({code: error ? (error.code ?? error.signal ?? null) : 0, stdout, stderr}),
    );
  });

test('the package declares the bin, and it is an executable node script', () => {
  assert.equal(pkg.bin['auth-elements-server'], './server/cli.js');
  assert.match(readFileSync(CLI, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  assert.ok(statSync(CLI).mode & 0o111, 'executable bit set');
});

test('auth-elements-server starts on SQLite, says where it listens, serves, and stops on SIGTERM', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'auth-elements-cli-'));
  t.after(() => rmSync(dir, {recursive: true, force: true}));
  const databasePath = join(dir, 'data', 'auth.db');
  const child = spawn(process.execPath, [CLI], {
    env: {...clean(), PORT: '0', DATABASE_PATH: databasePath, TRUSTED_ORIGINS: 'http://localhost:5173/, https://app.example.com'},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => child.kill('SIGKILL'));
  let stdout = '';
  child.stdout.setEncoding('utf8');
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not listening after 15 s: ${stdout}`)), 15_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /Auth API on (http:\/\/127\.0\.0\.1:\d+)\/api\/auth · dev mailbox \1\/__mail/.exec(stdout);
      if (match && stdout.includes('Trusted origins')) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  assert.ok(stdout.includes(`Database: SQLite ${databasePath}`));
  assert.ok(stdout.includes('Trusted origins: http://localhost:5173, https://app.example.com'));
  assert.ok(existsSync(databasePath), 'the SQLite file (and its folder) is created');
  const res = await fetch(`${url}/api/auth/auth-elements/capabilities`, {headers: {origin: 'http://localhost:5173'}});
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  assert.equal((await res.json()).version, 1);
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
});

test('configuration errors: a clear message on stderr, no stack, exit 1', async () => {
  const busy = createServer();
  await new Promise((resolve) => busy.listen(0, '127.0.0.1', () => resolve(undefined)));
  const busyPort = String(/** @type {import('node:net').AddressInfo} */ (busy.address()).port);
  const cases = /** @type {const} */ ([
    [{PORT: 'eighty'}, /PORT must be a port number/],
    [{DATABASE_URL: 'mysql://localhost/db', PORT: '0'}, /DATABASE_URL must be a PostgreSQL URL/],
    [{DATABASE_URL: 'postgres://user:hunter2@127.0.0.1:1/db', PORT: '0'}, /Cannot connect to the database in DATABASE_URL \(postgres:\/\/user:\*\*\*@127\.0\.0\.1:1\/db\)/],
    [{TRUSTED_ORIGINS: 'localhost:5173', PORT: '0'}, /TRUSTED_ORIGINS: "localhost:5173" is not an origin/],
    [{TRUSTED_PROXY_HEADER: 'x forwarded', PORT: '0', DATABASE_PATH: ':memory:'}, /trustedProxyHeader: "x forwarded" is not a header name/],
    [{NODE_ENV: 'production', PORT: '0', DATABASE_PATH: ':memory:'}, /BETTER_AUTH_SECRET is not set/],
    [{PORT: busyPort, DATABASE_PATH: ':memory:'}, /cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/],
  ]);
  try {
    const results = await Promise.all(cases.map(([env]) => run(env)));
    for (const [i, {code, stdout, stderr}] of results.entries()) {
      const [env, message] = cases[i];
      assert.equal(code, 1, `${JSON.stringify(env)}: ${stderr}`);
      assert.equal(stdout, '');
      assert.match(stderr, /^auth-elements-server: /);
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
      assert.doesNotMatch(stderr, /hunter2/, 'no password in messages');
    }
  } finally {
    busy.close();
  }
});

test('--help lists the settings; without better-auth installed it says what to install', async (t) => {
  const help = await run({}, ['--help']);
  assert.equal(help.code, 0);
  for (const name of ['PORT', 'HOST', 'DATABASE_PATH', 'DATABASE_URL', 'TRUSTED_ORIGINS', 'TRUSTED_PROXY_HEADER', 'BETTER_AUTH_SECRET', 'NODE_ENV']) {
    assert.ok(help.stdout.includes(name), name);
  }

  // A copy of server/ where no node_modules can be found: what an install without the peers sees.
  const dir = mkdtempSync(join(tmpdir(), 'auth-elements-nopeers-'));
  t.after(() => rmSync(dir, {recursive: true, force: true}));
  cpSync(join(root, 'server'), join(dir, 'server'), {recursive: true, filter: (source) => !source.endsWith('.test.js')});
  const {code, stdout, stderr} = await run({PORT: '0'}, [], join(dir, 'server', 'cli.js'));
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.match(stderr, /the package `[^`]+` is not installed/);
  assert.match(stderr, /npm install auth-elements better-auth better-sqlite3/);
  assert.doesNotMatch(stderr, /\n\s+at /);
});
