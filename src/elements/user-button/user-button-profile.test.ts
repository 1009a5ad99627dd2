// "Manage account": the profile in the provider's dialog (by keyboard, focus back to the
// trigger), or a link to the profile page; the provider's openUserProfile/closeUserProfile.
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {ADA, settle, waitUntil} from '../../../test/helpers.js';
import {dialogName, dialogs, modalGone, nativeDialog} from '../../../test/modal.js';
import {focused, isOpen, item, openMenu, trigger, userButton} from '../../../test/user-button.js';
import {html} from 'lit';
import type {AuthProvider} from '../provider/provider.js';
import {deepActiveElement} from '../../internal/focus.js';

/** Waits for the one modal to show the profile; returns the dialog. */
async function shownProfile() {
  await waitUntil(() => dialogs().length === 1 && nativeDialog(dialogs()[0]).open && dialogs()[0].querySelector('auth-user-profile'), 'no open modal with <auth-user-profile>');
  const dialog = dialogs()[0];
  const profile = dialog.querySelector('auth-user-profile')!;
  await profile.updateComplete;
  await waitUntil(() => profile.shadowRoot!.querySelector('nav'), 'the profile shows no pages');
  return {dialog, profile};
}

describe('<auth-user-button> Manage account', () => {
  afterEach(() => dialogs().forEach((dialog) => dialog.remove()));

  it('opens the profile in a modal by keyboard; Escape closes it and focus returns to the trigger', async () => {
    const {el} = await userButton({multiSession: false});
    const provider = el.closest<AuthProvider>('auth-provider')!;
    trigger(el).focus();
    await sendKeys({press: 'Enter'});
    await settle(el);
    expect(isOpen(el)).to.equal(true);
    expect(focused(el)).to.equal(item(el, 'Manage account'));
    await sendKeys({press: 'ArrowDown'});
    expect(focused(el)).to.equal(item(el, 'Sign out'));
    await sendKeys({press: 'ArrowUp'});
    expect(focused(el)).to.equal(item(el, 'Manage account'));
    await sendKeys({press: 'Enter'});
    const {dialog, profile} = await shownProfile();
    expect(isOpen(el), 'the menu stays open under the dialog').to.equal(false);
    expect(dialog.parentElement).to.equal(provider);
    expect(nativeDialog(dialog).matches(':modal')).to.equal(true);
    expect(dialogName(dialog) || dialog.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Manage account');
    expect(profile.shadowRoot!.textContent).to.contain(ADA.email);
    await waitUntil(() => dialog.contains(deepActiveElement()) || dialog.shadowRoot!.contains(deepActiveElement()), 'focus is not in the dialog');
    await expect(provider).to.be.accessible();
    await sendKeys({press: 'Escape'});
    await modalGone();
    await waitUntil(() => deepActiveElement() === trigger(el), 'focus did not return to the trigger');
    await expect(el).to.be.accessible();
  });

  it('navigation mode: Manage account is a link to user-profile-url', async () => {
    const {el} = await userButton({
      multiSession: false,
      inner: html`<auth-user-button user-profile-mode="navigation" user-profile-url="/account#settings"></auth-user-button>`,
    });
    await openMenu(el);
    const link = item(el, 'Manage account') as HTMLAnchorElement;
    expect(link.localName).to.equal('a');
    expect(link.getAttribute('href')).to.equal('/account#settings');
    await expect(el).to.be.accessible();
    // Following it closes the menu (the test page itself stays: the navigation is stopped).
    const stop = (event: Event) => event.preventDefault();
    document.addEventListener('click', stop);
    try {
      link.click();
      await settle(el);
    } finally {
      document.removeEventListener('click', stop);
    }
    expect(isOpen(el)).to.equal(false);
    expect(dialogs()).to.have.length(0);
  });

  it('navigation mode with a URL the redirect policy refuses opens the modal instead', async () => {
    const {el} = await userButton({
      multiSession: false,
      inner: html`<auth-user-button user-profile-mode="navigation" user-profile-url="https://evil.example/account"></auth-user-button>`,
    });
    await openMenu(el);
    const manage = item(el, 'Manage account');
    expect(manage.localName).to.equal('button');
    manage.click();
    await shownProfile();
  });

  it('the provider opens and closes the profile for framework code, one dialog at a time, and closes it on sign-out', async () => {
    const {el, client} = await userButton({multiSession: false});
    const provider = el.closest<AuthProvider>('auth-provider')!;
    await provider.openSignIn({addAccount: true});
    await provider.openUserProfile();
    const {dialog} = await shownProfile();
    expect(dialogs()).to.have.length(1);
    expect(dialog.querySelector('auth-sign-in')).to.equal(null);
    provider.closeSignIn(); // not what is shown: nothing happens
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dialogs()).to.have.length(1);
    provider.closeUserProfile();
    await modalGone();
    await provider.openUserProfile();
    await shownProfile();
    await client.signOut();
    await modalGone();
  });
});
