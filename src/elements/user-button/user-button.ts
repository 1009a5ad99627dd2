import {css, html, nothing, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {part} from '../../appearance/part.js';
import {hostBase} from '../../appearance/tokens.js';
import {AuthElement} from '../../internal/auth-element.js';
import {avatar, avatarStyles} from '../../internal/avatar.js';
import {MenuController} from '../../internal/menu-controller.js';
import {alignWithinViewport} from '../../internal/placement.js';
import {SignOutAction} from '../../internal/sign-out.js';

/**
 * @summary The signed-in user's avatar (initials when there is no picture), opening a menu with
 * their name and email and "Sign out". Renders nothing while nobody is signed in.
 *
 * @event {AuthSignedOutEvent} auth-signed-out - The user signed out from this menu.
 * @event {AuthErrorEvent} auth-error - Signing out failed (`event.error.code`).
 *
 * @csspart trigger - The avatar button.
 * @csspart avatar - The avatar (picture or initials).
 * @csspart popover - The panel that opens.
 * @csspart backdrop - Behind the panel on narrow screens, where it opens as a bottom sheet.
 * @csspart user-preview - The name and email at the top of the panel.
 * @csspart user-preview-name - The user's name.
 * @csspart user-preview-email - The user's email.
 * @csspart user-preview-since - When the account was created.
 * @csspart menu - The list of actions.
 * @csspart menu-item - Each action.
 * @csspart alert - The error shown when signing out fails.
 *
 * @cssprop --auth-avatar-size - The avatar's size (2.25rem).
 * @cssprop --auth-popover-width - The panel's width (17rem).
 */
export class AuthUserButton extends AuthElement {
  static override styles = [
    hostBase,
    avatarStyles,
    css`
      :host {
        display: inline-block;
        position: relative;
      }
      /* The initials fit their circle at any text size (the avatar is sized in rem, the text may grow alone). */
      .avatar {
        font-size: min(0.875em, calc(var(--auth-avatar-size, 2.25rem) * 0.4));
      }
      .trigger {
        display: inline-flex;
        padding: 0;
        border: 0;
        border-radius: 50%;
        background: none;
        cursor: pointer;
        font: inherit;
      }
      /*
       * The trigger sits on the host page, whatever its colour: a halo of the theme's background
       * on both sides of the ring keeps the ring's contrast (forced colors keep the outline).
       */
      .trigger:focus-visible {
        outline: var(--_focus-outline);
        outline-offset: 2px;
        box-shadow: 0 0 0 6px var(--_bg);
      }
      .popover {
        position: absolute;
        z-index: 1000;
        inset-block-start: calc(100% + 0.5rem);
        inset-inline-end: 0;
        width: var(--auth-popover-width, 17rem);
        max-width: calc(100vw - 1rem);
        padding: 0.5rem;
        border: 1px solid var(--_border-subtle);
        border-radius: var(--_radius);
        background: var(--_bg);
        box-shadow: 0 12px 32px -8px var(--_shadow), 0 2px 6px -2px var(--_shadow);
      }
      /* Flipped by alignWithinViewport() when the default side would leave the screen. */
      .popover[data-align='left'] {
        left: 0;
        right: auto;
      }
      .popover[data-align='right'] {
        left: auto;
        right: 0;
      }
      .backdrop {
        display: none;
      }
      /* On narrow screens the panel becomes a bottom sheet over a backdrop. */
      @media (max-width: 30rem) {
        .backdrop:not([hidden]) {
          display: block;
          position: fixed;
          inset: 0;
          z-index: 999;
          background: var(--_backdrop);
        }
        .popover {
          position: fixed;
          inset-block: auto 0.5rem;
          inset-inline: 0.5rem;
          width: auto;
        }
      }
      [hidden] {
        display: none !important;
      }
      .preview {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        padding: 0.5rem;
      }
      .identity {
        display: grid;
        min-width: 0;
      }
      .name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .email,
      .since {
        color: var(--_muted-fg);
        font-size: 0.875em;
        overflow-wrap: anywhere;
      }
      [role='menu'] {
        display: grid;
        margin-block-start: 0.25rem;
        padding-block-start: 0.25rem;
        border-block-start: 1px solid var(--_border-subtle);
      }
      [role='menuitem'] {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        width: 100%;
        padding: 0.5rem;
        border: 0;
        border-radius: calc(var(--_radius) * 0.75);
        background: none;
        color: var(--_fg);
        font: inherit;
        text-align: start;
        cursor: pointer;
      }
      [role='menuitem']:hover,
      [role='menuitem']:focus-visible {
        background: var(--_muted);
      }
      [role='menuitem']:focus-visible {
        outline: var(--_focus-outline);
        outline-offset: -2px;
      }
      [role='menuitem'][aria-disabled='true'] {
        cursor: progress;
      }
      .alert {
        margin: 0.25rem 0.5rem 0;
        color: var(--_danger);
        font-size: 0.875em;
      }
    `,
  ];

  /** Focusing the element focuses its trigger (so focus can be handed to it after a sign-in). */
  static override shadowRootOptions: ShadowRootInit = {...AuthElement.shadowRootOptions, delegatesFocus: true};

  /** Where to go after signing out (same origin or an allowlisted origin). */
  @property({attribute: 'after-sign-out-url'}) afterSignOutUrl?: string;

  readonly #menu = new MenuController(this);
  readonly #signOut = new SignOutAction(this, () => ({
    client: this.client,
    announcement: this.t('announce.signedOut'),
    language: this.activeLocalizer.language,
  }));

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const popover = this.renderRoot.querySelector<HTMLElement>('.popover');
    const trigger = this.renderRoot.querySelector('.trigger');
    if (this.#menu.open && popover && trigger) alignWithinViewport(popover, trigger);
  }

  override render() {
    const user = this.authState.user;
    if (!user) return nothing;
    const appearance = this.mergedAppearance;
    const open = this.#menu.open;
    return html`
      <button
        class="trigger"
        ${part('trigger', appearance)}
        aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="popover"
        aria-label=${this.t('userButton.open', {name: user.name || user.email})}
        @click=${() => this.#menu.toggle()}
        @keydown=${this.#menu.onTriggerKeydown}
      >
        ${avatar(user, appearance)}
      </button>
      <div class="backdrop" ?hidden=${!open} ${part('backdrop', appearance)} @click=${() => this.#menu.close(true)}></div>
      <div class="popover" id="popover" ?hidden=${!open} ${part('popover', appearance)} @keydown=${this.#menu.onMenuKeydown}>
        <div class="preview" ${part('user-preview', appearance)}>
          ${avatar(user, appearance)}
          <div class="identity">
            <span class="name" ${part('user-preview-name', appearance)}>${user.name}</span>
            <span class="email" ${part('user-preview-email', appearance)}>${user.email}</span>
            <span class="since" ${part('user-preview-since', appearance)}>
              ${this.t('userButton.memberSince', {date: user.createdAt, formatParams: {date: {dateStyle: 'medium'}}})}
            </span>
          </div>
        </div>
        <div role="menu" aria-label=${user.name || user.email} ${part('menu', appearance)}>
          <button
            role="menuitem"
            ${part('menu-item', appearance)}
            aria-disabled=${this.#signOut.busy ? 'true' : 'false'}
            @click=${() => void this.#signOut.run(this.afterSignOutUrl, () => this.#menu.close(false))}
          >
            ${this.#signOut.busy ? this.t('userButton.signingOut') : this.t('userButton.signOut')}
          </button>
        </div>
        ${this.#signOut.error ? html`<p class="alert" role="alert" ${part('alert', appearance)}>${this.errorMessage(this.#signOut.error)}</p>` : nothing}
      </div>
    `;
  }
}
