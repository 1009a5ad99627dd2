// <auth-dialog>, the modal primitive: labelled, closed by Escape or its button (vetoable), focus
// back to the opener (Lion's rule), the page held still, nested dialogs, slotted light-DOM forms.
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {emulateMedia, sendKeys, setViewport} from '@web/test-runner-commands';
import {AuthDialog, defineDialog, pushDismissible, removeDismissible} from './dialog.js';
import {deepActiveElement} from './focus.js';

defineDialog();

/** A page with an opener button and a dialog; the opener is focused and opens it with Enter. */
async function page(body = html`<p>Body text.</p>`) {
  let el: AuthDialog | undefined;
  const root = await fixture<HTMLDivElement>(html`<div>
    <button id="opener" @click=${() => el!.show()}>Open</button>
    <auth-dialog label="Sign in">${body}</auth-dialog>
  </div>`);
  el = root.querySelector('auth-dialog')!;
  await el.updateComplete;
  return {root, opener: root.querySelector<HTMLButtonElement>('#opener')!, el};
}

/** Opens the dialog the way a keyboard user does: focus on the opener, Enter. */
async function openWithKeyboard(opener: HTMLElement, el: AuthDialog) {
  opener.focus();
  await sendKeys({press: 'Enter'});
  await waitUntil(() => nativeDialog(el).open, 'the dialog did not open');
  await el.updateComplete;
}

const nativeDialog = (el: AuthDialog) => el.shadowRoot!.querySelector('dialog')!;
const closeButton = (el: AuthDialog) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="dialog-close-button"]')!;
/** The next event of that type, typed by the global event map. */
const next = <K extends keyof GlobalEventHandlersEventMap>(target: EventTarget, type: K) => oneEvent(target, type) as unknown as Promise<GlobalEventHandlersEventMap[K]>;
const closed = (el: AuthDialog) => next(el, 'auth-dialog-closed');
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve))));

describe('<auth-dialog>', () => {
  afterEach(() => {
    document.documentElement.style.overflow = '';
  });

  it('opens as a modal, labelled by its heading, and passes axe', async () => {
    const {opener, el} = await page();
    await openWithKeyboard(opener, el);
    const dialog = nativeDialog(el);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(el.open).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    expect(dialog.localName).to.equal('dialog'); // role dialog, natively
    const title = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(title.localName).to.equal('h2');
    expect(title.textContent!.trim()).to.equal('Sign in');
    expect(closeButton(el).getAttribute('aria-label')).to.equal('Close');
    await expect(el).to.be.accessible();
  });

  it('takes its title from the heading slot', async () => {
    const el = await fixture<AuthDialog>(html`<auth-dialog open><span slot="heading">Delete the organization?</span><p>Body.</p></auth-dialog>`);
    await el.updateComplete;
    const title = el.shadowRoot!.getElementById(nativeDialog(el).getAttribute('aria-labelledby')!)!;
    const slot = title.querySelector('slot')!;
    expect(slot.assignedNodes().map((node) => node.textContent).join('')).to.equal('Delete the organization?');
    await expect(el).to.be.accessible();
    el.close();
  });

  it('with hide-heading, is named by its label (the content shows the heading) and keeps its close button', async () => {
    const el = await fixture<AuthDialog>(html`<auth-dialog hide-heading label="Sign in"><section><h1>Sign in</h1><p>Body.</p></section></auth-dialog>`);
    el.show();
    await el.updateComplete;
    const dialog = nativeDialog(el);
    expect(dialog.getAttribute('aria-label')).to.equal('Sign in');
    expect(dialog.hasAttribute('aria-labelledby')).to.equal(false);
    expect(el.shadowRoot!.querySelector('h2')).to.equal(null);
    expect(deepActiveElement()).to.equal(closeButton(el));
    // The close button floats in the panel's corner; the body fills the panel.
    const panel = el.shadowRoot!.querySelector('[part~="dialog"]')!.getBoundingClientRect();
    const body = el.shadowRoot!.querySelector('[part~="dialog-body"]')!.getBoundingClientRect();
    expect(body.top).to.be.closeTo(panel.top + 1, 1);
    await expect(el).to.be.accessible();
    el.close();
  });

  it('closes on Escape and gives focus back to the opener', async () => {
    const {opener, el} = await page();
    await openWithKeyboard(opener, el);
    const request = next(el, 'auth-dialog-request-close');
    const done = closed(el);
    await sendKeys({press: 'Escape'});
    expect((await request).source).to.equal('escape');
    await done;
    expect(el.open).to.equal(false);
    expect(nativeDialog(el).open).to.equal(false);
    await waitUntil(() => deepActiveElement() === opener, 'focus did not return to the opener');
  });

  it('closes from its close button by keyboard alone', async () => {
    const {opener, el} = await page(html`<p>Body text.</p><button id="in-body">Continue</button>`);
    await openWithKeyboard(opener, el);
    // The browser starts on the first focusable node: the close button in the header.
    expect(deepActiveElement()).to.equal(closeButton(el));
    await sendKeys({press: 'Tab'});
    expect(deepActiveElement()).to.equal(el.querySelector('#in-body'));
    await sendKeys({down: 'Shift'});
    await sendKeys({press: 'Tab'});
    await sendKeys({up: 'Shift'});
    expect(deepActiveElement()).to.equal(closeButton(el));
    const request = next(el, 'auth-dialog-request-close');
    await sendKeys({press: 'Enter'});
    expect((await request).source).to.equal('close-button');
    expect(el.open).to.equal(false);
    await waitUntil(() => deepActiveElement() === opener, 'focus did not return to the opener');
  });

  it('stays open when request-close is vetoed', async () => {
    const {opener, el} = await page();
    await openWithKeyboard(opener, el);
    const sources: string[] = [];
    el.addEventListener('auth-dialog-request-close', (event) => {
      sources.push(event.source);
      event.preventDefault();
    });
    closeButton(el).click();
    expect(el.close('done')).to.equal(false);
    await sendKeys({press: 'Escape'}); // the first Escape after the user's Enter is cancelable
    await el.updateComplete;
    expect(sources).to.deep.equal(['close-button', 'method', 'escape']);
    expect(el.open).to.equal(true);
    expect(nativeDialog(el).open).to.equal(true);
    expect(document.documentElement.style.overflow).to.equal('hidden');
    // The browser's rule: a second Escape with nothing else done in between closes it anyway.
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !el.open, 'the element did not follow the native close');
    expect(nativeDialog(el).open).to.equal(false);
    expect(document.documentElement.style.overflow).to.equal('');
  });

  it('closes with a return value and the closed event', async () => {
    const {opener, el} = await page();
    await openWithKeyboard(opener, el);
    const done = closed(el);
    expect(el.close('confirmed')).to.equal(true);
    expect((await done).value).to.equal('confirmed');
    expect(el.returnValue).to.equal('confirmed');
  });

  it('closes on a backdrop click only with light-dismiss', async () => {
    const {opener, el} = await page();
    await openWithKeyboard(opener, el);
    const backdrop = el.shadowRoot!.querySelector<HTMLElement>('[part~="backdrop"]')!;
    backdrop.click();
    expect(el.open).to.equal(true);
    el.lightDismiss = true;
    const request = next(el, 'auth-dialog-request-close');
    backdrop.click();
    expect((await request).source).to.equal('backdrop');
    expect(el.open).to.equal(false);
  });

  it('closes only the top-most dialog on Escape when dialogs nest', async () => {
    const outer = await fixture<AuthDialog>(html`<auth-dialog label="Profile">
      <button id="inner-opener" @click=${() => outer.querySelector<AuthDialog>('#inner')!.show()}>Delete account</button>
      <auth-dialog id="inner" label="Are you sure?"><p>This cannot be undone.</p></auth-dialog>
    </auth-dialog>`);
    const inner = outer.querySelector<AuthDialog>('#inner')!;
    await inner.updateComplete;
    outer.show();
    const innerOpener = outer.querySelector<HTMLButtonElement>('#inner-opener')!;
    innerOpener.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => inner.open);
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !inner.open, 'the inner dialog stayed open');
    expect(outer.open).to.equal(true);
    expect(nativeDialog(outer).matches(':modal')).to.equal(true);
    await waitUntil(() => deepActiveElement() === innerOpener, 'focus did not return inside the outer dialog');
    expect(document.documentElement.style.overflow).to.equal('hidden');
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !outer.open, 'the outer dialog stayed open');
  });

  it('leaves Escape to whatever is above it on the dismiss stack', async () => {
    const {opener, el} = await page();
    await openWithKeyboard(opener, el);
    const menu = document.createElement('div');
    pushDismissible(menu);
    try {
      await sendKeys({press: 'Escape'});
      await frames();
      expect(el.open).to.equal(true);
    } finally {
      removeDismissible(menu);
    }
    el.close();
  });

  it('locks the page scroll while any dialog is open and restores it after', async () => {
    const root = await fixture<HTMLDivElement>(html`<div style="height: 3000px">
      <auth-dialog id="a" label="A"><p>A</p></auth-dialog><auth-dialog id="b" label="B"><p>B</p></auth-dialog>
    </div>`);
    const [a, b] = [...root.querySelectorAll('auth-dialog')];
    await Promise.all([a.updateComplete, b.updateComplete]);
    document.documentElement.style.overflow = 'auto';
    a.show();
    expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
    b.show();
    b.close();
    expect(document.documentElement.style.overflow).to.equal('hidden');
    a.close();
    expect(document.documentElement.style.overflow).to.equal('auto');
  });

  it('keeps a slotted light-DOM form in the document, usable inside the dialog', async () => {
    const {opener, el} = await page(html`<form><label for="email">Email</label><input id="email" name="email" autocomplete="username" /></form>`);
    await openWithKeyboard(opener, el);
    const input = document.querySelector<HTMLInputElement>('input')!;
    expect(input.closest('auth-dialog')).to.equal(el);
    input.focus();
    expect(deepActiveElement()).to.equal(input);
    await sendKeys({type: 'ada@example.com'});
    expect(input.value).to.equal('ada@example.com');
    await expect(el).to.be.accessible();
  });

  it('focuses a slotted [autofocus] field on open', async () => {
    const {opener, el} = await page(html`<form><label for="name">Name</label><input id="name" autofocus /></form>`);
    await openWithKeyboard(opener, el);
    expect(deepActiveElement()).to.equal(el.querySelector('input'));
  });

  it('gives focus back to an opener inside a shadow root', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const button = host.attachShadow({mode: 'open'}).appendChild(document.createElement('button'));
    button.textContent = 'Account';
    const el = await fixture<AuthDialog>(html`<auth-dialog label="Account"><p>Body.</p></auth-dialog>`);
    button.focus();
    el.show();
    el.close();
    await waitUntil(() => deepActiveElement() === button, 'focus did not return into the shadow root');
  });

  it('does not pull focus back from where the page moved it, nor to a removed opener', async () => {
    const {root, opener, el} = await page();
    const elsewhere = root.appendChild(document.createElement('button'));
    elsewhere.textContent = 'Elsewhere';
    await openWithKeyboard(opener, el);
    el.close();
    elsewhere.focus(); // the page reacts to the close, e.g. focusing what the dialog created
    await frames();
    expect(deepActiveElement()).to.equal(elsewhere);

    await openWithKeyboard(opener, el);
    opener.remove();
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !el.open);
    await frames();
    expect(deepActiveElement()).not.to.equal(opener);
  });

  it('releases the page and focus when removed while open', async () => {
    const {opener, el} = await page();
    await openWithKeyboard(opener, el);
    el.remove();
    expect(document.documentElement.style.overflow).to.equal('');
    await waitUntil(() => deepActiveElement() === opener, 'focus did not return to the opener');
  });

  it('fills the screen at 320 px wide and is a centred panel above 30rem', async () => {
    try {
      await setViewport({width: 320, height: 640});
      const el = await fixture<AuthDialog>(html`<auth-dialog label="Sign in"><p>Body.</p></auth-dialog>`);
      el.show();
      const panel = el.shadowRoot!.querySelector('[part~="dialog"]')!;
      await Promise.all(panel.getAnimations().map((animation) => animation.finished));
      const box = panel.getBoundingClientRect();
      expect([box.left, box.top, box.width, box.height]).to.deep.equal([0, 0, 320, 640]);
      await setViewport({width: 800, height: 600});
      const wide = panel.getBoundingClientRect();
      expect(wide.width).to.be.below(800);
      expect(wide.left + wide.width / 2).to.be.closeTo(400, 1);
      el.close();
    } finally {
      await setViewport({width: 800, height: 600});
    }
  });

  it('animates its opening unless animations are off or motion is reduced', async () => {
    const el = await fixture<AuthDialog>(html`<auth-dialog label="A"><p>A</p></auth-dialog>`);
    el.show();
    const panel = el.shadowRoot!.querySelector('[part~="dialog"]')!;
    expect(getComputedStyle(panel).animationName).to.equal('ae-dialog-in');
    el.close();
    el.appearance = {options: {animations: false}};
    await el.updateComplete;
    el.show();
    expect(getComputedStyle(panel).animationName).to.equal('none');
    el.close();
    el.appearance = undefined;
    await el.updateComplete;
    try {
      await emulateMedia({reducedMotion: 'reduce'});
      el.show();
      expect(getComputedStyle(panel).animationName).to.equal('none');
      el.close();
    } finally {
      await emulateMedia({reducedMotion: 'no-preference'});
    }
  });

  it('restyles every part through appearance.elements (class names and style objects)', async () => {
    const el = await fixture<AuthDialog>(html`<auth-dialog label="A"><p>A</p></auth-dialog>`);
    const names = ['backdrop', 'dialog', 'dialog-header', 'dialog-title', 'dialog-close-button', 'dialog-body'];
    el.appearance = {elements: Object.fromEntries(names.map((name) => [name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), `x-${name}`]))};
    await el.updateComplete;
    for (const name of names) expect(el.shadowRoot!.querySelector(`[part~="${name}"]`)!.classList.contains(`x-${name}`), name).to.equal(true);
    el.appearance = {elements: {backdrop: {backgroundColor: 'rgb(1, 2, 3)'}, dialogTitle: {color: 'rgb(4, 5, 6)'}}};
    await el.updateComplete;
    el.show();
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="backdrop"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="dialog-title"]')!).color).to.equal('rgb(4, 5, 6)');
    el.close();
  });
});
