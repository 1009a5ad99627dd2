import {css, html, nothing} from 'lit';
import type {AuthStatus} from '../client/types.js';
import {AuthElement} from './auth-element.js';

/**
 * Shows its children only in one session status. While the session loads it shows nothing,
 * so neither the signed-in nor the signed-out content flashes by.
 */
export abstract class VisibilityElement extends AuthElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  protected abstract readonly showWhen: AuthStatus;

  override render() {
    return this.authState.status === this.showWhen ? html`<slot></slot>` : nothing;
  }
}
