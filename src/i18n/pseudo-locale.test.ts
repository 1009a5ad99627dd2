import {expect} from '@open-wc/testing';
import {MemoryAdapter} from '../client/adapters/memory.js';
import {ADA, clientFor, fixture, html, input, memoryAdapter, settle, submit, type, waitUntil} from '../../test/helpers.js';
import {pseudoLocalizeString} from './pseudo-locale.js';
import '../define/auth-user-profile.js';

const USER_DATA = [ADA.email, ADA.name, 'AL'];

/** Every piece of text a user can see or hear in an element: text nodes (light and shadow) and labels. */
function texts(root: Element | ShadowRoot): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE && node.parentElement?.closest('style, script') == null) found.push(node.textContent!.trim());
    if (node instanceof Element) {
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) if (node.hasAttribute(name)) found.push(node.getAttribute(name)!.trim());
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    node.childNodes.forEach(visit);
  };
  visit(root);
  return found.filter((text) => /\p{L}/u.test(text) && !USER_DATA.includes(text));
}

/** Text that is not bracketed was not localized. */
const unbracketed = (element: Element) => texts(element).filter((text) => !/^\[[\s\S]*\]$/.test(text));

describe('the pseudo-locale', () => {
  it('stretches, accents and brackets a string, keeping placeholders', () => {
    expect(pseudoLocalizeString('Sign in as {{email}}')).to.match(/^\[Šîĝñ îñ áš \{\{email\}\} ~+\]$/);
  });

  it('leaves no unbracketed text in any element, in any step', async function () {
    // Every step of every card, one after another: more than mocha's default on a busy machine.
    this.timeout(30_000);
    const adapter = memoryAdapter({users: [ADA, {name: 'Una', email: 'una@example.com', password: 'pending123', emailVerified: false}]});
    const signedIn = new MemoryAdapter({users: [ADA]});
    await signedIn.signInWithPassword({email: ADA.email, password: ADA.password});
    const root = await fixture<HTMLElement>(html`<div>
      <auth-provider locale="en-XA" .client=${clientFor(adapter)}><auth-sign-in sign-up-url="/up"></auth-sign-in><auth-sign-up sign-in-url="/in"></auth-sign-up></auth-provider>
      <auth-provider locale="en-XA" .client=${clientFor(signedIn)} .appearance=${{options: {termsPageUrl: '/terms', helpPageUrl: '/help'}}}>
        <auth-user-button></auth-user-button>
      </auth-provider>
    </div>`);
    const signIn = root.querySelector('auth-sign-in')!;
    const signUp = root.querySelector('auth-sign-up')!;
    const userButton = root.querySelector('auth-user-button')!;
    await waitUntil(() => signIn.shadowRoot?.querySelector('h1')?.textContent?.startsWith('['), 'the pseudo-locale never loaded');
    const check = async (element: Element, step: string) => {
      await settle(element);
      expect(unbracketed(element), `${element.localName} ${step}`).to.deep.equal([]);
    };

    await check(signIn, 'email step');
    type(input(signIn, 'email'), 'not an email');
    await submit(signIn);
    await check(signIn, 'invalid email');
    type(input(signIn, 'email'), 'una@example.com');
    await submit(signIn);
    await check(signIn, 'password step');
    type(input(signIn, 'password'), 'pending123');
    await submit(signIn);
    await check(signIn, 'verify email');
    type(input(signIn, 'code'), '000000');
    await check(signIn, 'wrong code');
    signIn.querySelector<HTMLElement>('[part="back-link"]')!.click();
    await settle(signIn);
    signIn.querySelector<HTMLElement>('[part="forgot-password-link"]')!.click();
    await check(signIn, 'reset code');
    type(input(signIn, 'code'), adapter.latestCode('una@example.com')!);
    await check(signIn, 'new password');

    await submit(signUp);
    await check(signUp, 'details with problems');
    type(input(signUp, 'name'), 'Grace');
    type(input(signUp, 'email'), 'grace@example.com');
    type(input(signUp, 'password'), 'cobol1959');
    await submit(signUp);
    await check(signUp, 'verify email');

    await waitUntil(() => userButton.shadowRoot!.querySelector('button'));
    userButton.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await check(userButton, 'open menu');
    await expect(root.querySelector('auth-provider')).to.be.accessible();
  });

  it('leaves no unbracketed text on the profile\'s pages and in its editors', async function () {
    this.timeout(30_000);
    const devices = [{userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15'}];
    const adapter = new MemoryAdapter({users: [{...ADA, otherDevices: devices}]});
    await adapter.signInWithPassword({email: ADA.email, password: ADA.password});
    const root = await fixture<HTMLElement>(html`<div>
      <auth-provider locale="en-XA" .client=${clientFor(adapter)}><auth-user-profile></auth-user-profile></auth-provider>
    </div>`);
    const profile = root.querySelector('auth-user-profile')!;
    const shadow = () => profile.shadowRoot!;
    // Device names come from the user agent (`Safari on macOS` is the API's data, not a text of ours).
    // Dates are formatted by Intl for the language (data too).
    const ours = () => unbracketed(profile).filter((text) => !/Safari|macOS|Chrome|Linux|\d{4}/.test(text));
    await waitUntil(() => shadow().querySelector('nav'), 'the profile shows');
    expect(ours(), 'account page').to.deep.equal([]);
    [...shadow().querySelectorAll<HTMLButtonElement>('.section-content button')][0]!.click();
    await settle(profile as never);
    expect(ours(), 'name editor').to.deep.equal([]);
    shadow().querySelectorAll<HTMLElement>('[part~="navigation-item"]')[1]!.click();
    await waitUntil(() => shadow().querySelector('[part~="devices-list"], .row-list, ul.rows') || shadow().textContent!.includes('['), 'the security page');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ours(), 'security page').to.deep.equal([]);
    await expect(root.querySelector('auth-provider')).to.be.accessible();
  });
});
