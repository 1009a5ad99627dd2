import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {ADA, clientFor, fixture, html, input, memoryAdapter, mount, submit, title, type, waitUntil} from '../../../test/helpers.js';
import {closeButton, dialogName, dialogs, modalGone, shownModal} from '../../../test/modal.js';
import {AuthClient} from '../../client/auth-client.js';
import {MemoryAdapter} from '../../client/adapters/memory.js';
import {deepActiveElement} from '../../internal/focus.js';
import type {AuthProvider} from '../provider/provider.js';
import type {AuthSignInButton} from './sign-in-button.js';

/** A page with something focusable before the button, so a keyboard user can Tab to it. */
async function page(button = html`<auth-sign-in-button></auth-sign-in-button>`, adapter = memoryAdapter()) {
  const client = clientFor(adapter);
  const root = await mount<HTMLElement>(client, html`<div><a href="#top">Home</a> ${button}</div>`, 'div');
  const el = root.querySelector<AuthSignInButton>('auth-sign-in-button')!;
  await el.updateComplete;
  return {el, client, provider: root.closest<AuthProvider>('auth-provider')!, home: root.querySelector('a')!};
}

const defaultButton = (el: AuthSignInButton) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="sign-in-button"]');

/** Tab from the link before it to the button, Enter: the sign-in modal opens. */
async function openByKeyboard(home: HTMLElement, target: Element) {
  home.focus();
  await sendKeys({press: 'Tab'});
  expect(deepActiveElement()).to.equal(target);
  await sendKeys({press: 'Enter'});
  return shownModal('auth-sign-in');
}

/** Catches console warnings while `run` runs. */
async function warningsOf(run: () => Promise<void>): Promise<string> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return warnings.join('\n');
}

describe('<auth-sign-in-button>', () => {
  afterEach(() => dialogs().forEach((dialog) => dialog.remove()));

  it('renders a primary "Sign in" button while signed out', async () => {
    const {el} = await page();
    const button = defaultButton(el)!;
    expect(button.textContent!.trim()).to.equal('Sign in');
    expect(button.type).to.equal('button');
    expect(getComputedStyle(button).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    await expect(el).to.be.accessible();
  });

  it('opens the sign-in card in a modal by keyboard, named by its title; Escape closes it and focus is back', async () => {
    const {el, home, provider} = await page();
    const {dialog, card} = await openByKeyboard(home, defaultButton(el)!);
    // One dialog, a light-DOM child of the provider; the card in it, its form in the document.
    expect(dialogs()).to.have.length(1);
    expect(dialog.parentElement).to.equal(provider);
    expect(card.parentElement).to.equal(dialog);
    const email = document.querySelector<HTMLInputElement>('input[autocomplete~="username"]')!;
    expect(email.closest('form')!.getRootNode()).to.equal(document);
    expect(deepActiveElement()).to.equal(email);
    expect(dialogName(dialog)).to.equal('Sign in');
    expect(dialogName(dialog)).to.equal(title(card));
    await expect(provider).to.be.accessible();

    await sendKeys({press: 'Escape'});
    await modalGone();
    await waitUntil(() => deepActiveElement() === defaultButton(el), 'focus did not return to the button');
    await expect(el).to.be.accessible();
  });

  it('keeps the dialog named by the card title as the steps change', async () => {
    const {el} = await page();
    defaultButton(el)!.click();
    const {dialog, card} = await shownModal('auth-sign-in');
    type(input(card, 'email'), ADA.email);
    await submit(card);
    await waitUntil(() => dialogName(dialog) === 'Enter your password', `the dialog is named "${dialogName(dialog)}"`);
    expect(title(card)).to.equal('Enter your password');
    await expect(dialog).to.be.accessible();
  });

  it('closes from the close button, focus back on the button', async () => {
    const {el} = await page();
    defaultButton(el)!.focus();
    defaultButton(el)!.click();
    const {dialog} = await shownModal('auth-sign-in');
    closeButton(dialog).click();
    await modalGone();
    await waitUntil(() => deepActiveElement() === defaultButton(el), 'focus did not return to the button');
  });

  it('switches to sign-up inside the modal and back, without navigating', async () => {
    const {el} = await page();
    const before = location.href;
    defaultButton(el)!.click();
    const {dialog, card} = await shownModal('auth-sign-in');
    const toSignUp = card.shadowRoot!.querySelector<HTMLElement>('[part~="footer-action-link"]')!;
    expect(toSignUp.textContent).to.equal('Sign up');
    toSignUp.focus();
    await sendKeys({press: 'Enter'});
    const signUp = await shownModal('auth-sign-up');
    expect(signUp.dialog).to.equal(dialog);
    expect(dialog.querySelector('auth-sign-in')).to.equal(null);
    expect(dialogName(dialog)).to.equal('Create your account');
    expect(deepActiveElement()).to.equal(input(signUp.card, 'name'));
    expect(location.href).to.equal(before);
    await expect(dialog).to.be.accessible();

    signUp.card.shadowRoot!.querySelector<HTMLElement>('[part~="footer-action-link"]')!.click();
    const back = await shownModal('auth-sign-in');
    expect(dialogName(back.dialog)).to.equal('Sign in');
    expect(dialogs()).to.have.length(1);
  });

  it('links the modal card to the provider\'s sign-up page for a middle click, yet switches in place on a plain one', async () => {
    const {el, provider} = await page();
    provider.signUpUrl = '/sign-up';
    const before = location.href;
    defaultButton(el)!.click();
    const {card} = await shownModal('auth-sign-in');
    const link = card.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="footer-action-link"]')!;
    expect(link.getAttribute('href')).to.equal('/sign-up');
    link.click();
    await shownModal('auth-sign-up');
    expect(location.href).to.equal(before);
  });

  it('signs in inside the modal with the memory adapter: the modal closes, the user is signed in, the button hides', async () => {
    const {el, client} = await page();
    defaultButton(el)!.click();
    const {card} = await shownModal('auth-sign-in');
    type(input(card, 'email'), ADA.email);
    await submit(card);
    type(input(card, 'password'), ADA.password);
    card.querySelector('form')!.requestSubmit();
    await modalGone();
    expect(client.state.status).to.equal('signed-in');
    expect(client.user!.email).to.equal(ADA.email);
    await el.updateComplete;
    expect(defaultButton(el)).to.equal(null);
    expect(el.checkVisibility()).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('passes after-sign-in-url to the modal card', async () => {
    const {el} = await page(html`<auth-sign-in-button after-sign-in-url="#signed-in-here" after-sign-up-url="#new-here"></auth-sign-in-button>`);
    defaultButton(el)!.click();
    const {card} = await shownModal('auth-sign-in');
    expect(card.getAttribute('after-sign-in-url')).to.equal('#signed-in-here');
    card.shadowRoot!.querySelector<HTMLElement>('[part~="footer-action-link"]')!.click();
    const signUp = await shownModal('auth-sign-up');
    expect(signUp.card.getAttribute('after-sign-up-url')).to.equal('#new-here');
  });

  it('is hidden while signed in and while the session is loading or unknown', async () => {
    const adapter = memoryAdapter();
    await adapter.signInWithPassword({email: ADA.email, password: ADA.password});
    const {el} = await page(undefined, adapter);
    expect(defaultButton(el)).to.equal(null);
    expect(el.checkVisibility()).to.equal(false);

    class SilentAdapter extends MemoryAdapter {
      override getSession = () => new Promise<never>(() => {});
    }
    const loading = new AuthClient({adapter: new SilentAdapter(), syncTabs: false, retry: false});
    const provider = await fixture<AuthProvider>(html`<auth-provider .client=${loading}><auth-sign-in-button></auth-sign-in-button></auth-provider>`);
    const waiting = provider.querySelector<AuthSignInButton>('auth-sign-in-button')!;
    await waiting.updateComplete;
    expect(loading.state.status).to.equal('loading');
    expect(defaultButton(waiting)).to.equal(null);
    expect(waiting.checkVisibility()).to.equal(false);

    const down = new MemoryAdapter();
    down.getSession = () => Promise.reject(new Error('offline'));
    const unavailable = new AuthClient({adapter: down, syncTabs: false, retry: false});
    await unavailable.ready;
    expect(unavailable.state.status).to.equal('unavailable');
    const other = await fixture<AuthProvider>(html`<auth-provider .client=${unavailable}><auth-sign-in-button></auth-sign-in-button></auth-provider>`);
    const unknown = other.querySelector<AuthSignInButton>('auth-sign-in-button')!;
    await unknown.updateComplete;
    expect(defaultButton(unknown)).to.equal(null);
  });

  it('redirect mode goes to sign-in-url, else the provider\'s, through the redirect policy', async () => {
    const {el, provider} = await page(html`<auth-sign-in-button mode="redirect" sign-in-url="#sign-in-page"></auth-sign-in-button>`);
    try {
      defaultButton(el)!.click();
      await waitUntil(() => location.hash === '#sign-in-page', 'did not navigate to sign-in-url');
      expect(dialogs()).to.have.length(0);
      el.signInUrl = undefined;
      provider.signInUrl = '#provider-sign-in';
      await el.updateComplete;
      defaultButton(el)!.click();
      await waitUntil(() => location.hash === '#provider-sign-in', "did not navigate to the provider's sign-in-url");
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('redirect mode refuses a foreign origin and opens the modal instead', async () => {
    const {el} = await page(html`<auth-sign-in-button mode="redirect" sign-in-url="https://evil.example/sign-in"></auth-sign-in-button>`);
    const before = location.href;
    const warnings = await warningsOf(async () => {
      defaultButton(el)!.click();
      await shownModal('auth-sign-in');
    });
    expect(location.href).to.equal(before);
    expect(warnings).to.contain('refused redirect');
    expect(warnings).to.contain('opening the modal instead');
  });

  it('redirect mode without any sign-in-url warns and opens the modal', async () => {
    const {el} = await page(html`<auth-sign-in-button mode="redirect"></auth-sign-in-button>`);
    const warnings = await warningsOf(async () => {
      defaultButton(el)!.click();
      await shownModal('auth-sign-in');
    });
    expect(warnings).to.contain('has no sign-in-url');
  });

  it("uses the integrator's slotted button instead of the default one, and gives focus back to it", async () => {
    const {el, home} = await page(html`<auth-sign-in-button><button class="mine">Log in to Acme</button></auth-sign-in-button>`);
    expect(defaultButton(el)).to.equal(null);
    const mine = el.querySelector<HTMLButtonElement>('button.mine')!;
    await expect(el).to.be.accessible();
    await openByKeyboard(home, mine);
    await sendKeys({press: 'Escape'});
    await modalGone();
    await waitUntil(() => deepActiveElement() === mine, 'focus did not return to the slotted button');
  });

  it('takes over a slotted link: a plain click opens the modal instead of following it', async () => {
    const {el} = await page(html`<auth-sign-in-button><a href="#would-navigate">Sign in</a></auth-sign-in-button>`);
    el.querySelector('a')!.click();
    await shownModal('auth-sign-in');
    expect(location.hash).to.equal('');
  });

  it('shows a hostile label as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned = 1"> Sign in';
    const {el} = await page(html`<auth-sign-in-button label=${hostile}></auth-sign-in-button>`);
    const button = defaultButton(el)!;
    expect(button.textContent!.trim()).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as {__pwned?: number}).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('restyles its button through ::part(sign-in-button) and appearance.elements.signInButton', async () => {
    const {el} = await page();
    el.appearance = {elements: {signInButton: 'acme-button'}};
    await el.updateComplete;
    expect(defaultButton(el)!.classList.contains('acme-button')).to.equal(true);
    el.appearance = {elements: {signInButton: {backgroundColor: 'rgb(1, 2, 3)'}}};
    await el.updateComplete;
    // (after the button's colour transition)
    await waitUntil(() => getComputedStyle(defaultButton(el)!).backgroundColor === 'rgb(1, 2, 3)', 'the style object did not apply');
  });
});
