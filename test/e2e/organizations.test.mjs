// Organizations in the demo that `npm start` serves, against its embedded identity API
// (better-auth + SQLite), with two people in two browser contexts, as they would use it: the
// owner creates an organization from the header's switcher and invites by email; the invited
// person opens the mailed link, creates an account on the invitation page and joins; the
// owner's role changes for them show on the Team page (<auth-show permission="reports:read">)
// and in what the demo's own API (examples/backend, verifying the token) answers; removal takes
// that away; the owner deletes the organization. Screenshots go to $SCREENSHOTS.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {createAccount, latestCode, mailCount, startDemo} from './support.mjs';

const PASSWORD = 'analytical1842';
const NAME = 'Analytical <img src=x onerror=alert(1)> Engines';
let demo;
let browser;
let origin;

before(async () => {
  demo = await startDemo('organizations');
  ({browser, origin} = demo);
});

after(() => demo?.close());

async function shot(page, name) {
  if (process.env.SCREENSHOTS) await page.screenshot({path: join(process.env.SCREENSHOTS, `organizations-${name}.png`), fullPage: true});
}

/** A fresh browser (its own cookies) signed in at the demo's card. */
async function signedIn(email) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin);
  const card = page.locator('auth-sign-in');
  await card.locator('input[autocomplete~="username"]').fill(email);
  await card.locator('input[autocomplete~="username"]').press('Enter');
  await card.locator('input[autocomplete="current-password"]').fill(PASSWORD);
  await card.locator('input[autocomplete="current-password"]').press('Enter');
  await page.locator('auth-user-button button[aria-haspopup="menu"]').waitFor();
  return {context, page};
}

/** The newest invitation link mailed to `to`. */
async function invitationLink(to) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const messages = await (await fetch(`${origin}/__mail.json`)).json();
    const link = messages
      .filter((message) => message.to === to)
      .map((message) => /Accept the invitation: (\S+)/.exec(message.text)?.[1])
      .filter(Boolean)
      .at(-1);
    if (link) return new URL(link, origin).href;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no invitation mailed to ${to}`);
}

/** What the demo's API answers the page (its token, verified there). */
async function reportsStatus(page) {
  const team = page.locator('#team');
  await team.getByRole('button', {name: 'Ask /api/reports'}).click();
  await team.locator('#reports').waitFor();
  return Number((await team.locator('#reports').textContent()).split(' ')[0]);
}

const teamProfile = (page) => page.locator('#team auth-org-profile');

test('create an organization, invite by email, join through the link, change a role, remove, delete', async () => {
  const stamp = Date.now();
  const ownerEmail = `olivia-${stamp}@example.com`;
  const memberEmail = `max-${stamp}@example.com`;
  await createAccount(origin, {name: 'Olivia Owner', email: ownerEmail, password: PASSWORD});
  const owner = await signedIn(ownerEmail);
  const errors = [];
  owner.page.on('pageerror', (error) => errors.push(error));

  // The header's switcher: the personal account, then "Create organization" in the modal.
  const switcher = owner.page.locator('auth-org-switcher');
  await switcher.getByRole('button', {name: /Personal account/}).click();
  await switcher.getByRole('menuitem', {name: 'Create organization'}).click();
  const create = owner.page.locator('#provider > auth-dialog auth-create-org');
  await create.getByLabel('Organization name').fill(NAME);
  const slug = create.getByLabel('URL');
  // Derived from the name as it is typed; made unique by hand.
  assert.equal(await slug.inputValue(), 'analytical-img-src-x-onerror-alert-1-engines');
  await slug.fill(`engines-${stamp}`);
  await create.getByText('is available').waitFor();
  await shot(owner.page, '01-create');
  await create.getByRole('button', {name: 'Create organization'}).click();

  // Invite members: one address, as a member.
  await create.getByLabel('Email addresses').fill(memberEmail);
  await create.getByRole('button', {name: 'Send invitations'}).click();
  await create.waitFor({state: 'hidden'});
  await switcher.getByRole('button', {name: new RegExp('Analytical')}).waitFor();
  assert.equal(await owner.page.locator('img[src="x"]').count(), 0, 'the hostile name is text');

  // The invited person opens the mailed link in their own browser, signed out.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  member.on('pageerror', (error) => errors.push(error));
  await member.goto(await invitationLink(memberEmail));
  const invitation = member.locator('auth-org-invitation');
  await invitation.getByRole('heading', {name: "You're invited"}).waitFor();
  await shot(member, '02-invited-signed-out');
  // Create an account with the invited address, in the modal (the page stays).
  await invitation.getByRole('button', {name: 'Sign up'}).click();
  const signUp = member.locator('#provider > auth-dialog auth-sign-up');
  await signUp.getByLabel('Name').fill('Max Member');
  await signUp.getByLabel('Email').fill(memberEmail);
  await signUp.locator('input[autocomplete="new-password"]').fill(PASSWORD);
  const mailed = await mailCount(origin, memberEmail);
  await signUp.locator('input[autocomplete="new-password"]').press('Enter');
  await signUp.locator('input[autocomplete="one-time-code"]').fill(await latestCode(origin, memberEmail, mailed));
  await invitation.getByRole('heading', {name: `Join ${NAME}`}).waitFor();
  await shot(member, '03-invitation');
  await invitation.getByRole('button', {name: 'Accept invitation'}).click();

  // after-accept-url="/team": the Team page, as a member: no reports, and the API refuses too.
  await member.waitForURL(`${origin}/team`);
  await teamProfile(member).getByRole('heading', {name: 'General'}).waitFor();
  await member.locator('#reports-denied').waitFor();
  assert.equal(await reportsStatus(member), 403);
  await shot(member, '04-team-as-member');

  // The owner makes them an admin from the Team page's Members tab.
  await owner.page.getByRole('link', {name: 'Team'}).click();
  await teamProfile(owner.page).getByRole('link', {name: 'Members'}).click();
  const role = teamProfile(owner.page).getByLabel('Role of Max Member');
  await role.selectOption('admin');
  await teamProfile(owner.page).getByText('Role of Max Member changed to Admin.').waitFor();
  await shot(owner.page, '05-members');

  // Their next visit shows the reports, and the API answers.
  await member.reload();
  await member.locator('#reports-allowed').waitFor();
  assert.equal(await reportsStatus(member), 200);

  // Removed: no organization any more, and the API refuses again.
  await teamProfile(owner.page).getByRole('button', {name: 'Remove'}).click();
  await teamProfile(owner.page).locator('auth-dialog[label="Remove member"]').getByRole('button', {name: 'Remove'}).click();
  await teamProfile(owner.page).getByText('Max Member was removed.').waitFor();
  await member.reload();
  await teamProfile(member).getByText('No organization is active').waitFor();
  await member.locator('#reports-denied').waitFor();
  assert.equal(await reportsStatus(member), 403);

  // The owner deletes it, typing its name.
  await teamProfile(owner.page).getByRole('link', {name: 'General'}).click();
  await teamProfile(owner.page).getByRole('button', {name: 'Delete'}).click();
  await teamProfile(owner.page).getByLabel(`Type ${NAME} to confirm`).fill(NAME);
  await teamProfile(owner.page).getByRole('button', {name: 'Delete organization'}).click();
  await teamProfile(owner.page).getByText('No organization is active').waitFor();
  await switcher.getByRole('button', {name: /Personal account/}).waitFor();
  await shot(owner.page, '06-deleted');

  assert.deepEqual(errors, []);
  await owner.context.close();
  await memberContext.close();
});
