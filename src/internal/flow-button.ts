import {consume} from '@lit/context';
import {property, state} from 'lit/decorators.js';
import {followRedirect} from '../client/redirect.js';
import {modalContext, type ModalCard, type ModalHost} from '../context/modal-context.js';
import {AuthActionButton} from './action-button.js';

/**
 * The base of the sign-in and sign-up buttons: `mode="modal"` opens the card in the provider's
 * modal, `mode="redirect"` goes to the card's page. Shown only while signed out: signed in there
 * is nothing to sign in to, and while the session loads or the API can't say who is signed in,
 * the button would offer what may not apply (a signed-in user would be shown a sign-in).
 *
 * The provider is found through context, like the client: the nearest `<auth-provider>` above,
 * across shadow roots, the same one whose client decides whether the button is shown.
 */
export abstract class AuthFlowButton extends AuthActionButton {
  /** `modal` (default): the card opens in a dialog over the page. `redirect`: the browser goes to the card's page. */
  @property({reflect: true}) mode: 'modal' | 'redirect' = 'modal';

  /** Where to go after signing in (passed to the card). */
  @property({attribute: 'after-sign-in-url'}) afterSignInUrl?: string;

  /** Where to go once a new account is ready (passed to the sign-up card, also when the modal switches to it). */
  @property({attribute: 'after-sign-up-url'}) afterSignUpUrl?: string;

  @consume({context: modalContext, subscribe: true})
  @state()
  protected modals?: ModalHost;

  /** The card this button opens. */
  protected abstract readonly card: ModalCard;
  /** The attribute naming the card's page, for messages (`sign-in-url`). */
  protected abstract readonly urlAttribute: string;
  /** The card's page: this element's attribute, else the provider's. */
  protected abstract get redirectUrl(): string | undefined;

  protected get available(): boolean {
    return this.authState.status === 'signed-out';
  }

  protected async activate(): Promise<void> {
    if (this.mode === 'redirect') {
      const url = this.redirectUrl;
      // The redirect policy checks the target: another origin than the page's (unless allowlisted) is refused.
      if (url && followRedirect(url, this.client?.redirectPolicy)) return;
      console.warn(
        url
          ? `[auth-elements] <${this.localName} mode="redirect">: ${this.urlAttribute} was refused; opening the modal instead`
          : `[auth-elements] <${this.localName} mode="redirect"> has no ${this.urlAttribute} (nor has its <auth-provider>); opening the modal instead`,
      );
    }
    if (!this.modals) {
      console.warn(`[auth-elements] <${this.localName}> is not inside an <auth-provider>: there is no modal to open`);
      return;
    }
    const options = {afterSignInUrl: this.afterSignInUrl, afterSignUpUrl: this.afterSignUpUrl};
    await (this.card === 'sign-in' ? this.modals.openSignIn(options) : this.modals.openSignUp(options));
  }
}
