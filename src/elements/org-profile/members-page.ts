import {html, nothing, svg, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {part} from '../../appearance/part.js';
import {tabList, tabPanel} from '../../internal/tabs.js';
import {sectionAlert} from '../user-profile/profile-page.js';
import {InvitationsTab} from './invitations-tab.js';
import {InviteDialog} from './invite-dialog.js';
import {MembersTab} from './members-tab.js';
import type {OrgContext, OrgPage} from './org-page.js';

const peopleIcon = svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><circle cx="9" cy="8" r="3.5"/><path d="M2.5 20a6.5 6.5 0 0 1 13 0"/><path d="M16 4.5a3.5 3.5 0 0 1 0 7M18 14a6.5 6.5 0 0 1 3.5 6"/></svg>`;

type Tab = 'members' | 'invitations';

/**
 * The Members page: tabs for the members and (with `invitation:create`) the pending
 * invitations, and the "Invite" button opening the invite dialog; after invitations are sent
 * the Invitations tab shows them.
 */
export class MembersPage implements OrgPage {
  readonly path = 'members';
  readonly icon = peopleIcon;

  readonly #members: MembersTab;
  readonly #invitations: InvitationsTab;
  readonly #invite: InviteDialog;
  #tab: Tab = 'members';
  #notice: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    formOwner: string,
  ) {
    this.#members = new MembersTab(host);
    this.#invitations = new InvitationsTab(host);
    this.#invite = new InviteDialog(host, formOwner, (context, result) => {
      this.#invitations.reload(context);
      if (!result.failed.length) this.#notice = context.t('orgProfile.invite.sentTo', {emails: result.invited.map((invitation) => invitation.email).join(', ')});
      this.host.requestUpdate();
    });
  }

  title(context: OrgContext): string {
    return context.t('orgProfile.members.title');
  }

  subtitle(context: OrgContext): string {
    return context.t('orgProfile.members.subtitle');
  }

  reset(): void {
    this.#tab = 'members';
    this.#notice = null;
    this.#members.reset();
    this.#invitations.reset();
    this.#invite.reset();
  }

  render(context: OrgContext): TemplateResult {
    const {t, appearance} = context;
    const inviting = context.can('invitation:create');
    const tabs = [{key: 'members', label: t('orgProfile.members.tab')}, ...(inviting ? [{key: 'invitations', label: t('orgProfile.invitations.tab')}] : [])];
    // Someone who may no longer invite (demoted elsewhere) is back on the members.
    const selected: Tab = inviting ? this.#tab : 'members';
    const view = {
      id: 'members-tabs',
      label: t('orgProfile.members.tabs'),
      tabs,
      selected,
      onSelect: (key: string) => {
        this.#tab = key as Tab;
        this.#notice = null;
        this.host.requestUpdate();
      },
      appearance,
    };
    const labelledBy = `members-tabs-tab-${selected}`;
    return html`<div class="members-page">
      <div class="members-bar">
        ${tabList(view)}
        ${inviting
          ? html`<button type="button" class="button primary invite-button" ${part('invite-button', appearance)} @click=${() => this.#openInvite()}>
              ${t('orgProfile.invite.open')}
            </button>`
          : nothing}
      </div>
      ${sectionAlert(this.#notice, context, 'success')}
      ${tabPanel(view, selected === 'members' ? this.#members.render(context, labelledBy) : this.#invitations.render(context, labelledBy))}
      ${inviting ? this.#invite.render(context) : nothing}
    </div>`;
  }

  #openInvite(): void {
    this.#notice = null;
    this.#invite.open();
  }

  editor(): typeof nothing {
    return nothing;
  }

  submit(): void {}
}
