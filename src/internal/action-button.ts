import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {part} from '../appearance/part.js';
import {hostBase} from '../appearance/tokens.js';
import {actionButtonStyles} from './action-button.styles.js';
import {AuthElement} from './auth-element.js';

/**
 * The base of the sign-in, sign-up and sign-out buttons: the integrator's own button or link (any
 * element in the default slot), or a default button with the locale's label (`label` overrides
 * it). A click on it runs the action, one at a time (`:state(busy)` meanwhile). When the action
 * does not apply (see `available`), the element shows nothing and matches `:state(inactive)`.
 */
export abstract class AuthActionButton extends AuthElement {
  static override styles = [hostBase, actionButtonStyles];

  /** Focusing the element focuses its default button. */
  static override shadowRootOptions: ShadowRootInit = {...AuthElement.shadowRootOptions, delegatesFocus: true};

  /** The default button's text, instead of the locale's (ignored for a slotted button). */
  @property() label?: string;

  /** The action is under way. */
  @state() protected busy = false;

  /** The default button's part and appearance key (`sign-in-button` ↔ `elements.signInButton`). */
  protected abstract readonly partName: string;
  /** The kit's button it looks like. */
  protected abstract readonly variant: 'primary' | 'secondary';
  /** Whether the action applies in the session's current status. */
  protected abstract get available(): boolean;
  /** The default button's text (idle, and while busy). */
  protected abstract defaultLabel(busy: boolean): string;
  protected abstract activate(): Promise<void>;

  /** Anything shown after the button (the sign-out button's error). */
  protected renderAfter(): TemplateResult | typeof nothing {
    return nothing;
  }

  constructor() {
    super();
    this.addEventListener('click', this.#onClick);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.setState('inactive', !this.available);
    this.setState('busy', this.busy);
  }

  override render() {
    if (!this.available) return nothing;
    const slotted = this.#slotted();
    return html`<slot ?hidden=${!slotted} @slotchange=${() => this.requestUpdate()}></slot>${slotted
        ? nothing
        : html`<button
            type="button"
            class="button ${this.variant}"
            ${part(this.partName, this.mergedAppearance)}
            aria-disabled=${this.busy ? 'true' : 'false'}
          >
            ${this.label || this.defaultLabel(this.busy)}
          </button>`}${this.renderAfter()}`;
  }

  /** Elements in the default slot replace the default button (text alone does not: use `label`). */
  #slotted(): boolean {
    return [...this.children].some((child) => !child.slot);
  }

  /** A click on a button or link of ours, or of the integrator's in the slot, runs the action. */
  #onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || !this.available) return;
    const control = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.matches('button, a[href], [role="button"]'));
    if (!control || !(this.contains(control) || this.renderRoot.contains(control))) return;
    // A link opened in another tab or window is the browser's business.
    if (control.matches('a[href]') && (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)) return;
    event.preventDefault();
    void this.#run();
  };

  async #run(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.activate();
    } catch (error) {
      // Such as a card's code that could not load (offline): nothing opened; a later click tries again.
      console.warn(`[auth-elements] <${this.localName}> could not complete:`, error);
    } finally {
      this.busy = false;
    }
  }
}
