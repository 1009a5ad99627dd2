import {css, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {hostBase} from '../../appearance/tokens.js';
import {followRedirect, organizationUrl} from '../../client/redirect.js';
import type {Invitation, Organization, OrganizationRole} from '../../client/types.js';
import {AuthInvitationAcceptedEvent, type AuthOrgSetupCompleteEvent} from '../../events.js';
import {announce} from '../../internal/announcer.js';
import {RowAction} from '../../internal/async-action.js';
import {AuthElement} from '../../internal/auth-element.js';
import {avatar, avatarStyles, organizationAvatar} from '../../internal/avatar.js';
import {card, cardStyles} from '../../internal/card.js';
import {focusIsLost, focusIsWithin, restoreFocusIfLost} from '../../internal/focus.js';
import {Loader} from '../../internal/loader.js';
import {rowList, type RowView} from '../../internal/row-list.js';
import {busyIndicator, DelayedFlag, unavailableNotice} from '../../internal/status-views.js';
import {statusStyles} from '../../internal/status-styles.js';
import {sectionAlert, sectionButton, sectionStyles} from '../user-profile/profile-page.js';
import {userContact} from '../../internal/user-label.js';

/** The profile's section helpers read only the appearance of the context they are handed. */
type SectionContext = Parameters<typeof sectionButton>[2]['context'];

interface Listed {
  organizations: Array<{organization: Organization; role: OrganizationRole | null}>;
  invitations: Invitation[];
}

/** The personal account's row key (no organization has it: ids are the API's). */
const PERSONAL = '\u0000personal';
const k = (key: string) => `orgList.${key}`;

/**
 * @summary The signed-in person's organizations (logo, name, their role), each opened with a
 * button (it becomes the active organization), the personal account first, their pending
 * invitations (accept, decline), and "Create organization", which shows `<auth-create-org>` in
 * place of the list. Renders nothing while nobody is signed in.
 *
 * @event {AuthInvitationAcceptedEvent} auth-invitation-accepted - An invitation was accepted (`event.membership`).
 * @event {AuthOrgCreatedEvent} auth-org-created - From the `<auth-create-org>` it shows.
 *
 * @csspart card - The card around everything.
 * @csspart header - The title block.
 * @csspart header-title - The title.
 * @csspart header-subtitle - The line under the title.
 * @csspart row-list - Each list (organizations, invitations).
 * @csspart row-list-item - Each row.
 * @csspart row-list-title - A row's name.
 * @csspart row-list-badge - "Current" on the active one.
 * @csspart row-list-detail - A row's role, inviter.
 * @csspart row-list-actions - A row's buttons.
 * @csspart organization-logo - An organization's logo or initials.
 * @csspart avatar - The person's picture or initials (personal account).
 * @csspart profile-section-button - Open, Accept, Decline.
 * @csspart org-list-create-button - "Create organization".
 * @csspart back-button - Back from creating to the list.
 * @csspart alert - An error.
 * @csspart notice - What was done ("You joined …").
 *
 * @cssprop --auth-card-max-width - The card's maximum width (25rem).
 */
export class AuthOrgList extends AuthElement {
  static override styles = [
    hostBase,
    cardStyles,
    statusStyles,
    avatarStyles,
    sectionStyles,
    css`
      .list-title {
        margin: 0;
        font-size: 0.875em;
        font-weight: 650;
      }
      .group {
        display: grid;
        gap: calc(var(--_space) * 0.5);
      }
      .create {
        width: 100%;
      }
      .back {
        justify-self: start;
        margin-block-end: calc(var(--_space) * 0.5);
      }
      .creating {
        display: grid;
      }
      .row-error {
        color: var(--_danger);
      }
    `,
  ];
  static override localeNamespaces = ['organization', 'orgList'];

  /** Leaves the personal account out of the list. */
  @property({type: Boolean, attribute: 'hide-personal'}) hidePersonal = false;
  /** Where an opened organization goes (`:slug`, `:id` replaced); it is made the active one either way. */
  @property({attribute: 'after-select-org-url'}) afterSelectOrgUrl?: string;
  /** Where opening the personal account goes. */
  @property({attribute: 'after-select-personal-url'}) afterSelectPersonalUrl?: string;
  /** Where a new organization goes once set up (`:slug`, `:id`); without it the list shows again. */
  @property({attribute: 'after-create-org-url'}) afterCreateOrgUrl?: string;
  /** `<auth-create-org>` without its invite step. */
  @property({type: Boolean, attribute: 'skip-invitation-screen'}) skipInvitationScreen = false;

  /** Showing `<auth-create-org>` instead of the list. */
  @state() private creating = false;

  readonly #list = new Loader<Listed>(this);
  readonly #slow = new DelayedFlag(this);
  /** One row's action at a time: its key (an organization, an invitation, the personal account). */
  readonly #action = new RowAction(this);
  #notice: string | null = null;
  #user: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const user = this.authState.user?.id ?? null;
    if (user !== this.#user) {
      this.#list.reset();
      this.#action.reset();
      this.#notice = null;
      this.creating = false;
    }
    this.#user = user;
  }

  #load() {
    const client = this.client!;
    const me = this.authState.user?.id;
    return async (signal: AbortSignal): Promise<Listed> => {
      const [organizations, invitations] = await Promise.all([
        client.organizations.listOrganizations({signal}),
        client.organizations.listMyInvitations({signal}),
      ]);
      // The list names no roles: each organization's member list says the person's.
      const roles = await Promise.all(
        organizations.map((organization) =>
          client.organizations
            .listMembers(organization.id, {signal})
            .then((members) => members.find((member) => member.user.id === me)?.role ?? null)
            .catch(() => null),
        ),
      );
      return {organizations: organizations.map((organization, i) => ({organization, role: roles[i]})), invitations};
    };
  }

  override render(): TemplateResult | typeof nothing {
    const {status} = this.authState;
    const appearance = this.mergedAppearance;
    if (status === 'loading') return busyIndicator(this.t('common.loading'), appearance);
    if (status === 'unavailable') return this.unavailableView();
    if (status !== 'signed-in' || !this.client || !this.localeReady) return nothing;
    if (this.creating) return this.#createView();
    this.#list.ensure(this.#load());
    return card({title: this.t(k('title')), subtitle: this.t(k('subtitle')), appearance, body: this.#body()});
  }

  #createView(): TemplateResult {
    return html`<div class="creating">
      ${sectionButton(this.t(k('back')), () => this.#closeCreate(), {context: this.#context(), variant: 'text', name: 'back-button'})}
      <auth-create-org
        class="create-org"
        .appearance=${this.appearance}
        after-create-org-url=${this.afterCreateOrgUrl ?? nothing}
        ?skip-invitation-screen=${this.skipInvitationScreen}
        @auth-org-setup-complete=${(event: AuthOrgSetupCompleteEvent) => this.#created(event)}
      ></auth-create-org>
    </div>`;
  }

  #body(): TemplateResult {
    const context = this.#context();
    const {value, status, error} = this.#list;
    this.#slow.sync(value === undefined && status !== 'error');
    if (status === 'error' || value === undefined) {
      if (!error) return this.#slow.value ? busyIndicator(this.t(k('loading')), this.mergedAppearance) : html``;
      return unavailableNotice({
        message: this.errorMessage(error) ?? '',
        retryLabel: this.t('common.retry'),
        retryingLabel: this.t('common.retrying'),
        retrying: false,
        onRetry: () => void this.#list.run(this.#load()),
        appearance: this.mergedAppearance,
      });
    }
    const rows = [...(this.hidePersonal ? [] : [this.#personalRow()]), ...value.organizations.map((entry) => this.#organizationRow(entry))];
    return html`${sectionAlert(this.#notice, context, 'success')}
      <div class="group">
        <h2 class="list-title" id="organizations-title">${this.t(k('organizations'))}</h2>
        ${rows.length ? rowList({id: 'organizations-list', labelledBy: 'organizations-title', rows, appearance: this.mergedAppearance}) : nothing}
        ${value.organizations.length ? nothing : html`<p class="section-note">${this.t(k('empty'))}</p>`}
      </div>
      ${value.invitations.length
        ? html`<div class="group">
            <h2 class="list-title" id="invitations-title">${this.t(k('invitations'))}</h2>
            ${rowList({
              id: 'invitations-list',
              labelledBy: 'invitations-title',
              rows: value.invitations.map((invitation) => this.#invitationRow(invitation)),
              appearance: this.mergedAppearance,
            })}
          </div>`
        : nothing}
      ${sectionButton(this.t(k('create')), () => this.#openCreate(), {context, name: 'org-list-create-button'})}`;
  }

  #context(): SectionContext {
    return {appearance: this.mergedAppearance} as unknown as SectionContext;
  }

  /** A row's own error, under its details (role="alert"). */
  #rowError(key: string): TemplateResult | null {
    const message = this.errorMessage(this.#action.errorOf(key));
    return message ? html`<span class="row-error" role="alert">${message}</span>` : null;
  }

  #openButton(key: string, titleId: string, open: () => Promise<unknown>): TemplateResult {
    return sectionButton(this.t(k('open')), () => void this.#run(key, open), {context: this.#context(), busy: this.#action.row === key, describedBy: titleId});
  }

  #personalRow(): RowView {
    const user = this.authState.user!;
    return {
      key: PERSONAL,
      title: this.t('organization.personalAccount'),
      leading: avatar(user, this.mergedAppearance),
      badge: this.authState.membership ? null : this.t(k('current')),
      details: [userContact(user), this.#rowError(PERSONAL)],
      actions: (titleId) =>
        this.#openButton(PERSONAL, titleId, async () => {
          await this.client!.organizations.setActiveOrganization(null);
          if (this.afterSelectPersonalUrl) followRedirect(this.afterSelectPersonalUrl, this.client?.redirectPolicy);
        }),
    };
  }

  #organizationRow({organization, role}: Listed['organizations'][number]): RowView {
    const active = this.authState.membership?.organization.id === organization.id;
    return {
      key: organization.id,
      title: organization.name,
      leading: organizationAvatar(organization, this.mergedAppearance),
      badge: active ? this.t(k('current')) : null,
      details: [role ? this.t(`organization.role.${role}`) : null, this.#rowError(organization.id)],
      actions: (titleId) =>
        this.#openButton(organization.id, titleId, async () => {
          await this.client!.organizations.setActiveOrganization(organization.id);
          if (this.afterSelectOrgUrl) followRedirect(organizationUrl(this.afterSelectOrgUrl, organization), this.client?.redirectPolicy);
        }),
    };
  }

  #invitationRow(invitation: Invitation): RowView {
    const role = this.t(`organization.role.${invitation.role}`);
    const context = this.#context();
    const busy = this.#action.row === invitation.id;
    // An API may list an expired invitation as pending: it can only be declined.
    const expired = invitation.status === 'expired' || invitation.expiresAt.getTime() <= Date.now();
    return {
      key: invitation.id,
      title: invitation.organization.name,
      leading: organizationAvatar(invitation.organization, this.mergedAppearance),
      badge: expired ? this.t(k('expired')) : null,
      details: [invitation.inviterName ? this.t(k('invitedBy'), {name: invitation.inviterName, role}) : this.t(k('invitedAs'), {role}), this.#rowError(invitation.id)],
      actions: (titleId) =>
        html`${expired ? nothing : sectionButton(this.t(k('accept')), () => void this.#accept(invitation), {context, variant: 'primary', busy, describedBy: titleId})}
        ${sectionButton(this.t(k('decline')), () => void this.#decline(invitation), {context, busy, describedBy: titleId})}`,
    };
  }

  /** Runs one row's action (never two at once), then lists again. */
  async #run(key: string, work: () => Promise<unknown>, done?: string): Promise<boolean> {
    if (this.#action.pending) return false;
    this.#notice = null;
    const ok = await this.#action.run(key, work);
    if (!ok) return false;
    if (done) {
      this.#notice = done;
      announce(done, this.activeLocalizer.language);
    }
    await this.#list.run(this.#load());
    return true;
  }

  async #accept(invitation: Invitation): Promise<void> {
    const name = invitation.organization.name;
    const accepted = await this.#run(
      invitation.id,
      async () => this.dispatchEvent(new AuthInvitationAcceptedEvent(await this.client!.organizations.acceptInvitation(invitation.id))),
      this.t(k('joined'), {name}),
    );
    // The row went (into the organizations): the list takes focus.
    if (accepted) void restoreFocusIfLost(() => this.renderRoot.querySelector<HTMLElement>('#organizations-list'));
  }

  async #decline(invitation: Invitation): Promise<void> {
    const declined = await this.#run(invitation.id, () => this.client!.organizations.declineInvitation(invitation.id), this.t(k('declined'), {name: invitation.organization.name}));
    if (declined) void restoreFocusIfLost(() => this.renderRoot.querySelector<HTMLElement>('#invitations-list') ?? this.renderRoot.querySelector<HTMLElement>('#organizations-list'));
  }

  async #openCreate(): Promise<void> {
    this.#notice = null;
    this.#action.reset();
    this.creating = true;
    await this.updateComplete;
    const created = this.renderRoot.querySelector<HTMLElement & {updateComplete: Promise<unknown>; focusFirstField(): void}>('auth-create-org');
    await created?.updateComplete;
    created?.focusFirstField();
  }

  async #closeCreate(): Promise<void> {
    const hadFocus = focusIsWithin(this);
    this.creating = false;
    await this.updateComplete;
    if (hadFocus || focusIsLost()) this.renderRoot.querySelector<HTMLElement>('[part~="org-list-create-button"]')?.focus();
  }

  /** The new organization is set up: the list shows again, with it (unless the page is going to its URL). */
  #created(event: AuthOrgSetupCompleteEvent): void {
    this.#notice = this.t(k('created'), {name: event.membership.organization.name});
    announce(this.#notice, this.activeLocalizer.language);
    this.creating = false;
    void this.#list.run(this.#load()).then(() => restoreFocusIfLost(() => this.renderRoot.querySelector<HTMLElement>('#organizations-list')));
  }
}
