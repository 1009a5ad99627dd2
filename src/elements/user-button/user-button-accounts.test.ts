// Multi-session: the other accounts of the device in the menu, switching without a reload (and
// back), signing out one account or all, adding an account through the provider's modal.
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {html} from 'lit';
import {ADA, input, nextEvent, settle, submit, type, waitUntil} from '../../../test/helpers.js';
import {dialogs, modalGone, shownModal} from '../../../test/modal.js';
import {focused, GRACE, isOpen, item, itemTexts, openMenu, trigger, userButton} from '../../../test/user-button.js';
import type {AuthProvider} from '../provider/provider.js';
import {deepActiveElement} from '../../internal/focus.js';

const KATHERINE = {name: 'Katherine Johnson', email: 'katherine@example.com', password: 'orbital1962'};
const HOSTILE = {name: '<img src=x onerror="window.__pwnedAccount=true">', email: '"><svg onload=alert(1)>@example.com', password: 'hostile123'};

describe('<auth-user-button> multi-session', () => {
  afterEach(() => dialogs().forEach((dialog) => dialog.remove()));

  it('lists the other signed-in account with its name and email, and switches to it and back without a reload', async () => {
    const {el, client} = await userButton({accounts: [ADA, GRACE]});
    const provider = el.closest<AuthProvider>('auth-provider')!;
    expect(client.user!.email).to.equal(GRACE.email);
    await openMenu(el, {accounts: 1});
    expect(itemTexts(el)).to.deep.equal(['Manage account', `${ADA.name} ${ADA.email}`, 'Add account', 'Sign out', 'Sign out of all accounts']);
    const group = el.shadowRoot!.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).to.equal('Other accounts');
    await expect(el).to.be.accessible();

    const changed = nextEvent(provider, 'auth-session-change');
    const loaded = performance.getEntriesByType('navigation')[0];
    item(el, ADA.name).focus();
    await sendKeys({press: 'Enter'});
    expect((await changed).state.user!.email, 'the provider tells the page of the switch').to.equal(ADA.email);
    await waitUntil(() => !isOpen(el), 'the menu stayed open after the switch');
    await settle(el);
    expect(client.user!.email).to.equal(ADA.email);
    expect(trigger(el).getAttribute('aria-label')).to.equal(`Account menu for ${ADA.name}`);
    expect(focused(el)).to.equal(trigger(el));
    expect(performance.getEntriesByType('navigation')[0]).to.equal(loaded);

    await openMenu(el, {accounts: 1});
    expect(itemTexts(el)).to.include(`${GRACE.name} ${GRACE.email}`);
    item(el, GRACE.name).click();
    await waitUntil(() => client.user?.email === GRACE.email, 'did not switch back');
    await expect(el).to.be.accessible();
  });

  it('Sign out signs out the active account only: the next one becomes active and stays listed no more', async () => {
    const {el, client, adapter} = await userButton({accounts: [ADA, GRACE]});
    await openMenu(el, {accounts: 1});
    const signedOut = nextEvent(el, 'auth-signed-out');
    item(el, 'Sign out').click();
    await signedOut;
    await settle(el);
    expect(client.state.status).to.equal('signed-in');
    expect(client.user!.email).to.equal(ADA.email);
    expect((await adapter.listDeviceAccounts()).map((account) => account.user.email)).to.deep.equal([ADA.email]);
    await waitUntil(() => deepActiveElement() === trigger(el), 'focus did not go back to the trigger');
    await openMenu(el);
    expect(itemTexts(el)).to.deep.equal(['Manage account', 'Add account', 'Sign out']);
    await expect(el).to.be.accessible();
  });

  it('Sign out of all accounts signs every one out', async () => {
    const {el, client, adapter} = await userButton({accounts: [ADA, GRACE, KATHERINE], seeds: [ADA, GRACE, KATHERINE]});
    await openMenu(el, {accounts: 2});
    expect(itemTexts(el).slice(1, 3)).to.deep.equal([`${ADA.name} ${ADA.email}`, `${GRACE.name} ${GRACE.email}`]);
    item(el, 'Sign out of all accounts').click();
    await waitUntil(() => client.state.status === 'signed-out', 'still signed in');
    expect(await adapter.getSession()).to.equal(null);
    await settle(el);
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('Add account signs another account in through the modal; the first one stays listed', async () => {
    const {el, client} = await userButton({accounts: [ADA]});
    trigger(el).focus();
    await sendKeys({press: 'ArrowUp'});
    await settle(el);
    expect(focused(el)).to.equal(item(el, 'Sign out'));
    await sendKeys({press: 'ArrowUp'});
    expect(focused(el)).to.equal(item(el, 'Add account'));
    await sendKeys({press: 'Enter'});
    const {card} = await shownModal('auth-sign-in');
    expect(card.querySelector('form input[name="email"]'), 'the card shows its form though someone is signed in').to.not.equal(null);
    await expect(el.closest('auth-provider')!).to.be.accessible();
    type(input(card, 'email'), GRACE.email);
    await submit(card);
    type(input(card, 'password'), GRACE.password);
    card.querySelector('form')!.requestSubmit();
    await modalGone();
    expect(client.user!.email).to.equal(GRACE.email);
    await waitUntil(() => deepActiveElement() === trigger(el), 'focus did not return to the trigger');
    await openMenu(el, {accounts: 1});
    expect(itemTexts(el)).to.include(`${ADA.name} ${ADA.email}`);
  });

  it('shows a hostile name and email as text in the account list', async () => {
    const {el} = await userButton({accounts: [HOSTILE, ADA], seeds: [ADA, HOSTILE]});
    await openMenu(el, {accounts: 1});
    const row = el.shadowRoot!.querySelector('[part~="account-list"] [role="menuitem"]')!;
    expect(row.querySelector('.name')!.textContent).to.equal(HOSTILE.name);
    expect(row.querySelector('.email')!.textContent).to.equal(HOSTILE.email.toLowerCase());
    expect(el.shadowRoot!.querySelectorAll('img, svg[onload]')).to.have.length(0);
    expect((window as unknown as {__pwnedAccount?: boolean}).__pwnedAccount).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('without multi-session the menu is Manage account and Sign out', async () => {
    const {el} = await userButton({multiSession: false, inner: html`<auth-user-button></auth-user-button>`});
    await openMenu(el);
    expect(itemTexts(el)).to.deep.equal(['Manage account', 'Sign out']);
  });
});
