// "Continue with Dev Identity" in the demo that `npm start` serves (cookie mode, the API on the
// page's origin), in Chromium: the sign-in card's social button → the development OpenID
// Connect provider's sign-in page (its own port) → its consent screen → back on the demo,
// signed in; and Deny → back on the demo, signed out, the error in the URL and on the card;
// and Dev Identity as the enterprise provider of @enterprise.test, reached from the card's
// Continue (@better-auth/sso). Keyboard only on the provider's pages. Screenshots go to $SCREENSHOTS when it is set.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {startDemo} from './support.mjs';

const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8'));
const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** axe-core's WCAG A/AA violations on the page (evaluated through the DevTools protocol, under the page's CSP). */
async function accessibilityViolations(page) {
  return page.evaluate(async (source) => {
    (0, eval)(source);
    const {violations} = await globalThis.axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']});
    return violations.map(({id, nodes}) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }, AXE);
}

const BUTTON = {name: 'Continue with Dev Identity'};

let demo;
let browser;
let origin;

before(async () => {
  demo = await startDemo('social-oidc');
  ({browser, origin} = demo);
});

after(() => demo?.close());

async function shot(page, name) {
  if (process.env.SCREENSHOTS) await page.screenshot({path: join(process.env.SCREENSHOTS, `${name}.png`), fullPage: true});
}

/** Opens the demo in a fresh context and follows "Continue with Dev Identity" to the provider's sign-in page. */
async function toProviderSignIn() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => message.type() === 'error' && /Content Security Policy/i.test(message.text()) && errors.push(new Error(message.text())));
  await page.goto(origin);
  const button = page.getByRole('button', BUTTON);
  await button.waitFor();
  await shot(page, 'social-01-sign-in-card');
  await button.click();
  // The provider runs on its own origin (the card's own heading says "Sign in" too).
  await page.waitForURL((url) => url.origin !== origin);
  await page.getByRole('heading', {name: 'Sign in', level: 1}).waitFor();
  return {context, page, errors};
}

/** Types an email and a name on the provider's sign-in page and submits it, keyboard only. */
async function signInAtProvider(page, {email, name}) {
  // The email field has focus on arrival (autofocus).
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(name);
  await shot(page, 'social-02-provider-sign-in');
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', {name: 'Allow Auth Elements?', level: 1}).waitFor();
  await shot(page, 'social-03-provider-consent');
  assert.deepEqual(await accessibilityViolations(page), []);
}

test('Continue with Dev Identity, sign in at the provider, Allow: back on the demo, signed in', async () => {
  const {context, page, errors} = await toProviderSignIn();
  await signInAtProvider(page, {email: `ada-${Date.now()}@example.com`, name: 'Ada Lovelace'});
  // Allow has focus (autofocus): Enter.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Allow');
  await page.keyboard.press('Enter');
  await page.locator('auth-user-button button[aria-haspopup="menu"]').waitFor();
  assert.equal(new URL(page.url()).origin, origin);
  assert.equal(await page.locator('#user-name').textContent(), 'Ada Lovelace');
  await shot(page, 'social-04-signed-in');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Deny at the provider: back on the demo with error=access_denied, not signed in, the card says why', async () => {
  const {context, page, errors} = await toProviderSignIn();
  await signInAtProvider(page, {email: `grace-${Date.now()}@example.com`, name: 'Grace Hopper'});
  await page.keyboard.press('Tab'); // Allow → Deny
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Deny');
  // The card takes the error out of the address bar at once; the request for the page carries it.
  const landing = page.waitForRequest((request) => {
    const url = new URL(request.url());
    return request.isNavigationRequest() && url.origin === origin && !url.pathname.startsWith('/api/auth/');
  });
  await page.keyboard.press('Enter');
  assert.equal(new URL((await landing).url()).searchParams.get('error'), 'access_denied');
  await page.locator('auth-sign-in [role="alert"]', {hasText: en.errors.provider_denied}).waitFor();
  await page.getByRole('button', BUTTON).waitFor();
  assert.equal(await page.locator('auth-user-button button[aria-haspopup="menu"]').count(), 0);
  const session = await page.evaluate(async () => (await fetch('/api/auth/get-session')).json());
  assert.equal(session, null);
  await shot(page, 'social-05-denied');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an address of the enterprise domain goes from Continue to its provider and comes back signed in', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `katherine-${Date.now()}@enterprise.test`;
  await page.goto(origin);
  const field = page.locator('auth-sign-in input[autocomplete~="username"]');
  await field.waitFor();
  await field.focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Enter');
  // No password step: the domain's provider, with the address filled in.
  await page.waitForURL((url) => url.origin !== origin);
  await page.getByRole('heading', {name: 'Sign in', level: 1}).waitFor();
  assert.equal(await page.locator('#email').inputValue(), email);
  await shot(page, 'sso-01-provider');
  await page.locator('#name').focus();
  await page.keyboard.type('Katherine Johnson');
  await page.keyboard.press('Enter');
  await page.getByRole('button', {name: 'Allow'}).focus();
  await page.keyboard.press('Enter');
  await page.locator('auth-user-button button[aria-haspopup="menu"]').waitFor();
  assert.equal(await page.locator('#user-email').textContent(), email);
  await context.close();
});

test('another domain goes on to the password step', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin);
  const field = page.locator('auth-sign-in input[autocomplete~="username"]');
  await field.waitFor();
  await field.fill('nobody@example.com');
  await field.press('Enter');
  await page.locator('auth-sign-in input[autocomplete="current-password"]').waitFor();
  assert.equal(new URL(page.url()).origin, origin);
  await context.close();
});
