/**
 * The kit's one modal dialog (modal sign-in, the user profile, confirmations): a native
 * `<dialog>` opened with `showModal()` in the shadow root, so the browser traps focus, makes the
 * page inert and puts the dialog in the top layer. The body is a slot: a light-DOM `<form>`
 * placed in it stays in the document, where password managers find it. On open the browser
 * focuses the first focusable node (the close button), or a slotted field marked `autofocus`.
 *
 * Registration: importing this module registers nothing. An element that renders
 * `<auth-dialog>` calls `defineDialog()` from its own `define/<tag>.ts` (the side-effect
 * modules listed in `package.json`), so the tag exists wherever that element does.
 */
import {html, nothing, svg, type PropertyValues} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {property, query} from 'lit/decorators.js';
import {part} from '../appearance/part.js';
import {hostBase} from '../appearance/tokens.js';
import {AuthElement} from './auth-element.js';
import {defineElement} from './define-element.js';
import {dialogStyles} from './dialog.styles.js';
import {isTopDismissible, pushDismissible, removeDismissible} from './dismiss-stack.js';
import {deepActiveElement, returnFocus} from './focus.js';

/** What asked the dialog to close. */
export type DialogCloseSource = 'escape' | 'close-button' | 'backdrop' | 'method';

/** Fired before the dialog closes; `preventDefault()` keeps it open. */
export class AuthDialogRequestCloseEvent extends Event {
  static readonly type = 'auth-dialog-request-close';
  constructor(readonly source: DialogCloseSource) {
    super(AuthDialogRequestCloseEvent.type, {bubbles: true, composed: true, cancelable: true});
  }
}

/** Fired once the dialog has closed, however it closed. */
export class AuthDialogClosedEvent extends Event {
  static readonly type = 'auth-dialog-closed';
  /** `value`, not `returnValue`: Event already has a (legacy, boolean) `returnValue`. */
  constructor(readonly value: string) {
    super(AuthDialogClosedEvent.type, {bubbles: true, composed: true});
  }
}

export {isTopDismissible, pushDismissible, removeDismissible} from './dismiss-stack.js';

/** How many dialogs hold the page still, and the root's own styles from before the first. */
let scrollLocks = 0;
let savedRootStyle = {overflow: '', scrollbarGutter: ''};

/** Stops the page behind scrolling (through the CSSOM: no style attribute in markup, strict CSP holds). */
function lockScroll(): void {
  if (scrollLocks++ > 0) return;
  const style = document.documentElement.style;
  savedRootStyle = {overflow: style.overflow, scrollbarGutter: style.scrollbarGutter};
  // Keep the room of a scrollbar that is about to go, so the page does not shift sideways.
  if (innerWidth > document.documentElement.clientWidth) style.scrollbarGutter = 'stable';
  style.overflow = 'hidden';
}

function unlockScroll(): void {
  if (scrollLocks === 0 || --scrollLocks > 0) return;
  const style = document.documentElement.style;
  style.overflow = savedRootStyle.overflow;
  style.scrollbarGutter = savedRootStyle.scrollbarGutter;
}

const closeIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6 6 18"/></svg>`;

/**
 * @summary A modal dialog labelled by its heading, closed by Escape, its close button or (with
 * `light-dismiss`) the backdrop; focus goes back to the opener and the page stops scrolling.
 * Full screen below 30rem. Internal: the kit's modal elements render it.
 *
 * @event {AuthDialogRequestCloseEvent} auth-dialog-request-close - Before closing (`event.source`:
 * `escape`, `close-button`, `backdrop`, `method`); cancelable. The browser may close a dialog
 * anyway when Escape is pressed twice without the user doing anything else in between.
 * @event {AuthDialogClosedEvent} auth-dialog-closed - The dialog closed (`event.value`: what `close()` was given).
 *
 * @slot - The body, such as a light-DOM form.
 * @slot heading - The title, as text or inline content (it sits inside an `<h2>`); overrides `label`. Not shown with `hide-heading`.
 *
 * @csspart backdrop - Behind the dialog, over the page.
 * @csspart dialog - The panel.
 * @csspart dialog-header - The title and the close button.
 * @csspart dialog-title - The title (an `<h2>`), which names the dialog.
 * @csspart dialog-close-button - The close button.
 * @csspart dialog-body - Around the default slot; scrolls when the content is taller than the screen.
 *
 * @cssprop --auth-dialog-width - The panel's width above 30rem (28rem).
 */
export class AuthDialog extends AuthElement {
  static override styles = [hostBase, dialogStyles];

  /** Shown (reflected). Setting it opens or closes without a request-close event. */
  @property({type: Boolean, reflect: true}) open = false;

  /** The title, when no `heading` slot is given. A dialog must have one of them. */
  @property() label = '';

  /**
   * The content shows its own heading (a card's title): the dialog shows none, `label` names it
   * (keep it equal to that heading), the close button sits in the panel's corner and the body
   * fills the panel, which takes its width from `--auth-card-max-width` (a card inside loses
   * its own border and shadow: the panel is its card).
   */
  @property({type: Boolean, attribute: 'hide-heading', reflect: true}) hideHeading = false;

  /** A click on the backdrop asks to close (source `backdrop`). Off by default: forms keep their input. */
  @property({type: Boolean, attribute: 'light-dismiss', reflect: true}) lightDismiss = false;

  /** The value the last `close()` was given ('' when closed otherwise). */
  returnValue = '';

  @query('dialog') private dialog?: HTMLDialogElement;

  /** Where focus was when the dialog opened, looking inside shadow roots. */
  #opener: Element | null = null;
  /** This dialog holds a scroll lock and a place on the dismiss stack. */
  #holding = false;

  /** Opens the dialog as a modal. */
  show(): void {
    this.open = true;
    this.#sync();
  }

  /** Asks to close (source `method`); false when a listener kept it open. */
  close(returnValue = ''): boolean {
    return this.open ? this.#requestClose('method', returnValue) : true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed dialog leaves the top layer by itself; the lock, the stack and focus are ours.
    this.#finish();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#sync();
  }

  override render() {
    const appearance = this.mergedAppearance;
    const hidden = this.hideHeading;
    return html`<dialog
      aria-labelledby=${ifDefined(hidden ? undefined : 'title')}
      aria-label=${ifDefined(hidden ? this.label : undefined)}
      @cancel=${this.#onCancel}
      @close=${this.#finish}
    >
      <div class="backdrop" ${part('backdrop', appearance)} @click=${this.#onBackdropClick}></div>
      <div class="panel" ${part('dialog', appearance)}>
        <div class="header" ${part('dialog-header', appearance)}>
          ${hidden ? nothing : html`<h2 id="title" class="title" ${part('dialog-title', appearance)}><slot name="heading">${this.label}</slot></h2>`}
          <button
            type="button"
            class="close"
            aria-label=${this.t('common.close')}
            ${part('dialog-close-button', appearance)}
            @click=${() => this.#requestClose('close-button')}
          >
            ${closeIcon}
          </button>
        </div>
        <div class="body" ${part('dialog-body', appearance)}><slot></slot></div>
      </div>
    </dialog>`;
  }

  /** Brings the native dialog in line with `open` (once rendered and connected). */
  #sync(): void {
    const dialog = this.dialog;
    if (!dialog || !this.isConnected) return;
    if (this.open && !dialog.open) {
      this.#opener = deepActiveElement();
      this.returnValue = '';
      dialog.showModal();
      this.#holding = true;
      lockScroll();
      pushDismissible(this);
    } else if (!this.open && dialog.open) {
      dialog.close(this.returnValue);
      this.#finish();
    }
  }

  #requestClose(source: DialogCloseSource, returnValue = ''): boolean {
    if (!this.dispatchEvent(new AuthDialogRequestCloseEvent(source))) return false;
    this.returnValue = returnValue;
    this.open = false;
    this.#sync();
    return true;
  }

  /** After any close (ours, the browser's, or removal): release the page, give focus back, tell. */
  #finish = (): void => {
    if (!this.#holding) return;
    this.#holding = false;
    this.open = false;
    unlockScroll();
    removeDismissible(this);
    void returnFocus(this.#opener, this);
    this.#opener = null;
    this.dispatchEvent(new AuthDialogClosedEvent(this.returnValue));
  };

  /** Escape reaches the dialog as `cancel`: this dialog decides, and only when it is on top. */
  #onCancel = (event: Event): void => {
    event.preventDefault();
    if (isTopDismissible(this)) this.#requestClose('escape');
  };

  #onBackdropClick = (): void => {
    if (this.lightDismiss) this.#requestClose('backdrop');
  };
}

/**
 * The tag, as a constant: the manifest lists only tags that have a `src/define/` entry, and this
 * internal one stays out of it (the elements that render it re-export its parts).
 */
export const DIALOG_TAG = 'auth-dialog';

/** Registers `<auth-dialog>` (once). Called by the define module of each element that renders it. */
export function defineDialog(): void {
  defineElement(DIALOG_TAG, AuthDialog);
}

declare global {
  interface HTMLElementTagNameMap {
    'auth-dialog': AuthDialog;
  }
  interface GlobalEventHandlersEventMap {
    'auth-dialog-request-close': AuthDialogRequestCloseEvent;
    'auth-dialog-closed': AuthDialogClosedEvent;
  }
}
