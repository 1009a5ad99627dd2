import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import {part} from '../../appearance/part.js';
import type {Member, OrganizationRole} from '../../client/types.js';
import {announce} from '../../internal/announcer.js';
import {RowAction} from '../../internal/async-action.js';
import {avatar} from '../../internal/avatar.js';
import {rolesOfferedBy} from '../../internal/invite-addresses.js';
import {restoreFocusIfLost} from '../../internal/focus.js';
import {Loader} from '../../internal/loader.js';
import {rowList, type RowView} from '../../internal/row-list.js';
import {DelayedFlag} from '../../internal/status-views.js';
import {notLoaded, sectionAlert, sectionButton} from '../user-profile/profile-page.js';
import type {OrgContext} from './org-page.js';

/** "12 Mar 2026" in the element's language. */
export function shortDate(date: Date, language: string): string {
  return new Intl.DateTimeFormat(language, {dateStyle: 'medium'}).format(date);
}

/**
 * The Members tab: everyone in the organization with their role and when they joined, filtered
 * by name or email as the person types (over the loaded list). With `member:update` each row
 * has a role select (owner only offered to owners, and an owner's row left alone by others);
 * with `member:delete` a Remove button (confirmed in a dialog; never on one's own row — that
 * is Leave, on the General page). A row's failure is shown at that row.
 */
export class MembersTab {
  readonly #list: Loader<Member[]>;
  readonly #busy: DelayedFlag;
  /** A change to one member (its id): a role change or a removal. */
  readonly #change: RowAction;
  /** The row the last failure belongs to. */
  #query = '';
  /** The member whose removal is being confirmed. */
  #removing: Member | null = null;
  #notice: string | null = null;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    this.#list = new Loader(host);
    this.#busy = new DelayedFlag(host);
    this.#change = new RowAction(host);
  }

  reset(): void {
    this.#list.reset();
    this.#change.reset();
    this.#query = '';
    this.#removing = null;
    this.#notice = null;
  }

  #load(context: OrgContext) {
    const id = context.organization.id;
    return (signal: AbortSignal) => context.client.organizations.listMembers(id, {signal});
  }

  render(context: OrgContext, labelledBy: string): TemplateResult {
    const {t, appearance} = context;
    this.#list.ensure(this.#load(context));
    const pending = notLoaded(context, this.#list, this.#busy, {loadingLabel: t('orgProfile.members.loading'), onRetry: () => void this.#list.run(this.#load(context))});
    if (pending) return pending;
    const value = this.#list.value!;
    const query = this.#query.trim().toLocaleLowerCase(context.language);
    const shown = query
      ? value.filter((member) => `${member.user.name}\n${member.user.email}`.toLocaleLowerCase(context.language).includes(query))
      : value;
    return html`${sectionAlert(this.#notice, context, 'success')}
      <input
        type="search"
        class="search"
        aria-label=${t('orgProfile.members.search')}
        placeholder=${t('orgProfile.members.search')}
        .value=${live(this.#query)}
        ${part('member-search', appearance)}
        @input=${(event: InputEvent) => {
          this.#query = (event.target as HTMLInputElement).value;
          this.host.requestUpdate();
        }}
      />
      ${shown.length
        ? rowList({id: 'members-list', labelledBy, rows: shown.map((member) => this.#row(context, member)), appearance})
        : html`<p class="section-note empty-list" role="status" ${part('empty', appearance)}>
            ${query ? t('orgProfile.members.noMatch', {query: this.#query.trim()}) : t('orgProfile.members.empty')}
          </p>`}
      ${this.#confirmDialog(context)}`;
  }

  /** Only owners change or remove an owner. */
  #mayManage(context: OrgContext, member: Member): boolean {
    return member.role !== 'owner' || context.membership.role === 'owner';
  }

  #row(context: OrgContext, member: Member): RowView {
    const {t, language, appearance, user} = context;
    const own = member.user.id === user.id;
    const name = member.user.name || member.user.email;
    const roleName = t(`organization.role.${member.role}`);
    const editable = context.can('member:update') && this.#mayManage(context, member);
    const removable = context.can('member:delete') && !own && this.#mayManage(context, member);
    const busy = this.#change.row === member.id;
    const failure = context.errorMessage(this.#change.errorOf(member.id));
    const joined = html`<time datetime=${member.joinedAt.toISOString()}>${t('orgProfile.members.joined', {date: shortDate(member.joinedAt, language)})}</time>`;
    return {
      key: member.id,
      title: name,
      leading: avatar(member.user, appearance),
      badge: own ? t('orgProfile.members.you') : null,
      details: [member.user.name ? member.user.email : null, editable ? null : roleName, joined, failure ? html`<span class="row-error" role="alert">${failure}</span>` : null],
      actions: (titleId) => html`${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${editable
        ? html`<select
            class="role-select"
            aria-label=${t('orgProfile.members.roleFor', {name})}
            aria-describedby=${titleId}
            aria-disabled=${this.#change.pending ? 'true' : 'false'}
            aria-busy=${busy ? 'true' : 'false'}
            ${part('member-role', appearance)}
            .value=${live(member.role)}
            @change=${(event: Event) => {
              const select = event.target as HTMLSelectElement;
              // One change at a time: a second select goes back until the first is done.
              if (this.#change.pending) select.value = member.role;
              else void this.#setRole(context, member, select.value as OrganizationRole);
            }}
          >
            ${rolesOfferedBy(context.membership.role).map((role) => html`<option value=${role} ?selected=${role === member.role}>${t(`organization.role.${role}`)}</option>`)}
          </select>`
        : nothing}
      ${removable
        ? sectionButton(t('orgProfile.members.remove'), () => this.#confirm(member), {context, busy: busy && this.#removing?.id === member.id, describedBy: titleId})
        : nothing}`,
    };
  }

  async #setRole(context: OrgContext, member: Member, role: OrganizationRole): Promise<void> {
    if (role === member.role) return;
    const {t, client, organization} = context;
    this.#notice = null;
    const done = await this.#change.run(member.id, () => client.organizations.updateMemberRole(organization.id, member.id, role));
    if (!done) return this.#failed(context, true);
    this.#notice = t('orgProfile.members.roleChanged', {name: member.user.name || member.user.email, role: t(`organization.role.${role}`)});
    announce(this.#notice, context.language);
    await this.#list.run(this.#load(context));
  }

  #failed(context: OrgContext, reload: boolean): void {
    const error = this.#change.error;
    if (!error) return;
    context.failed(error);
    // The select shows the role the API holds; a member gone elsewhere leaves the list.
    if (reload && (error.code === 'member_not_found' || error.code === 'forbidden')) void this.#list.run(this.#load(context));
    this.host.requestUpdate();
  }

  #confirm(member: Member): void {
    this.#change.reset();
    this.#removing = member;
    this.host.requestUpdate();
  }

  #confirmDialog(context: OrgContext): TemplateResult {
    const {t, appearance, ownAppearance, organization} = context;
    const member = this.#removing;
    const pending = this.#change.pending;
    const close = () => {
      if (pending) return;
      this.#removing = null;
      this.host.requestUpdate();
    };
    return html`<auth-dialog
      .open=${!!member}
      .appearance=${ownAppearance}
      label=${t('orgProfile.members.removeTitle')}
      @auth-dialog-request-close=${(event: Event) => pending && event.preventDefault()}
      @auth-dialog-closed=${close}
    >
      ${member
        ? html`<div class="confirm">
            <p class="confirm-text">${t('orgProfile.members.removeConfirm', {name: member.user.name || member.user.email, organization: organization.name})}</p>
            ${sectionAlert(context.errorMessage(this.#change.errorOf(member.id)), context)}
            <div class="actions confirm-actions">
              ${sectionButton(t('common.cancel'), close, {context, variant: 'text', name: 'confirm-cancel'})}
              <button type="button" class="button danger" ${part('confirm-button', appearance)} aria-disabled=${pending ? 'true' : 'false'} @click=${() => !pending && void this.#remove(context, member)}>
                ${pending ? html`<span class="spinner" aria-hidden="true"></span>${t('orgProfile.members.removing')}` : t('orgProfile.members.remove')}
              </button>
            </div>
          </div>`
        : nothing}
    </auth-dialog>`;
  }

  async #remove(context: OrgContext, member: Member): Promise<void> {
    const {t, client, organization} = context;
    this.#notice = null;
    const done = await this.#change.run(member.id, () => client.organizations.removeMember(organization.id, member.id));
    if (!done) return this.#failed(context, false);
    this.#removing = null;
    this.#notice = t('orgProfile.members.removed', {name: member.user.name || member.user.email});
    announce(this.#notice, context.language);
    await this.#list.run(this.#load(context));
    // The row that held focus went: the list takes it.
    void restoreFocusIfLost(() => this.host.shadowRoot?.querySelector<HTMLElement>('#members-list'), 50);
  }

  /** The list, read again (after invitations were sent, someone may have joined meanwhile). */
  reload(context: OrgContext): void {
    if (this.#list.status !== 'idle') void this.#list.run(this.#load(context));
  }
}
