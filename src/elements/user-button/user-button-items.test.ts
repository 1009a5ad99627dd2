// Items of the integrator's own (<auth-user-button-link>, <auth-user-button-action>), reordered
// built-ins, typeahead and the roving tabindex, and a menu in the top layer that no
// overflow:hidden ancestor clips.
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {html} from 'lit';
import {nextEvent, settle} from '../../../test/helpers.js';
import {focused, isOpen, item, items, itemTexts, openMenu, panel, trigger, userButton} from '../../../test/user-button.js';

const STAR = html`<svg slot="icon" viewBox="0 0 24 24" data-star><path d="M12 2l3 7h7l-6 4 2 8-6-5-6 5 2-8-6-4h7z" /></svg>`;

describe('<auth-user-button> items', () => {
  it('shows links and actions of its children, icons copied, after Manage account and before Sign out', async () => {
    const {el} = await userButton({
      multiSession: false,
      inner: html`<auth-user-button>
        <auth-user-button-link label="Billing" href="/billing">${STAR}</auth-user-button-link>
        <auth-user-button-action label="Help" name="help"></auth-user-button-action>
        <auth-user-button-link label="Elsewhere" href="javascript:alert(1)"></auth-user-button-link>
      </auth-user-button>`,
    });
    await openMenu(el);
    expect(itemTexts(el)).to.deep.equal(['Manage account', 'Billing', 'Help', 'Sign out']);
    const billing = item(el, 'Billing') as HTMLAnchorElement;
    expect(billing.localName).to.equal('a');
    expect(billing.getAttribute('href')).to.equal('/billing');
    expect(billing.querySelector('[aria-hidden="true"] svg[data-star]'), 'the icon is copied, hidden from the name').to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an action fires auth-menu-action at its element; the menu closes unless the event is cancelled', async () => {
    const {el} = await userButton({
      multiSession: false,
      inner: html`<auth-user-button><auth-user-button-action label="Keyboard shortcuts" name="shortcuts"></auth-user-button-action></auth-user-button>`,
    });
    const action = el.querySelector('auth-user-button-action')!;
    await openMenu(el);
    const kept = nextEvent(action, 'auth-menu-action');
    action.addEventListener('auth-menu-action', (event) => event.preventDefault(), {once: true});
    item(el, 'Keyboard shortcuts').click();
    const first = await kept;
    expect([first.name, first.label, first.cancelable, first.bubbles, first.composed]).to.deep.equal(['shortcuts', 'Keyboard shortcuts', true, true, true]);
    await settle(el);
    expect(isOpen(el), 'a cancelled action keeps the menu open').to.equal(true);

    const chosen = nextEvent(el, 'auth-menu-action');
    focused(el)!.blur();
    item(el, 'Keyboard shortcuts').focus();
    await sendKeys({press: 'Enter'});
    expect((await chosen).name).to.equal('shortcuts');
    await settle(el);
    expect(isOpen(el)).to.equal(false);
    expect(focused(el)).to.equal(trigger(el));
  });

  it('empty actions naming built-in items reorder them; a later label change shows', async () => {
    const {el} = await userButton({
      multiSession: false,
      inner: html`<auth-user-button>
        <auth-user-button-action name="sign-out"></auth-user-button-action>
        <auth-user-button-action label="Help"></auth-user-button-action>
        <auth-user-button-action name="manage-account"></auth-user-button-action>
        <auth-user-button-action name="add-account"></auth-user-button-action>
      </auth-user-button>`,
    });
    await openMenu(el);
    // add-account does not apply without multi-session: naming it adds nothing.
    expect(itemTexts(el)).to.deep.equal(['Sign out', 'Help', 'Manage account']);
    el.querySelector<HTMLElement & {label: string}>('auth-user-button-action[label="Help"]')!.label = 'Support';
    await settle(el);
    await settle(el);
    expect(itemTexts(el)).to.deep.equal(['Sign out', 'Support', 'Manage account']);
    await expect(el).to.be.accessible();
  });

  it('a hostile label is text', async () => {
    const label = '<img src=x onerror="window.__pwnedItem=true">';
    const {el} = await userButton({multiSession: false, inner: html`<auth-user-button><auth-user-button-action label=${label}></auth-user-button-action></auth-user-button>`});
    await openMenu(el);
    expect(itemTexts(el)).to.include(label);
    expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(0);
    expect((window as unknown as {__pwnedItem?: boolean}).__pwnedItem).to.equal(undefined);
  });

  it('one item is in the tab order (roving tabindex) and typing moves to the next item starting so', async () => {
    const {el} = await userButton({
      multiSession: false,
      inner: html`<auth-user-button>
        <auth-user-button-link label="Settings" href="/settings"></auth-user-button-link>
        <auth-user-button-action label="Support"></auth-user-button-action>
      </auth-user-button>`,
    });
    trigger(el).focus();
    await sendKeys({press: 'ArrowDown'});
    await settle(el);
    const tabbable = () => items(el).filter((node) => node.tabIndex === 0);
    expect(tabbable()).to.deep.equal([item(el, 'Manage account')]);
    await sendKeys({press: 's'});
    expect(focused(el)).to.equal(item(el, 'Settings'));
    await sendKeys({press: 's'});
    expect(focused(el)).to.equal(item(el, 'Support'));
    await sendKeys({press: 's'});
    expect(focused(el), 'the same letter again goes on to the next match').to.equal(item(el, 'Sign out'));
    expect(tabbable()).to.deep.equal([item(el, 'Sign out')]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await sendKeys({type: 'su'});
    expect(focused(el)).to.equal(item(el, 'Support'));
    await sendKeys({press: 'End'});
    await sendKeys({press: 'ArrowDown'});
    expect(focused(el), 'arrows wrap around').to.equal(item(el, 'Manage account'));
    await expect(el).to.be.accessible();
  });

  it('opens in the top layer: an overflow:hidden container does not clip it', async () => {
    const {el} = await userButton({
      multiSession: false,
      inner: html`<div style="position: fixed; top: 10px; right: 10px; width: 3rem; height: 3rem; overflow: hidden; transform: translateZ(0)">
        <auth-user-button></auth-user-button>
      </div>`,
    });
    await openMenu(el);
    expect(panel(el).matches(':popover-open')).to.equal(true);
    const rect = panel(el).getBoundingClientRect();
    const box = el.parentElement!.getBoundingClientRect();
    expect(rect.height, 'the panel is taller than its clipping container').to.be.greaterThan(box.height);
    expect(rect.top).to.be.at.least(0);
    expect(rect.left).to.be.at.least(0);
    expect(rect.right).to.be.at.most(document.documentElement.clientWidth);
    expect(rect.bottom).to.be.at.most(document.documentElement.clientHeight);
    // What is painted at the panel's corners is the panel, not the page.
    const hit = (x: number, y: number) => el.shadowRoot!.elementFromPoint(x, y);
    expect(panel(el).contains(hit(rect.left + 4, rect.bottom - 4))).to.equal(true);
    expect(panel(el).contains(hit(rect.right - 4, rect.top + 4))).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Escape'});
    await settle(el);
    expect(panel(el).matches(':popover-open')).to.equal(false);
    expect(focused(el)).to.equal(trigger(el));
  });
});
