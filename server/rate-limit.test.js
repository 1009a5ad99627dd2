import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {request} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import Database from 'better-sqlite3';
import {createAuth} from './auth.js';
import {CLIENT_IP_HEADER} from './client-ip.js';
import {ConfigurationError} from './config.js';
import {createMailbox} from './mailbox.js';
import {DEFAULT_RATE_LIMITS, betterAuthRateLimit, createCounter, resolveRateLimits} from './rate-limit.js';
import {startServer} from './standalone.js';
import {httpServer} from './fixtures/http-people.js';

const quiet = {log: false, logLevel: /** @type {const} */ ('error')};
const SECRET = 'test-secret-that-is-long-enough-0123456789';

/**
 * One HTTP request with full control of the socket's local address and the headers.
 * @param {string} base
 * @param {string} path  under /api/auth
 * @param {{method?: string, headers?: Record<string, string>, body?: unknown, from?: string}} [options]
 * @returns {Promise<{status: number, headers: import('node:http').IncomingHttpHeaders, body: string}>}
 */
function call(base, path, {method = 'GET', headers = {}, body, from} = {}) {
  const url = new URL(`/api/auth${path}`, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        localAddress: from,
        agent: false,
        headers: {origin: url.origin, ...(payload ? {'content-type': 'application/json'} : {}), ...headers},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, body: text}));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Statuses of `count` calls made one after another, each with the options `options(i)` gives. */
async function statuses(base, path, count, options) {
  const result = [];
  for (let i = 0; i < count; i++) result.push((await call(base, path, options(i))).status);
  return result;
}

/** @param {{status: number, headers: import('node:http').IncomingHttpHeaders, body: string}} res */
function assertTooMany(res, window = 60) {
  assert.equal(res.status, 429);
  const retryAfter = Number(res.headers['x-retry-after']);
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= window, `X-Retry-After ${res.headers['x-retry-after']}`);
  assert.match(JSON.parse(res.body).message, /too many requests/i);
}

test('rotating X-Forwarded-For does not escape the limit unless a proxy header is trusted', async (t) => {
  const server = await startServer({port: 0, databasePath: ':memory:', ...quiet, production: true, secret: SECRET, trustedProxyHeader: '', rateLimit: {max: 3}});
  t.after(() => server.close());
  const results = await statuses(server.url, '/ok', 4, (i) => ({headers: {'x-forwarded-for': `203.0.113.${i + 1}`}}));
  assert.deepEqual(results, [200, 200, 200, 429]);
  assertTooMany(await call(server.url, '/ok', {headers: {'x-forwarded-for': '198.51.100.7'}}));
});

test('two socket addresses do not share a bucket', async (t) => {
  const server = await startServer({port: 0, databasePath: ':memory:', ...quiet, production: true, secret: SECRET, trustedProxyHeader: '', rateLimit: {max: 2}});
  t.after(() => server.close());
  assert.deepEqual(await statuses(server.url, '/ok', 3, () => ({from: '127.0.0.1'})), [200, 200, 429]);
  assert.deepEqual(await statuses(server.url, '/ok', 3, () => ({from: '127.0.0.2'})), [200, 200, 429]);
});

test('a spoofed private client-address header is ignored', async (t) => {
  const server = await startServer({port: 0, databasePath: ':memory:', ...quiet, production: true, secret: SECRET, trustedProxyHeader: '', rateLimit: {max: 2}});
  t.after(() => server.close());
  const results = await statuses(server.url, '/ok', 4, (i) => ({headers: {[CLIENT_IP_HEADER]: `192.0.2.${i + 1}`}}));
  assert.deepEqual(results, [200, 200, 429, 429]);
});

test('with a trusted proxy header, its rightmost entry is the client', async (t) => {
  const server = await startServer({port: 0, databasePath: ':memory:', ...quiet, production: true, secret: SECRET, trustedProxyHeader: 'X-Forwarded-For', rateLimit: {max: 2}});
  t.after(() => server.close());
  const via = (client, forged = '') => ({headers: {'x-forwarded-for': `${forged}${client}`}});

  assert.deepEqual(await statuses(server.url, '/ok', 3, () => via('10.0.0.1')), [200, 200, 429]);
  // Another client behind the same proxy has its own bucket.
  assert.deepEqual(await statuses(server.url, '/ok', 2, () => via('10.0.0.2')), [200, 200]);
  // Entries the client wrote itself (left of the proxy's) change nothing.
  assert.deepEqual(await statuses(server.url, '/ok', 2, (i) => via('10.0.0.1', `172.16.0.${i}, `)), [429, 429]);
  // Nor does the private header, even next to the trusted one.
  const spoofed = await call(server.url, '/ok', {headers: {'x-forwarded-for': '10.0.0.1', [CLIENT_IP_HEADER]: '10.9.9.9'}});
  assert.equal(spoofed.status, 429);
  // A request that did not come through the proxy counts as the socket's peer.
  assert.deepEqual(await statuses(server.url, '/ok', 3, () => ({from: '127.0.0.3'})), [200, 200, 429]);
});

test('attempts per email are limited across addresses, and answer 429 with X-Retry-After', async (t) => {
  const server = await startServer({
    port: 0,
    databasePath: ':memory:',
    ...quiet,
    production: true,
    secret: SECRET,
    trustedProxyHeader: 'x-forwarded-for',
    rateLimit: {authMax: 100, identifierMax: 3},
  });
  t.after(() => server.close());
  const send = (email, i) => ({method: 'POST', body: {email, type: 'sign-in'}, headers: {'x-forwarded-for': `10.1.0.${i + 1}`}});
  const emails = ['ada@example.com', 'ADA@example.com', 'Ada@Example.COM', 'ada@example.com'];

  // Sign-in codes go only to accounts that exist.
  const signedUp = await call(server.url, '/sign-up/email', {method: 'POST', body: {name: 'Ada', email: 'ada@example.com', password: 'analytical-engine-1843'}, headers: {'x-forwarded-for': '10.9.0.1'}});
  assert.equal(signedUp.status, 200);
  const mailed = server.mailbox.list().length;

  const results = [];
  for (const [i, email] of emails.entries()) results.push(await call(server.url, '/email-otp/send-verification-otp', send(email, i)));
  assert.deepEqual(results.map((res) => res.status), [200, 200, 200, 429]);
  assertTooMany(results[3]);
  assert.equal(server.mailbox.list().length, mailed + 3, 'the refused request sent no mail');

  // Another account is not affected, and each group of endpoints counts on its own.
  assert.equal((await call(server.url, '/email-otp/send-verification-otp', send('bo@example.com', 9))).status, 200);
  const signIn = (path, body, i) => call(server.url, path, {method: 'POST', body, headers: {'x-forwarded-for': `10.2.0.${i}`}});
  for (let i = 0; i < 3; i++) assert.notEqual((await signIn('/sign-in/email-otp', {email: 'ada@example.com', otp: '000000'}, i)).status, 429);
  // Password and code sign-in share the sign-in bucket; refused before any hashing.
  assertTooMany(await signIn('/sign-in/email', {email: 'Ada@example.com', password: 'whatever1'}, 7));
});

test('counts live in the database and a second server on the same file sees them', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'auth-elements-rl-'));
  t.after(() => rmSync(dir, {recursive: true, force: true}));
  const databasePath = join(dir, 'auth.db');
  const options = {databasePath, baseURL: 'http://127.0.0.1:1', mailbox: createMailbox({log: false}), logLevel: /** @type {const} */ ('error'), production: false, rateLimit: {max: 2, identifierMax: 2}};
  const get = (auth) => auth.handler(new Request('http://127.0.0.1:1/api/auth/ok', {headers: {[CLIENT_IP_HEADER]: '10.3.0.1'}}));
  const send = (auth) =>
    auth.handler(
      new Request('http://127.0.0.1:1/api/auth/email-otp/send-verification-otp', {
        method: 'POST',
        headers: {'content-type': 'application/json', origin: 'http://127.0.0.1:1', [CLIENT_IP_HEADER]: '10.3.0.1'},
        body: JSON.stringify({email: 'cy@example.com', type: 'sign-in'}),
      }),
    );

  const first = await createAuth(options);
  assert.equal((await get(first)).status, 200);
  assert.equal((await send(first)).status, 200);

  const db = new Database(databasePath, {readonly: true});
  t.after(() => db.close());
  const keys = db.prepare('SELECT "key", "count" FROM "rateLimitBucket" ORDER BY "key"').all();
  assert.deepEqual(keys, [
    {key: '10.3.0.1|/email-otp/send-verification-otp', count: 1},
    {key: '10.3.0.1|/ok', count: 1},
    {key: 'id:cy@example.com:send', count: 1},
  ]);

  const second = await createAuth(options);
  assert.equal((await get(second)).status, 200);
  assert.equal((await get(second)).status, 429);
  assert.equal((await send(second)).status, 200);
  const refused = await send(second);
  assert.equal(refused.status, 429);
  assert.ok(Number(refused.headers.get('x-retry-after')) >= 1);
});

test('limits are on in every mode; production is stricter', () => {
  const counter = createCounter(new Database(':memory:'));
  for (const production of [true, false]) {
    const config = betterAuthRateLimit(resolveRateLimits(undefined, production), counter);
    assert.equal(config.enabled, true);
    assert.equal(typeof config.customStorage.consume, 'function');
    assert.deepEqual(config.customRules['/sign-in/**'], {window: 60, max: production ? 10 : 100});
  }
  assert.ok(DEFAULT_RATE_LIMITS.production.identifierMax < DEFAULT_RATE_LIMITS.development.identifierMax);
  // A rule of the caller's wins over the built-in one for the same path.
  const custom = betterAuthRateLimit(resolveRateLimits({customRules: {'/sign-in/email': {window: 10, max: 1}}}, true), counter);
  assert.equal(Object.keys(custom.customRules)[0], '/sign-in/email');
  assert.throws(() => resolveRateLimits({max: 0}, true), ConfigurationError);
});

for (const [kind, database] of /** @type {const} */ ([['sqlite', () => new Database(':memory:')], ['memory', () => undefined]])) {
  test(`windows are fixed (${kind}): a client that never pauses gets \`max\` per window, not \`max\` in all`, async () => {
    const counter = createCounter(database());
    assert.equal(counter.kind, kind);
    const rule = {window: 60, max: 3};
    const at = (seconds) => counter.consume('k', rule, seconds * 1000);
    const allowed = async (...seconds) => {
      const result = [];
      for (const s of seconds) result.push((await at(s)).allowed);
      return result;
    };
    assert.deepEqual(await allowed(0, 20, 40), [true, true, true]);
    assert.deepEqual(await at(50), {allowed: false, retryAfter: 10});
    // A new window at 60 s, although the last request was only 10 s ago.
    assert.deepEqual(await allowed(60, 80, 100), [true, true, true]);
    assert.equal((await at(110)).allowed, false);
  });
}

test('production without a proper BETTER_AUTH_SECRET refuses to start', async () => {
  for (const secret of ['', 'too-short']) {
    await assert.rejects(startServer({port: 0, databasePath: ':memory:', ...quiet, production: true, secret}), (error) => {
      assert.ok(error instanceof ConfigurationError);
      assert.match(error.message, /BETTER_AUTH_SECRET/);
      assert.match(error.message, /openssl rand -base64 32/);
      return true;
    });
  }
  await assert.rejects(
    createAuth({databasePath: ':memory:', mailbox: createMailbox({log: false}), production: true, secret: ''}),
    ConfigurationError,
  );
});

test('npm run server prints the secret message and exits non-zero', async () => {
  const script = fileURLToPath(new URL('./standalone.js', import.meta.url));
  const env = {...process.env, NODE_ENV: 'production', BETTER_AUTH_SECRET: '', PORT: '0', DATABASE_PATH: ':memory:'};
  delete env.BETTER_AUTH_SECRETS;
  const {code, stdout, stderr} = await new Promise((resolve) => {
    execFile(process.execPath, [script], {env, timeout: 10_000}, (error, stdout, stderr) =>
      resolve({code: error ? error.code : 0, stdout, stderr}),
    );
  });
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.match(stderr, /BETTER_AUTH_SECRET is not set/);
  assert.match(stderr, /openssl rand -base64 32/);
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
});

test('organization invitations send email: limited per address by authMax, and per invited email from any organization', async (t) => {
  const server = await httpServer({rateLimit: {authMax: 4, identifierMax: 2}});
  t.after(() => server.close());
  const {owner, organizationId} = await server.organization();
  const invite = async (/** @type {typeof owner} */ who, /** @type {string} */ email, /** @type {string} */ id = organizationId) =>
    (await who.call('/organization/invite-member', {email, role: 'member', organizationId: id, resend: true})).status;
  // Per invited email: the second organization's invitation to the same address is refused.
  assert.deepEqual([await invite(owner, 'ivy@example.com'), await invite(owner, 'ivy@example.com')], [200, 200]);
  const other = await server.organization();
  assert.equal(await invite(other.owner, 'IVY@example.com', other.organizationId), 429);
  // Per address (every call here comes from 127.0.0.1, the refused one counted too): authMax a window, whatever the email.
  assert.equal(await invite(owner, 'max@example.com'), 200);
  const refused = await owner.call('/organization/invite-member', {email: 'mo@example.com', role: 'member', organizationId});
  assert.equal(refused.status, 429);
  assert.match(refused.body.message, /too many requests/i);
  assert.equal(server.mailbox.list().filter((mail) => mail.subject.startsWith('You are invited')).length, 3, 'refused invitations sent no mail');
});
