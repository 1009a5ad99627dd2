import {css, html, nothing, type PropertyValues} from 'lit';
import {hostBase} from '../../appearance/tokens.js';
import {FreshSession, type FreshSessionHost} from '../../internal/fresh-session.js';
import {navigationStyles} from '../../internal/page-navigation.js';
import {avatarStyles} from '../../internal/avatar.js';
import {ProfileElement} from '../../internal/profile-element.js';
import {statusStyles} from '../../internal/status-styles.js';
import {AccountPage} from './account-page.js';
import {profileLayoutStyles, sectionStyles, type BuiltInPage, type ProfileContext} from './profile-page.js';
import {SecurityPage} from './security-page.js';
import {securityStyles} from './security-styles.js';
import {AuthUserProfileLink, AuthUserProfilePage} from './user-profile-items.js';

/**
 * @summary The signed-in person's account, in pages: **Account** (name, profile image, email
 * address) and **Security** (password, two-step verification, passkeys, active devices, delete account), plus pages and links of
 * your own. Sensitive changes ask for the password again when the API wants a fresh session.
 * Renders nothing while nobody is signed in.
 *
 * @event {AuthPageChangeEvent} auth-page-change - Another page is shown (`event.path`).
 * @event {AuthErrorEvent} auth-error - A change failed (`event.error.code`).
 *
 * @slot - `<auth-user-profile-page>` and `<auth-user-profile-link>` children: pages and links of your own.
 *
 * @csspart profile - The whole profile: navigation and page.
 * @csspart navigation - The list of pages (a sidebar, or a bar across the top when narrow).
 * @csspart navigation-item - Each page's entry (`aria-current="page"` on the one shown).
 * @csspart navigation-link - Each `<auth-user-profile-link>` entry.
 * @csspart page - The page shown.
 * @csspart page-title - Its heading.
 * @csspart profile-section - Each section of a page (Profile, Email address, Password…).
 * @csspart profile-section-title - A section's title.
 * @csspart profile-section-content - A section's value and actions.
 * @csspart profile-editor - The open editor of a section.
 * @csspart profile-section-button - A section's actions.
 * @csspart profile-step - A step of a section's editor above its fields (two-step setup), or the backup codes.
 * @csspart qr-code - The frame of the authenticator app's QR code (white, in every theme).
 * @csspart passkeys-add-button - "Add a passkey".
 * @csspart rename-form - Renaming a passkey in its row.
 * @csspart rename-input - Its name field.
 * @csspart avatar - The profile image (or initials).
 * @csspart alert - An error.
 *
 * @cssprop --auth-user-profile-max-width - The profile's largest width (56rem).
 */
export class AuthUserProfile extends ProfileElement<ProfileContext> implements FreshSessionHost {
  static override styles = [
    hostBase,
    statusStyles,
    avatarStyles,
    navigationStyles,
    sectionStyles,
    securityStyles,
    profileLayoutStyles,
    css`
      :host {
        display: block;
        width: 100%;
        max-width: var(--auth-user-profile-max-width, 56rem);
      }
    `,
  ];

  static override localeNamespaces = ['profile', 'reauth', 'phone'];

  protected readonly pages: BuiltInPage[] = [new AccountPage(this), new SecurityPage(this)];
  protected readonly itemClasses = [AuthUserProfilePage, AuthUserProfileLink];
  protected readonly navigationLabel = 'profile.navigation';

  readonly #fresh = new FreshSession(this);
  #userId: string | null = null;

  /** What the built-in pages need; null until someone is signed in. */
  freshSessionContext() {
    return {
      client: this.client,
      appearance: this.mergedAppearance,
      ownAppearance: this.appearance,
      t: this.t.bind(this),
      errorMessage: this.errorMessage.bind(this),
    };
  }

  protected pageContext(): ProfileContext | null {
    const client = this.client;
    const user = this.authState.user;
    if (!client || !user || this.authState.status !== 'signed-in') return null;
    return {
      ...this.freshSessionContext(),
      host: this,
      client,
      user,
      language: this.activeLocalizer.language,
      form: this.editorForm,
      fresh: this.#fresh,
      editing: this.editing,
      edit: (section) => this.edit(section),
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another person (or nobody): nothing typed or loaded for the previous one stays.
    const user = this.authState.user?.id ?? null;
    if (user !== this.#userId) {
      this.#userId = user;
      this.resetPages();
    }
    super.willUpdate(changed);
  }

  override render() {
    // Its words load with it (the script tag's English holds only the cards'): a moment at most.
    if (!this.localeReady) return nothing;
    const session = this.sessionView();
    if (session) return session;
    const context = this.pageContext();
    if (!context) return nothing;
    return html`${this.pagesView(context)}${this.#fresh.render()}`;
  }
}
