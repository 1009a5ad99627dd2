import {html, nothing, svg, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {part} from '../../appearance/part.js';
import type {Invitation} from '../../client/types.js';
import {announce} from '../../internal/announcer.js';
import {RowAction} from '../../internal/async-action.js';
import {restoreFocusIfLost} from '../../internal/focus.js';
import {Loader} from '../../internal/loader.js';
import {rowList, type RowView} from '../../internal/row-list.js';
import {DelayedFlag} from '../../internal/status-views.js';
import {notLoaded, sectionAlert, sectionButton} from '../user-profile/profile-page.js';
import {shortDate} from './members-tab.js';
import type {OrgContext} from './org-page.js';

const mailIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/></svg>`;

/**
 * The Invitations tab (for those with `invitation:create`): the pending invitations with the
 * role each gives and when it expires; Resend, and Revoke with `invitation:cancel`. A row's
 * failure is shown at that row.
 */
export class InvitationsTab {
  readonly #list: Loader<Invitation[]>;
  readonly #busy: DelayedFlag;
  readonly #change: RowAction;
  #notice: string | null = null;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    this.#list = new Loader(host);
    this.#busy = new DelayedFlag(host);
    this.#change = new RowAction(host);
  }

  reset(): void {
    this.#list.reset();
    this.#change.reset();
    this.#notice = null;
  }

  #load(context: OrgContext) {
    const id = context.organization.id;
    return async (signal: AbortSignal) => {
      const all = await context.client.organizations.listInvitations(id, {signal});
      const now = Date.now();
      return all.filter((invitation) => invitation.status === 'pending' && invitation.expiresAt.getTime() > now);
    };
  }

  /** Reads the list again (invitations were just sent). */
  reload(context: OrgContext): void {
    if (this.#list.status !== 'idle') void this.#list.run(this.#load(context));
  }

  render(context: OrgContext, labelledBy: string): TemplateResult {
    const {t, appearance} = context;
    this.#list.ensure(this.#load(context));
    const pending = notLoaded(context, this.#list, this.#busy, {loadingLabel: t('orgProfile.invitations.loading'), onRetry: () => void this.#list.run(this.#load(context))});
    if (pending) return pending;
    const value = this.#list.value!;
    return html`${sectionAlert(this.#notice, context, 'success')}
    ${value.length
      ? rowList({id: 'invitations-list', labelledBy, rows: value.map((invitation) => this.#row(context, invitation)), appearance})
      : html`<p class="section-note empty-list" ${part('empty', appearance)}>${t('orgProfile.invitations.empty')}</p>`}`;
  }

  #row(context: OrgContext, invitation: Invitation): RowView {
    const {t, language} = context;
    const busy = this.#change.row === invitation.id;
    const failure = context.errorMessage(this.#change.errorOf(invitation.id));
    return {
      key: invitation.id,
      title: invitation.email,
      leading: mailIcon,
      badge: t(`organization.role.${invitation.role}`),
      details: [
        html`<time datetime=${invitation.expiresAt.toISOString()}>${t('orgProfile.invitations.expires', {date: shortDate(invitation.expiresAt, language)})}</time>`,
        failure ? html`<span class="row-error" role="alert">${failure}</span>` : null,
      ],
      actions: (titleId) => html`${sectionButton(t('orgProfile.invitations.resend'), () => void this.#resend(context, invitation), {context, busy, describedBy: titleId})}
      ${context.can('invitation:cancel')
        ? sectionButton(t('orgProfile.invitations.revoke'), () => void this.#revoke(context, invitation), {context, busy, describedBy: titleId})
        : nothing}`,
    };
  }

  async #run(context: OrgContext, invitation: Invitation, work: () => Promise<unknown>): Promise<boolean> {
    this.#notice = null;
    if (await this.#change.run(invitation.id, work)) return true;
    const error = this.#change.error;
    if (error) {
      context.failed(error);
      this.host.requestUpdate();
    }
    return false;
  }

  async #resend(context: OrgContext, invitation: Invitation): Promise<void> {
    if (!(await this.#run(context, invitation, () => context.client.organizations.resendInvitation(invitation.id)))) return;
    this.#say(context, context.t('orgProfile.invitations.resent', {email: invitation.email}));
    await this.#list.run(this.#load(context));
  }

  async #revoke(context: OrgContext, invitation: Invitation): Promise<void> {
    if (!(await this.#run(context, invitation, () => context.client.organizations.revokeInvitation(invitation.id)))) return;
    this.#say(context, context.t('orgProfile.invitations.revoked', {email: invitation.email}));
    await this.#list.run(this.#load(context));
    void restoreFocusIfLost(() => this.host.shadowRoot?.querySelector<HTMLElement>('#invitations-list, .tab-panel'));
  }

  #say(context: OrgContext, message: string): void {
    this.#notice = message;
    announce(message, context.language);
  }
}
