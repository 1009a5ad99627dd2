// The user button's multi-session menu against the real better-auth server (cookie mode; the
// reference server has multiSession on): a second account is added through the modal, both are
// listed, and a choice in the menu switches back to the first, without a reload.
import {expect} from '@open-wc/testing';
import {fixture, html, input, submit, type, waitUntil} from '../helpers.js';
import {modalGone, shownModal} from '../modal.js';
import {createUser, network, uniqueEmail} from '../real-server.js';
import {isOpen, item, itemTexts, openMenu} from '../user-button.js';
import type {AuthProvider} from '../../src/elements/provider/provider.js';
import type {AuthUserButton} from '../../src/elements/user-button/user-button.js';

const PASSWORD = 'lovelace1815';

describe('user button accounts against the real server', () => {
  let first: string;
  let second: string;
  before(async () => {
    first = uniqueEmail('first');
    second = uniqueEmail('second');
    await createUser('Ada First', first, PASSWORD);
    await createUser('Grace Second', second, PASSWORD);
  });

  after(async () => {
    await network().adapter.signOutAllAccounts?.();
  });

  it('adds a second account through the modal and switches back to the first', async () => {
    await network().adapter.signInWithPassword({email: first, password: PASSWORD});
    const provider = await fixture<AuthProvider>(html`<auth-provider api-url="/api/auth"><auth-user-button></auth-user-button></auth-provider>`);
    const el = provider.querySelector<AuthUserButton>('auth-user-button')!;
    await waitUntil(() => el.shadowRoot!.querySelector('button'), 'the user button never showed');
    const client = provider.activeClient!;
    expect(client.capabilities.multiSession).to.equal(true);
    expect(client.user!.email).to.equal(first);

    await openMenu(el);
    item(el, 'Add account').click();
    const {card} = await shownModal('auth-sign-in');
    type(input(card, 'email'), second);
    await submit(card);
    type(input(card, 'password'), PASSWORD);
    card.querySelector('form')!.requestSubmit();
    await modalGone();
    expect(client.user!.email).to.equal(second);

    await openMenu(el, {accounts: 1});
    expect(itemTexts(el)).to.include(`Ada First ${first}`);
    await expect(el).to.be.accessible();
    item(el, 'Ada First').click();
    await waitUntil(() => client.user?.email === first, 'did not switch back to the first account');
    await waitUntil(() => !isOpen(el), 'the menu stayed open');
    // The server agrees: the cookie's active session is the first account's, the second still signed in here.
    const accounts = await network().adapter.listDeviceAccounts!();
    expect(accounts.find((account) => account.active)!.user.email).to.equal(first);
    expect(accounts.map((account) => account.user.email).sort()).to.deep.equal([first, second].sort());
  });
});
