// Enterprise sign-in by email domain (@better-auth/sso's defaultSSO), with Dev Identity as the
// enterprise provider of @enterprise.test, over HTTP without a browser: the domain's email goes
// to the provider, another domain has none, and the whole round trip signs in.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {browserCalls} from './fixtures/browser.js';
import {oidcBrowser, signInAndAllow} from './fixtures/oidc-browser.js';
import {base, testServer} from './fixtures/test-server.js';
import {DEV_SSO_DOMAIN, startDevIdentity} from './dev-oidc/dev-identity.js';

/** @type {Awaited<ReturnType<typeof startDevIdentity>>} */
let identity;
/** @type {Awaited<ReturnType<typeof testServer>>} */
let server;

before(async () => {
  identity = await startDevIdentity({baseURL: base, port: 0});
  server = await testServer({enterpriseProviders: [identity.enterpriseProvider]});
});

after(() => identity?.close());

const page = `${base}/dashboard`;
const send = (/** @type {string} */ url, /** @type {RequestInit} */ init) => server.auth.handler(new Request(url, init));

test('the capabilities say the API has enterprise sign-in', async () => {
  const capabilities = await (await server.call('/auth-elements/capabilities')).json();
  assert.equal(capabilities.enterpriseSSO, true);
});

test('an email of the enterprise domain goes to its provider, with the address as the login hint', async () => {
  const {call} = browserCalls({origin: base, send});
  const {status, body} = await call('/sign-in/sso', {email: `ada@${DEV_SSO_DOMAIN}`, callbackURL: page});
  assert.equal(status, 200, JSON.stringify(body));
  const url = new URL(body.url);
  assert.equal(url.origin, new URL(identity.issuer).origin);
  assert.equal(url.searchParams.get('login_hint'), `ada@${DEV_SSO_DOMAIN}`);
  assert.equal(url.searchParams.get('redirect_uri'), `${base}/api/auth/sso/callback/dev-sso`);
  assert.ok(url.searchParams.get('code_challenge'), 'PKCE');
});

test('an email of another domain has no enterprise provider: an answer without a URL (no failed request), and the card goes on', async () => {
  const {call} = browserCalls({origin: base, send});
  const {status, body} = await call('/sign-in/sso', {email: 'ada@example.com', callbackURL: page});
  assert.equal(status, 200);
  assert.deepEqual(body, {url: null, redirect: false});
});

test('the whole round trip: provider sign-in, consent, callback, signed in as the enterprise address', async () => {
  const b = oidcBrowser({send, apiOrigin: base, issuer: identity.issuer});
  const email = `grace@${DEV_SSO_DOMAIN}`;
  const {body} = await b.api.call('/sign-in/sso', {email, callbackURL: page});
  const login = await b.go(body.url);
  assert.ok(login.html.includes(`value="${email}"`), 'the provider fills in the address typed on the card');
  const landed = await signInAndAllow(b, login, {email, name: 'Grace Hopper'});
  assert.equal(landed.url, page);
  const session = await b.api.call('/get-session');
  assert.equal(session.body?.user?.email, email);
});
