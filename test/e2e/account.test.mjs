// The account in the demo that `npm start` serves, against its embedded identity API
// (better-auth + SQLite), in Chromium, by the keyboard where a person would use it:
// the Settings page's <auth-user-profile> renames (the header's user button follows), keeps its
// page in the hash (the back button returns), lists a second browser's session and signs it out,
// and deletes the account (its password then signs in no more). Screenshots go to $SCREENSHOTS.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createAccount, demoForTests, screenshots, signInThroughCard, submitCredentials} from './support.mjs';

const PASSWORD = 'analytical1842';
const demo = demoForTests('account');
const shot = screenshots('account');

/** A fresh browser (its own cookies) signed in through the card. */
async function signedIn(email, userAgent) {
  const context = await demo.browser.newContext(userAgent ? {userAgent} : {});
  const page = await context.newPage();
  await signInThroughCard(page, demo.origin, email, PASSWORD);
  return {context, page};
}

const profile = (page) => page.locator('#settings auth-user-profile');

test('the Settings page renames, follows the hash, signs another browser out and deletes the account', async () => {
  const email = `ada-${Date.now()}@example.com`;
  await createAccount(demo.origin, {name: 'Ada Lovelace', email, password: PASSWORD});
  const phone = await signedIn(email, 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1');
  const {context, page} = await signedIn(email);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));

  // Settings: the profile inline, on its Account page.
  await page.getByRole('link', {name: 'Settings'}).click();
  await profile(page).getByRole('heading', {name: 'Account', level: 2}).waitFor();
  await shot(page, '01-account');

  // Rename, by the keyboard; the header's user button says the new name.
  await profile(page).getByRole('button', {name: 'Update profile'}).focus();
  await page.keyboard.press('Enter');
  const name = profile(page).locator('input[name="name"]');
  await name.waitFor();
  assert.equal(await name.evaluate((input) => input === document.activeElement), true, 'the name field has focus');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Ada King');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() =>
    document.querySelector('auth-user-button')?.shadowRoot?.querySelector('[aria-haspopup="menu"]')?.getAttribute('aria-label')?.includes('Ada King'),
  );

  // Security, in the hash; the back button returns to Account.
  await profile(page).getByRole('link', {name: 'Security'}).click();
  await page.waitForURL(/#\/security$/);
  await profile(page).getByText('This device').waitFor();
  await page.goBack();
  await page.waitForURL((url) => !url.hash.endsWith('/security'));
  await profile(page).getByRole('heading', {name: 'Account', level: 2}).waitFor();
  await page.goForward();
  await profile(page).getByRole('heading', {name: 'Security', level: 2}).waitFor();

  // The phone's session is listed (beside the one verifying the email opened); signing it out
  // here ends it there.
  const signOutPhone = profile(page).getByRole('button', {name: 'Sign out of device', description: 'Safari on iOS'});
  await signOutPhone.waitFor();
  await shot(page, '02-devices');
  await signOutPhone.click();
  await profile(page).getByText('Safari on iOS has been signed out.').waitFor();
  await phone.page.reload();
  await phone.page.locator('auth-sign-in input[autocomplete~="username"]').waitFor();
  await profile(page).getByRole('button', {name: 'Sign out of all other devices'}).click();
  await profile(page).getByText("You aren't signed in on any other device.").waitFor();

  // Delete the account: type the word, give the password.
  await profile(page).getByRole('button', {name: 'Delete account'}).click();
  await profile(page).getByLabel('Type DELETE to confirm').fill('delete');
  const password = profile(page).locator('input[autocomplete="current-password"]');
  if (await password.count()) await password.fill(PASSWORD);
  await shot(page, '03-delete');
  await profile(page).getByRole('button', {name: 'Delete account'}).last().click();
  await page.locator('auth-sign-in input[autocomplete~="username"]').waitFor();

  // Its password signs in no more.
  await submitCredentials(page, email, PASSWORD);
  await page.locator('auth-sign-in').getByText('The email or password is incorrect.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
  await phone.context.close();
});
