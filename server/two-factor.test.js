// Two-step verification on the reference server, in process: what better-auth 1.7 answers at
// each step (the better-auth adapter maps these codes; docs/backend.md lists them).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Secret, TOTP} from 'otpauth';
import {createAuth} from './auth.js';
import {createMailbox} from './mailbox.js';
import {browserCalls} from './fixtures/browser.js';

const origin = 'http://localhost:3000';
const password = 'correct horse 1';

async function server() {
  const auth = await createAuth({databasePath: ':memory:', baseURL: origin, trustedOrigins: [origin], mailbox: createMailbox({log: false}), logLevel: 'error'});
  return auth;
}

/** A browser: its cookies, sent back on every request. */
const browser = (auth) => browserCalls({origin, send: (url, init) => auth.handler(new Request(url, init))});

/** A bearer-mode client on another site: no cookies, its token and the kit's relay header. */
function bearerClient(auth) {
  let token = '';
  let relayed = '';
  /** @param {string} path @param {unknown} [body] */
  const call = async (path, body) => {
    const response = await auth.handler(
      new Request(`${origin}/api/auth${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {'content-type': 'application/json', origin, 'x-auth-elements-cookies': relayed, ...(token ? {authorization: `Bearer ${token}`} : {})},
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    token = response.headers.get('set-auth-token') ?? token;
    relayed = response.headers.get('x-auth-elements-cookies') ?? relayed;
    const text = await response.text();
    return {status: response.status, body: text ? JSON.parse(text) : null, relayed, exposed: response.headers.get('access-control-expose-headers')};
  };
  return {call};
}

/** A verified user signed in on a new browser. */
async function signedIn(auth, email) {
  const {user} = await auth.api.signUpEmail({body: {name: 'Tess', email, password}});
  await (await auth.$context).internalAdapter.updateUser(user.id, {emailVerified: true});
  const b = browser(auth);
  assert.equal((await b.call('/sign-in/email', {email, password})).status, 200);
  return b;
}

/** Turns two-step on for a signed-in browser: the key (base32) and the backup codes. */
async function enable(b) {
  const enabled = await b.call('/two-factor/enable', {password});
  assert.equal(enabled.status, 200);
  const secret = new URL(enabled.body.totpURI).searchParams.get('secret');
  assert.ok(secret);
  const code = TOTP.generate({secret: Secret.fromBase32(secret)});
  assert.equal((await b.call('/two-factor/verify-totp', {code})).status, 200);
  return {secret, backupCodes: enabled.body.backupCodes, uri: enabled.body.totpURI};
}

const code = (secret) => TOTP.generate({secret: Secret.fromBase32(secret)});
const wrong = (secret) => String((Number(code(secret)) + 500_000) % 1_000_000).padStart(6, '0');

test('setting up: the URI names the app as issuer, ten backup codes, on once a code confirms it', async () => {
  const auth = await server();
  const b = await signedIn(auth, 'setup@example.com');
  const refused = await b.call('/two-factor/enable', {password: 'wrong password 9'});
  assert.deepEqual([refused.status, refused.body.code], [400, 'INVALID_PASSWORD']);
  const enabled = await b.call('/two-factor/enable', {password});
  const uri = new URL(enabled.body.totpURI);
  assert.equal(uri.searchParams.get('issuer'), 'Auth Elements');
  assert.match(decodeURIComponent(uri.pathname), /setup@example\.com/);
  assert.equal(enabled.body.backupCodes.length, 10);
  assert.equal((await b.call('/get-session')).body.user.twoFactorEnabled, false);
  const secret = uri.searchParams.get('secret');
  const bad = await b.call('/two-factor/verify-totp', {code: wrong(secret)});
  assert.deepEqual([bad.status, bad.body.code], [401, 'INVALID_CODE']);
  assert.equal((await b.call('/two-factor/verify-totp', {code: code(secret)})).status, 200);
  assert.equal((await b.call('/get-session')).body.user.twoFactorEnabled, true, 'the new session cookie says it is on');
});

test('sign-in asks for the code; wrong, right; a backup code once and only once', async () => {
  const auth = await server();
  const {secret, backupCodes} = await enable(await signedIn(auth, 'signin@example.com'));
  const b = browser(auth);
  const first = await b.call('/sign-in/email', {email: 'signin@example.com', password});
  assert.equal(first.body.twoFactorRedirect, true);
  assert.ok(first.body.twoFactorMethods.includes('totp'));
  assert.equal((await b.call('/get-session')).body, null);
  const bad = await b.call('/two-factor/verify-totp', {code: wrong(secret)});
  assert.deepEqual([bad.status, bad.body.code], [401, 'INVALID_CODE']);
  const good = await b.call('/two-factor/verify-totp', {code: code(secret)});
  assert.equal(good.status, 200);
  assert.equal(good.body.user.email, 'signin@example.com');
  assert.equal((await b.call('/get-session')).body.user.email, 'signin@example.com');

  const c = browser(auth);
  await c.call('/sign-in/email', {email: 'signin@example.com', password});
  assert.equal((await c.call('/two-factor/verify-backup-code', {code: backupCodes[0]})).status, 200);
  const d = browser(auth);
  await d.call('/sign-in/email', {email: 'signin@example.com', password});
  const reused = await d.call('/two-factor/verify-backup-code', {code: backupCodes[0]});
  // better-auth forgets a used code (it would answer INVALID_BACKUP_CODE); the kit remembers it.
  assert.deepEqual([reused.status, reused.body.code], [401, 'BACKUP_CODE_USED']);
  const wrongCode = await d.call('/two-factor/verify-backup-code', {code: 'nope0-nope0'});
  assert.deepEqual([wrongCode.status, wrongCode.body.code], [401, 'INVALID_BACKUP_CODE']);
  // A used code still counts as a wrong try, and the next right one works.
  assert.equal((await d.call('/two-factor/verify-backup-code', {code: backupCodes[1]})).status, 200);
});

test('new backup codes replace the old; turning it off stops the step', async () => {
  const auth = await server();
  const owner = await signedIn(auth, 'codes@example.com');
  const {backupCodes} = await enable(owner);
  const before = browser(auth);
  await before.call('/sign-in/email', {email: 'codes@example.com', password});
  assert.equal((await before.call('/two-factor/verify-backup-code', {code: backupCodes[0]})).status, 200);
  const fresh = await owner.call('/two-factor/generate-backup-codes', {password});
  assert.equal(fresh.status, 200);
  assert.equal(fresh.body.backupCodes.length, 10);
  const b = browser(auth);
  await b.call('/sign-in/email', {email: 'codes@example.com', password});
  assert.equal((await b.call('/two-factor/verify-backup-code', {code: backupCodes[1]})).body.code, 'INVALID_BACKUP_CODE');
  // A code used before the new ones came is now simply wrong.
  assert.equal((await b.call('/two-factor/verify-backup-code', {code: backupCodes[0]})).body.code, 'INVALID_BACKUP_CODE');
  assert.equal((await b.call('/two-factor/verify-backup-code', {code: fresh.body.backupCodes[0]})).status, 200);
  // The used list started over with the new codes: a new code used once is remembered.
  const c = browser(auth);
  await c.call('/sign-in/email', {email: 'codes@example.com', password});
  assert.equal((await c.call('/two-factor/verify-backup-code', {code: fresh.body.backupCodes[0]})).body.code, 'BACKUP_CODE_USED');

  const off = await owner.call('/two-factor/disable', {password: 'wrong password 9'});
  assert.deepEqual([off.status, off.body.code], [400, 'INVALID_PASSWORD']);
  assert.equal((await owner.call('/two-factor/disable', {password})).status, 200);
  const again = await browser(auth).call('/sign-in/email', {email: 'codes@example.com', password});
  assert.equal(again.body.twoFactorRedirect, undefined);
  assert.equal(again.body.user.email, 'codes@example.com');
  const noCodes = await owner.call('/two-factor/generate-backup-codes', {password});
  assert.deepEqual([noCodes.status, noCodes.body.code], [400, 'TWO_FACTOR_NOT_ENABLED']);
});

test('five wrong codes end the sign-in; without its cookie the step is refused', async () => {
  const auth = await server();
  const {secret} = await enable(await signedIn(auth, 'locked@example.com'));
  const b = browser(auth);
  await b.call('/sign-in/email', {email: 'locked@example.com', password});
  for (let i = 0; i < 5; i++) assert.equal((await b.call('/two-factor/verify-totp', {code: wrong(secret)})).body.code, 'INVALID_CODE');
  const sixth = await b.call('/two-factor/verify-totp', {code: code(secret)});
  assert.deepEqual([sixth.status, sixth.body.code], [400, 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE']);
  const after = await b.call('/two-factor/verify-totp', {code: code(secret)});
  assert.deepEqual([after.status, after.body.code], [401, 'INVALID_TWO_FACTOR_COOKIE']);
  // No sign-in waiting (or its cookie expired: the browser drops it after 10 minutes).
  const none = await browser(auth).call('/two-factor/verify-totp', {code: code(secret)});
  assert.deepEqual([none.status, none.body.code], [401, 'INVALID_TWO_FACTOR_COOKIE']);
});

test('an expired half-done sign-in: INVALID_TWO_FACTOR_COOKIE', async () => {
  const auth = await server();
  const {secret} = await enable(await signedIn(auth, 'expired@example.com'));
  const b = browser(auth);
  await b.call('/sign-in/email', {email: 'expired@example.com', password});
  const context = await auth.$context;
  await context.adapter.updateMany({model: 'verification', where: [{field: 'identifier', operator: 'starts_with', value: '2fa-'}], update: {expiresAt: new Date(Date.now() - 1000)}});
  const late = await b.call('/two-factor/verify-totp', {code: code(secret)});
  assert.deepEqual([late.status, late.body.code], [401, 'INVALID_TWO_FACTOR_COOKIE']);
});

test('a trusted device skips the step next time', async () => {
  const auth = await server();
  const {secret} = await enable(await signedIn(auth, 'trusted@example.com'));
  const b = browser(auth);
  await b.call('/sign-in/email', {email: 'trusted@example.com', password});
  assert.equal((await b.call('/two-factor/verify-totp', {code: code(secret), trustDevice: true})).status, 200);
  assert.ok([...b.cookies.keys()].some((name) => name.endsWith('trust_device')));
  await b.call('/sign-out', {});
  const again = await b.call('/sign-in/email', {email: 'trusted@example.com', password});
  assert.equal(again.body.user?.email, 'trusted@example.com');
});

test('an account without a password turns it on without one, on a fresh session only', async () => {
  const auth = await server();
  const context = await auth.$context;
  const user = await context.internalAdapter.createUser({name: 'Social', email: 'social@example.com', emailVerified: true});
  const session = await context.internalAdapter.createSession(user.id);
  const b = browser(auth);
  b.cookies.set('better-auth.session_token', encodeURIComponent(await signed(session.token, context.secret)));
  const enabled = await b.call('/two-factor/enable', {});
  assert.equal(enabled.status, 200, JSON.stringify(enabled.body));
  await context.internalAdapter.updateSession(session.token, {createdAt: new Date(Date.now() - 2 * 86400_000)});
  const stale = await b.call('/two-factor/disable', {});
  assert.deepEqual([stale.status, stale.body.code], [403, 'SESSION_NOT_FRESH']);
});

test('bearer mode: the two-factor and trust-device cookies travel in the relay header', async () => {
  const auth = await server();
  const {secret} = await enable(await signedIn(auth, 'bearer@example.com'));
  const client = bearerClient(auth);
  const first = await client.call('/sign-in/email', {email: 'bearer@example.com', password});
  assert.equal(first.body.twoFactorRedirect, true);
  assert.match(first.relayed, /^better-auth\.two_factor=[^;]+$/, 'only the plugin cookie, not the session');
  assert.match(first.exposed ?? '', /x-auth-elements-cookies/);
  const verified = await client.call('/two-factor/verify-totp', {code: code(secret), trustDevice: true});
  assert.equal(verified.status, 200);
  assert.match(verified.relayed, /^better-auth\.trust_device=[^;]+$/, 'the half-done sign-in is gone, the trusted device kept');
  assert.equal((await client.call('/get-session')).body.user.email, 'bearer@example.com');
  await client.call('/sign-out', {});
  const again = await client.call('/sign-in/email', {email: 'bearer@example.com', password});
  assert.equal(again.body.user?.email, 'bearer@example.com', 'the trusted device skipped the step');
  // Anything but the plugins' cookies is dropped: a relayed session cookie signs nobody in.
  const forged = await auth.handler(
    new Request(`${origin}/api/auth/get-session`, {headers: {origin, 'x-auth-elements-cookies': 'better-auth.session_token=abc.def'}}),
  );
  assert.equal(await forged.text(), 'null');
});

test('cookie mode: a browser that sends the API cookies gets no relay header, the cookies stay HttpOnly', async () => {
  const auth = await server();
  const {secret} = await enable(await signedIn(auth, 'cookies@example.com'));
  const b = browser(auth);
  b.cookies.set('unrelated', '1'); // a browser that already holds a cookie of the API's site
  const relayed = [];
  const call = async (path, body) => {
    const response = await auth.handler(
      new Request(`${origin}/api/auth${path}`, {
        method: 'POST',
        headers: {'content-type': 'application/json', origin, cookie: [...b.cookies].map(([name, value]) => `${name}=${value}`).join('; ')},
        body: JSON.stringify(body),
      }),
    );
    relayed.push(response.headers.get('x-auth-elements-cookies'));
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, value] = pair.split('=');
      b.cookies.set(name.trim(), value);
      assert.match(header, /HttpOnly/i, `${name} is HttpOnly`);
    }
    return response;
  };
  const first = await call('/sign-in/email', {email: 'cookies@example.com', password});
  assert.equal((await first.json()).twoFactorRedirect, true);
  assert.ok([...b.cookies.keys()].some((name) => name.endsWith('two_factor')), 'the half-done sign-in is a cookie');
  assert.equal((await call('/two-factor/verify-totp', {code: code(secret), trustDevice: true})).status, 200);
  assert.deepEqual(relayed, [null, null], 'no cookie value in a header the page could read');
});

/** A better-call signed cookie value. */
async function signed(value, secret) {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), {name: 'HMAC', hash: 'SHA-256'}, false, ['sign']);
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(value));
  return `${value}.${Buffer.from(signature).toString('base64')}`;
}
