// Sign-in and sign-up by a texted code, on the reference server (in process): the text goes to
// the dev mailbox with the number in `to`.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {testServer} from './fixtures/test-server.js';

const server = await testServer();
const {call, code, mailbox} = server;

/** A valid number nobody has yet (US, 415 area). */
const newNumber = () => `+1415555${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
const texts = (/** @type {string} */ to) => mailbox.list().filter((message) => message.to === to);

/** Signs up by phone: the code texted, then entered with the name; answers the session's user and token. */
async function signUpByPhone(phoneNumber = newNumber(), name = 'Ada Phone') {
  const sent = await call('/phone-number/send-otp', {json: {phoneNumber, intent: 'sign-up'}});
  assert.equal(sent.status, 200, await sent.clone().text());
  const verified = await call('/phone-number/verify', {json: {phoneNumber, code: code(phoneNumber), name}});
  assert.equal(verified.status, 200, await verified.clone().text());
  const body = await verified.json();
  return {phoneNumber, user: body.user, token: verified.headers.get('set-auth-token') ?? body.token};
}

test('sign-up by phone: the code is texted to the dev mailbox; entering it makes the account with its name and no real email', async () => {
  const {phoneNumber, user, token} = await signUpByPhone(undefined, 'Grace <img src=x onerror=alert(1)>');
  const [text] = texts(phoneNumber);
  assert.equal(text.subject, 'Text message');
  assert.match(text.text, /^Your Auth Elements code is \d{6}\. It expires in 5 minutes\.$/);
  assert.equal(user.name, 'Grace <img src=x onerror=alert(1)>', 'kept as text; the elements render it as text');
  assert.equal(user.phoneNumber, phoneNumber);
  assert.equal(user.phoneNumberVerified, true);
  assert.match(user.email, /@phone\.invalid$/, 'a placeholder on the reserved .invalid domain');
  const session = await (await call('/get-session', {token})).json();
  assert.equal(session.user.id, user.id);
});

test('sign-in by phone: a number with an account gets its code and signs in to that account', async () => {
  const {phoneNumber, user} = await signUpByPhone();
  const sent = await call('/phone-number/send-otp', {json: {phoneNumber, intent: 'sign-in'}});
  assert.equal(sent.status, 200);
  assert.equal(texts(phoneNumber).length, 2);
  const verified = await call('/phone-number/verify', {json: {phoneNumber, code: code(phoneNumber)}});
  assert.equal(verified.status, 200);
  assert.equal((await verified.json()).user.id, user.id);
});

test('a sign-in to a number without an account texts nothing and answers the same', async () => {
  const phoneNumber = newNumber();
  const known = await signUpByPhone();
  const unknownAnswer = await call('/phone-number/send-otp', {json: {phoneNumber, intent: 'sign-in'}});
  const knownAnswer = await call('/phone-number/send-otp', {json: {phoneNumber: known.phoneNumber, intent: 'sign-in'}});
  assert.equal(unknownAnswer.status, knownAnswer.status);
  assert.deepEqual(await unknownAnswer.json(), await knownAnswer.json());
  assert.equal(texts(phoneNumber).length, 0);
  // And no code can sign in (or make an account) there.
  const verified = await call('/phone-number/verify', {json: {phoneNumber, code: '123456'}});
  assert.equal(verified.status, 400);
  assert.equal((await verified.json()).code, 'OTP_NOT_FOUND');
});

test('a sign-up with a number that has an account signs in to it, its name unchanged', async () => {
  const first = await signUpByPhone(undefined, 'First Owner');
  const again = await signUpByPhone(first.phoneNumber, 'Someone Else');
  assert.equal(again.user.id, first.user.id);
  assert.equal(again.user.name, 'First Owner');
});

test('wrong codes are INVALID_OTP; after three the code is spent (TOO_MANY_ATTEMPTS)', async () => {
  const phoneNumber = newNumber();
  await call('/phone-number/send-otp', {json: {phoneNumber, intent: 'sign-up'}});
  const right = code(phoneNumber);
  const wrong = right === '000000' ? '111111' : '000000';
  const answers = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await call('/phone-number/verify', {json: {phoneNumber, code: wrong}});
    answers.push(`${res.status} ${(await res.json()).code}`);
  }
  assert.deepEqual(answers.slice(0, 3), ['400 INVALID_OTP', '400 INVALID_OTP', '400 INVALID_OTP']);
  assert.equal(answers[3], '403 TOO_MANY_ATTEMPTS');
  const late = await call('/phone-number/verify', {json: {phoneNumber, code: right}});
  assert.notEqual(late.status, 200, 'the right code no longer works');
});

test('a number that is not one (wrong length for its country, no +, letters) is INVALID_PHONE_NUMBER, and nothing is texted', async () => {
  for (const phoneNumber of ['+1555', '+14155552671999', '4155552671', '+1 415 555 2671', 'call me']) {
    const res = await call('/phone-number/send-otp', {json: {phoneNumber, intent: 'sign-up'}});
    assert.equal(res.status, 400, phoneNumber);
    assert.equal((await res.json()).code, 'INVALID_PHONE_NUMBER', phoneNumber);
    assert.equal(texts(phoneNumber).length, 0);
  }
});

test('the capabilities say the API texts codes', async () => {
  const capabilities = await (await call('/auth-elements/capabilities')).json();
  assert.equal(capabilities.phoneNumber, true);
});
