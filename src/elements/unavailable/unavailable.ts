import type {TemplateResult} from 'lit';
import {StatusElement} from '../../internal/status-element.js';

/**
 * @summary Shows its children — or, without children, why the identity API can't be reached
 * (an alert) and a "Try again" button — while nobody knows who is signed in because the session
 * check failed (network down, server error, rate limit, an unreadable answer). The client keeps
 * retrying with backoff, and at once when the browser is back online or the tab is shown again;
 * this element goes away as soon as an answer comes. It is never mistaken for signed out.
 *
 * @slot - What to show instead of the built-in alert and button.
 *
 * @csspart unavailable - The built-in view.
 * @csspart alert - Its message.
 * @csspart retry-button - Its "Try again" button.
 */
export class AuthUnavailable extends StatusElement {
  protected readonly showWhen = 'unavailable';

  protected renderDefault(): TemplateResult {
    return this.unavailableView();
  }
}
