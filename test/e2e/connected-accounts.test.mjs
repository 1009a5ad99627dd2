// Connected accounts in the demo that `npm start` serves (cookie mode, the API on the page's
// origin), in Chromium, with the development OpenID Connect provider "Dev Identity": an account
// with a password connects Dev Identity from the Settings page's <auth-user-profile> (the
// provider's sign-in page and consent screen, keyboard only) and comes back to the same page
// with the account listed under its email at the provider, then disconnects it after a
// confirmation; a refusal at the provider comes back to the section; an account made by
// signing in with Dev Identity (no password) is not offered to disconnect its only way in, and
// the API refuses it too. Screenshots go to $SCREENSHOTS when it is set.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createAccount, demoForTests, screenshots, signInThroughCard} from './support.mjs';

const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8'));
const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const PASSWORD = 'analytical1842';

const demo = demoForTests('connected-accounts');
const shot = screenshots('connected');

/** axe-core's WCAG A/AA violations in the Settings page (the demo's own page, without an h1, is not what is tested). */
async function accessibilityViolations(page) {
  return page.evaluate(async (source) => {
    // A dialog fades in: axe reads colours once every animation has ended.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const dialogs = [...document.querySelectorAll('auth-user-profile')].flatMap((host) => [...host.shadowRoot.querySelectorAll('auth-dialog')]);
    const animated = dialogs.flatMap((dialog) => [...dialog.shadowRoot.querySelectorAll('dialog, .panel, .backdrop')]);
    await Promise.all([...document.getAnimations(), ...animated.flatMap((node) => node.getAnimations())].map((animation) => animation.finished));
    (0, eval)(source);
    const {violations} = await globalThis.axe.run({include: [['#settings']]}, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']});
    return violations.map(({id, nodes}) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }, AXE);
}

const profile = (page) => page.locator('#settings auth-user-profile');
const section = (page) => profile(page).locator('section[aria-labelledby="section-connected"]');

/** A fresh browser, with what goes wrong on the page collected. */
async function newPage() {
  const context = await demo.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  return {context, page, errors};
}

/** Signed in through the card with the password, then on Settings (the profile's Account page). */
async function signedInWithPassword(email) {
  const opened = await newPage();
  const {page} = opened;
  await signInThroughCard(page, demo.origin, email, PASSWORD);
  await page.getByRole('link', {name: 'Settings'}).click();
  await profile(page).getByRole('heading', {name: 'Account', level: 2}).waitFor();
  await section(page).getByText(en.profile.connected.empty).waitFor();
  return opened;
}

/** On the provider's sign-in page: the email and name typed, Continue, then its consent screen. */
async function signInAtProvider(page, {email, name}) {
  await page.waitForURL((url) => url.origin !== demo.origin);
  await page.getByRole('heading', {name: 'Sign in', level: 1}).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', {name: 'Allow Auth Elements?', level: 1}).waitFor();
}

test('Connect Dev Identity from the profile, Allow at the provider: back on the same page, listed with the email typed there; Disconnect after confirming', async () => {
  const email = `ada-${Date.now()}@example.com`;
  await createAccount(demo.origin, {name: 'Ada Lovelace', email, password: PASSWORD});
  const {context, page, errors} = await signedInWithPassword(email);
  const before = new URL(page.url());
  await shot(page, '01-none');

  // Keyboard: Connect Dev Identity.
  await section(page).getByRole('button', {name: 'Connect Dev Identity'}).focus();
  await page.keyboard.press('Enter');
  await signInAtProvider(page, {email, name: 'Ada Lovelace'});
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Allow');
  await page.keyboard.press('Enter');

  // Back on Settings, the Account page: the account listed with the provider's name and the email typed there.
  await page.waitForURL((url) => url.origin === demo.origin && url.pathname === before.pathname);
  const row = section(page).locator('#connected-list > li');
  await row.first().waitFor();
  assert.equal(await row.count(), 1);
  assert.equal((await row.locator('.row-list-title').textContent()).trim(), 'Dev Identity');
  await row.getByText(email).waitFor();
  await section(page).getByText('Dev Identity is now connected.').waitFor();
  // The marker and anything the provider added are gone from the address bar; the page is the same.
  const back = new URL(page.url());
  assert.equal(back.searchParams.has('auth-connect'), false);
  assert.equal(back.searchParams.has('error'), false);
  assert.equal(back.pathname, before.pathname);
  assert.equal(back.hash, before.hash);
  assert.deepEqual(await accessibilityViolations(page), []);
  await shot(page, '02-connected');
  const accounts = await page.evaluate(async () => (await fetch('/api/auth/list-accounts')).json());
  assert.deepEqual(accounts.map((account) => account.providerId).sort(), ['credential', 'dev-oidc']);

  // Disconnect: asked first (Cancel keeps it), then gone.
  await row.getByRole('button', {name: 'Disconnect'}).focus();
  await page.keyboard.press('Enter');
  // The dialog (named by its title) holds the question; its buttons are slotted into it.
  const dialog = profile(page).getByRole('dialog', {name: 'Disconnect Dev Identity?'});
  const confirmation = profile(page).locator('auth-dialog.connected-dialog');
  await dialog.waitFor();
  await confirmation.getByText("You won't be able to sign in with Dev Identity anymore.", {exact: false}).waitFor();
  await confirmation.getByRole('button', {name: 'Cancel'}).click();
  await dialog.waitFor({state: 'hidden'});
  assert.equal(await row.count(), 1);
  await row.getByRole('button', {name: 'Disconnect'}).click();
  await dialog.waitFor();
  await shot(page, '03-confirm');
  assert.deepEqual(await accessibilityViolations(page), []);
  await confirmation.getByRole('button', {name: 'Disconnect'}).click();
  await section(page).getByText('Dev Identity has been disconnected.').waitFor();
  await section(page).getByText(en.profile.connected.empty).waitFor();
  const left = await page.evaluate(async () => (await fetch('/api/auth/list-accounts')).json());
  assert.deepEqual(left.map((account) => account.providerId), ['credential']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Deny at the provider: back on the profile, the section says why, nothing linked', async () => {
  const email = `grace-${Date.now()}@example.com`;
  await createAccount(demo.origin, {name: 'Grace Hopper', email, password: PASSWORD});
  const {context, page, errors} = await signedInWithPassword(email);
  await section(page).getByRole('button', {name: 'Connect Dev Identity'}).click();
  await signInAtProvider(page, {email, name: 'Grace Hopper'});
  await page.getByRole('button', {name: 'Deny'}).click();
  await section(page).locator('[role="alert"]', {hasText: en.errors.provider_denied}).waitFor();
  await section(page).getByText(en.profile.connected.empty).waitFor();
  assert.equal(new URL(page.url()).searchParams.has('error'), false);
  assert.deepEqual(await accessibilityViolations(page), []);
  await shot(page, '04-denied');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an account made with Dev Identity (no password): its only way in is not offered to disconnect, and the API refuses it', async () => {
  const {context, page, errors} = await newPage();
  const email = `ida-${Date.now()}@example.com`;
  await page.goto(demo.origin);
  await page.getByRole('button', {name: 'Continue with Dev Identity'}).click();
  await signInAtProvider(page, {email, name: 'Ida Rhodes'});
  await page.keyboard.press('Enter'); // Allow
  await page.locator('auth-user-button button[aria-haspopup="menu"]').waitFor();
  await page.getByRole('link', {name: 'Settings'}).click();
  const row = section(page).locator('#connected-list > li');
  await row.first().waitFor();
  assert.equal(await row.count(), 1);
  await row.getByText(en.profile.connected.onlyWayIn).waitFor();
  await row.getByText(email).waitFor();
  assert.equal(await row.getByRole('button').count(), 0);
  assert.deepEqual(await accessibilityViolations(page), []);
  await shot(page, '05-only-way-in');

  // The API holds the rule too.
  const refusal = await page.evaluate(async () => {
    const [account] = await (await fetch('/api/auth/list-accounts')).json();
    const response = await fetch('/api/auth/unlink-account', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({accountId: account.id})});
    return {status: response.status, code: (await response.json()).code};
  });
  assert.deepEqual(refusal, {status: 400, code: 'FAILED_TO_UNLINK_LAST_ACCOUNT'});
  assert.deepEqual(errors, []);
  await context.close();
});
