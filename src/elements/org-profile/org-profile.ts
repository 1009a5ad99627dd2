import {css, html, nothing, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {part} from '../../appearance/part.js';
import {hostBase} from '../../appearance/tokens.js';
import type {AuthError} from '../../client/errors.js';
import {followRedirect, organizationUrl} from '../../client/redirect.js';
import type {Organization, OrganizationRole, Permission} from '../../client/types.js';
import {AuthErrorEvent} from '../../events.js';
import {avatarStyles} from '../../internal/avatar.js';
import {lightEditorStyles} from '../../internal/light-editor-styles.js';
import {organizationLogoStyles} from '../../internal/organization-logo.js';
import {navigationStyles} from '../../internal/page-navigation.js';
import {ProfileElement} from '../../internal/profile-element.js';
import {statusStyles} from '../../internal/status-styles.js';
import {tabStyles} from '../../internal/tabs.js';
import {profileLayoutStyles, sectionStyles} from '../user-profile/profile-page.js';
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
export class AuthOrgProfile extends ProfileElement<OrgContext, OrgPage> {
  static override styles = [
    hostBase,
    statusStyles,
    avatarStyles,
    navigationStyles,
    sectionStyles,
    tabStyles,
    profileLayoutStyles,
    orgProfileStyles,
    css`
      :host {
        display: block;
        width: 100%;
        max-width: var(--auth-org-profile-max-width, 56rem);
      }
    `,
  ];

  static override editorStyles = [lightEditorStyles, organizationLogoStyles];

  static override localeNamespaces = ['organization', 'organizationLogo', 'orgProfile'];

  /**
   * Where to go after leaving or deleting the organization (`:slug` and `:id` are the
   * organization's); checked against the client's redirect policy. Unset: the element stays,
   * showing that no organization is active.
   */
  @property({attribute: 'after-leave-org-url'}) afterLeaveOrgUrl = '';

  protected readonly pages: OrgPage[] = [new GeneralPage(this), new MembersPage(this, this.formOwner)];
  protected readonly itemClasses = [AuthOrgProfilePage, AuthOrgProfileLink];
  protected readonly navigationLabel = 'orgProfile.navigation';

  /** Whose view of which organization the pages hold ("user/organization"). */
  #viewOf: string | null = null;
  /** The refusal that came before the organization went (removed elsewhere), shown in the empty profile. */
  #lost: AuthError | null = null;
  #role: OrganizationRole | null = null;
  /** The refusal an editor showed when the role change that followed closed it. */
  #closedBy: AuthError | null = null;

  protected pageContext(): OrgContext | null {
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
      form: this.editorForm,
      editing: this.editing,
      edit: (section) => this.edit(section),
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

  protected override edit(section: string | null): void {
    this.#closedBy = null;
    super.edit(section);
  }

  protected override pageChanged(): void {
    this.#closedBy = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another person or another organization (or none): nothing typed or loaded for the last one stays.
    const {user, membership} = this.authState;
    const viewOf = user && membership ? `${user.id}/${membership.organization.id}` : null;
    if (viewOf !== this.#viewOf) {
      if (viewOf) this.#lost = null;
      this.#closedBy = null;
      this.#viewOf = viewOf;
      this.resetPages();
    } else if (membership && membership.role !== this.#role) {
      // Another role here (changed elsewhere, or by the person): an open editor may no longer be
      // theirs to use. The refusal it showed stays said above the page; a row's stays at the row.
      if (this.editing) this.#closedBy = this.#lost;
      this.editing = null;
    }
    this.#role = membership?.role ?? null;
    super.willUpdate(changed);
  }

  override render() {
    if (!this.localeReady) return nothing;
    const session = this.sessionView();
    if (session) return session;
    const {status, user} = this.authState;
    if (!user || status !== 'signed-in') return nothing;
    const context = this.pageContext();
    const appearance = this.mergedAppearance;
    if (!context) {
      const lost = this.errorMessage(this.#lost);
      return html`<div class="profile empty" ${part('profile', appearance)}>
        ${lost ? html`<p class="alert" role="alert" ${part('alert', appearance)}>${lost}</p>` : nothing}
        <h2 class="empty-title">${this.t('orgProfile.noOrganization.title')}</h2>
        <p class="section-note">${this.t('orgProfile.noOrganization.hint')}</p>
      </div>`;
    }
    const refused = this.errorMessage(this.#closedBy);
    return this.pagesView(context, refused ? html`<p class="alert page-alert" role="alert" ${part('alert', appearance)}>${refused}</p>` : nothing);
  }
}
