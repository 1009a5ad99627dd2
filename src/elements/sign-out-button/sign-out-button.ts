import {html, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import {part} from '../../appearance/part.js';
import {AuthActionButton} from '../../internal/action-button.js';
import {SignOutAction} from '../../internal/sign-out.js';

/**
 * @summary Signs the user out. Wraps your own button or link, or renders one ("Sign out", then
 * "Signing out…" while it works). Shown only while someone is signed in: hidden (not disabled)
 * otherwise, and while the session loads or the API can't say who is signed in. A failure (the
 * network, a 429 with its wait) is shown beside the button as an alert, which screen readers announce.
 *
 * @event {AuthSignedOutEvent} auth-signed-out - The user signed out with this button.
 * @event {AuthErrorEvent} auth-error - Signing out failed (`event.error.code`).
 *
 * @slot - Your own `<button>` or `<a>`, used instead of the default button (text alone is not a button: use `label`).
 *
 * @csspart sign-out-button - The default button (`appearance.elements.signOutButton`).
 * @csspart alert - Why signing out failed.
 *
 * @cssstate inactive - Not shown: nobody is signed in, or the session is not known yet.
 * @cssstate busy - Signing out.
 */
export class AuthSignOutButton extends AuthActionButton {
  /** Where to go after signing out (same origin or an allowlisted origin). */
  @property({attribute: 'after-sign-out-url'}) afterSignOutUrl?: string;

  protected readonly partName = 'sign-out-button';
  protected readonly variant = 'secondary';

  readonly #signOut = new SignOutAction(this, () => ({
    client: this.client,
    announcement: this.t('announce.signedOut'),
    language: this.activeLocalizer.language,
  }));

  protected get available(): boolean {
    return this.authState.status === 'signed-in';
  }

  protected defaultLabel(busy: boolean): string {
    return this.t(busy ? 'userButton.signingOut' : 'userButton.signOut');
  }

  protected async activate(): Promise<void> {
    await this.#signOut.run(this.afterSignOutUrl);
  }

  protected override renderAfter() {
    const error = this.#signOut.error;
    return error ? html`<span class="alert" role="alert" ${part('alert', this.mergedAppearance)}>${this.errorMessage(error)}</span>` : nothing;
  }
}
