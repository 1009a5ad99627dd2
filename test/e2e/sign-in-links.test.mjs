// Sign-in links in the demo `npm start` serves, against its embedded identity API, in Chromium:
// asked for on the sign-in card, the mailed link opened in another tab of the same browser
// (it signs in, and so does the tab that asked), and in another browser (it asks first).
// Screenshots go to $SCREENSHOTS when it is set.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {createAccount, startDemo} from './support.mjs';

let demo;
let origin;

before(async () => {
  demo = await startDemo('sign-in-links');
  ({origin} = demo);
});

after(() => demo?.close());

async function shot(page, name) {
  if (process.env.SCREENSHOTS) await page.screenshot({path: join(process.env.SCREENSHOTS, `${name}.png`), fullPage: true});
}

/** The newest sign-in link mailed to `email`, once it is there. */
async function mailedLink(email, after = 0) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const mail = await (await fetch(`${origin}/__mail.json`)).json();
    const links = mail.filter((m) => m.to === email && m.subject === 'Your sign-in link');
    if (links.length > after) return links.at(-1).text.match(/https?:\/\/\S+/)[0];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no link mailed to ${email}`);
}

/** On the demo's sign-in card: the email, "Use another method", "Email a sign-in link" — all by keyboard. */
async function askForLink(page, email) {
  await page.goto(origin);
  const field = page.locator('auth-sign-in input[autocomplete~="username"]');
  await field.waitFor();
  await field.focus();
  await page.keyboard.type(email);
  await page.getByRole('button', {name: 'Use another method'}).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', {name: `Email a sign-in link to ${email}`}).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('auth-sign-in')?.shadowRoot?.textContent?.includes('We sent a sign-in link'));
}

const signedInAs = (page) => page.locator('#user-email').textContent();

test('a link opened in another tab signs in there, and the tab that asked follows', async () => {
  const email = `linus-${Date.now()}@example.com`;
  await createAccount(origin, {name: 'Linus Link', email, password: 'tabbed-browsing-7'});
  const context = await demo.browser.newContext();
  const asking = await context.newPage();
  const errors = [];
  asking.on('pageerror', (error) => errors.push(error));
  await askForLink(asking, email);
  await shot(asking, 'link-01-sent');

  const link = await mailedLink(email);
  assert.equal(new URL(link).origin, origin, 'the link opens the demo');
  const opened = await context.newPage();
  opened.on('pageerror', (error) => errors.push(error));
  await opened.goto(link);
  await opened.locator('auth-user-button button[aria-haspopup="menu"]').waitFor();
  assert.equal(await signedInAs(opened), email);
  assert.equal(new URL(opened.url()).searchParams.has('auth-link'), false, 'the token left the address bar');
  await shot(opened, 'link-02-signed-in');

  // The tab that asked hears of it (the kit's tab sync): signed in too, without a reload.
  await asking.locator('auth-user-button button[aria-haspopup="menu"]').waitFor();
  assert.equal(await signedInAs(asking), email);

  // Opened again, the link says it was used.
  const again = await (await demo.browser.newContext()).newPage();
  await again.goto(link);
  await again.getByRole('button', {name: 'Sign in here'}).click();
  await again.waitForFunction(() => document.querySelector('auth-sign-in form')?.textContent?.includes('already used'));
  assert.deepEqual(errors, []);
  await context.close();
  await again.context().close();
});

test('a link opened in another browser asks before signing in there', async () => {
  const email = `lena-${Date.now()}@example.com`;
  await createAccount(origin, {name: 'Lena Link', email, password: 'other-browser-8'});
  const first = await demo.browser.newContext();
  await askForLink(await first.newPage(), email);

  const other = await demo.browser.newContext();
  const page = await other.newPage();
  await page.goto(await mailedLink(email));
  await page.waitForFunction(() => document.querySelector('auth-sign-in')?.shadowRoot?.querySelector('h1')?.textContent === 'Sign in on this device?');
  await shot(page, 'link-03-elsewhere');
  assert.match(await page.locator('auth-sign-in').evaluate((el) => el.shadowRoot.textContent), /asked for in another browser/);
  // "Sign in here" is the form's submit: Enter does it.
  await page.getByRole('button', {name: 'Sign in here'}).focus();
  await page.keyboard.press('Enter');
  await page.locator('auth-user-button button[aria-haspopup="menu"]').waitFor();
  assert.equal(await signedInAs(page), email);
  await first.close();
  await other.close();
});
