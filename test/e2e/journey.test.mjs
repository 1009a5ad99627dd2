// The whole email + password journey in the demo that `npm start` serves, against its
// embedded identity API (better-auth + SQLite), driven by the keyboard in Chromium:
// sign up → code from the dev mailbox → signed in → sign out → sign in → forgot password →
// code → new password → signed in. Screenshots go to $SCREENSHOTS when it is set.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {latestCode, mailCount, startDemo} from './support.mjs';

let demo;
let browser;
let origin;

before(async () => {
  demo = await startDemo('journey');
  ({browser, origin} = demo);
});

after(() => demo?.close());

async function shot(page, name) {
  if (process.env.SCREENSHOTS) await page.screenshot({path: join(process.env.SCREENSHOTS, `${name}.png`), fullPage: true});
}

/** The visible card title of an element. */
const titleOf = (page, tag) => page.locator(`${tag} >> h1`).textContent();

test('a new user walks the whole email + password journey with the keyboard', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  const email = `grace-${Date.now()}@example.com`;

  await page.goto(origin);
  await page.locator('auth-sign-in input[autocomplete~="username"]').waitFor();
  await shot(page, '01-sign-in');

  // Sign up.
  await page.getByRole('link', {name: 'Sign up'}).click();
  await page.locator('auth-sign-up input[name="name"]').focus();
  await page.keyboard.type('Grace Hopper');
  await page.keyboard.press('Tab');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type('cobol-compiler-1959');
  await shot(page, '02-sign-up-filled');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('auth-sign-up')?.shadowRoot?.querySelector('h1')?.textContent?.includes('Verify'));
  await shot(page, '03-sign-up-code');
  // Focus moved into the code field: type the code from the mailbox, it submits itself.
  await page.keyboard.type(await latestCode(origin, email));
  await page.locator('auth-user-button').locator('button[aria-haspopup="menu"]').waitFor();
  assert.equal(await page.locator('#user-name').textContent(), 'Grace Hopper');
  await shot(page, '04-signed-in');

  // Sign out from the user menu, with the keyboard.
  await page.locator('auth-user-button button[aria-haspopup="menu"]').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', {name: 'Sign out'}).waitFor();
  await shot(page, '05-user-menu');
  await page.keyboard.press('End'); // "Sign out", after "Manage account"
  await page.keyboard.press('Enter');
  await page.locator('auth-sign-in input[autocomplete~="username"]').waitFor();

  // Sign in.
  await page.locator('auth-sign-in input[autocomplete~="username"]').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Enter');
  await page.locator('auth-sign-in input[autocomplete="current-password"]').waitFor();
  await page.keyboard.type('cobol-compiler-1959');
  await page.keyboard.press('Enter');
  await page.locator('auth-user-button button[aria-haspopup="menu"]').waitFor();
  await page.locator('auth-user-button button[aria-haspopup="menu"]').click();
  await page.getByRole('menuitem', {name: 'Sign out'}).click();

  // Forgot the password: code, then a new one, then signed in.
  await page.locator('auth-sign-in input[autocomplete~="username"]').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Enter');
  await page.locator('auth-sign-in input[autocomplete="current-password"]').waitFor();
  const mailed = await mailCount(origin, email);
  await page.getByRole('button', {name: 'Forgot password?'}).click();
  await page.locator('auth-sign-in input[autocomplete="one-time-code"]').waitFor();
  assert.equal(await titleOf(page, 'auth-sign-in'), 'Reset your password');
  await page.keyboard.type(await latestCode(origin, email, mailed));
  await page.locator('auth-sign-in input[autocomplete="new-password"]').waitFor();
  await page.keyboard.type('analytical-engine-1842');
  await shot(page, '06-new-password');
  await page.keyboard.press('Enter');
  await page.locator('auth-user-button button[aria-haspopup="menu"]').waitFor();
  assert.equal(await page.locator('#user-email').textContent(), email);

  assert.deepEqual(errors, []);
  await page.close();
});
