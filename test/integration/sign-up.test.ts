import {expect} from '@open-wc/testing';
import {clientFor, errorText, html, input, mount, settle, submit, title, type, waitUntil} from '../helpers.js';
import {createUser, latestCode, network, uniqueEmail} from '../real-server.js';
import type {AuthSignUp} from '../../src/elements/sign-up/sign-up.js';
import type {AuthUserButton} from '../../src/elements/user-button/user-button.js';

async function signUpElement() {
  return mount<AuthSignUp>(
    clientFor(network().adapter),
    html`<auth-sign-up></auth-sign-up><auth-signed-in><auth-user-button></auth-user-button></auth-signed-in>`,
    'auth-sign-up',
  );
}

function fill(el: AuthSignUp, name: string, email: string, password: string) {
  type(input(el, 'name'), name);
  type(input(el, 'email'), email);
  type(input(el, 'password'), password);
}

describe('<auth-sign-up> against the real server', () => {
  afterEach(async () => {
    await network().adapter.signOut();
  });

  it('refuses an email that already has an account', async () => {
    const email = uniqueEmail('taken');
    await createUser('First Owner', email, 'first-owner1');
    const el = await signUpElement();
    fill(el, 'Second Try', email, 'second-try-lantern-42');
    await submit(el);
    expect(errorText(el)).to.equal('An account with this email already exists. Sign in instead.');
    expect(title(el)).to.equal('Create your account');
    await expect(el).to.be.accessible();
  });

  it('creates a verified account whose hostile name is shown as text everywhere', async () => {
    const name = '<img src=x onerror="window.__pwned=true">';
    const email = uniqueEmail('hostile');
    const el = await signUpElement();
    fill(el, name, email, 'harmless-quartz-otter-42');
    await submit(el);
    expect(title(el)).to.equal('Verify your email');
    type(input(el, 'code'), '000000');
    await settle(el);
    expect(errorText(el)).to.equal("That code isn't right. Check the email and try again.");
    type(input(el, 'code'), await latestCode(email));
    await settle(el);
    expect(title(el)).to.equal('Your account is ready');

    const button = document.querySelector<AuthUserButton>('auth-user-button')!;
    await waitUntil(() => button.shadowRoot!.querySelector('[aria-haspopup="menu"]'));
    button.shadowRoot!.querySelector<HTMLButtonElement>('[aria-haspopup="menu"]')!.click();
    await button.updateComplete;
    expect(button.shadowRoot!.querySelector('.name')!.textContent).to.equal(name);
    expect(button.shadowRoot!.querySelectorAll('img')).to.have.length(0);
    expect((window as unknown as {__pwned?: boolean}).__pwned).to.equal(undefined);
  });
});
