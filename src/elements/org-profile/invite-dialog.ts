import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {InviteResult, OrganizationRole} from '../../client/types.js';
import {announce} from '../../internal/announcer.js';
import {task, type Task} from '../../internal/async-action.js';
import {inviteFields, inviteFieldStyles, parseEmails, rolesOfferedBy} from '../../internal/invite-addresses.js';
import {lightEditorStyles} from '../../internal/light-editor-styles.js';
import {LightForm} from '../../internal/light-form.js';
import {editorActions} from '../user-profile/profile-page.js';
import {formError} from '../user-profile/security-section.js';
import {runChange, type OrgContext} from './org-page.js';

/** What the invite form adds to the light-DOM forms' styles: a textarea that grows downwards, the refused addresses as a list. */

/**
 * The "Invite" dialog: several addresses at once and a role (owner only offered to owners),
 * sent with `inviteMembers`. Addresses the API refused (`InviteResult.failed`: already a
 * member, not an address) are named with the reason and stay in the field to fix, while the
 * invited ones are confirmed; when every address was invited the dialog closes and the page
 * says so. Its fields are a light-DOM form (slot `invite`), slotted into the kit's dialog.
 */
export class InviteDialog {
  readonly #form: LightForm;
  readonly #send: Task;
  #open = false;
  #text = '';
  #role: OrganizationRole = 'member';
  #missing = false;
  #result: InviteResult | null = null;
  /** The last context rendered with (the form renders after the host). */
  #context: OrgContext | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    owner: string,
    private readonly onInvited: (context: OrgContext, result: InviteResult) => void,
  ) {
    this.#send = task(host);
    this.#form = new LightForm(host, {
      owner,
      slot: 'invite',
      styles: [lightEditorStyles, inviteFieldStyles],
      busy: () => this.#send.pending,
      content: () => (this.#open && this.#context ? this.#fields(this.#context) : nothing),
      onSubmit: (data) => this.#context && void this.#submit(this.#context, data),
    });
  }

  get selector(): string {
    return this.#form.selector;
  }

  open(): void {
    this.reset();
    this.#open = true;
    this.host.requestUpdate();
  }

  reset(): void {
    this.#open = false;
    this.#text = '';
    this.#role = 'member';
    this.#missing = false;
    this.#result = null;
    this.#send.reset();
  }

  render(context: OrgContext): TemplateResult {
    this.#context = context;
    const close = () => {
      this.#open = false;
      this.host.requestUpdate();
    };
    return html`<auth-dialog
      class="invite-dialog"
      .open=${this.#open}
      .appearance=${context.ownAppearance}
      label=${context.t('orgProfile.invite.title')}
      @auth-dialog-request-close=${(event: Event) => this.#send.pending && event.preventDefault()}
      @auth-dialog-closed=${close}
    >
      ${this.#open ? html`<slot name="invite"></slot>` : nothing}
    </auth-dialog>`;
  }

  #fields(context: OrgContext): TemplateResult {
    const {t, form, appearance} = context;
    const k = (key: string) => `orgProfile.invite.${key}`;
    return html`<p class="ae-hint">${t(k('intro'), {organization: context.organization.name})}</p>
      ${formError(context, this.#send.error, [])}
      ${inviteFields({
        appearance,
        id: (name) => `${form.nodeId('invite')}-${name}`,
        errorMessage: context.errorMessage,
        labels: {
          emails: t(k('emailsLabel')),
          hint: t(k('emailsHint')),
          role: t(k('roleLabel')),
          sent: (emails) => t(k('sentTo'), {emails}),
          notSent: t(k('notSent')),
          roleName: (role) => t(`organization.role.${role}`),
        },
        text: this.#text,
        onText: (text) => (this.#text = text),
        role: this.#role,
        roles: rolesOfferedBy(context.membership.role),
        onRole: (role) => (this.#role = role),
        problem: this.#missing ? t(k('emailsRequired')) : null,
        invited: this.#result?.invited.map((invitation) => invitation.email) ?? [],
        failed: this.#result?.failed ?? [],
        autofocus: true,
      })}
      ${this.#actions(context)}`;
  }

  #actions(context: OrgContext): TemplateResult {
    // The editor actions' Cancel closes an inline editor; here it closes the dialog.
    return html`${editorActions({...context, edit: () => this.#close()}, {label: context.t('orgProfile.invite.submit'), busy: this.#send.pending, busyLabel: context.t('orgProfile.invite.sending')})}`;
  }

  #close(): void {
    if (this.#send.pending) return;
    this.#open = false;
    this.host.requestUpdate();
  }

  async #submit(context: OrgContext, data: FormData): Promise<void> {
    const {valid: emails, invalid} = parseEmails(String(data.get('emails') ?? ''));
    const role = String(data.get('role') ?? 'member') as OrganizationRole;
    this.#text = String(data.get('emails') ?? '');
    this.#role = role;
    this.#missing = !emails.length && !invalid.length;
    this.#result = null;
    // What is no address is named before anything is sent (as the API would: invalid_email).
    const refused = invalid.map((email) => ({email, code: 'invalid_email' as const}));
    if (!emails.length && refused.length) {
      this.#result = {invited: [], failed: refused};
      this.host.requestUpdate();
      return;
    }
    if (this.#missing) {
      this.host.requestUpdate();
      void this.host.updateComplete.then(() => this.#form.form.querySelector('textarea')?.focus());
      return;
    }
    let result: InviteResult | null = null;
    const sent = await runChange(context, this.#send, async () => {
      result = await context.client.organizations.inviteMembers(context.organization.id, {emails, role});
    });
    if (!sent || !result) return;
    const answer: InviteResult = {invited: (result as InviteResult).invited, failed: [...refused, ...(result as InviteResult).failed]};
    this.onInvited(context, answer);
    if (!answer.failed.length) {
      announce(context.t('orgProfile.invite.sentTo', {emails: answer.invited.map((invitation) => invitation.email).join(', ')}), context.language);
      this.#close();
      return;
    }
    // What was refused stays to be fixed; what was invited is confirmed above it.
    this.#result = answer;
    this.#text = answer.failed.map((failure) => failure.email).join('\n');
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.#form.form.querySelector('textarea')?.focus());
  }
}
