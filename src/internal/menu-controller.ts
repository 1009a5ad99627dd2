import type {ReactiveController, ReactiveControllerHost} from 'lit';

interface MenuHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The keyboard and focus behaviour of a menu button (WAI-ARIA menu button pattern): Enter,
 * Space or ArrowDown open on the first item, ArrowUp on the last; arrows, Home and End move;
 * Escape closes and returns focus to the trigger; Tab or a click outside closes.
 */
export class MenuController implements ReactiveController {
  open = false;
  readonly #host: MenuHost;

  constructor(host: MenuHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.#onOutsidePointer);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#onOutsidePointer);
    this.open = false;
  }

  toggle(focus: 'first' | 'last' = 'first'): void {
    if (this.open) this.close(true);
    else void this.show(focus);
  }

  async show(focus: 'first' | 'last' = 'first'): Promise<void> {
    this.open = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const items = this.#items();
    (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
  }

  close(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.#host.requestUpdate();
    if (returnFocus) void this.#host.updateComplete.then(() => this.#trigger()?.focus());
  }

  /** Keydown on the trigger button. */
  onTriggerKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  /** Keydown inside the menu. */
  onMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.#items();
    const current = items.indexOf(this.#host.renderRoot instanceof ShadowRoot ? (this.#host.renderRoot.activeElement as HTMLElement) : (document.activeElement as HTMLElement));
    const move = (index: number) => items[(index + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(items.length - 1);
        break;
      case 'Escape':
        this.close(true);
        break;
      case 'Tab':
        this.close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  };

  #items(): HTMLElement[] {
    return [...this.#host.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')];
  }

  #trigger(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>('[aria-haspopup="menu"]');
  }

  #onOutsidePointer = (event: PointerEvent): void => {
    if (this.open && !event.composedPath().includes(this.#host)) this.close(false);
  };
}
