// Dev Identity, the development OpenID Connect provider (dev-oidc/), registered with the
// reference API as the genericOAuth provider `dev-oidc`: its discovery document and pages, and
// the whole round trip over HTTP without a browser — the API's sign-in/social, the provider's
// sign-in page and consent screen, the callback, the session — with Allow, Deny, Cancel and a
// tampered state. The API runs in process (testServer); the provider on a free port.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {formAction, oidcBrowser, signInAndAllow as signInThere} from './fixtures/oidc-browser.js';
import {base, testServer} from './fixtures/test-server.js';
import {devIdentityFromEnv, startDevIdentity} from './dev-oidc/dev-identity.js';
import {ConfigurationError} from './config.js';
import {optionsFromEnv, startServer} from './standalone.js';

/** @type {Awaited<ReturnType<typeof startDevIdentity>>} */
let identity;
/** @type {Awaited<ReturnType<typeof testServer>>} */
let server;

before(async () => {
  identity = await startDevIdentity({baseURL: base, port: 0});
  server = await testServer({oidcProviders: [identity.oidcProvider]});
});

after(() => identity?.close());

const page = `${base}/account`;

/** A browser for the round trip (fixtures/oidc-browser.js), with "Continue with Dev Identity". */
function browser({send = (url, init) => server.auth.handler(new Request(url, init)), apiOrigin = base} = {}) {
  const b = oidcBrowser({send, apiOrigin, issuer: identity.issuer});
  /** Starts "Continue with Dev Identity": the API's answer, then the provider's first page. */
  const start = async (/** @type {Record<string, string>} */ extra = {}) => {
    const {status, body} = await b.api.call('/sign-in/social', {provider: 'dev-oidc', callbackURL: page, ...extra});
    assert.equal(status, 200, JSON.stringify(body));
    assert.ok(body.url.startsWith(`${identity.issuer}/auth?`), body.url);
    return b.go(body.url);
  };
  return {...b, start};
}

/** Signs in at the provider and allows: where the browser lands. */
async function signInAndAllow(/** @type {ReturnType<typeof browser>} */ b, person = {}) {
  const login = await b.start();
  assert.match(login.html, /<h1 id="page-title">Sign in<\/h1>/);
  return signInThere(b, login, person);
}

test('the provider publishes an OpenID Connect discovery document with PKCE and the email and profile claims', async () => {
  const discovery = await (await fetch(identity.oidcProvider.discoveryUrl)).json();
  assert.equal(discovery.issuer, identity.issuer);
  for (const endpoint of ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'jwks_uri']) assert.ok(discovery[endpoint].startsWith(identity.issuer), endpoint);
  assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
  for (const scope of ['openid', 'email', 'profile']) assert.ok(discovery.scopes_supported.includes(scope), scope);
  for (const claim of ['sub', 'email', 'email_verified', 'name']) assert.ok(discovery.claims_supported.includes(claim), claim);
  assert.ok(discovery.id_token_signing_alg_values_supported.includes('RS256'));
});

test('the API lists dev-oidc as a social provider named "Dev Identity"', async () => {
  const capabilities = await (await server.call('/auth-elements/capabilities')).json();
  assert.ok(capabilities.socialProviders.includes('dev-oidc'));
  assert.deepEqual(capabilities.socialProviderNames, {'dev-oidc': 'Dev Identity'});
});

test('Continue with Dev Identity: sign-in page, consent, callback, and the API holds a session for the email typed', async () => {
  const b = browser();
  const login = await b.start();
  assert.equal(login.status, 200);
  assert.match(login.html, /<label for="email">Email<\/label>/);
  const consent = await b.go(formAction(login), {form: {email: 'Grace.Hopper@Example.com', name: 'Grace Hopper', action: 'sign-in'}});
  assert.match(consent.html, /<h1 id="page-title">Allow Auth Elements\?<\/h1>/);
  assert.match(consent.html, /See your email address/);
  assert.match(consent.html, /grace\.hopper@example\.com/);
  const landed = await b.go(formAction(consent), {form: {decision: 'allow'}});
  assert.equal(landed.url, page, 'back on the page that started');
  const session = await b.api.call('/get-session');
  assert.equal(session.body?.user?.email, 'grace.hopper@example.com');
  assert.equal(session.body.user.name, 'Grace Hopper');
  assert.equal(session.body.user.emailVerified, true);
  const accounts = await b.api.call('/list-accounts');
  assert.deepEqual(accounts.body.map((/** @type {{providerId: string}} */ account) => account.providerId), ['dev-oidc']);
});

test('the same email is the same person again, another email another person; the sign-in page asks each time', async () => {
  const first = browser();
  await signInAndAllow(first, {email: 'katherine@example.com', name: 'Katherine Johnson'});
  const firstUser = (await first.api.call('/get-session')).body.user;

  // A new app session from another browser: the sign-in page again; no consent the second time.
  const again = browser();
  const login = await again.start();
  assert.match(login.html, /<h1 id="page-title">Sign in<\/h1>/);
  const second = await again.go(formAction(login), {form: {email: 'KATHERINE@example.com ', name: '', action: 'sign-in'}});
  assert.equal(second.url, page, 'consent was given the first time');
  const secondUser = (await again.api.call('/get-session')).body.user;
  assert.equal(secondUser.id, firstUser.id);
  assert.equal(secondUser.email, 'katherine@example.com');

  const other = browser();
  await signInAndAllow(other, {email: 'dorothy@example.com', name: 'Dorothy Vaughan'});
  const otherUser = (await other.api.call('/get-session')).body.user;
  assert.notEqual(otherUser.id, firstUser.id);
  assert.equal(otherUser.name, 'Dorothy Vaughan');
});

test('the sign-in page fills in the person already signed in at the provider', async () => {
  const b = browser();
  await signInAndAllow(b, {email: 'mary@example.com', name: 'Mary Jackson'});
  // A new sign-in from the same browser: the provider cookie is still there.
  const {body} = await b.api.call('/sign-in/social', {provider: 'dev-oidc', callbackURL: page});
  const login = await b.go(body.url);
  assert.match(login.html, /value="mary@example\.com"/);
  assert.match(login.html, /value="Mary Jackson"/);
});

test('Deny on the consent screen: back on the page with error=access_denied, no session', async () => {
  const b = browser();
  const login = await b.start();
  const consent = await b.go(formAction(login), {form: {email: 'denied@example.com', name: 'Dee', action: 'sign-in'}});
  const landed = await b.go(formAction(consent), {form: {decision: 'deny'}});
  const url = new URL(landed.url);
  assert.equal(`${url.origin}${url.pathname}`, page);
  assert.equal(url.searchParams.get('error'), 'access_denied');
  assert.equal((await b.api.call('/get-session')).body, null);
});

test('Deny with an errorCallbackURL goes there; Cancel on the sign-in page denies too', async () => {
  const b = browser();
  const login = await b.start({errorCallbackURL: `${base}/sign-in-failed`});
  const consent = await b.go(formAction(login), {form: {email: 'denied2@example.com', name: '', action: 'sign-in'}});
  const denied = new URL((await b.go(formAction(consent), {form: {decision: 'deny'}})).url);
  assert.equal(denied.pathname, '/sign-in-failed');
  assert.equal(denied.searchParams.get('error'), 'access_denied');

  const c = browser();
  const cancelled = new URL((await c.go(formAction(await c.start()), {form: {email: '', name: '', action: 'cancel'}})).url);
  assert.equal(cancelled.pathname, '/account');
  assert.equal(cancelled.searchParams.get('error'), 'access_denied');
  assert.equal((await c.api.call('/get-session')).body, null);
});

test('a tampered state is refused with better-auth’s state mismatch, and no session', async () => {
  const b = browser();
  const login = await b.start();
  const consent = await b.go(formAction(login), {form: {email: 'mallory@example.com', name: 'Mallory', action: 'sign-in'}});
  // Allow, but stop at the redirect to the API's callback to change its state.
  const atCallback = await b.go(formAction(consent), {form: {decision: 'allow'}, stopAt: (url) => url.includes('/api/auth/callback/')});
  const callback = new URL(atCallback.url);
  assert.equal(callback.pathname, '/api/auth/callback/dev-oidc');
  assert.ok(callback.searchParams.get('code'));
  callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
  const refused = new URL((await b.go(callback.href)).url);
  assert.equal(refused.searchParams.get('error'), 'state_mismatch', refused.href);
  assert.equal((await b.api.call('/get-session')).body, null);
});

test('the sign-in page is plain, accessible HTML under a strict CSP; a wrong email is said under its field', async () => {
  const b = browser();
  const login = await b.start();
  const csp = login.response.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /style-src 'self'(;|$)/);
  assert.doesNotMatch(login.html, /<script|<style| style=/);
  assert.match(login.html, /<html lang="en">/);
  assert.match(login.html, /<link rel="stylesheet" href="\/dev-oidc.css">/);
  const css = await fetch(`${identity.issuer}/dev-oidc.css`);
  assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
  assert.match(await css.text(), /prefers-color-scheme: dark/);

  const wrong = await b.go(formAction(login), {form: {email: 'not-an-email', name: '', action: 'sign-in'}});
  assert.equal(wrong.status, 400);
  assert.match(wrong.html, /aria-invalid="true" aria-describedby="email-error"/);
  assert.match(wrong.html, /<p id="email-error" class="error">Enter an email address like ada@example.com.<\/p>/);
  assert.match(wrong.html, /value="not-an-email"/);
});

test('the provider’s own pages (sign-out, errors) are the kit’s, under the same CSP', async () => {
  // Signed in at the provider: the sign-out question is the kit's page.
  const b = browser();
  await signInAndAllow(b, {email: 'logout@example.com', name: 'Lou'});
  const logout = await b.go(`${identity.issuer}/session/end`);
  assert.equal(logout.status, 200);
  assert.match(logout.response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  assert.match(logout.html, /<h1 id="page-title">Sign out\?<\/h1>/);
  assert.match(logout.html, /<form id="op.logoutForm"/);
  assert.doesNotMatch(logout.html, /<script|<style| style=/);
  const signedOut = await b.go(formAction({url: logout.url, html: logout.html.replace('<form id="op.logoutForm" method="post"', '<form method="post"')}), {
    form: {xsrf: /name="xsrf" value="([^"]+)"/.exec(logout.html)?.[1] ?? '', logout: 'yes'},
  });
  assert.match(signedOut.html, /<h1 id="page-title">Signed out<\/h1>/);
  // Not signed in there: oidc-provider's own auto-submit page, its script allowed by its hash alone.
  const anonymous = await fetch(`${identity.issuer}/session/end`);
  assert.match(anonymous.headers.get('content-security-policy') ?? '', /script-src 'self' 'sha256-[^']+'/);
  const error = await fetch(`${identity.issuer}/auth?client_id=nobody`);
  const errorHtml = await error.text();
  assert.equal(error.status, 400);
  assert.match(error.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  assert.match(errorHtml, /<dt>error<\/dt><dd>invalid_client<\/dd>/);
  assert.doesNotMatch(errorHtml, /<script|<style| style=/);
});

test('an authorization request without PKCE is refused by the provider', async () => {
  const url = new URL(`${identity.issuer}/auth`);
  url.search = new URLSearchParams({client_id: identity.oidcProvider.clientId, response_type: 'code', scope: 'openid', redirect_uri: `${base}/api/auth/callback/dev-oidc`, state: 's'}).toString();
  const response = await fetch(url, {redirect: 'manual'});
  const location = new URL(response.headers.get('location') ?? '', url);
  assert.equal(location.searchParams.get('error'), 'invalid_request');
  assert.match(location.searchParams.get('error_description') ?? '', /PKCE/);
});

test('standalone: DEV_OIDC=1 starts Dev Identity for the server’s own origin, and the round trip works over HTTP', async () => {
  const options = optionsFromEnv({PORT: '0', DEV_OIDC: '1', DEV_OIDC_PORT: '0'});
  assert.deepEqual(options.devIdentity, {port: 0, host: '127.0.0.1', strictPort: true});
  const standalone = await startServer({...options, databasePath: ':memory:', log: false, logLevel: 'error'});
  try {
    assert.ok(standalone.devIdentity);
    const previous = identity;
    identity = {...identity, issuer: /** @type {string} */ (standalone.devIdentity)};
    try {
      const b = browser({send: (url, init) => fetch(url, init), apiOrigin: standalone.url});
      const {body} = await b.api.call('/sign-in/social', {provider: 'dev-oidc', callbackURL: `${standalone.url}/done`});
      assert.ok(body.url.startsWith(`${standalone.devIdentity}/auth?`));
      assert.equal(new URL(body.url).searchParams.get('redirect_uri'), `${standalone.url}/api/auth/callback/dev-oidc`);
      const login = await b.go(body.url);
      const consent = await b.go(formAction(login), {form: {email: 'ida@example.com', name: 'Ida', action: 'sign-in'}});
      const landed = await b.go(formAction(consent), {form: {decision: 'allow'}});
      assert.equal(landed.url, `${standalone.url}/done`);
      assert.equal((await b.api.call('/get-session')).body?.user?.email, 'ida@example.com');
    } finally {
      identity = previous;
    }
  } finally {
    await standalone.close();
  }
});

test('a port in use: any free one instead, unless the port was asked for (DEV_OIDC_PORT)', async () => {
  const taken = Number(new URL(identity.issuer).port);
  const moved = await startDevIdentity({baseURL: base, port: taken});
  try {
    assert.notEqual(Number(new URL(moved.issuer).port), taken);
    assert.equal((await fetch(moved.oidcProvider.discoveryUrl)).status, 200);
  } finally {
    await moved.close();
  }
  await assert.rejects(startDevIdentity({baseURL: base, port: taken, strictPort: true}), (error) => error instanceof ConfigurationError && /DEV_OIDC_PORT/.test(error.message));
});

test('Dev Identity never starts in production', async () => {
  assert.equal(devIdentityFromEnv({NODE_ENV: 'production'}, {byDefault: true}), undefined);
  assert.equal(devIdentityFromEnv({NODE_ENV: 'production', DEV_OIDC: '1'}, {byDefault: true}), undefined);
  assert.deepEqual(devIdentityFromEnv({}, {byDefault: true}), {port: 5180, host: '127.0.0.1', strictPort: false});
  assert.equal(devIdentityFromEnv({DEV_OIDC: '0'}, {byDefault: true}), undefined);
  assert.equal(devIdentityFromEnv({}, {byDefault: false}), undefined);
  assert.throws(() => optionsFromEnv({NODE_ENV: 'production', BETTER_AUTH_SECRET: 'x'.repeat(32), DEV_OIDC: '1'}), ConfigurationError);
  assert.equal(optionsFromEnv({NODE_ENV: 'production', BETTER_AUTH_SECRET: 'x'.repeat(32)}).devIdentity, undefined);
  await assert.rejects(startServer({production: true, secret: 'x'.repeat(32), devIdentity: {port: 0}, databasePath: ':memory:', log: false}), ConfigurationError);
});
