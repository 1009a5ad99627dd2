// Sign-in by emailed code and by emailed link, on the reference server (in process).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {base, testServer} from './fixtures/test-server.js';

const server = await testServer();
const {call, mailbox} = server;

/** The newest link mailed to `email`. @param {string} email */
const latestLink = (email) => mailbox.list().filter((m) => m.to === email && m.subject === 'Your sign-in link').at(-1)?.text.match(/https?:\/\/\S+/)?.[0];

/** Asks for a link from `page` and answers the link mailed. @param {string} email @param {string} page */
async function requestLink(email, page = `${base}/sign-in?from=mail`) {
  const before = latestLink(email);
  const res = await call('/sign-in/magic-link', {json: {email, callbackURL: page}});
  assert.equal(res.status, 200, await res.clone().text());
  const link = latestLink(email);
  assert.ok(link && link !== before, `a link was mailed to ${email}`);
  return new URL(link);
}

/** Verifies a link's token as the page does (fetch, no callbackURL). @param {URL} link */
const verify = (link) => call(`/magic-link/verify?token=${encodeURIComponent(link.searchParams.get('auth-link') ?? '')}`);

/** @param {Response} res */
const errorCode = async (res) => (await res.json()).code;

test('the emailed link opens the page that asked for it, with the token', async () => {
  const {email} = await server.user('Lina');
  const link = await requestLink(email);
  assert.equal(link.origin + link.pathname, `${base}/sign-in`);
  assert.equal(link.searchParams.get('from'), 'mail', 'the page keeps its own parameters');
  assert.match(link.searchParams.get('auth-link') ?? '', /^[A-Za-z]{32}$/);
});

test('the link signs in once; a second use is LINK_USED, a made-up one INVALID_TOKEN', async () => {
  const {email} = await server.user('Milo');
  const link = await requestLink(email);
  const first = await verify(link);
  assert.equal(first.status, 200);
  const token = first.headers.get('set-auth-token');
  assert.ok(token, 'a session for a bearer-mode page');
  const session = await (await call('/get-session', {token: token ?? ''})).json();
  assert.equal(session.user.email, email);

  const again = await verify(link);
  assert.equal(again.status, 410);
  assert.equal(await errorCode(again), 'LINK_USED');

  const madeUp = await call('/magic-link/verify?token=nottherealtokennottherealtokenab');
  assert.equal(madeUp.status, 400);
  assert.equal(await errorCode(madeUp), 'INVALID_TOKEN');
});

test('an expired link is LINK_EXPIRED, and stays refused', async () => {
  const {email} = await server.user('Noor');
  const link = await requestLink(email);
  const context = await server.auth.$context;
  const token = link.searchParams.get('auth-link') ?? '';
  const row = await context.internalAdapter.findVerificationValue(token);
  assert.ok(row);
  await context.internalAdapter.updateVerificationByIdentifier(token, {expiresAt: new Date(Date.now() - 1000)});
  const res = await verify(link);
  assert.equal(res.status, 410);
  assert.equal(await errorCode(res), 'LINK_EXPIRED');
  assert.equal((await verify(link)).status, 400, 'gone afterwards: nothing left to sign in with');
});

test('no link and no code go to an address without an account, and the answers do not tell', async () => {
  const email = `nobody.${Date.now()}@example.com`;
  const link = await call('/sign-in/magic-link', {json: {email, callbackURL: `${base}/sign-in`}});
  assert.equal(link.status, 200);
  const code = await call('/email-otp/send-verification-otp', {json: {email, type: 'sign-in'}});
  assert.equal(code.status, 200);
  assert.equal(mailbox.list().filter((m) => m.to === email).length, 0);
  const signIn = await call('/sign-in/email-otp', {json: {email, otp: '123456'}});
  assert.equal(signIn.status, 400);
  assert.equal((await (await call('/get-session')).json()), null);
});

test('a link for a page on an untrusted origin is refused', async () => {
  const {email} = await server.user('Omar');
  const res = await call('/sign-in/magic-link', {json: {email, callbackURL: 'https://evil.example/steal'}});
  assert.equal(res.status, 403);
  assert.equal(latestLink(email), undefined);
});

test('a code emailed for sign-in signs in; a wrong one is INVALID_OTP', async () => {
  const {email} = await server.user('Pia');
  const sent = await call('/email-otp/send-verification-otp', {json: {email, type: 'sign-in'}});
  assert.equal(sent.status, 200);
  const mail = mailbox.list().filter((m) => m.to === email).at(-1);
  assert.equal(mail?.subject, 'Your sign-in code');
  const otp = server.code(email);
  const wrong = await call('/sign-in/email-otp', {json: {email, otp: otp === '000000' ? '111111' : '000000'}});
  assert.equal(wrong.status, 400);
  assert.equal((await wrong.json()).code, 'INVALID_OTP');
  const res = await call('/sign-in/email-otp', {json: {email, otp}});
  assert.equal(res.status, 200);
  assert.ok(res.headers.get('set-auth-token'));
});
