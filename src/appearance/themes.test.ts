import {expect} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import type {AuthSignIn} from '../elements/sign-in/sign-in.js';
import {variableToProperty, type AppearanceVariable} from './appearance.js';
import {THEMES} from './themes.js';
import {clientFor, errorText, html, input, memoryAdapter, mount, submit, type} from '../../test/helpers.js';

/** The computed look of the nodes every token governs. */
function look(el: AuthSignIn): string[] {
  const nodes = [
    el.shadowRoot!.querySelector('[part="card"]')!,
    el.shadowRoot!.querySelector('h1')!,
    el.querySelector('label')!,
    el.querySelector('input')!,
    el.querySelector('button[type="submit"]')!,
    el.querySelector('.ae-field-error')!,
  ];
  return nodes.flatMap((node) => {
    const style = getComputedStyle(node);
    return ['color', 'background-color', 'border-top-color', 'font-family', 'font-size', 'font-weight', 'border-top-left-radius', 'box-shadow', 'padding-top']
      .map((property) => `${node.localName} ${property}: ${style.getPropertyValue(property)}`);
  });
}

describe('themes/light.css', () => {
  it('holds exactly the built-in defaults: linking it changes nothing', async () => {
    await emulateMedia({reducedMotion: 'reduce'}); // no transitions between the two looks
    const el = await mount<AuthSignIn>(clientFor(memoryAdapter()), html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
    type(input(el, 'email'), 'not-an-email');
    await submit(el);
    expect(errorText(el)).to.not.equal('');
    const before = look(el);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(await (await fetch('/themes/light.css')).text());
    expect(sheet.cssRules.length).to.equal(1);
    const declared = [...(sheet.cssRules[0] as CSSStyleRule).style];
    for (const name of Object.keys(THEMES.light.variables) as AppearanceVariable[]) {
      expect(declared, name).to.include(variableToProperty(name));
    }
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      expect(look(el)).to.deep.equal(before);
    } finally {
      await emulateMedia({reducedMotion: 'no-preference'});
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    }
  });
});
