import {property} from 'lit/decorators.js';
import {AuthFlowButton} from '../../internal/flow-button.js';

/**
 * @summary Opens sign-up: the sign-up card in a modal dialog (`mode="modal"`, the default), or the
 * sign-up page (`mode="redirect"`, `sign-up-url`). Wraps your own button or link, or renders one.
 * Shown only while nobody is signed in: hidden (not disabled) when someone is, while the session
 * loads and while the API can't say who is signed in.
 *
 * In the modal, the card's "Sign in" link switches the dialog to the sign-in card; the dialog is
 * named by the card's title and closes once the new account is signed in, on Escape or its close
 * button, giving focus back to the button. The card's code loads on the first open.
 *
 * @slot - Your own `<button>` or `<a>`, used instead of the default button (text alone is not a button: use `label`).
 *
 * @csspart sign-up-button - The default button (`appearance.elements.signUpButton`).
 *
 * @cssstate inactive - Not shown: someone is signed in, or the session is not known yet.
 * @cssstate busy - The card's code is loading.
 */
export class AuthSignUpButton extends AuthFlowButton {
  /**
   * The sign-up page for `mode="redirect"` (else the provider's `sign-up-url`). Checked against the
   * redirect policy: another origin, unless allowlisted, is refused and the modal opens instead.
   */
  @property({attribute: 'sign-up-url'}) signUpUrl?: string;

  protected readonly card = 'sign-up';
  protected readonly urlAttribute = 'sign-up-url';
  protected readonly partName = 'sign-up-button';
  protected readonly variant = 'secondary';

  protected get redirectUrl(): string | undefined {
    return this.signUpUrl || this.modals?.signUpUrl;
  }

  protected defaultLabel(): string {
    return this.t('buttons.signUp');
  }
}
