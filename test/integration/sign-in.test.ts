import {expect} from '@open-wc/testing';
import {clientFor, errorText, html, input, mount, settle, submit, title, type, waitUntil} from '../helpers.js';
import {createUser, network, uniqueEmail} from '../real-server.js';
import type {AuthSignIn} from '../../src/elements/sign-in/sign-in.js';
import type {AuthUserButton} from '../../src/elements/user-button/user-button.js';

const PASSWORD = 'lovelace1815';

describe('<auth-sign-in> against the real server', () => {
  let email: string;
  before(async () => {
    email = uniqueEmail('ada');
    await createUser('Ada Lovelace', email, PASSWORD);
  });

  async function atPasswordStep(conditions = network()) {
    const client = clientFor(conditions.adapter);
    const el = await mount<AuthSignIn>(
      client,
      html`<auth-sign-in></auth-sign-in><auth-signed-in><auth-user-button></auth-user-button></auth-signed-in>`,
      'auth-sign-in',
    );
    type(input(el, 'email'), email);
    await submit(el);
    expect(title(el)).to.equal('Enter your password');
    return {el, client, conditions};
  }

  afterEach(async () => {
    await network().adapter.signOut();
  });

  it('refuses a wrong password and an unknown email with one message', async () => {
    const {el} = await atPasswordStep();
    type(input(el, 'password'), 'not-the-password1');
    await submit(el);
    expect(errorText(el)).to.equal('The email or password is incorrect.');
    await expect(el).to.be.accessible();

    const {el: unknown} = await atPasswordStep();
    unknown.querySelector<HTMLButtonElement>('button[part="back-link"]')!.click();
    await settle(unknown);
    type(input(unknown, 'email'), uniqueEmail('nobody'));
    await submit(unknown);
    type(input(unknown, 'password'), 'not-the-password1');
    await submit(unknown);
    expect(errorText(unknown)).to.equal('The email or password is incorrect.');
  });

  it('signs in, and the user button shows who', async () => {
    const {el, client} = await atPasswordStep();
    type(input(el, 'password'), PASSWORD);
    await submit(el);
    expect(title(el)).to.equal("You're signed in");
    expect(client.user!.email).to.equal(email);
    const button = document.querySelector<AuthUserButton>('auth-user-button')!;
    await waitUntil(() => button.shadowRoot!.querySelector('[aria-haspopup="menu"]'));
    expect(button.shadowRoot!.querySelector('[aria-haspopup="menu"]')!.getAttribute('aria-label')).to.contain('Ada Lovelace');
  });

  it('keeps the input when the network is down, and a retry works', async () => {
    const {el, conditions} = await atPasswordStep();
    type(input(el, 'password'), PASSWORD);
    conditions.state.mode = 'offline';
    await submit(el);
    expect(errorText(el)).to.equal("We can't reach the server. Check your connection and try again.");
    expect(input(el, 'password').value).to.equal(PASSWORD);
    expect(title(el)).to.equal('Enter your password');
    await expect(el).to.be.accessible();
    conditions.state.mode = 'online';
    await submit(el);
    expect(title(el)).to.equal("You're signed in");
  });

  it('says the server failed on a 500, and recovers', async () => {
    const {el, conditions} = await atPasswordStep();
    type(input(el, 'password'), PASSWORD);
    conditions.state.mode = 'server-error';
    await submit(el);
    expect(errorText(el)).to.equal('Something went wrong on our side. Try again in a moment.');
    expect(input(el, 'password').value).to.equal(PASSWORD);
    conditions.state.mode = 'online';
    await submit(el);
    expect(title(el)).to.equal("You're signed in");
  });

  it('says the answer was unreadable on malformed JSON', async () => {
    const {el, conditions} = await atPasswordStep();
    type(input(el, 'password'), PASSWORD);
    conditions.state.mode = 'malformed';
    await submit(el);
    expect(errorText(el)).to.equal("The server sent an answer we couldn't read. Try again in a moment.");
    expect(input(el, 'password').value).to.equal(PASSWORD);
    await expect(el).to.be.accessible();
  });

  it('sends one sign-in request for a double-clicked submit', async () => {
    const {el, conditions} = await atPasswordStep();
    type(input(el, 'password'), PASSWORD);
    const button = el.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    button.click();
    button.click();
    await settle(el);
    expect(title(el)).to.equal("You're signed in");
    expect(conditions.state.requests.filter((request) => request === 'POST /api/auth/sign-in/email')).to.have.length(1);
  });
});
