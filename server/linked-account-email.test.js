// linked-account-email.js on a better-auth server built from the kit's options with Dev Identity
// (dev-oidc/) as its genericOAuth provider: linking an account by the provider's round trip (the
// API's /link-social, the provider's sign-in page and consent screen, the callback) records the
// email typed at the provider, and /list-accounts answers it; so does a first sign-in with the
// provider; the password row has none. The API runs in process; the provider on a free port.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {betterAuth} from 'better-auth';
import {getMigrations} from 'better-auth/db/migration';
import {genericOAuth} from 'better-auth/plugins';
import Database from 'better-sqlite3';
import {authElementsOptions} from './better-auth-plugin.js';
import {startDevIdentity} from './dev-oidc/dev-identity.js';
import {formAction, oidcBrowser} from './fixtures/oidc-browser.js';
import {linkedAccountEmail, providerEmail} from './linked-account-email.js';
import {createMailbox} from './mailbox.js';

const base = 'http://127.0.0.1:1';
const page = `${base}/settings`;
const password = 'correct horse 1';

/** @type {Awaited<ReturnType<typeof startDevIdentity>>} */
let identity;
/** @type {any} */
let auth;
const mailbox = createMailbox({log: false});

before(async () => {
  identity = await startDevIdentity({baseURL: base, port: 0});
  const {providerId, discoveryUrl, clientId, clientSecret} = identity.oidcProvider;
  auth = betterAuth(
    authElementsOptions({
      baseURL: base,
      secret: 'x'.repeat(32),
      database: new Database(':memory:'),
      logger: {level: 'error'},
      production: false,
      sendEmail: ({to, subject, text}) => mailbox.send({to, subject, text}),
      plugins: [genericOAuth({config: [{providerId, discoveryUrl, clientId, clientSecret, scopes: ['openid', 'email', 'profile'], pkce: true}]}), linkedAccountEmail()],
    }),
  );
  const {runMigrations} = await getMigrations(auth.options);
  await runMigrations();
  await auth.$context;
});

after(() => identity?.close());

const send = (/** @type {string} */ url, /** @type {RequestInit} */ init) => auth.handler(new Request(url, init));

/** A browser for the provider's round trip (fixtures/oidc-browser.js). */
const browser = () => oidcBrowser({send, apiOrigin: base, issuer: identity.issuer});

/** At the provider's sign-in page: signs in as `email` and allows; where the browser lands. */
async function atProvider(/** @type {ReturnType<typeof browser>} */ b, /** @type {string} */ providerUrl, /** @type {string} */ email) {
  const login = await b.go(providerUrl);
  let next = await b.go(formAction(login), {form: {email, name: 'Ada Lovelace', action: 'sign-in'}});
  if (next.html.includes('name="decision"')) next = await b.go(formAction(next), {form: {decision: 'allow'}});
  return next;
}

/** A verified account with a password, signed in on `b`. */
async function signedUp(/** @type {ReturnType<typeof browser>} */ b) {
  const email = `ada.${Math.random().toString(36).slice(2)}@example.com`;
  assert.equal((await b.api.call('/sign-up/email', {name: 'Ada Lovelace', email, password})).status, 200);
  const code = mailbox.list().filter((mail) => mail.to === email).at(-1)?.text.match(/\b\d{6}\b/)?.[0];
  assert.equal((await b.api.call('/email-otp/verify-email', {email, otp: code})).status, 200);
  return email;
}

test('linking Dev Identity records the email typed at the provider; /list-accounts answers it, the password row none', async () => {
  const b = browser();
  const email = await signedUp(b);
  const {status, body} = await b.api.call('/link-social', {provider: 'dev-oidc', callbackURL: page, errorCallbackURL: page, disableRedirect: true});
  assert.equal(status, 200, JSON.stringify(body));
  const landed = await atProvider(b, body.url, email.toUpperCase());
  assert.equal(landed.url, page);
  const accounts = (await b.api.call('/list-accounts')).body;
  const byProvider = Object.fromEntries(accounts.map((/** @type {any} */ account) => [account.providerId, account]));
  assert.deepEqual(Object.keys(byProvider).sort(), ['credential', 'dev-oidc']);
  assert.equal(byProvider['dev-oidc'].email, email);
  assert.equal(byProvider.credential.email ?? null, null);
});

test('a first sign-in with Dev Identity makes the account row with its email', async () => {
  const b = browser();
  const email = `grace.${Math.random().toString(36).slice(2)}@example.com`;
  const {status, body} = await b.api.call('/sign-in/social', {provider: 'dev-oidc', callbackURL: page});
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal((await atProvider(b, body.url, email)).url, page);
  const accounts = (await b.api.call('/list-accounts')).body;
  assert.deepEqual(
    accounts.map((/** @type {any} */ account) => [account.providerId, account.email]),
    [['dev-oidc', email]],
  );
});

test('nothing to ask: no endpoint context, the password row, a provider the server does not run', async () => {
  const context = await auth.$context;
  assert.equal(await providerEmail({providerId: 'dev-oidc', idToken: 'x'}, null), undefined);
  assert.equal(await providerEmail({providerId: 'credential', accessToken: 'x'}, {context}), undefined);
  assert.equal(await providerEmail({providerId: 'nowhere', accessToken: 'x'}, {context}), undefined);
});
