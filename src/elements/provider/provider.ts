import {ContextProvider} from '@lit/context';
import {css, html, isServer, LitElement, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import type {Appearance} from '../../appearance/appearance.js';
import type {ThemeName} from '../../appearance/themes.js';
import {AuthClient} from '../../client/auth-client.js';
import type {IdentityAdapter} from '../../client/adapters/adapter.js';
import {BetterAuthAdapter} from '../../client/adapters/better-auth.js';
import {appearanceContext} from '../../context/appearance-context.js';
import {clientContext} from '../../context/client-context.js';
import {localizerContext} from '../../context/localizer-context.js';
import {modalContext, type ModalCardOptions, type ModalContent, type ModalHost, type ModalOrganizationOptions} from '../../context/modal-context.js';
import type {CardModal, CardModalOptions} from '../../internal/card-modal.js';
import {AuthErrorEvent, AuthOrgChangeEvent, AuthSessionChangeEvent} from '../../events.js';
import {hasLanding} from '../../client/landing-params.js';
import {Localizer, type Localization} from '../../i18n/localizer.js';

/**
 * @summary Connects every auth element inside it to one identity API: creates the client from
 * its attributes (or takes one as the `client` property) and provides the client, the
 * localization and the appearance to its descendants. A page a sign-in link opened (or a
 * social provider's refusal came back to) without an `<auth-sign-in>` of its own gets the
 * modal sign-in, which signs in with the link or says why not.
 *
 * @event {AuthSessionChangeEvent} auth-session-change - Who is signed in changed, here or in another tab (`event.state`),
 * including a switch to another signed-in account of this device (multi-session).
 * @event {AuthOrgChangeEvent} auth-org-change - The active organization changed, here or in another tab (`event.membership`, null for the personal account; `event.previous`).
 * @event {AuthErrorEvent} auth-error - A session check or sign-out failed (`event.error.code`).
 *
 * @slot - The page content that uses the auth elements. The modal sign-in, sign-up and user
 * profile (`openSignIn()`, `openSignUp()`, `openUserProfile()`), and the organization modals
 * (`openCreateOrganization()`: `<auth-create-org>`; `openOrganizationProfile()`: the active
 * organization's `<auth-org-profile>`, in a dialog named "Manage organization"), are appended
 * here too, as one `<auth-dialog>` holding the card or the panel, and removed when they close
 * (`closeSignIn()`, `closeSignUp()`, `closeUserProfile()`, `closeCreateOrganization()`,
 * `closeOrganizationProfile()` close them from code).
 */
export class AuthProvider extends LitElement implements ModalHost {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The identity API's base URL (`/api/auth` on the same origin by default). */
  @property({attribute: 'api-url'}) apiUrl = '/api/auth';

  /** Which adapter talks to the API: `better-auth` (default) or `memory` (in-browser, for demos). */
  @property({attribute: 'adapter'}) adapterName: 'better-auth' | 'memory' = 'better-auth';

  /** `cookie` (default, same site) or `bearer` (a page on another site than its API; token kept in memory). */
  @property() mode: 'cookie' | 'bearer' = 'cookie';

  /**
   * Bearer mode only: `memory` (default) forgets the session token on reload; `session` keeps
   * it in this tab's sessionStorage so a reload stays signed in — readable by any script on the
   * page, so opt in only where no untrusted script runs.
   */
  @property({attribute: 'token-storage'}) tokenStorage: 'memory' | 'session' = 'memory';

  /**
   * The language of every element inside (else `<html lang>`, else the browser's). The
   * provider's `dir` attribute, when set, forces the writing direction; otherwise it follows
   * the language.
   */
  @property() locale?: string;

  /** Overrides of the shipped text, per language: `{en: {signIn: {title: 'Welcome back'}}}`. */
  @property({attribute: false}) localization?: Localization;

  /** Space-separated origins, besides the page's own, that redirects may go to. */
  @property({attribute: 'allowed-redirect-origins'}) allowedRedirectOrigins = '';

  /** A ready client; when set, the attributes above that build one are ignored. */
  @property({attribute: false}) client?: AuthClient;

  /** Restyles every element inside. */
  @property({attribute: false}) appearance?: Appearance;

  /**
   * A built-in theme for every element inside (`light`, `dark`, `auto`, `neutral`,
   * `high-contrast`); several, space-separated, stack. `appearance.theme` wins over it.
   */
  @property() theme?: string;

  /**
   * The page with the sign-in card: where `<auth-sign-in-button mode="redirect">` goes when it has
   * no `sign-in-url` of its own, and the modal sign-up card's "Sign in" link for a middle click.
   */
  @property({attribute: 'sign-in-url'}) signInUrl?: string;

  /** The page with the sign-up card (the same, for sign-up). */
  @property({attribute: 'sign-up-url'}) signUpUrl?: string;

  /** Social sign-in providers to offer (space-separated ids such as `github google`); unset, the ones the API says it has. */
  @property({attribute: 'social-providers'}) socialProviders = '';

  readonly localizer = new Localizer();
  #clientProvider = new ContextProvider(this, {context: clientContext});
  #appearanceProvider = new ContextProvider(this, {context: appearanceContext});
  #ownClient?: AuthClient;
  #unsubscribe: Array<() => void> = [];
  #clientBuild = 0;

  /** The modal's code, loaded on the first open. */
  #modal?: Promise<CardModal>;

  constructor() {
    super();
    new ContextProvider(this, {context: localizerContext, initialValue: this.localizer});
    new ContextProvider(this, {context: modalContext, initialValue: this});
  }

  /**
   * Opens the sign-in card in a modal dialog (or switches the open modal to it). Resolves once it
   * is shown: the card's code loads on first use. It closes when the user signs in, on Escape or
   * its close button, and focus goes back to where it was.
   */
  openSignIn(options?: ModalCardOptions): Promise<void> {
    return this.#openModal('sign-in', options);
  }

  /** Opens the sign-up card in a modal dialog (or switches the open modal to it). */
  openSignUp(options?: ModalCardOptions): Promise<void> {
    return this.#openModal('sign-up', options);
  }

  /** Closes the modal if it shows (or is loading) the sign-in card. */
  closeSignIn(): void {
    this.#closeModal('sign-in');
  }

  /** Closes the modal if it shows (or is loading) the sign-up card. */
  closeSignUp(): void {
    this.#closeModal('sign-up');
  }

  /**
   * Opens `<auth-user-profile>` in a modal dialog named "Manage account" (or switches the open
   * modal to it), full screen on narrow screens. Resolves once it is shown: the profile's code
   * loads on first use. It closes on Escape or its close button, and when nobody is signed in any
   * more; focus goes back to where it was.
   */
  openUserProfile(): Promise<void> {
    return this.#openModal('user-profile');
  }

  /** Closes the modal if it shows (or is loading) the user profile. */
  closeUserProfile(): void {
    this.#closeModal('user-profile');
  }

  /**
   * Opens `<auth-create-org>` in a modal dialog named by its title (or switches the open modal to
   * it). Its code loads on first use. It closes once the organization is made and its invite step
   * is done or skipped (`auth-org-created` tells the page it exists, and it is the active one
   * then), at once when `afterCreateOrgUrl` (the element's `after-create-org-url`) navigates
   * away, on Escape or its close button, and on sign-out.
   */
  openCreateOrganization(options?: ModalOrganizationOptions): Promise<void> {
    return this.#openModal('create-organization', options);
  }

  /** Closes the modal if it shows (or is loading) `<auth-create-org>`. */
  closeCreateOrganization(): void {
    this.#closeModal('create-organization');
  }

  /**
   * Opens the active organization's `<auth-org-profile>` in a wide modal dialog named "Manage
   * organization" (or switches the open modal to it), full screen on narrow screens. Its code
   * loads on first use; `afterLeaveOrgUrl` becomes the profile's `after-leave-org-url`. It closes
   * on Escape or its close button, when that organization stops being the active one (left,
   * deleted, another chosen) and on sign-out; focus goes back to where it was.
   */
  async openOrganizationProfile(options?: ModalOrganizationOptions): Promise<void> {
    // The dialog's name is in the organization switcher's texts (English ships without them built in).
    await this.localizer.require(['orgSwitcher']);
    await this.#openModal('organization-profile', options);
  }

  /** Closes the modal if it shows (or is loading) the organization profile. */
  closeOrganizationProfile(): void {
    this.#closeModal('organization-profile');
  }

  async #openModal(kind: ModalContent, options?: CardModalOptions): Promise<void> {
    await (await this.#cardModal()).open(kind, options);
  }

  #closeModal(kind: ModalContent): void {
    // After any open asked for before (the promise runs them in order): a pending open gives up.
    if (this.#modal) void this.#modal.then((modal) => modal.close(kind));
  }

  #cardModal(): Promise<CardModal> {
    return (this.#modal ??= import('../../internal/card-modal.js').then(
      ({CardModal}) => {
        const modal = new CardModal(this, () => ({signInUrl: this.signInUrl, signUpUrl: this.signUpUrl}), {
          userProfile: () => this.localizer.t('userButton.manageAccount'),
          organizationProfile: () => this.localizer.t('orgSwitcher.manageOrganization'),
        });
        this.localizer.subscribe(() => modal.relabel());
        return modal;
      },
      (error: unknown) => {
        this.#modal = undefined; // a chunk that failed to load (offline) is asked for again next time
        throw error;
      },
    ));
  }

  /** The client in use: the `client` property, or the one built from the attributes. */
  get activeClient(): AuthClient | undefined {
    return this.client ?? this.#ownClient;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // On a server the session is never checked: the client is built in the browser.
    if (!isServer && !this.client && (changed.has('apiUrl') || changed.has('adapterName') || changed.has('mode') || changed.has('tokenStorage') || changed.has('allowedRedirectOrigins') || changed.has('socialProviders') || changed.has('client'))) {
      void this.#buildClient();
    }
    if (changed.has('client')) this.#useClient(this.activeClient);
    if (changed.has('appearance') || changed.has('theme')) {
      const theme = this.theme?.split(/\s+/).filter(Boolean) as ThemeName[] | undefined;
      this.#appearanceProvider.setValue(theme?.length ? {theme, ...this.appearance} : this.appearance);
    }
    if (changed.has('locale') || !this.hasUpdated) this.#syncLanguage();
    if (changed.has('localization')) this.localizer.setOverrides(this.localization);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listen(undefined);
    this.#languageObserver?.disconnect();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#listen(this.activeClient);
    // Follow <html lang> (when there is no locale) and this element's own dir, as they change.
    this.#languageObserver ??= new MutationObserver(() => this.#syncLanguage());
    this.#languageObserver.observe(document.documentElement, {attributeFilter: ['lang']});
    this.#languageObserver.observe(this, {attributeFilter: ['dir']});
    this.#syncLanguage();
    this.#openLanding();
  }

  /**
   * A page a sign-in link (or a provider's refusal) came back to, without a sign-in card of its
   * own (the site signs in through the modal): the modal's card takes it. Once the page's own
   * elements are there, so a card further down the page is found first.
   */
  #openLanding(): void {
    if (isServer || !hasLanding()) return;
    setTimeout(() => {
      if (this.isConnected && hasLanding() && !document.querySelector('auth-sign-in')) void this.openSignIn();
    });
  }

  /** Created on connection: a server has no MutationObserver (nor a document to observe). */
  #languageObserver?: MutationObserver;

  #syncLanguage(): void {
    // A server has no <html lang> or browser language to follow: the locale, else English.
    void this.localizer.setLanguage(this.locale || (isServer ? null : document.documentElement.lang || navigator.language));
    const dir = this.getAttribute('dir');
    this.localizer.setDirection(dir === 'rtl' || dir === 'ltr' ? dir : null);
  }

  override render() {
    return html`<slot></slot>`;
  }

  async #buildClient(): Promise<void> {
    const build = ++this.#clientBuild;
    const adapter = await this.#createAdapter();
    if (build !== this.#clientBuild || this.client) return;
    this.#ownClient?.dispose();
    this.#ownClient = new AuthClient({
      adapter,
      allowedRedirectOrigins: this.allowedRedirectOrigins.split(/[\s,]+/).filter(Boolean),
    });
    this.#useClient(this.#ownClient);
  }

  async #createAdapter(): Promise<IdentityAdapter> {
    if (this.adapterName === 'memory') {
      const {MemoryAdapter} = await import('../../client/adapters/memory.js');
      return new MemoryAdapter();
    }
    return new BetterAuthAdapter({
      baseURL: this.apiUrl,
      mode: this.mode,
      tokenStorage: this.tokenStorage,
      // Unset: the providers the API names. Set: only these.
      socialProviders: this.socialProviders.trim() ? this.socialProviders.split(/\s+/).filter(Boolean) : undefined,
    });
  }

  #useClient(client: AuthClient | undefined): void {
    this.#clientProvider.setValue(client);
    this.#listen(client);
  }

  #listen(client: AuthClient | undefined): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = client
      ? [
          // Every change of who is signed in, a switch of account included (a new user in the state).
          client.subscribe((state) => {
            if (state.status === 'signed-out') {
              this.closeUserProfile();
              this.closeCreateOrganization();
              this.closeOrganizationProfile();
            }
            this.dispatchEvent(new AuthSessionChangeEvent(state));
          }),
          client.onOrganizationChange(({membership, previous}) => {
            // The profile shows the active organization: once it is not (left, deleted, another chosen), it goes.
            if (membership?.organization.id !== previous?.organization.id) this.closeOrganizationProfile();
            this.dispatchEvent(new AuthOrgChangeEvent(membership, previous));
          }),
          client.onError((error) => this.dispatchEvent(new AuthErrorEvent(error))),
        ]
      : [];
  }
}
