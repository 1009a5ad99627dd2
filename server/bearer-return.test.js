// The one-time tokens of bearer-return.js: clients cannot mint them; one minted for a session
// is exchanged once for that session's bearer token. (The whole round trip through Dev
// Identity is in dev-oidc.test.js.)
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {testServer} from './fixtures/test-server.js';

const server = await testServer();

test('a client cannot mint a one-time token for its session', async () => {
  const {token} = await server.user('Una');
  const res = await server.call('/one-time-token/generate', {token});
  assert.equal(res.status, 400);
});

test('a one-time token for a session is exchanged once, for a bearer token of that session', async () => {
  const {email, token} = await server.user('Otto');
  const context = await server.auth.$context;
  const session = await context.internalAdapter.findSession(token.split('.')[0]);
  assert.ok(session);
  await context.internalAdapter.createVerificationValue({identifier: 'one-time-token:once', value: session.session.token, expiresAt: new Date(Date.now() + 60_000)});
  const exchanged = await server.call('/one-time-token/verify', {json: {token: 'once'}});
  assert.equal(exchanged.status, 200);
  const bearer = exchanged.headers.get('set-auth-token');
  assert.ok(bearer, 'a bearer token for the page');
  assert.equal((await (await server.call('/get-session', {token: bearer ?? ''})).json()).user.email, email);
  const again = await server.call('/one-time-token/verify', {json: {token: 'once'}});
  assert.equal(again.status, 400);
});
