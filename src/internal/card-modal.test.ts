// The provider's modal for framework code: openSignIn/openSignUp/closeSignIn/closeSignUp, one
// dialog at a time, the card a light-DOM child of the provider, removed once closed.
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {ADA, clientFor, html, input, memoryAdapter, mount, nextEvent, submit, type, waitUntil} from '../../test/helpers.js';
import {dialogName, dialogs, modalGone, nativeDialog, shownModal} from '../../test/modal.js';
import type {AuthProvider} from '../elements/provider/provider.js';
import {deepActiveElement} from './focus.js';

/** A provider with a page's own button that opens the modal through the provider's method. */
async function page() {
  const client = clientFor(memoryAdapter());
  const opener = await mount<HTMLButtonElement>(client, html`<button id="framework-opener">Account</button>`, '#framework-opener');
  const provider = opener.closest<AuthProvider>('auth-provider')!;
  opener.addEventListener('click', () => void provider.openSignIn());
  return {client, opener, provider};
}

describe('<auth-provider> modal (openSignIn, openSignUp, closeSignIn, closeSignUp)', () => {
  afterEach(() => dialogs().forEach((dialog) => dialog.remove()));

  it('opens sign-in from framework code, focus back to the page button on close', async () => {
    const {opener, provider} = await page();
    opener.focus();
    await sendKeys({press: 'Enter'});
    const {dialog, card} = await shownModal('auth-sign-in');
    expect(dialog.parentElement).to.equal(provider);
    expect(nativeDialog(dialog).matches(':modal')).to.equal(true);
    expect(document.documentElement.style.overflow).to.equal('hidden');
    expect(card.querySelector('form')!.getRootNode()).to.equal(document);
    await expect(provider).to.be.accessible();
    provider.closeSignIn();
    await modalGone();
    expect(document.documentElement.style.overflow).to.equal('');
    await waitUntil(() => deepActiveElement() === opener, 'focus did not return to the opener');
  });

  it('keeps one dialog at a time: openSignUp while sign-in is open switches its card', async () => {
    const {provider} = await page();
    await provider.openSignIn();
    const {dialog} = await shownModal('auth-sign-in');
    await provider.openSignUp();
    const signUp = await shownModal('auth-sign-up');
    expect(signUp.dialog).to.equal(dialog);
    expect(dialogs()).to.have.length(1);
    expect(dialog.querySelectorAll('auth-sign-in, auth-sign-up')).to.have.length(1);
    expect(dialogName(dialog)).to.equal('Create your account');
    // closeSignIn leaves a sign-up modal alone; closeSignUp closes it.
    provider.closeSignIn();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dialogs()).to.have.length(1);
    provider.closeSignUp();
    await modalGone();
  });

  it('a close asked for while the card still loads means it never opens', async () => {
    const {provider} = await page();
    const opening = provider.openSignUp();
    provider.closeSignUp();
    await opening;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dialogs()).to.have.length(0);
  });

  it('signs up inside the modal: the code step keeps the dialog named by the title, the new account closes it', async () => {
    const {client, provider} = await page();
    const adapter = client.adapter as ReturnType<typeof memoryAdapter>;
    await provider.openSignUp();
    const {dialog, card} = await shownModal('auth-sign-up');
    type(input(card, 'email'), 'charles@example.com');
    type(input(card, 'password'), 'difference-engine-1822');
    await submit(card);
    await waitUntil(() => dialogName(dialog) === 'Verify your email');
    await expect(dialog).to.be.accessible();
    const signedIn = nextEvent(provider, 'auth-signed-in');
    type(input(card, 'code'), adapter.latestCode('charles@example.com')!); // a complete code submits itself
    expect((await signedIn).user.email).to.equal('charles@example.com');
    await modalGone();
    expect(client.state.status).to.equal('signed-in');
  });

  it('stays open when the page vetoes the close, and is gone from the DOM once it closes', async () => {
    const {provider} = await page();
    await provider.openSignIn();
    const {dialog} = await shownModal('auth-sign-in');
    const veto = (event: Event) => event.preventDefault();
    dialog.addEventListener('auth-dialog-request-close', veto);
    provider.closeSignIn();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dialog.isConnected).to.equal(true);
    dialog.removeEventListener('auth-dialog-request-close', veto);
    provider.closeSignIn();
    await modalGone();
    expect(dialog.isConnected).to.equal(false);
  });

  it('opens again after a close, with a fresh card', async () => {
    const {provider} = await page();
    await provider.openSignIn();
    const first = await shownModal('auth-sign-in');
    type(input(first.card, 'email'), ADA.email);
    await sendKeys({press: 'Escape'});
    await modalGone();
    await provider.openSignIn();
    const second = await shownModal('auth-sign-in');
    expect(second.card).to.not.equal(first.card);
    expect(input(second.card, 'email').value).to.equal('');
  });
});
