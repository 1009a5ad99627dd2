import {expect} from '@open-wc/testing';
import type {AuthSignIn} from '../elements/sign-in/sign-in.js';
import type {AuthSignUp} from '../elements/sign-up/sign-up.js';
import {clientFor, html, memoryAdapter, mount, title} from '../../test/helpers.js';
import type {AppearanceOptions} from './appearance.js';

const LOGO = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"%3E%3Crect width="10" height="10"/%3E%3C/svg%3E';

function signIn(options: AppearanceOptions) {
  return mount<AuthSignIn>(clientFor(memoryAdapter()), html`<auth-sign-in .appearance=${{options}}></auth-sign-in>`, 'auth-sign-in');
}

describe('appearance.options', () => {
  it('names the application in the title and labels the logo with it', async () => {
    const el = await signIn({applicationName: 'Acme', logoImageUrl: LOGO});
    expect(title(el)).to.equal('Sign in to Acme');
    const logo = el.shadowRoot!.querySelector<HTMLImageElement>('[part="logo"]')!;
    expect(logo.alt).to.equal('Acme');
    expect(logo.closest('header')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('puts the logo above the card, or nowhere', async () => {
    const outside = await signIn({logoImageUrl: LOGO, logoPlacement: 'outside', applicationName: 'Acme'});
    const logo = outside.shadowRoot!.querySelector('[part="logo"]')!;
    expect(logo.closest('[part="card"]')).to.equal(null);
    expect(logo.getBoundingClientRect().bottom).to.be.at.most(outside.shadowRoot!.querySelector('[part="card"]')!.getBoundingClientRect().top);
    const none = await signIn({logoImageUrl: LOGO, logoPlacement: 'none'});
    expect(none.shadowRoot!.querySelector('[part="logo"]')).to.equal(null);
  });

  it('links terms, privacy and help, refusing scripts as links', async () => {
    const el = await signIn({termsPageUrl: '/terms', privacyPageUrl: 'https://example.com/privacy', helpPageUrl: 'javascript:alert(1)'});
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="footer-link"]')];
    expect(links.map((link) => [link.textContent, link.href])).to.deep.equal([
      ['Terms', `${location.origin}/terms`],
      ['Privacy', 'https://example.com/privacy'],
    ]);
    expect(el.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal('Legal and help');
    await expect(el).to.be.accessible();
  });

  it('shows the optional name field at sign-up unless told not to', async () => {
    const shown = await mount<AuthSignUp>(clientFor(memoryAdapter()), html`<auth-sign-up></auth-sign-up>`, 'auth-sign-up');
    const name = shown.querySelector<HTMLInputElement>('input[name="name"]')!;
    expect(name.required).to.equal(false);
    expect(name.closest('.ae-field')!.textContent).to.contain('Optional');
    const hidden = await mount<AuthSignUp>(
      clientFor(memoryAdapter()),
      html`<auth-sign-up .appearance=${{options: {showOptionalFields: false}}}></auth-sign-up>`,
      'auth-sign-up',
    );
    expect(hidden.querySelector('input[name="name"]')).to.equal(null);
    await expect(hidden).to.be.accessible();
  });

  it('turns transitions off with animations: false', async () => {
    const el = await signIn({animations: false});
    expect(el.matches(':state(no-animations)')).to.equal(true);
    expect(getComputedStyle(el.querySelector('input')!).transitionDuration).to.equal('0s');
    const animated = await signIn({});
    expect(animated.matches(':state(no-animations)')).to.equal(false);
    expect(getComputedStyle(animated.querySelector('input')!).transitionDuration).to.not.equal('0s');
  });
});
