import {css, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {part} from '../../appearance/part.js';
import {hostBase} from '../../appearance/tokens.js';
import {AuthElement} from '../../internal/auth-element.js';
import {ChildItems, pageEntries, slotCurrentPage} from '../../internal/child-item.js';
import {FreshSession, type FreshSessionHost} from '../../internal/fresh-session.js';
import {focusIsLost, focusIsWithin} from '../../internal/focus.js';
import {lightEditorStyles} from '../../internal/light-editor-styles.js';
import {formOwnerId, LightForm} from '../../internal/light-form.js';
import {navigationStyles, PageRouter, pageNavigation, type NavEntry, type Routing} from '../../internal/page-navigation.js';
import {avatarStyles} from '../../internal/avatar.js';
import {busyIndicator} from '../../internal/status-views.js';
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
export class AuthUserProfile extends AuthElement implements FreshSessionHost {
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

  static override localeNamespaces = ['profile', 'reauth'];

  /** `virtual` (default): the page shown lives in the element; `hash`: in the URL (`#/security`), linkable, with the back button. */
  @property() routing: Routing = 'virtual';

  readonly formOwner = formOwnerId();

  readonly #pages: BuiltInPage[] = [new AccountPage(this), new SecurityPage(this)];
  readonly #router = new PageRouter(this, {routing: () => this.routing, pages: () => this.#entries().filter((e) => e.href === undefined).map((e) => e.path)});
  readonly #fresh = new FreshSession(this);
  readonly #editorForm = new LightForm(this, {
    owner: this.formOwner,
    slot: 'form',
    styles: [lightEditorStyles],
    content: () => {
      const context = this.#context();
      const page = this.#builtIn(this.#router.current);
      return context && page && this.#editing ? page.editor(context, this.#editing) : nothing;
    },
    onSubmit: (data) => {
      const context = this.#context();
      const page = this.#builtIn(this.#router.current);
      if (context && page && this.#editing) page.submit(context, this.#editing, data);
    },
  });

  /** The open editor's section on the current page. */
  #editing: string | null = null;
  #userId: string | null = null;
  #shownPage = '';

  constructor() {
    super();
    // The children (items, pages, links, their labels and icons) changed: the element follows.
    new ChildItems(this);
  }

  protected override get lightFormSelector(): string {
    return this.#editorForm.selector;
  }

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

  #context(): ProfileContext | null {
    const client = this.client;
    const user = this.authState.user;
    if (!client || !user || this.authState.status !== 'signed-in') return null;
    return {
      ...this.freshSessionContext(),
      host: this,
      client,
      user,
      language: this.activeLocalizer.language,
      form: this.#editorForm,
      fresh: this.#fresh,
      editing: this.#editing,
      edit: (section) => this.#edit(section),
    };
  }

  #edit(section: string | null): void {
    const opener = this.#editing;
    this.#editing = section;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      if (section) {
        this.#editorForm.form.querySelector<HTMLElement>('input:not([type="hidden"]):not([hidden]), button')?.focus();
      } else if (opener && (focusIsWithin(this) || focusIsLost())) {
        this.renderRoot.querySelector<HTMLElement>(`#section-${opener} ~ .section-content button`)?.focus();
      }
    });
  }

  #builtIn(path: string): BuiltInPage | undefined {
    return this.#pages.find((page) => page.path === path);
  }

  #children(): Array<AuthUserProfilePage | AuthUserProfileLink> {
    return [...this.children].filter(
      (child): child is AuthUserProfilePage | AuthUserProfileLink => child instanceof AuthUserProfilePage || child instanceof AuthUserProfileLink,
    );
  }

  /** The navigation's entries (see pageEntries): built-in pages, then the children's pages and links. */
  #entries(): NavEntry[] {
    const context = this.#context();
    const builtIn = this.#pages.map((page): NavEntry => ({path: page.path, label: context ? page.title(context) : page.path, icon: page.icon}));
    return pageEntries(builtIn, this.#children(), this.client?.redirectPolicy);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another person (or nobody): nothing typed or loaded for the previous one stays.
    const user = this.authState.user?.id ?? null;
    if (user !== this.#userId) {
      this.#userId = user;
      this.#editing = null;
      this.#pages.forEach((page) => page.reset());
    }
    this.#followPage();
  }

  override render() {
    const status = this.authState.status;
    // Its words load with it (the script tag's English holds only the cards'): a moment at most.
    if (!this.localeReady) return nothing;
    if (status === 'loading') return html`<div class="profile empty">${busyIndicator(this.t('common.loading'), this.mergedAppearance)}</div>`;
    if (status === 'unavailable') return html`<div class="profile empty">${this.unavailableView()}</div>`;
    const context = this.#context();
    if (!context) return nothing;
    const entries = this.#entries();
    const current = this.#router.current;
    slotCurrentPage(this.#children(), current, (path) => !!this.#builtIn(path));
    const page = this.#builtIn(current);
    return html`<div class="layout">
        <div class="profile columns" ${part('profile', this.mergedAppearance)}>
          ${pageNavigation({label: this.t('profile.navigation'), entries, router: this.#router, appearance: this.mergedAppearance})}
          <div class="page" ${part('page', this.mergedAppearance)}>
            ${page ? this.#builtInPage(page, context) : this.#customPage(entries.find((entry) => entry.path === current))}
          </div>
        </div>
      </div>
      ${this.#fresh.render()}`;
  }

  #builtInPage(page: BuiltInPage, context: ProfileContext): TemplateResult {
    return html`${this.#pageHeader(page.title(context), page.subtitle(context))}${page.render(context)}`;
  }

  /** A page's heading (focused when the page changes) and its line of explanation. */
  #pageHeader(title: string, subtitle?: string): TemplateResult {
    return html`<div class="page-header">
      <h2 class="page-title" tabindex="-1" ${part('page-title', this.mergedAppearance)}>${title}</h2>
      ${subtitle ? html`<p class="page-subtitle">${subtitle}</p>` : nothing}
    </div>`;
  }

  /** A page of the integrator's: its label as the heading, its content slotted. */
  #customPage(entry: NavEntry | undefined): TemplateResult {
    return html`${this.#pageHeader(entry?.label ?? '')}<div class="custom-page"><slot name="page"></slot></div>`;
  }

  /**
   * Another page is shown: the last page's editor closes and what it held is forgotten, and
   * focus goes to the new page's title when it was on the navigation (keyboard users go on
   * reading from the top of the page).
   */
  #followPage(): void {
    const current = this.#router.current;
    if (current === this.#shownPage) return;
    const previous = this.#shownPage;
    this.#shownPage = current;
    if (!previous) return;
    this.#editing = null;
    this.#builtIn(previous)?.reset();
    if (focusIsWithin(this) || focusIsLost()) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.page-title')?.focus());
    }
  }
}
