import {expect} from '@open-wc/testing';
import {resetLandingForTests} from '../../src/client/landing.js';
import {clientFor, errorText, html, input, mount, settle, title, type, waitUntil} from '../helpers.js';
import {createUser, latestCode, network, uniqueEmail} from '../real-server.js';
import type {AuthSignIn} from '../../src/elements/sign-in/sign-in.js';
import type {AuthUserButton} from '../../src/elements/user-button/user-button.js';

const PASSWORD = 'hopper1906';

/** The newest sign-in link the dev mailbox holds for `email`. */
async function latestLink(email: string): Promise<URL> {
  const mail: Array<{to: string; subject: string; text: string}> = await (await fetch('/__mail.json')).json();
  const link = mail.filter((m) => m.to === email && m.subject === 'Your sign-in link').at(-1)?.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`no link mailed to ${email}`);
  return new URL(link);
}

const button = (el: Element, text: string) => [...el.querySelectorAll<HTMLButtonElement>('form button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim().startsWith(text))!;

async function card(conditions = network()) {
  const client = clientFor(conditions.adapter);
  const el = await mount<AuthSignIn>(client, html`<auth-sign-in></auth-sign-in><auth-signed-in><auth-user-button></auth-user-button></auth-signed-in>`, 'auth-sign-in');
  return {el, client};
}

async function methodsFor(el: AuthSignIn, email: string) {
  type(input(el, 'email'), email);
  button(el, 'Use another method').click();
  await waitUntil(() => el.querySelector('form [data-method]'), 'the methods list');
}

describe('<auth-sign-in> codes and links against the real server', () => {
  let email: string;
  const original = location.href;
  before(async () => {
    email = uniqueEmail('grace');
    await createUser('Grace Hopper', email, PASSWORD);
  });
  afterEach(async () => {
    history.replaceState(null, '', original);
    await network().adapter.signOut();
  });

  it('signs in with a code the server emailed', async () => {
    const {el, client} = await card();
    await methodsFor(el, email);
    button(el, 'Email a code').click();
    await waitUntil(() => title(el) === 'Check your email', 'the code step');
    type(input(el, 'code'), await latestCode(email));
    await waitUntil(() => client.state.status === 'signed-in', 'signed in');
    const userButton = document.querySelector<AuthUserButton>('auth-user-button')!;
    await waitUntil(() => userButton.shadowRoot?.textContent?.includes('Grace Hopper'), 'the user button shows who');
  });

  it('signs in with the link the server emailed, on the page it opens; the link then says it was used', async () => {
    const {el} = await card();
    await methodsFor(el, email);
    button(el, 'Email a sign-in link').click();
    await waitUntil(() => title(el) === 'Check your email', 'the link was sent');
    const link = await latestLink(email);
    expect(link.origin + link.pathname).to.equal(location.origin + location.pathname);

    history.replaceState(null, '', link.href);
    resetLandingForTests();
    const {el: landed, client} = await card();
    await waitUntil(() => client.state.status === 'signed-in', 'signed in with the link');
    expect(client.user?.email).to.equal(email);
    await settle(landed);
    expect(title(landed)).to.equal("You're signed in");
    await client.signOut();

    // The same link again (a second click in the email): it worked once.
    localStorage.setItem('auth-elements:sign-in-link-asked', `${Date.now()}|`);
    history.replaceState(null, '', link.href);
    resetLandingForTests();
    const {el: again} = await card();
    await waitUntil(() => errorText(again) === 'This sign-in link was already used. Request a new one.', 'used');
    await expect(again).to.be.accessible();
  });

  it('the network failing under a code keeps the step and what was typed', async () => {
    const conditions = network();
    const {el} = await card(conditions);
    await methodsFor(el, email);
    button(el, 'Email a code').click();
    await waitUntil(() => title(el) === 'Check your email');
    const code = await latestCode(email);
    conditions.state.mode = 'offline';
    type(input(el, 'code'), code);
    await waitUntil(() => errorText(el) === "We can't reach the server. Check your connection and try again.", 'the network error');
    expect(input(el, 'code').value).to.equal(code);
    conditions.state.mode = 'online';
  });
});
