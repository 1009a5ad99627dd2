// The breach check through a real better-auth instance, without the internet. better-auth's
// haveIBeenPwned plugin takes no range-API URL and no fetch of its own: it calls the global
// fetch for https://api.pwnedpasswords.com/range/<prefix>. So for each test the global fetch is
// swapped for one that sends exactly that request to a local HTTP server answering the
// k-anonymity range format (hash suffixes with counts, padded with zero-count lines), and
// refuses every other request that would leave the process.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {createServer} from 'node:http';
import {betterAuth} from 'better-auth';
import {getMigrations} from 'better-auth/db/migration';
import {authElementsOptions} from './better-auth-plugin.js';
import {BREACH_CHECKED_PATHS, breachedPasswords} from './breached-passwords.js';
import {openDatabase} from './database.js';
import {createMailbox} from './mailbox.js';

const origin = 'http://localhost:3000';
const BREACHED = 'password123';
const FRESH = 'mauve otter quartz 19';
const sha1 = (text) => createHash('sha1').update(text).digest('hex').toUpperCase();

/** A local Pwned Passwords range API that knows `breached`; it records the prefixes asked for. */
async function rangeApi(breached, {status = 200} = {}) {
  const asked = [];
  const server = createServer((req, res) => {
    const prefix = /^\/range\/([0-9A-F]{5})$/.exec(req.url ?? '')?.[1];
    asked.push({prefix, padding: req.headers['add-padding']});
    if (!prefix || status !== 200) return res.writeHead(prefix ? status : 404).end();
    const lines = breached.map(sha1).filter((hash) => hash.startsWith(prefix)).map((hash) => `${hash.slice(5)}:3861493`);
    // Padding, as the real API adds with Add-Padding: true: suffixes nobody used, count 0.
    lines.push('0000000000000000000000000000000000A:0', 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF:0');
    res.writeHead(200, {'content-type': 'text/plain'}).end(lines.join('\r\n'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {asked, port, close: () => new Promise((resolve) => server.close(resolve))};
}

/** Routes the plugin's range requests to the local API for the duration of `run`; anything else that would leave is refused. */
async function withRangeApi(api, run) {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== 'https://api.pwnedpasswords.com') throw new Error(`no internet in this test: ${url}`);
    return realFetch(`http://127.0.0.1:${api.port}${url.pathname}`, init);
  };
  try {
    return await run();
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** A better-auth instance as the reference server builds it, with the breach check on. */
async function server(check = breachedPasswords()) {
  const mailbox = createMailbox({log: false});
  const {database} = await openDatabase({databasePath: ':memory:'});
  const auth = betterAuth(
    authElementsOptions({
      appName: 'Auth Elements',
      logger: {disabled: true},
      baseURL: origin,
      secret: 'breached-passwords-test-secret-0123456789',
      trustedOrigins: [origin],
      database,
      sendEmail: ({to, subject, text}) => mailbox.send({to, subject, text}),
      production: false,
      plugins: [check],
    }),
  );
  await (await getMigrations(auth.options)).runMigrations();
  let token = '';
  const call = async (path, body) => {
    const response = await auth.handler(
      new Request(`${origin}/api/auth${path}`, {
        method: 'POST',
        headers: {'content-type': 'application/json', origin, ...(token ? {authorization: `Bearer ${token}`} : {})},
        body: JSON.stringify(body),
      }),
    );
    token = response.headers.get('set-auth-token') ?? token;
    const text = await response.text();
    return {status: response.status, code: text ? JSON.parse(text).code : undefined};
  };
  const code = (email) => mailbox.list().filter((mail) => mail.to === email).at(-1)?.text.match(/\b\d{6}\b/)?.[0];
  return {auth, call, code};
}

test('checks the endpoints where the kit sets a password', () => {
  assert.deepEqual(BREACH_CHECKED_PATHS, ['/sign-up/email', '/email-otp/reset-password', '/reset-password', '/change-password', '/auth-elements/set-password']);
});

test('sign-up refuses a breached password with PASSWORD_COMPROMISED, sending only the first five hex digits of its SHA-1', async () => {
  const api = await rangeApi([BREACHED]);
  try {
    const {call} = await server();
    await withRangeApi(api, async () => {
      const refused = await call('/sign-up/email', {name: 'Pat', email: 'pat@example.com', password: BREACHED});
      assert.deepEqual([refused.status, refused.code], [400, 'PASSWORD_COMPROMISED']);
      const created = await call('/sign-up/email', {name: 'Pat', email: 'pat@example.com', password: FRESH});
      assert.equal(created.status, 200);
    });
    assert.deepEqual(api.asked, [
      {prefix: sha1(BREACHED).slice(0, 5), padding: 'true'},
      {prefix: sha1(FRESH).slice(0, 5), padding: 'true'},
    ]);
  } finally {
    await api.close();
  }
});

test('a password change and an emailed-code reset refuse a breached new password, and the old password still works', async () => {
  const api = await rangeApi([BREACHED]);
  try {
    const {auth, call, code} = await server();
    const email = 'lee@example.com';
    await withRangeApi(api, async () => {
      const {user} = await auth.api.signUpEmail({body: {name: 'Lee', email, password: FRESH}});
      await (await auth.$context).internalAdapter.updateUser(user.id, {emailVerified: true});
      assert.equal((await call('/sign-in/email', {email, password: FRESH})).status, 200);

      const change = await call('/change-password', {currentPassword: FRESH, newPassword: BREACHED});
      assert.deepEqual([change.status, change.code], [400, 'PASSWORD_COMPROMISED']);

      assert.equal((await call('/email-otp/send-verification-otp', {email, type: 'forget-password'})).status, 200);
      const reset = await call('/email-otp/reset-password', {email, otp: code(email), password: BREACHED});
      assert.deepEqual([reset.status, reset.code], [400, 'PASSWORD_COMPROMISED']);

      assert.equal((await call('/sign-in/email', {email, password: FRESH})).status, 200, 'the old password still signs in');
      assert.equal((await call('/sign-in/email', {email, password: BREACHED})).status, 401);
    });
  } finally {
    await api.close();
  }
});

test('while the range API fails, a new password is refused rather than let through unchecked', async () => {
  const api = await rangeApi([BREACHED], {status: 503});
  try {
    const {call} = await server();
    await withRangeApi(api, async () => {
      const refused = await call('/sign-up/email', {name: 'Sam', email: 'sam@example.com', password: FRESH});
      assert.equal(refused.status, 500);
    });
  } finally {
    await api.close();
  }
});

test('enabled: false checks nothing (no request leaves)', async () => {
  const api = await rangeApi([BREACHED]);
  try {
    const {call} = await server(breachedPasswords({enabled: false}));
    await withRangeApi(api, async () => {
      assert.equal((await call('/sign-up/email', {name: 'Kim', email: 'kim@example.com', password: BREACHED})).status, 200);
    });
    assert.deepEqual(api.asked, []);
  } finally {
    await api.close();
  }
});
