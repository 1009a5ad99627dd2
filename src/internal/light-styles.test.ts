import {expect} from '@open-wc/testing';
import type {AuthSignIn} from '../elements/sign-in/sign-in.js';
import {ADA, clientFor, fixture, html, input, memoryAdapter, mount, submit, type} from '../../test/helpers.js';

/** What a careless host page might ship: global rules on the very elements we render. */
const HOSTILE_CSS = `
  * { font-family: "Comic Sans MS", cursive; box-sizing: content-box; letter-spacing: 3px; }
  form { display: flex; flex-direction: row-reverse; padding: 40px; background: pink; }
  input { border: 5px dashed red; padding: 30px; background: yellow; width: 60px; height: 90px; border-radius: 0; }
  input[type=password], input[type=email] { color: lime !important; }
  button { background: green; color: white; text-transform: uppercase; border-radius: 0; padding: 20px; }
  label { display: none; }
  div { margin: 25px; }
  p { font-size: 40px; }
`;

const PROPERTIES = [
  'display', 'font-family', 'font-size', 'letter-spacing', 'padding-top', 'padding-left', 'border-top-width',
  'border-top-style', 'border-top-color', 'border-top-left-radius', 'background-color', 'color', 'width', 'height',
  'text-transform', 'box-sizing', 'margin-top', 'flex-direction',
] as const;

function snapshot(el: AuthSignIn): Record<string, string> {
  const nodes = {
    form: el.querySelector('form')!,
    field: el.querySelector('.ae-field')!,
    label: el.querySelector('label')!,
    input: el.querySelector('input[type="password"]')!,
    toggle: el.querySelector('.ae-toggle')!,
    button: el.querySelector('button[type="submit"]')!,
    link: el.querySelector('.ae-link')!,
    error: el.querySelector('.ae-field-error')!,
  };
  const result: Record<string, string> = {};
  for (const [name, node] of Object.entries(nodes)) {
    const style = getComputedStyle(node);
    for (const property of PROPERTIES) result[`${name} ${property}`] = style.getPropertyValue(property);
  }
  return result;
}

describe('light-DOM form styles', () => {
  it("keep their look on a page whose global CSS targets inputs, buttons, forms and labels", async () => {
    const el = await mount<AuthSignIn>(clientFor(memoryAdapter()), html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
    type(input(el, 'email'), ADA.email);
    await submit(el);
    type(input(el, 'password'), 'wrong-password1');
    await submit(el);
    const before = snapshot(el);
    const hostile = document.createElement('style');
    hostile.textContent = HOSTILE_CSS;
    document.head.append(hostile);
    try {
      expect(snapshot(el)).to.deep.equal(before);
      await expect(el).to.be.accessible();
    } finally {
      hostile.remove();
    }
  });

  it("never reach the page's own elements", async () => {
    await mount<AuthSignIn>(clientFor(memoryAdapter()), html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
    const page = await fixture(html`<form><input class="ae-input" /><button class="ae-primary">Go</button></form>`);
    const pageInput = getComputedStyle(page.querySelector('input')!);
    const pageButton = getComputedStyle(page.querySelector('button')!);
    expect(pageInput.minHeight).to.not.equal('40px');
    expect(pageInput.borderTopLeftRadius).to.not.equal('8px');
    expect(pageButton.backgroundColor).to.not.equal('rgb(79, 70, 229)');
    expect(pageButton.width).to.not.equal(getComputedStyle(page).width);
  });
});
