import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {isTopDismissible, pushDismissible, removeDismissible} from './dismiss-stack.js';
import {placeNextTo} from './placement.js';

interface MenuHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Where the menu's parts are in the host's shadow root (CSS selectors). */
export interface MenuParts {
  /** The button that opens the menu. Default `[aria-haspopup="menu"]`. */
  trigger?: string;
  /** The `popover` panel, shown in the top layer while open. Default `[data-menu-panel]`. */
  panel?: string;
  /** A `popover` behind the panel (a narrow screen's backdrop), shown first. Default `[data-menu-backdrop]`. */
  backdrop?: string;
  /** The `role="menu"` element whose items (rendered or slotted) the keyboard moves through. Default `[role="menu"]`. */
  menu?: string;
}

/** Which item takes focus as the menu opens: the first, the last, or the checked one (`aria-checked="true"`, else the first). */
export type MenuFocus = 'first' | 'last' | 'checked';

const ITEM = '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]';
const TYPEAHEAD_MS = 1000;

/**
 * The keyboard and focus behaviour of a menu button (WAI-ARIA menu button pattern) with its
 * panel in the top layer:
 * - Enter, Space or ArrowDown on the trigger open on the first item (or, for a menu of choices
 *   such as the organization switcher's, `openOn: 'checked'`, the checked one), ArrowUp on the last;
 * - arrows, Home and End move; typing a letter (or a few, within a second) moves to the next
 *   item whose text starts with them;
 * - a roving tabindex: the item with focus is the menu's one tab stop;
 * - Escape closes and returns focus to the trigger (only when the menu is the top of the dismiss
 *   stack: inside a dialog, one Escape closes the menu and leaves the dialog open); Tab or a
 *   click outside closes.
 *
 * Items are the `menuitem`s of the menu in tree order, the host's own and those slotted into it
 * (`assignedElements({flatten: true})`), minus `aria-disabled="true"` ones. The panel is a
 * `popover="manual"` element, so no ancestor's `overflow: hidden` clips it; it is placed next to
 * the trigger by `placeNextTo()`, again on scroll and resize.
 */
export class MenuController implements ReactiveController {
  open = false;
  readonly #host: MenuHost;
  readonly #parts: Required<MenuParts>;
  #active = 0;
  #typed = '';
  #typedAt = 0;

  readonly #openOn: MenuFocus;

  constructor(host: MenuHost, {openOn = 'first', ...parts}: MenuParts & {openOn?: 'first' | 'checked'} = {}) {
    this.#host = host;
    this.#openOn = openOn;
    this.#parts = {trigger: '[aria-haspopup="menu"]', panel: '[data-menu-panel]', backdrop: '[data-menu-backdrop]', menu: '[role="menu"]', ...parts};
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.#onOutsidePointer);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#onOutsidePointer);
    this.#unwatchViewport();
    removeDismissible(this.#host);
    this.open = false;
  }

  /** After each render: the popovers follow `open`, the panel is placed, one item is tabbable (the focused one, when items came or went before it). */
  hostUpdated(): void {
    const panel = this.#query(this.#parts.panel);
    const backdrop = this.#query(this.#parts.backdrop);
    if (!panel) return;
    // A browser without popovers (Safari before 17): the panel shows and hides by `hidden`, placed the same way.
    if (typeof panel.showPopover !== 'function') {
      panel.hidden = !this.open;
      if (backdrop) backdrop.hidden = !this.open;
      if (this.open) this.place();
    } else if (this.open) {
      if (backdrop && !backdrop.matches(':popover-open')) backdrop.showPopover();
      if (!panel.matches(':popover-open')) panel.showPopover();
      this.place();
    } else {
      if (panel.matches(':popover-open')) panel.hidePopover();
      if (backdrop?.matches(':popover-open')) backdrop.hidePopover();
    }
    const focused = this.items().findIndex((item) => item.matches(':focus'));
    this.#rove(focused >= 0 ? focused : this.#active);
  }

  /** Places the open panel next to the trigger again (its content or the page moved). */
  place = (): void => {
    const panel = this.#query(this.#parts.panel);
    const trigger = this.#query(this.#parts.trigger);
    if (this.open && panel && trigger) placeNextTo(panel, trigger);
  };

  toggle(focus: MenuFocus = this.#openOn): void {
    if (this.open) void this.close(true);
    else void this.show(focus);
  }

  async show(focus: MenuFocus = this.#openOn): Promise<void> {
    if (!this.open) {
      this.open = true;
      pushDismissible(this.#host);
      this.#watchViewport();
      this.#host.requestUpdate();
      await this.#host.updateComplete;
    }
    const items = this.items();
    const checked = focus === 'checked' ? items.findIndex((item) => item.getAttribute('aria-checked') === 'true') : -1;
    this.#focusItem(focus === 'last' ? items.length - 1 : Math.max(checked, 0));
  }

  /** Closes; resolves once closed (and, with `returnFocus`, the trigger focused). */
  async close(returnFocus: boolean): Promise<void> {
    if (!this.open) return;
    this.open = false;
    removeDismissible(this.#host);
    this.#unwatchViewport();
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (returnFocus) this.#query(this.#parts.trigger)?.focus();
  }

  /** The menu's items in order, rendered and slotted, without disabled ones. */
  items(): HTMLElement[] {
    const menu = this.#query(this.#parts.menu);
    const found: HTMLElement[] = [];
    const walk = (node: Element) => {
      if (node instanceof HTMLSlotElement) {
        for (const assigned of node.assignedElements({flatten: true})) walk(assigned);
        return;
      }
      if (node.matches(ITEM)) {
        if (node.getAttribute('aria-disabled') !== 'true' && !(node as HTMLElement).hidden) found.push(node as HTMLElement);
        return;
      }
      for (const child of node.children) walk(child);
    };
    if (menu) walk(menu);
    return found;
  }

  /** Keydown on the trigger button. */
  onTriggerKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show(event.key === 'ArrowDown' ? this.#openOn : 'last');
    }
  };

  /** Keydown inside the menu's panel. */
  onMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.items();
    const current = items.findIndex((item) => item.matches(':focus'));
    switch (event.key) {
      case 'ArrowDown':
        this.#focusItem(current + 1);
        break;
      case 'ArrowUp':
        this.#focusItem(current - 1);
        break;
      case 'Home':
        this.#focusItem(0);
        break;
      case 'End':
        this.#focusItem(items.length - 1);
        break;
      case 'Escape':
        if (!isTopDismissible(this.#host)) return;
        event.stopPropagation();
        void this.close(true);
        break;
      case 'Tab':
        void this.close(false);
        return;
      default:
        if (!this.#typeahead(event, items, current)) return;
    }
    event.preventDefault();
  };

  /** A printable key moves to the next item starting with what was typed in the last second. */
  #typeahead(event: KeyboardEvent, items: HTMLElement[], current: number): boolean {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return false;
    const now = performance.now();
    if (now - this.#typedAt > TYPEAHEAD_MS) this.#typed = '';
    // A space with nothing typed before is the item's own activation key.
    if (event.key === ' ' && !this.#typed) return false;
    this.#typedAt = now;
    this.#typed += event.key.toLocaleLowerCase();
    // One letter again and again goes from match to match; a longer prefix may stay on the current one.
    const repeated = [...this.#typed].every((char) => char === this.#typed[0]);
    const prefix = repeated ? this.#typed[0] : this.#typed;
    const from = repeated || current < 0 ? current + 1 : current;
    for (let step = 0; step < items.length; step++) {
      const index = (from + step + items.length) % items.length;
      if (labelOf(items[index]).startsWith(prefix)) {
        this.#focusItem(index);
        break;
      }
    }
    return true;
  }

  #focusItem(index: number): void {
    const items = this.items();
    if (!items.length) return;
    this.#rove(index);
    items[this.#active]?.focus();
  }

  /** The roving tabindex: only the active item (wrapping around) is in the tab order. */
  #rove(index: number): void {
    const items = this.items();
    if (!items.length) return;
    this.#active = (index + items.length) % items.length;
    items.forEach((item, i) => (item.tabIndex = i === this.#active ? 0 : -1));
  }

  #query(selector: string): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>(selector);
  }

  #watchViewport(): void {
    addEventListener('resize', this.place);
    addEventListener('scroll', this.place, {capture: true, passive: true});
  }

  #unwatchViewport(): void {
    removeEventListener('resize', this.place);
    removeEventListener('scroll', this.place, {capture: true});
  }

  #onOutsidePointer = (event: PointerEvent): void => {
    if (this.open && !event.composedPath().includes(this.#host)) void this.close(false);
  };
}

/** What typeahead matches: the item's name as read (aria-label, else its text), lower case. */
function labelOf(item: HTMLElement): string {
  return (item.getAttribute('aria-label') ?? item.textContent ?? '').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}
