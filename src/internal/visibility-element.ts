import {css, html, nothing, type CSSResultGroup, type PropertyValues} from 'lit';
import type {AuthStatus} from '../client/types.js';
import {AuthElement} from './auth-element.js';
import {firstFocusable, restoreFocusIfLost} from './focus.js';

/** The statuses that say who is signed in (a change between them is a change of user). */
const KNOWN: ReadonlySet<AuthStatus> = new Set(['signed-in', 'signed-out']);

/**
 * Shows its children only in one session status. While the session loads, or while the API
 * can't be reached, the signed-in and signed-out variants show nothing, so neither flashes by.
 * When a sign-in or sign-out swaps what is shown and the focus was in what went away, the first
 * focusable thing of what appeared takes it.
 */
export abstract class VisibilityElement extends AuthElement {
  static override styles: CSSResultGroup = css`
    :host {
      display: contents;
    }
  `;

  protected abstract readonly showWhen: AuthStatus;
  #shownStatus?: AuthStatus;

  /** Whether the children show now (subclasses may add a delay or a condition). */
  protected get shown(): boolean {
    return this.authState.status === this.showWhen;
  }

  override render() {
    return this.shown ? html`<slot></slot>` : nothing;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const previous = this.#shownStatus;
    const status = this.authState.status;
    this.#shownStatus = status;
    if (previous && previous !== status && KNOWN.has(previous) && KNOWN.has(status) && this.shown) {
      void restoreFocusIfLost(() => firstFocusable(this));
    }
  }
}
