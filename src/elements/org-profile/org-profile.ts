import {css, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {part} from '../../appearance/part.js';
import {hostBase} from '../../appearance/tokens.js';
import type {AuthError} from '../../client/errors.js';
import {followRedirect, organizationUrl} from '../../client/redirect.js';
import type {Organization, OrganizationRole, Permission} from '../../client/types.js';
import {AuthErrorEvent} from '../../events.js';
import {AuthElement} from '../../internal/auth-element.js';
import {avatarStyles} from '../../internal/avatar.js';
import {ChildItems, pageEntries, slotCurrentPage} from '../../internal/child-item.js';
import {focusIsLost, focusIsWithin} from '../../internal/focus.js';
import {lightEditorStyles} from '../../internal/light-editor-styles.js';
import {formOwnerId, LightForm} from '../../internal/light-form.js';
import {organizationLogoStyles} from '../../internal/organization-logo.js';
import {navigationStyles, PageRouter, pageNavigation, type NavEntry, type Routing} from '../../internal/page-navigation.js';
import {busyIndicator} from '../../internal/status-views.js';
import {statusStyles} from '../../internal/status-styles.js';
import {tabStyles} from '../../internal/tabs.js';
import {sectionStyles} from '../user-profile/profile-page.js';
import {GeneralPage} from './general-page.js';
import {MembersPage} from './members-page.js';
import {isStale, type OrgContext, type OrgPage} from './org-page.js';
import {orgProfileStyles} from './org-profile-styles.js';
import {AuthOrgProfileLink, AuthOrgProfilePage} from './org-profile-items.js';

/**
 * @summary The active organization, in pages: **General** (logo, name and slug; leave; delete,
 * confirmed by typing the organization's name) and **Members** (the members with their roles,
 * the pending invitations, and an "Invite" dialog), plus pages and links of your own. What each
 * person sees and may do follows their permissions; the API enforces them. With no active
 * organization it says so; it renders nothing while nobody is signed in.
 *
 * @event {AuthPageChangeEvent} auth-page-change - Another page is shown (`event.path`).
 * @event {AuthErrorEvent} auth-error - A change failed (`event.error.code`).
 *
 * @slot - `<auth-org-profile-page>` and `<auth-org-profile-link>` children: pages and links of your own.
 *
 * @csspart profile - The whole profile: navigation and page.
 * @csspart navigation - The list of pages (a sidebar, or a bar across the top when narrow).
 * @csspart navigation-item - Each page's entry (`aria-current="page"` on the one shown).
 * @csspart navigation-link - Each `<auth-org-profile-link>` entry.
 * @csspart page - The page shown.
 * @csspart page-title - Its heading.
 * @csspart profile-section - Each section of a page (Organization, Leave, Delete).
 * @csspart profile-section-title - A section's title.
 * @csspart profile-section-content - A section's value and actions.
 * @csspart profile-editor - The open editor of a section.
 * @csspart profile-section-button - A section's actions.
 * @csspart organization-logo - The organization's logo (or its initials).
 * @csspart tabs - The Members page's tabs (Members, Invitations).
 * @csspart tab - Each tab (`aria-selected="true"` on the one shown).
 * @csspart tab-panel - The tab's content.
 * @csspart member-search - The search field over the members.
 * @csspart member-role - A member's role select.
 * @csspart invite-button - "Invite", opening the invite dialog.
 * @csspart row-list - A list of members or invitations.
 * @csspart row-list-item - Each row.
 * @csspart avatar - A member's picture (or initials).
 * @csspart alert - An error.
 * @csspart notice - A change done ("Organization saved.").
 * @csspart empty - A list's empty state.
 * @csspart confirm-button - "Remove" in the dialog confirming a member's removal.
 * @csspart confirm-cancel - Its "Cancel".
 *
 * @cssprop --auth-org-profile-max-width - The profile's largest width (56rem).
 */
export class AuthOrgProfile extends AuthElement {
  static override styles = [
    hostBase,
    statusStyles,
    avatarStyles,
    navigationStyles,
    sectionStyles,
    tabStyles,
    orgProfileStyles,
    css`
      :host {
        display: block;
        width: 100%;
        max-width: var(--auth-org-profile-max-width, 56rem);
      }
    `,
  ];

  static override localeNamespaces = ['organization', 'organizationLogo', 'orgProfile'];

  /** `virtual` (default): the page shown lives in the element; `hash`: in the URL (`#/members`), linkable, with the back button. */
  @property() routing: Routing = 'virtual';

  /**
   * Where to go after leaving or deleting the organization (`:slug` and `:id` are the
   * organization's); checked against the client's redirect policy. Unset: the element stays,
   * showing that no organization is active.
   */
  @property({attribute: 'after-leave-org-url'}) afterLeaveOrgUrl = '';

  readonly formOwner = formOwnerId();

  readonly #pages: OrgPage[] = [new GeneralPage(this), new MembersPage(this, this.formOwner)];
  readonly #router = new PageRouter(this, {routing: () => this.routing, pages: () => this.#entries().filter((e) => e.href === undefined).map((e) => e.path)});
  readonly #editorForm = new LightForm(this, {
    owner: this.formOwner,
    slot: 'form',
    styles: [lightEditorStyles, organizationLogoStyles],
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
  /** Whose view of which organization the pages hold ("user/organization"). */
  #viewOf: string | null = null;
  #shownPage = '';
  /** The refusal that came before the organization went (removed elsewhere), shown in the empty profile. */
  #lost: AuthError | null = null;
  #role: OrganizationRole | null = null;
  /** The refusal an editor showed when the role change that followed closed it. */
  #closedBy: AuthError | null = null;

  constructor() {
    super();
    new ChildItems(this);
  }

  protected override get lightFormSelector(): string {
    return this.#editorForm.selector;
  }

  #context(): OrgContext | null {
    const client = this.client;
    const {user, membership, status} = this.authState;
    if (!client || !user || !membership || status !== 'signed-in') return null;
    return {
      host: this,
      client,
      user,
      membership,
      organization: membership.organization,
      appearance: this.mergedAppearance,
      ownAppearance: this.appearance,
      language: this.activeLocalizer.language,
      t: this.t.bind(this),
      errorMessage: this.errorMessage.bind(this),
      form: this.#editorForm,
      editing: this.#editing,
      edit: (section) => this.#edit(section),
      can: (permission: Permission) => membership.permissions.includes(permission),
      failed: (error) => this.#failed(error),
      left: (organization) => this.#left(organization),
    };
  }

  #failed(error: AuthError): void {
    this.dispatchEvent(new AuthErrorEvent(error));
    // Demoted or removed elsewhere: the membership is read again and the pages follow. Should
    // the organization go, the empty profile still says why.
    if (isStale(error)) {
      this.#lost = error;
      void this.client?.refresh();
    }
  }

  #left(organization: Organization): void {
    if (this.afterLeaveOrgUrl) followRedirect(organizationUrl(this.afterLeaveOrgUrl, organization), this.client?.redirectPolicy);
  }

  #edit(section: string | null): void {
    const opener = this.#editing;
    this.#closedBy = null;
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

  #builtIn(path: string): OrgPage | undefined {
    return this.#pages.find((page) => page.path === path);
  }

  #children(): Array<AuthOrgProfilePage | AuthOrgProfileLink> {
    return [...this.children].filter(
      (child): child is AuthOrgProfilePage | AuthOrgProfileLink => child instanceof AuthOrgProfilePage || child instanceof AuthOrgProfileLink,
    );
  }

  #entries(): NavEntry[] {
    const context = this.#context();
    const builtIn = this.#pages.map((page): NavEntry => ({path: page.path, label: context ? page.title(context) : page.path, icon: page.icon}));
    return pageEntries(builtIn, this.#children(), this.client?.redirectPolicy);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another person or another organization (or none): nothing typed or loaded for the last one stays.
    const {user, membership} = this.authState;
    const viewOf = user && membership ? `${user.id}/${membership.organization.id}` : null;
    if (viewOf !== this.#viewOf) {
      if (viewOf) this.#lost = null;
      this.#closedBy = null;
      this.#viewOf = viewOf;
      this.#editing = null;
      this.#pages.forEach((page) => page.reset());
    } else if (membership && membership.role !== this.#role) {
      // Another role here (changed elsewhere, or by the person): an open editor may no longer be
      // theirs to use. The refusal it showed stays said above the page; a row's stays at the row.
      if (this.#editing) this.#closedBy = this.#lost;
      this.#editing = null;
    }
    this.#role = membership?.role ?? null;
    this.#followPage();
  }

  override render() {
    const {status, user} = this.authState;
    if (!this.localeReady) return nothing;
    if (status === 'loading') return html`<div class="profile empty">${busyIndicator(this.t('common.loading'), this.mergedAppearance)}</div>`;
    if (status === 'unavailable') return html`<div class="profile empty">${this.unavailableView()}</div>`;
    if (!user || status !== 'signed-in') return nothing;
    const context = this.#context();
    if (!context) {
      const lost = this.errorMessage(this.#lost);
      return html`<div class="profile empty" ${part('profile', this.mergedAppearance)}>
        ${lost ? html`<p class="alert" role="alert" ${part('alert', this.mergedAppearance)}>${lost}</p>` : nothing}
        <p class="empty-title">${this.t('orgProfile.noOrganization.title')}</p>
        <p class="section-note">${this.t('orgProfile.noOrganization.hint')}</p>
      </div>`;
    }
    const entries = this.#entries();
    const current = this.#router.current;
    slotCurrentPage(this.#children(), current, (path) => !!this.#builtIn(path));
    const page = this.#builtIn(current);
    return html`<div class="layout">
      <div class="profile columns" ${part('profile', this.mergedAppearance)}>
        ${pageNavigation({label: this.t('orgProfile.navigation'), entries, router: this.#router, appearance: this.mergedAppearance})}
        <div class="page" ${part('page', this.mergedAppearance)}>
          ${page ? this.#builtInPage(page, context) : this.#customPage(entries.find((entry) => entry.path === current))}
        </div>
      </div>
    </div>`;
  }

  #builtInPage(page: OrgPage, context: OrgContext): TemplateResult {
    const refused = this.errorMessage(this.#closedBy);
    return html`${this.#pageHeader(page.title(context), page.subtitle(context))}
    ${refused ? html`<p class="alert page-alert" role="alert" ${part('alert', this.mergedAppearance)}>${refused}</p>` : nothing}${page.render(context)}`;
  }

  #pageHeader(title: string, subtitle?: string): TemplateResult {
    return html`<div class="page-header">
      <h2 class="page-title" tabindex="-1" ${part('page-title', this.mergedAppearance)}>${title}</h2>
      ${subtitle ? html`<p class="page-subtitle">${subtitle}</p>` : nothing}
    </div>`;
  }

  #customPage(entry: NavEntry | undefined): TemplateResult {
    return html`${this.#pageHeader(entry?.label ?? '')}<div class="custom-page"><slot name="page"></slot></div>`;
  }

  /** Another page: the last one's editor closes and what it held is forgotten; focus goes to the new title when it was on the navigation. */
  #followPage(): void {
    const current = this.#router.current;
    if (current === this.#shownPage) return;
    const previous = this.#shownPage;
    this.#shownPage = current;
    if (!previous) return;
    this.#editing = null;
    this.#closedBy = null;
    this.#builtIn(previous)?.reset();
    if (focusIsWithin(this) || focusIsLost()) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.page-title')?.focus());
    }
  }
}
