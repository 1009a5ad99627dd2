// The sign-in button's modal against the real better-auth server: a real account signs in inside
// the dialog, the dialog goes, the signed-in content (with the sign-out button) takes over.
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {fixture, html, input, submit, title, type, waitUntil} from '../helpers.js';
import {dialogName, modalGone, shownModal} from '../modal.js';
import {createUser, network, uniqueEmail} from '../real-server.js';
import type {AuthProvider} from '../../src/elements/provider/provider.js';
import type {AuthSignInButton} from '../../src/elements/sign-in-button/sign-in-button.js';
import type {AuthSignOutButton} from '../../src/elements/sign-out-button/sign-out-button.js';
import {deepActiveElement} from '../../src/internal/focus.js';

const PASSWORD = 'lovelace1815';

describe('modal sign-in against the real server', () => {
  let email: string;
  before(async () => {
    email = uniqueEmail('modal');
    await createUser('Ada Modal', email, PASSWORD);
  });

  after(async () => {
    await network().adapter.signOut();
  });

  it('signs a real account in inside the modal, then out with the sign-out button', async () => {
    const provider = await fixture<AuthProvider>(html`<auth-provider api-url="/api/auth">
      <auth-signed-out><auth-sign-in-button></auth-sign-in-button></auth-signed-out>
      <auth-signed-in><auth-sign-out-button></auth-sign-out-button></auth-signed-in>
    </auth-provider>`);
    const button = provider.querySelector<AuthSignInButton>('auth-sign-in-button')!;
    await waitUntil(() => button.shadowRoot!.querySelector('button'), 'the sign-in button never showed');
    button.focus();
    await sendKeys({press: 'Enter'});
    const {dialog, card} = await shownModal('auth-sign-in');
    expect(dialogName(dialog)).to.equal('Sign in');
    await expect(provider).to.be.accessible();

    type(input(card, 'email'), email);
    await submit(card);
    expect(title(card)).to.equal('Enter your password');
    expect(dialogName(dialog)).to.equal('Enter your password');
    type(input(card, 'password'), PASSWORD);
    card.querySelector('form')!.requestSubmit();
    await modalGone();
    expect(provider.activeClient!.user!.email).to.equal(email);

    // The signed-in content replaced the button the focus came from: its first control takes it.
    const signOut = provider.querySelector<AuthSignOutButton>('auth-sign-out-button')!;
    await waitUntil(() => signOut.shadowRoot!.querySelector('button'), 'the sign-out button never showed');
    await waitUntil(() => deepActiveElement() === signOut.shadowRoot!.querySelector('button'), 'focus was lost after signing in');
    await expect(provider).to.be.accessible();

    await sendKeys({press: 'Enter'});
    await waitUntil(() => provider.activeClient!.state.status === 'signed-out', 'the sign-out button did not sign out');
    expect((await network().adapter.getSession())).to.equal(null);
  });
});
