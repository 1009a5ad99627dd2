// Two-step verification and passkeys in the demo that `npm start` serves, against its embedded
// identity API (better-auth + SQLite), in Chromium, as a person would use them: the Settings
// page's Security section sets up an authenticator app (the code typed is computed from the key
// the page shows under "Can't scan it?"), sign-in then asks for the app's code, a backup code
// works once and only once, a passkey added through Chromium's virtual authenticator signs in
// from the email field's autofill with no email or password, and turning two-step off stops the
// step. Served on localhost:
// browsers refuse an IP address as a passkey's relying party. Screenshots go to $SCREENSHOTS.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {Secret, TOTP} from 'otpauth';
import {createAccount, startDemo} from './support.mjs';

const PASSWORD = 'analytical1842';
let demo;
let browser;
let origin;

before(async () => {
  demo = await startDemo('two-step', {host: 'localhost'});
  ({browser, origin} = demo);
});

after(() => demo?.close());

async function shot(page, name) {
  if (process.env.SCREENSHOTS) await page.screenshot({path: join(process.env.SCREENSHOTS, `two-step-${name}.png`), fullPage: true});
}

const card = (page) => page.locator('auth-sign-in');
const profile = (page) => page.locator('#settings auth-user-profile');
const userButton = (page) => page.locator('auth-user-button button[aria-haspopup="menu"]');

/** A fresh browser (its own cookies) at the card, the email and password entered. */
async function passwordStep(email) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin);
  const field = card(page).locator('input[autocomplete~="username"]');
  await field.fill(email);
  await field.press('Enter');
  const password = card(page).locator('input[autocomplete="current-password"]');
  await password.fill(PASSWORD);
  await password.press('Enter');
  return {context, page};
}

/** The app's current code, from the key as the page shows it (groups of four). */
const appCode = (shownKey) => TOTP.generate({secret: Secret.fromBase32(shownKey.replace(/\s+/g, ''))});

test('an authenticator app, backup codes, a passkey, and turning two-step off, from the Settings page to sign-in', async () => {
  const email = `tess-${Date.now()}@example.com`;
  await createAccount(origin, {name: 'Tess <img src=x onerror=alert(1)>', email, password: PASSWORD});
  const {context, page} = await passwordStep(email);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await userButton(page).waitFor();

  // Settings → Security → Two-step verification → Set up, with the password.
  await page.getByRole('link', {name: 'Settings'}).click();
  await profile(page).getByRole('link', {name: 'Security'}).click();
  await profile(page).getByRole('heading', {name: 'Two-step verification'}).waitFor();
  await profile(page).getByRole('button', {name: 'Set up'}).click();
  const password = profile(page).locator('input[autocomplete="current-password"]');
  await password.fill(PASSWORD);
  await password.press('Enter');

  // The QR code, then the key under "Can't scan it?", and the app's code from that key.
  await profile(page).getByRole('heading', {name: 'Scan the QR code'}).waitFor();
  await profile(page).getByRole('img', {name: 'QR code to add your account to an authenticator app'}).waitFor();
  await profile(page).getByText("Can't scan it?").click();
  const shownKey = await profile(page).locator('code.secret').textContent();
  assert.match(shownKey, /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/, 'the key in groups of four');
  await shot(page, '01-scan');
  await profile(page).getByLabel('Code from your app').fill(appCode(shownKey));
  const turnOn = profile(page).getByRole('button', {name: 'Turn on'});
  if (await turnOn.isVisible()) await turnOn.click(); // six digits may already have submitted it

  // The backup codes, shown once.
  await profile(page).getByRole('heading', {name: 'Save your backup codes'}).waitFor();
  const backupCodes = await profile(page).locator('ul.backup-codes code').allTextContents();
  assert.equal(backupCodes.length, 10);
  await shot(page, '02-backup-codes');
  await profile(page).getByRole('button', {name: 'Done'}).click();
  await profile(page).getByText('On', {exact: true}).waitFor();

  // Another browser: after the password, the app's code.
  {
    const other = await passwordStep(email);
    const code = card(other.page).locator('input[autocomplete="one-time-code"]');
    await code.waitFor();
    await card(other.page).getByRole('heading', {name: 'Two-step verification'}).waitFor();
    await shot(other.page, '03-code-step');
    await code.fill(String((Number(appCode(shownKey)) + 1) % 1_000_000).padStart(6, '0'));
    await code.press('Enter');
    await card(other.page).getByText("That code isn't right. Try again.").waitFor();
    await code.fill(appCode(shownKey));
    await code.press('Enter');
    await userButton(other.page).waitFor();
    await other.context.close();
  }

  // A backup code signs in once; the same code a second time is refused.
  for (const attempt of ['first', 'again']) {
    const other = await passwordStep(email);
    await card(other.page).getByRole('button', {name: 'Use a backup code instead'}).click();
    const code = card(other.page).getByRole('textbox', {name: 'Backup code'});
    await code.fill(backupCodes[0]);
    await code.press('Enter');
    if (attempt === 'first') await userButton(other.page).waitFor();
    else await card(other.page).getByText('That backup code was already used.').waitFor();
    await other.context.close();
  }

  // A passkey, added with Chromium's virtual authenticator (it says yes for the person).
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true},
  });
  await profile(page).getByRole('button', {name: 'Add a passkey'}).click();
  await profile(page).getByText('Your passkey has been added.').waitFor();
  await profile(page).getByText('Not used yet').waitFor();
  await shot(page, '04-passkey');

  // Signed out, the card offers the passkey in the email field's autofill (a conditional
  // request), and the virtual authenticator picks it as a person would: signed in with no
  // email, no password, no code.
  await userButton(page).click();
  const autofill = page.waitForResponse((response) => response.url().endsWith('/passkey/verify-authentication'), {timeout: 60_000});
  await page.getByRole('menuitem', {name: 'Sign out'}).click();
  assert.equal((await autofill).status(), 200);
  await userButton(page).waitFor();

  // The list says it was used.
  await page.getByRole('link', {name: 'Settings'}).click();
  await profile(page).getByRole('link', {name: 'Security'}).click();
  await profile(page).getByText(/^Last used/).waitFor();

  // Turning two-step off: the next sign-in asks for the password only.
  await profile(page).getByRole('button', {name: 'Turn off'}).click();
  const confirm = profile(page).locator('input[autocomplete="current-password"]');
  await confirm.fill(PASSWORD);
  await profile(page).getByRole('button', {name: 'Turn off'}).last().click();
  await profile(page).getByText('Two-step verification is off.').waitFor();
  {
    const other = await passwordStep(email);
    await userButton(other.page).waitFor();
    assert.equal(await card(other.page).locator('input[autocomplete="one-time-code"]').count(), 0);
    await other.context.close();
  }
  assert.deepEqual(errors, []);
  await context.close();
});
