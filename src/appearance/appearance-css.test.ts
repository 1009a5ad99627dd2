import {expect} from '@open-wc/testing';
import type {AuthSignIn} from '../elements/sign-in/sign-in.js';
import type {AuthProvider} from '../elements/provider/provider.js';
import {clientFor, fixture, html, memoryAdapter, mount, waitUntil} from '../../test/helpers.js';
import type {Appearance} from './appearance.js';

/** Utility classes the way a site's Tailwind build ships them: inside a cascade layer. */
const UTILITIES = `
  @layer utilities {
    .bg-brand { background-color: rgb(1, 2, 3); }
    .rounded-none { border-radius: 0px; }
    .tracking-wide { letter-spacing: 1px; }
  }
`;

async function signIn(appearance: Appearance) {
  const el = await mount<AuthSignIn>(clientFor(memoryAdapter()), html`<auth-sign-in .appearance=${appearance}></auth-sign-in>`, 'auth-sign-in');
  await el.updateComplete;
  return el;
}

const button = (el: AuthSignIn) => el.querySelector('button[type="submit"]')!;
const cardOf = (el: AuthSignIn) => el.shadowRoot!.querySelector('[part="card"]')!;

describe('appearance.css and class names', () => {
  it('reach light-DOM and shadow parts from a CSS string, over the kit\'s own styles', async () => {
    const el = await signIn({
      elements: {primaryButton: 'bg-brand tracking-wide', card: 'rounded-none bg-brand', formFieldInput: 'rounded-none'},
      css: UTILITIES,
    });
    expect(getComputedStyle(button(el)).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(button(el)).letterSpacing).to.equal('1px');
    expect(getComputedStyle(el.querySelector('input')!).borderTopLeftRadius).to.equal('0px');
    expect(getComputedStyle(cardOf(el)).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(cardOf(el)).borderTopLeftRadius).to.equal('0px');
  });

  it('take a constructed CSSStyleSheet', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.bg-brand { background-color: rgb(4, 5, 6); }');
    const el = await signIn({elements: {primaryButton: 'bg-brand'}, css: sheet});
    expect(getComputedStyle(button(el)).backgroundColor).to.equal('rgb(4, 5, 6)');
  });

  it('load a stylesheet URL', async () => {
    const el = await signIn({elements: {card: 'brand-card'}, css: new URL('/test/fixtures/brand.css', location.href)});
    await waitUntil(() => getComputedStyle(cardOf(el)).outlineColor === 'rgb(7, 8, 9)', 'the linked stylesheet never applied');
    expect(getComputedStyle(cardOf(el)).outlineWidth).to.equal('3px');
  });

  it('stay inside the element: the page keeps its own look for the same class', async () => {
    await signIn({elements: {primaryButton: 'bg-brand'}, css: UTILITIES});
    const outside = await fixture(html`<button class="bg-brand">Page button</button>`);
    expect(getComputedStyle(outside).backgroundColor).to.not.equal('rgb(1, 2, 3)');
  });

  it('follow the element: another element on the page is not restyled', async () => {
    const provider = await fixture<AuthProvider>(html`<auth-provider .client=${clientFor(memoryAdapter())}>
      <auth-sign-in id="styled" .appearance=${{elements: {primaryButton: 'bg-brand'}, css: UTILITIES}}></auth-sign-in>
      <auth-sign-in id="plain" .appearance=${{elements: {primaryButton: 'bg-brand'}}}></auth-sign-in>
    </auth-provider>`);
    const styled = provider.querySelector<AuthSignIn>('#styled')!;
    const plain = provider.querySelector<AuthSignIn>('#plain')!;
    await waitUntil(() => button(styled) && button(plain));
    await Promise.all([styled.updateComplete, plain.updateComplete]);
    expect(getComputedStyle(button(styled)).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(button(plain)).backgroundColor).to.not.equal('rgb(1, 2, 3)');
  });

  it('go away when the appearance changes at runtime', async () => {
    const el = await signIn({elements: {primaryButton: 'bg-brand'}, css: UTILITIES});
    el.appearance = undefined;
    await el.updateComplete;
    expect(button(el).classList.contains('bg-brand')).to.equal(false);
    // The button eases back to the default colour.
    await waitUntil(() => getComputedStyle(button(el)).backgroundColor === 'rgb(79, 70, 229)', 'the brand colour stayed');
  });
});
