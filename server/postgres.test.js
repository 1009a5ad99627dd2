// The server on PostgreSQL: a fresh cluster from the machine's PostgreSQL binaries (apt's
// `postgresql`; .ci/run installs it), started on a free loopback port for these tests only.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile, execFileSync, spawn} from 'node:child_process';
import {chownSync, existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {freePort} from '../test/e2e/support.mjs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import pg from 'pg';
import {createCounter} from './rate-limit.js';

const CLI = fileURLToPath(new URL('./cli.js', import.meta.url));

/** The folder with initdb and pg_ctl: PG_BIN, Debian's /usr/lib/postgresql/<newest>/bin, or PATH. */
function findPostgresBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(join(debian, version, 'bin'));
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) candidates.push(dir);
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

const asRoot = process.getuid?.() === 0;
const bin = findPostgresBin();

/** Why the suite cannot run here, if it cannot. */
function skipReason() {
  if (!bin) return 'PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install -y postgresql, or set PG_BIN';
  if (asRoot) {
    try {
      execFileSync('id', ['-u', 'postgres'], {stdio: 'pipe'});
    } catch {
      return 'running as root and there is no `postgres` user to run PostgreSQL as (apt-get install -y postgresql creates it)';
    }
  }
  return false;
}

/**
 * Runs a PostgreSQL tool, as the `postgres` user when we are root (PostgreSQL refuses root).
 * @param {string} tool @param {string[]} args
 */
function pgTool(tool, args) {
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(/** @type {string} */ (bin), tool), ...args]] : [join(/** @type {string} */ (bin), tool), args];
  return new Promise((resolve, reject) => {
    execFile(command, argv, {timeout: 30_000}, (error, stdout, stderr) => (error ? reject(new Error(`${tool} failed: ${error.message}\n${stdout}${stderr}`)) : resolve(stdout)));
  });
}

/** A new cluster in a temp folder, listening on 127.0.0.1 and a socket in that folder only. */
async function startCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'auth-elements-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], {encoding: 'utf8'}));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], {encoding: 'utf8'}));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const stopSync = () => {
    try {
      const argv = ['-D', data, '-m', 'immediate', '-w', 'stop'];
      if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', join(/** @type {string} */ (bin), 'pg_ctl'), ...argv], {stdio: 'ignore'});
      else execFileSync(join(/** @type {string} */ (bin), 'pg_ctl'), argv, {stdio: 'ignore'});
    } catch {}
    rmSync(dir, {recursive: true, force: true});
  };
  // If the test process dies before `after` runs, still stop the server and remove the cluster.
  process.once('exit', stopSync);
  try {
    await pgTool('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await pgTool('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '20', 'start']);
  } catch (error) {
    stopSync();
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      process.removeListener('exit', stopSync);
      // Smart: waits for the connections to close. pool.end() resolves once its clients are told to
      // end, not once they have; a fast stop could still reach one and fail it in this process.
      await pgTool('pg_ctl', ['-D', data, '-m', 'smart', '-w', '-t', '20', 'stop']).catch(() => {});
      rmSync(dir, {recursive: true, force: true});
    },
  };
}

/**
 * Starts `auth-elements-server` (the bin) and waits for the line saying where it listens.
 * @param {Record<string, string>} env
 */
function startCli(env) {
  const child = spawn(process.execPath, [CLI], {env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "Auth API on" line in 15 s\n${stdout}${stderr}`)), 15_000);
    const check = () => {
      const match = /Auth API on (http:\/\/\S+)\/api\/auth/.exec(stdout);
      if (match && stdout.includes('Database:')) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code})\n${stdout}${stderr}`));
    });
  });
  return {child, listening: /** @type {Promise<string>} */ (listening), exited, output: () => stdout + stderr};
}

describe('PostgreSQL (DATABASE_URL)', {skip: skipReason()}, () => {
  /** @type {Awaited<ReturnType<typeof startCluster>>} */
  let cluster;
  /** @type {import('pg').Pool} */
  let pool;
  before(async () => {
    cluster = await startCluster();
    pool = new pg.Pool({connectionString: cluster.url});
  });
  after(async () => {
    await pool?.end();
    await cluster?.stop();
  });

  test('auth-elements-server on PostgreSQL: sign up, verify by code, sign in, session; limits counted in Postgres', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'auth-elements-pg-cli-'));
    t.after(() => rmSync(dir, {recursive: true, force: true}));
    const sqliteFile = join(dir, 'should-not-exist.db');
    const server = startCli({
      DATABASE_URL: cluster.url,
      DATABASE_PATH: sqliteFile,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      TRUSTED_ORIGINS: 'http://localhost:5173',
      BETTER_AUTH_SECRET: 'postgres-test-secret-0123456789-abcdefghij',
    });
    t.after(() => server.child.kill('SIGKILL'));
    const url = await server.listening;
    assert.match(server.output(), /Database: PostgreSQL postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres/);

    const api = (/** @type {string} */ path, /** @type {RequestInit} */ init = {}) => fetch(`${url}/api/auth${path}`, init);
    const post = (/** @type {string} */ path, /** @type {unknown} */ body, /** @type {Record<string, string>} */ headers = {}) =>
      api(path, {method: 'POST', headers: {'content-type': 'application/json', origin: url, ...headers}, body: JSON.stringify(body)});

    const capabilities = await (await api('/auth-elements/capabilities')).json();
    assert.equal(capabilities.emailPassword, true);
    assert.equal(capabilities.codeLength, 6);

    const email = 'pat@example.com';
    const signUp = await post('/sign-up/email', {name: 'Pat', email, password: 'postgres123'});
    assert.equal(signUp.status, 200, await signUp.clone().text());
    assert.equal((await signUp.json()).token, null, 'no session before the email is verified');

    const mail = await (await fetch(`${url}/__mail.json`)).json();
    const code = /\b(\d{6})\b/.exec(mail.at(-1)?.text ?? '')?.[1];
    assert.ok(code, 'the mailbox has the code');
    const verified = await post('/email-otp/verify-email', {email, otp: code});
    assert.equal(verified.status, 200, await verified.clone().text());
    assert.equal((await verified.json()).user.emailVerified, true);

    const signIn = await post('/sign-in/email', {email, password: 'postgres123'});
    assert.equal(signIn.status, 200, await signIn.clone().text());
    const token = signIn.headers.get('set-auth-token');
    assert.ok(token, 'bearer token in set-auth-token');
    const session = await (await api('/get-session', {headers: {authorization: `Bearer ${token}`}})).json();
    assert.equal(session?.user?.email, email);

    // The data and the rate-limit counters are in Postgres, not in a SQLite file.
    const users = await pool.query('SELECT "name", "emailVerified" FROM "user" WHERE "email" = $1', [email]);
    assert.deepEqual(users.rows, [{name: 'Pat', emailVerified: true}]);
    const buckets = await pool.query('SELECT "key", "count" FROM "rateLimitBucket" ORDER BY "key"');
    const keys = new Map(buckets.rows.map((row) => [row.key, row.count]));
    assert.equal(keys.get('127.0.0.1|/sign-up/email'), 1);
    assert.equal(keys.get('127.0.0.1|/sign-in/email'), 1);
    assert.equal(keys.get(`id:${email}:sign-in`), 1);
    assert.equal(keys.get(`id:${email}:verify`), 1);
    const column = await pool.query(`SELECT data_type FROM information_schema.columns WHERE table_name = 'rateLimitBucket' AND column_name = 'resetAt'`);
    assert.equal(column.rows[0]?.data_type, 'bigint');
    // Two-step verification's and passkeys' tables, with the kit's lastUsedAt on passkeys.
    const factorColumns = await pool.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ('twoFactor', 'passkey') AND column_name IN ('secret', 'backupCodes', 'credentialID', 'lastUsedAt') ORDER BY table_name, column_name`,
    );
    assert.deepEqual(
      factorColumns.rows.map((row) => `${row.table_name}.${row.column_name}`),
      ['passkey.credentialID', 'passkey.lastUsedAt', 'twoFactor.backupCodes', 'twoFactor.secret'],
    );
    assert.equal(existsSync(sqliteFile), false);

    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0, 'stops cleanly on SIGTERM (server and pool closed)');
  });

  test('the Postgres counter: fixed windows, and one step per request under concurrency', async () => {
    const counter = createCounter(pool);
    assert.equal(counter.kind, 'postgres');
    const rule = {window: 60, max: 3};
    const start = Date.now() + 3_600_000; // a clock of its own (an hour ahead), so no real time passes between steps
    const at = (/** @type {number} */ seconds) => counter.consume('window-test', rule, start + seconds * 1000);
    const allowed = [];
    for (const s of [0, 20, 40]) allowed.push((await at(s)).allowed);
    assert.deepEqual(allowed, [true, true, true]);
    assert.deepEqual(await at(50), {allowed: false, retryAfter: 10});
    assert.deepEqual(await at(55), {allowed: false, retryAfter: 5});
    assert.equal((await at(60)).allowed, true, 'a new window at 60 s');

    const results = await Promise.all(Array.from({length: 20}, () => counter.consume('burst-test', {window: 60, max: 5})));
    assert.equal(results.filter((result) => result.allowed).length, 5);
    assert.ok(results.filter((result) => !result.allowed).every((result) => result.retryAfter !== null && result.retryAfter >= 1));
    const row = await pool.query(`SELECT "count" FROM "rateLimitBucket" WHERE "key" = 'burst-test'`);
    assert.equal(row.rows[0].count, 6, 'refusals stop counting at max + 1');
  });
});
