import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createAuth} from './auth.js';
import {createMailbox} from './mailbox.js';
import {startServer} from './standalone.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'auth-elements-'));

/** @param {string} url @param {string} path @param {unknown} body */
const post = (url, path, body) =>
  fetch(`${url}/api/auth${path}`, {
    method: 'POST',
    headers: {'content-type': 'application/json', origin: url},
    body: JSON.stringify(body),
  });

test('data survives a restart (file database)', async (t) => {
  const dir = tempDir();
  t.after(() => rmSync(dir, {recursive: true, force: true}));
  const databasePath = join(dir, 'nested', 'auth.db');
  const mailbox = createMailbox({log: false, logLevel: 'error'});

  const first = await createAuth({databasePath, baseURL: 'http://127.0.0.1:1', mailbox, logLevel: 'error'});
  await first.api.signUpEmail({body: {name: 'Ada', email: 'ada@example.com', password: 'lovelace1'}});

  const second = await createAuth({databasePath, baseURL: 'http://127.0.0.1:1', mailbox, logLevel: 'error'});
  const ctx = await second.$context;
  const found = await ctx.internalAdapter.findUserByEmail('ada@example.com');
  assert.equal(found?.user.name, 'Ada');
});

test('the mailbox captures the sign-up code and /__mail.json lists it', async (t) => {
  const server = await startServer({port: 0, databasePath: ':memory:', log: false, logLevel: 'error', production: false});
  t.after(() => server.close());

  const res = await post(server.url, '/sign-up/email', {name: 'Bo', email: 'bo@example.com', password: 'secret123'});
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.token, null, 'no session before the email is verified');

  const mail = await (await fetch(`${server.url}/__mail.json`)).json();
  assert.equal(mail.length, 1);
  assert.equal(mail[0].to, 'bo@example.com');
  assert.match(mail[0].text, /\b\d{6}\b/);
  assert.ok(!Number.isNaN(Date.parse(mail[0].createdAt)));

  const page = await fetch(`${server.url}/__mail`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.match(await page.text(), /bo@example\.com/);

  const cleared = await fetch(`${server.url}/__mail.json`, {method: 'DELETE'});
  assert.equal(cleared.status, 204);
  assert.deepEqual(await (await fetch(`${server.url}/__mail.json`)).json(), []);
});

test('the mailbox page escapes what it shows', async (t) => {
  const server = await startServer({port: 0, databasePath: ':memory:', log: false, logLevel: 'error', production: false});
  t.after(() => server.close());
  await server.mailbox.send({to: 'x@example.com', subject: '<script>alert(1)</script>', text: '<b>&</b>'});
  const html = await (await fetch(`${server.url}/__mail`)).text();
  assert.ok(!html.includes('<script>alert'));
  assert.ok(html.includes('&lt;script&gt;') && html.includes('&lt;b&gt;&amp;&lt;/b&gt;'));
});

test('mailbox routes are not served in production', async (t) => {
  const secret = 'x'.repeat(32);
  const server = await startServer({port: 0, databasePath: ':memory:', log: false, logLevel: 'error', production: true, secret});
  t.after(() => server.close());
  assert.equal((await fetch(`${server.url}/__mail.json`)).status, 404);
  assert.equal((await fetch(`${server.url}/__mail`)).status, 404);
  assert.equal((await fetch(`${server.url}/__mail.json`, {method: 'DELETE'})).status, 404);
});

test('CORS: a trusted origin may preflight, an untrusted one may not', async (t) => {
  const trusted = 'http://localhost:5173';
  const server = await startServer({port: 0, databasePath: ':memory:', log: false, logLevel: 'error', trustedOrigins: [trusted]});
  t.after(() => server.close());
  const preflight = (origin) =>
    fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'OPTIONS',
      headers: {origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type'},
    });

  const ok = await preflight(trusted);
  assert.equal(ok.status, 204);
  assert.equal(ok.headers.get('access-control-allow-origin'), trusted);
  assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
  assert.match(ok.headers.get('access-control-allow-headers') ?? '', /authorization/);
  assert.match(ok.headers.get('access-control-allow-headers') ?? '', /x-auth-elements-cookies/, 'bearer mode relays the plugins\' cookies');

  const bad = await preflight('http://evil.example');
  assert.notEqual(bad.status, 204);
  assert.equal(bad.headers.get('access-control-allow-origin'), null);

  const session = await fetch(`${server.url}/api/auth/get-session`, {headers: {origin: trusted}});
  assert.equal(session.headers.get('access-control-allow-origin'), trusted);
  assert.match(session.headers.get('access-control-expose-headers') ?? '', /set-auth-token/);
  assert.match(session.headers.get('access-control-expose-headers') ?? '', /x-auth-elements-cookies/);
});

test('a weak password is rejected with PASSWORD_TOO_WEAK, a short one with PASSWORD_TOO_SHORT', async (t) => {
  const server = await startServer({port: 0, databasePath: ':memory:', log: false, logLevel: 'error'});
  t.after(() => server.close());

  for (const password of ['onlyletters', '1234567890']) {
    const res = await post(server.url, '/sign-up/email', {name: 'W', email: 'w@example.com', password});
    assert.equal(res.status, 400);
    assert.equal((await res.json()).code, 'PASSWORD_TOO_WEAK');
  }
  const short = await post(server.url, '/sign-up/email', {name: 'W', email: 'w@example.com', password: 'ab1'});
  assert.equal(short.status, 400);
  assert.equal((await short.json()).code, 'PASSWORD_TOO_SHORT');

  const reset = await post(server.url, '/email-otp/reset-password', {email: 'w@example.com', otp: '000000', password: 'onlyletters'});
  assert.equal(reset.status, 400);
  assert.equal((await reset.json()).code, 'PASSWORD_TOO_WEAK');
});

test('a taken email is refused with USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL', async (t) => {
  const server = await startServer({port: 0, databasePath: ':memory:', log: false, logLevel: 'error'});
  t.after(() => server.close());
  const input = {name: 'D', email: 'dup@example.com', password: 'secret123'};
  assert.equal((await post(server.url, '/sign-up/email', input)).status, 200);
  const again = await post(server.url, '/sign-up/email', {...input, email: 'DUP@example.com'});
  assert.equal(again.status, 422);
  assert.equal((await again.json()).code, 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL');
});
