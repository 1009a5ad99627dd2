// The account side of the reference server: fresh sessions, re-authentication, set-password,
// change of email by a code to the new address, deleting the account.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import {password, testServer} from './fixtures/test-server.js';

const server = await testServer();
const codeOf = async (/** @type {Response} */ res) => (await res.json()).code;

test('sensitive endpoints answer SESSION_NOT_FRESH on an old session, and re-authenticating makes it fresh', async () => {
  const {email, token} = await server.user('Stale');
  await server.ageSession(token, 2 * 86400);
  const context = await server.auth.$context;
  const {user} = await (await server.call('/get-session', {token})).json();
  const sessionsBefore = (await context.internalAdapter.listSessions(user.id)).length;
  const change = await server.call('/email-otp/request-email-change', {token, json: {newEmail: `new.${email}`}});
  assert.equal(change.status, 403);
  assert.equal(await codeOf(change), 'SESSION_NOT_FRESH');
  assert.equal(await codeOf(await server.call('/delete-user', {token, json: {}})), 'SESSION_NOT_FRESH');
  assert.equal(await codeOf(await server.call('/list-sessions', {token})), 'SESSION_NOT_FRESH');

  const wrong = await server.call('/auth-elements/reauthenticate', {token, json: {password: 'wrong password 9'}});
  assert.equal(wrong.status, 400);
  assert.equal(await codeOf(wrong), 'INVALID_PASSWORD');

  const again = await server.call('/auth-elements/reauthenticate', {token, json: {password}});
  assert.equal(again.status, 200);
  const fresh = again.headers.get('set-auth-token');
  assert.ok(fresh && fresh !== token, 'a new session');
  assert.equal((await server.call('/get-session', {token}).then((r) => r.json())), null, 'the stale session is gone');
  const sessions = await (await server.call('/list-sessions', {token: fresh})).json();
  assert.equal(sessions.length, sessionsBefore, 'the new session replaced the old one: no second entry for this device');
  assert.equal((await server.call('/email-otp/request-email-change', {token: fresh, json: {newEmail: `new.${email}`}})).status, 200);
});

test('the email changes with a code sent to the new address only', async () => {
  const {email, token} = await server.user('Mover');
  const newEmail = `moved.${email}`;
  const before = server.mailbox.list().filter((m) => m.to === email).length;
  assert.equal((await server.call('/email-otp/request-email-change', {token, json: {newEmail}})).status, 200);
  const code = server.code(newEmail);
  assert.match(code ?? '', /^\d{6}$/);
  assert.equal(server.mailbox.list().filter((m) => m.to === email).length, before, 'nothing to the old address');
  const wrong = await server.call('/email-otp/change-email', {token, json: {newEmail, otp: code === '000000' ? '111111' : '000000'}});
  assert.equal(await codeOf(wrong), 'INVALID_OTP');
  const ok = await server.call('/email-otp/change-email', {token, json: {newEmail, otp: code}});
  assert.equal(ok.status, 200, await ok.clone().text());
  const {user} = await (await server.call('/get-session', {token})).json();
  assert.equal(user.email, newEmail);
  assert.equal(user.emailVerified, true);
  // Signing in takes the new address.
  await server.signIn(newEmail);
});

test('set-password: refused when there is one, sets one for an account without', async () => {
  const {token, email} = await server.user('Pw');
  const res = await server.call('/auth-elements/set-password', {token, json: {newPassword: 'another one 2'}});
  assert.equal(await codeOf(res), 'PASSWORD_ALREADY_SET');

  // An account without a password (as after a social sign-up): remove its credential.
  const context = await server.auth.$context;
  const {user} = await (await server.call('/get-session', {token})).json();
  const credential = await context.internalAdapter.findCredentialAccount(user.id);
  await context.internalAdapter.updateAccount(credential.id, {password: null});
  assert.equal(await codeOf(await server.call('/auth-elements/set-password', {token, json: {newPassword: 'onlyletters'}})), 'PASSWORD_TOO_WEAK');
  assert.equal(await codeOf(await server.call('/auth-elements/set-password', {token, json: {newPassword: 'a1'}})), 'PASSWORD_TOO_SHORT');
  assert.equal(await codeOf(await server.call('/auth-elements/reauthenticate', {token, json: {password}})), 'CREDENTIAL_ACCOUNT_NOT_FOUND');
  assert.equal((await server.call('/auth-elements/set-password', {token, json: {newPassword: 'brand new 3'}})).status, 200);
  await server.signIn(email, 'brand new 3');
});

test('deleting the account with its password removes the user, its sessions and its image', async () => {
  const {token, email} = await server.user('Gone');
  const other = await server.signIn(email);
  const image = await sharp({create: {width: 20, height: 20, channels: 3, background: '#123456'}}).png().toBuffer();
  const {user} = await (
    await server.call('/auth-elements/profile-image', {token, body: image, headers: {'content-type': 'application/octet-stream'}})
  ).json();
  await server.ageSession(token, 2 * 86400); // with the password, an old session is fine
  assert.equal(await codeOf(await server.call('/delete-user', {token, json: {password: 'wrong password 9'}})), 'INVALID_PASSWORD');
  const res = await server.call('/delete-user', {token, json: {password}});
  assert.equal(res.status, 200, await res.clone().text());
  assert.equal(await (await server.call('/get-session', {token: other})).json(), null, 'the other session is gone');
  assert.equal((await server.call('/sign-in/email', {json: {email, password}})).status, 401);
  assert.equal((await server.auth.handler(new Request(user.image))).status, 404, 'the image is gone');
});

test('a fresh session deletes without a password; freshAge 0 never asks', async () => {
  const {token} = await server.user('Quick');
  assert.equal((await server.call('/delete-user', {token, json: {}})).status, 200);
  const relaxed = await testServer({freshAge: 0});
  const {token: old} = await relaxed.user('Old');
  await relaxed.ageSession(old, 365 * 86400);
  assert.equal((await relaxed.call('/list-sessions', {token: old})).status, 200);
  const caps = await (await relaxed.call('/auth-elements/capabilities')).json();
  assert.equal(caps.freshAge, 0);
});
