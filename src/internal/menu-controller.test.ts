// The menu controller on a host of its own: items rendered in the shadow root and slotted from
// the light DOM move as one list (roving tabindex, arrows, typeahead); Escape inside a dialog
// closes the menu only.
import {expect, fixture} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {html, LitElement} from 'lit';
import {MenuController} from './menu-controller.js';
import {isTopDismissible, pushDismissible, removeDismissible} from './dismiss-stack.js';

class TestMenu extends LitElement {
  readonly menu = new MenuController(this);
  override render() {
    return html`<button aria-haspopup="menu" @click=${() => this.menu.toggle()} @keydown=${this.menu.onTriggerKeydown}>Open</button>
      <div popover="manual" data-menu-panel @keydown=${this.menu.onMenuKeydown}>
        <div role="menu" aria-label="Test">
          <button role="menuitem">Alpha</button>
          <slot></slot>
          <button role="menuitem" aria-disabled="true">Disabled</button>
          <button role="menuitem">Omega</button>
        </div>
      </div>`;
  }
}
customElements.define('test-menu', TestMenu);

describe('MenuController', () => {
  it('moves through rendered and slotted items in tree order, one of them tabbable, skipping disabled ones', async () => {
    const el = await fixture<TestMenu>(html`<test-menu><button role="menuitem">Beta</button><span><button role="menuitem">Gamma</button></span></test-menu>`);
    const names = () => el.menu.items().map((node) => node.textContent);
    expect(names()).to.deep.equal(['Alpha', 'Beta', 'Gamma', 'Omega']);
    el.shadowRoot!.querySelector('button')!.focus();
    await sendKeys({press: 'ArrowDown'});
    await el.updateComplete;
    const active = () => el.shadowRoot!.activeElement ?? document.activeElement;
    expect(active()!.textContent).to.equal('Alpha');
    await sendKeys({press: 'ArrowDown'});
    expect(document.activeElement!.textContent, 'a slotted item takes focus').to.equal('Beta');
    expect(el.menu.items().map((node) => node.tabIndex)).to.deep.equal([-1, 0, -1, -1]);
    await sendKeys({press: 'g'});
    expect(document.activeElement!.textContent).to.equal('Gamma');
    await sendKeys({press: 'o'});
    expect(document.activeElement!.textContent, '"go" starts no item: focus stays').to.equal('Gamma');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // what was typed is forgotten after a second
    await sendKeys({press: 'o'});
    expect(active()!.textContent).to.equal('Omega');
    await sendKeys({press: 'Home'});
    expect(active()!.textContent).to.equal('Alpha');
  });

  it('Escape closes the menu only when it is the top dismissible (a menu inside a dialog closes first)', async () => {
    const el = await fixture<TestMenu>(html`<test-menu></test-menu>`);
    await el.menu.show();
    expect(isTopDismissible(el)).to.equal(true);
    const other = document.createElement('div');
    pushDismissible(other); // something opened above the menu
    await sendKeys({press: 'Escape'});
    await el.updateComplete;
    expect(el.menu.open).to.equal(true);
    removeDismissible(other);
    await sendKeys({press: 'Escape'});
    await el.updateComplete;
    expect(el.menu.open).to.equal(false);
    expect(isTopDismissible(el)).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('button'));
  });
});

/** A menu of choices (menuitemradio) that opens on the checked one; `extra` items may come before it later. */
class TestChoices extends LitElement {
  readonly menu = new MenuController(this, {openOn: 'checked'});
  extra: string[] = [];
  override render() {
    return html`<button aria-haspopup="menu" @click=${() => this.menu.toggle()} @keydown=${this.menu.onTriggerKeydown}>Open</button>
      <div popover="manual" data-menu-panel @keydown=${this.menu.onMenuKeydown}>
        <div role="menu" aria-label="Choices">
          ${this.extra.map((name) => html`<button role="menuitemradio" aria-checked="false">${name}</button>`)}
          <button role="menuitemradio" aria-checked="false">One</button>
          <button role="menuitemradio" aria-checked="true" id="two">Two</button>
        </div>
      </div>`;
  }
}
customElements.define('test-choices', TestChoices);

describe('MenuController openOn checked', () => {
  it('opens on the checked choice by keyboard, and keeps the focused item the tab stop when items come before it', async () => {
    const el = await fixture<TestChoices>(html`<test-choices></test-choices>`);
    el.shadowRoot!.querySelector('button')!.focus();
    await sendKeys({press: 'ArrowDown'});
    await el.updateComplete;
    const two = el.shadowRoot!.getElementById('two')!;
    expect(el.shadowRoot!.activeElement).to.equal(two);
    el.extra = ['Zero'];
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(two);
    expect(el.menu.items().map((node) => node.tabIndex)).to.deep.equal([-1, -1, 0]);
    await sendKeys({press: 'ArrowUp'});
    expect(el.shadowRoot!.activeElement!.textContent).to.equal('One');
  });
});
