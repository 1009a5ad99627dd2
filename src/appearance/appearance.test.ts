import {expect} from '@open-wc/testing';
import type {AuthSignIn} from '../elements/sign-in/sign-in.js';
import type {AuthProvider} from '../elements/provider/provider.js';
import {clientFor, html, memoryAdapter, mount, settle, waitUntil} from '../../test/helpers.js';
import {mergeAppearance, variableToProperty} from './appearance.js';
import type {Appearance} from './appearance.js';

async function signIn(providerAppearance?: Appearance, elementAppearance?: Appearance) {
  const el = await mount<AuthSignIn>(
    clientFor(memoryAdapter()),
    html`<auth-sign-in .appearance=${elementAppearance}></auth-sign-in>`,
    'auth-sign-in',
  );
  const provider = el.closest<AuthProvider>('auth-provider')!;
  provider.appearance = providerAppearance;
  await provider.updateComplete;
  await settle(el);
  return el;
}

const button = (el: AuthSignIn) => el.querySelector<HTMLButtonElement>('button[type="submit"]')!;
const styleOf = (node: Element) => getComputedStyle(node);

describe('appearance', () => {
  it('maps variables to --auth-* properties', () => {
    expect(variableToProperty('colorPrimary')).to.equal('--auth-color-primary');
    expect(variableToProperty('borderRadius')).to.equal('--auth-radius');
    expect(variableToProperty('fontFamilyButtons')).to.equal('--auth-font-family-buttons');
  });

  it('lets the element beat the provider, key by key', () => {
    const merged = mergeAppearance(
      {variables: {colorPrimary: 'red', borderRadius: '0'}, elements: {card: {color: 'red'}, primaryButton: 'a'}},
      {variables: {colorPrimary: 'green'}, elements: {card: {color: 'green'}}},
    );
    expect(merged).to.deep.equal({
      theme: [],
      variables: {colorPrimary: 'green', borderRadius: '0'},
      elements: {card: {color: 'green'}, primaryButton: 'a'},
      options: {},
      css: [],
    });
  });

  it("carries the provider's variables to the nodes they govern", async () => {
    const el = await signIn({variables: {colorPrimary: 'rgb(10, 20, 30)', fontFamily: 'Georgia', borderRadius: '3px'}});
    expect(styleOf(button(el)).backgroundColor).to.equal('rgb(10, 20, 30)');
    expect(styleOf(el.querySelector('input')!).fontFamily).to.equal('Georgia');
    expect(styleOf(el.querySelector('input')!).borderTopLeftRadius).to.equal('3px');
    expect(styleOf(el.shadowRoot!.querySelector('h1')!).fontFamily).to.equal('Georgia');
    await expect(el).to.be.accessible();
  });

  it("puts the element's own appearance over the provider's", async () => {
    const el = await signIn({variables: {colorPrimary: 'rgb(200, 0, 0)'}}, {variables: {colorPrimary: 'rgb(0, 90, 0)'}});
    expect(styleOf(button(el)).backgroundColor).to.equal('rgb(0, 90, 0)');
  });

  it('applies element style objects and class names to their parts, in light and shadow DOM', async () => {
    const el = await signIn({
      elements: {primaryButton: {textTransform: 'uppercase'}, card: {backgroundColor: 'rgb(1, 2, 3)'}, formFieldInput: 'brand-input'},
    });
    expect(styleOf(button(el)).textTransform).to.equal('uppercase');
    expect(styleOf(el.shadowRoot!.querySelector('[part="card"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(el.querySelector('input')!.classList.contains('brand-input')).to.equal(true);
  });

  it('restyles at runtime without a re-mount', async () => {
    const el = await signIn({variables: {colorPrimary: 'rgb(10, 20, 30)'}});
    const provider = el.closest<AuthProvider>('auth-provider')!;
    const input = el.querySelector('input');
    provider.appearance = {variables: {colorPrimary: 'rgb(40, 50, 60)'}, elements: {primaryButton: {letterSpacing: '2px'}}};
    await provider.updateComplete;
    await settle(el);
    // The button eases into its new colour (a 150 ms transition): wait for it to arrive.
    await waitUntil(() => styleOf(button(el)).backgroundColor === 'rgb(40, 50, 60)', 'the new primary colour never arrived');
    expect(styleOf(button(el)).letterSpacing).to.equal('2px');
    provider.appearance = undefined;
    await provider.updateComplete;
    await settle(el);
    expect(styleOf(button(el)).letterSpacing).to.equal('normal');
    expect(el.querySelector('input')).to.equal(input);
  });

  it('lets page CSS reach shadow parts through ::part()', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('auth-sign-in::part(header-title) { color: rgb(9, 8, 7); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const el = await signIn();
      expect(styleOf(el.shadowRoot!.querySelector('h1')!).color).to.equal('rgb(9, 8, 7)');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    }
  });
});
