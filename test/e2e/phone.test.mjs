// Sign-up and sign-in by a texted code on the demo (`npm start`): the reference server texts the
// code to the dev mailbox (`/__mail.json`, the number in `to`). Keyboard only. Screenshots go to
// $SCREENSHOTS when it is set.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {demoForTests, latestCode, screenshots} from './support.mjs';

const demo = demoForTests('phone');
const shot = screenshots('phone');
/** A valid US number (415 area) no run has used, as E.164 and as typed. */
const e164 = `+14153${String(Date.now() % 1_000_000).padStart(6, '0')}`;
const typed = `${e164.slice(2, 5)} ${e164.slice(5, 8)} ${e164.slice(8)}`;

test('sign up with a phone number, sign out, sign in with it again: codes from the dev mailbox, keyboard only', async () => {
  const context = await demo.browser.newContext({locale: 'en-US'});
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${demo.origin}/#sign-up`);
  const signUp = page.locator('auth-sign-up');
  await signUp.locator('input[name="name"]').focus();
  await page.keyboard.type('Hedy Lamarr');
  await page.getByRole('button', {name: 'Use a phone number instead'}).focus();
  await page.keyboard.press('Enter');
  // The phone field takes the focus once its words have loaded.
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'phone');
  await page.keyboard.type(typed);
  await page.keyboard.press('Tab'); // leaving the field tidies the number
  await page.waitForFunction((value) => document.querySelector('auth-sign-up input[name="phone"]')?.value === value, `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`);
  await shot(page, '01-sign-up');
  await signUp.locator('input[name="phone"]').press('Enter');
  await page.getByRole('heading', {name: 'Verify your phone number'}).waitFor();
  const mail = await (await fetch(`${demo.origin}/__mail.json`)).json();
  assert.deepEqual(mail.filter((message) => message.to === e164).map((message) => message.subject), ['Text message']);
  await shot(page, '02-verify-phone');
  await page.keyboard.type(await latestCode(demo.origin, e164));
  await page.locator('auth-user-button button[aria-haspopup="menu"]').waitFor();
  assert.equal(await page.locator('#user-name').textContent(), 'Hedy Lamarr');

  // The user button shows the number where an email would be; sign out from its menu.
  await page.locator('auth-user-button button[aria-haspopup="menu"]').focus();
  await page.keyboard.press('Enter');
  assert.match(await page.locator('auth-user-button').evaluate((el) => el.shadowRoot.querySelector('.email').textContent), /^\+1415/);
  await shot(page, '03-user-button');
  await page.getByRole('menuitem', {name: 'Sign out'}).waitFor();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');

  const identifier = page.locator('auth-sign-in input[autocomplete~="username"]');
  await identifier.waitFor();
  assert.equal(await page.getByLabel('Email or phone number').count(), 1);
  await identifier.focus();
  await page.keyboard.type(typed);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', {name: 'Check your phone'}).waitFor();
  await shot(page, '04-sign-in-code');
  await page.keyboard.type(await latestCode(demo.origin, e164, 1));
  await page.locator('auth-user-button button[aria-haspopup="menu"]').waitFor();
  assert.equal(await page.locator('#user-name').textContent(), 'Hedy Lamarr');
  assert.deepEqual(errors, []);
  await context.close();
});
