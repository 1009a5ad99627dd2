import {property} from 'lit/decorators.js';
import {AuthFlowButton} from '../../internal/flow-button.js';

/**
 * @summary Opens sign-in: the sign-in card in a modal dialog (`mode="modal"`, the default), or the
 * sign-in page (`mode="redirect"`, `sign-in-url`). Wraps your own button or link, or renders one.
 * Shown only while nobody is signed in: hidden (not disabled) when someone is, while the session
 * loads and while the API can't say who is signed in, so it never offers what may not apply.
 *
 * In the modal, the card's "Sign up" link switches the dialog to the sign-up card; the dialog is
 * named by the card's title and closes when the user signs in, on Escape or its close button,
 * giving focus back to the button. The card's code loads on the first open.
 *
 * @slot - Your own `<button>` or `<a>`, used instead of the default button (text alone is not a button: use `label`).
 *
 * @csspart sign-in-button - The default button (`appearance.elements.signInButton`).
 *
 * @cssstate inactive - Not shown: someone is signed in, or the session is not known yet.
 * @cssstate busy - The card's code is loading.
 */
export class AuthSignInButton extends AuthFlowButton {
  /**
   * The sign-in page for `mode="redirect"` (else the provider's `sign-in-url`). Checked against the
   * redirect policy: another origin, unless allowlisted, is refused and the modal opens instead.
   */
  @property({attribute: 'sign-in-url'}) signInUrl?: string;

  protected readonly card = 'sign-in';
  protected readonly urlAttribute = 'sign-in-url';
  protected readonly partName = 'sign-in-button';
  protected readonly variant = 'primary';

  protected get redirectUrl(): string | undefined {
    return this.signInUrl || this.modals?.signInUrl;
  }

  protected defaultLabel(): string {
    return this.t('buttons.signIn');
  }
}
