import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {clientFor, html, memoryAdapter, mount, title, waitUntil} from '../../../test/helpers.js';
import {dialogName, dialogs, modalGone, shownModal} from '../../../test/modal.js';
import {deepActiveElement} from '../../internal/focus.js';
import type {AuthProvider} from '../provider/provider.js';
import type {AuthSignUpButton} from './sign-up-button.js';

async function page(button = html`<auth-sign-up-button></auth-sign-up-button>`) {
  const el = await mount<AuthSignUpButton>(clientFor(memoryAdapter()), button, 'auth-sign-up-button');
  return {el, provider: el.closest<AuthProvider>('auth-provider')!};
}

const defaultButton = (el: AuthSignUpButton) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="sign-up-button"]');

describe('<auth-sign-up-button>', () => {
  afterEach(() => dialogs().forEach((dialog) => dialog.remove()));

  it('renders a secondary "Sign up" button and opens the sign-up card in a modal by keyboard', async () => {
    const {el, provider} = await page(html`<auth-sign-up-button after-sign-up-url="#welcome"></auth-sign-up-button>`);
    const button = defaultButton(el)!;
    expect(button.textContent!.trim()).to.equal('Sign up');
    expect(button.classList.contains('secondary')).to.equal(true);
    await expect(el).to.be.accessible();
    button.focus();
    await sendKeys({press: 'Enter'});
    const {dialog, card} = await shownModal('auth-sign-up');
    expect(dialog.parentElement).to.equal(provider);
    expect(dialogName(dialog)).to.equal(title(card));
    expect(dialogName(dialog)).to.equal('Create your account');
    expect(card.getAttribute('after-sign-up-url')).to.equal('#welcome');
    expect(document.querySelector('input[autocomplete="new-password"]')!.closest('form')!.getRootNode()).to.equal(document);
    await expect(provider).to.be.accessible();
    await sendKeys({press: 'Escape'});
    await modalGone();
    await waitUntil(() => deepActiveElement() === defaultButton(el), 'focus did not return to the button');
  });

  it("switches to sign-in inside the modal through the card's footer link", async () => {
    const {el} = await page();
    defaultButton(el)!.click();
    const {card, dialog} = await shownModal('auth-sign-up');
    card.shadowRoot!.querySelector<HTMLElement>('[part~="footer-action-link"]')!.click();
    await shownModal('auth-sign-in');
    expect(dialogName(dialog)).to.equal('Sign in');
  });

  it('redirect mode goes to sign-up-url, else the provider\'s', async () => {
    const {el, provider} = await page(html`<auth-sign-up-button mode="redirect"></auth-sign-up-button>`);
    provider.signUpUrl = '#join';
    try {
      defaultButton(el)!.click();
      await waitUntil(() => location.hash === '#join', "did not navigate to the provider's sign-up-url");
      el.signUpUrl = '#own-join';
      await el.updateComplete;
      defaultButton(el)!.click();
      await waitUntil(() => location.hash === '#own-join', 'did not navigate to sign-up-url');
      expect(dialogs()).to.have.length(0);
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('restyles its button through appearance.elements.signUpButton', async () => {
    const {el} = await page();
    el.appearance = {elements: {signUpButton: 'acme-join'}};
    await el.updateComplete;
    expect(defaultButton(el)!.classList.contains('acme-join')).to.equal(true);
  });
});
