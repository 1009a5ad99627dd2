import {css, html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import {part} from '../../appearance/part.js';
import {AuthError} from '../../client/errors.js';
import type {InviteResult, OrganizationRole} from '../../client/types.js';
import {announce} from '../../internal/announcer.js';
import {task, type Task} from '../../internal/async-action.js';
import {parseEmails, rolesOfferedBy} from '../../internal/invite-addresses.js';
import {lightEditorStyles} from '../../internal/light-editor-styles.js';
import {LightForm} from '../../internal/light-form.js';
import {editorActions} from '../user-profile/profile-page.js';
import {formError} from '../user-profile/security-section.js';
import {runChange, type OrgContext} from './org-page.js';

/** What the invite form adds to the light-DOM forms' styles: a textarea that grows downwards, the refused addresses as a list. */
const inviteFormStyles = css`
  @layer auth-base {
    form[data-auth-form] .ae-textarea {
      min-height: 5rem !important;
      resize: vertical !important;
    }
    form[data-auth-form] .ae-invite-failures {
      margin: 0.25em 0 0 !important;
      padding-inline-start: 1.25em !important;
    }
  }
`;

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
      styles: [lightEditorStyles, inviteFormStyles],
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
    const id = (name: string) => `${form.nodeId('invite')}-${name}`;
    const result = this.#result;
    const describedBy = [id('hint'), this.#missing ? id('error') : ''].filter(Boolean).join(' ');
    return html`<p class="ae-hint">${t('orgProfile.invite.intro', {organization: context.organization.name})}</p>
      ${formError(context, this.#send.error, [])}
      ${result?.invited.length
        ? html`<p class="ae-notice" role="status" ${part('notice', appearance)}>
            ${t('orgProfile.invite.sentTo', {emails: result.invited.map((invitation) => invitation.email).join(', ')})}
          </p>`
        : nothing}
      ${result?.failed.length
        ? html`<div class="ae-alert" data-tone="danger" role="alert" ${part('alert', appearance)}>
            ${t('orgProfile.invite.notSent')}
            <ul class="ae-invite-failures">
              ${result.failed.map((failure) => html`<li><bdi>${failure.email}</bdi>: ${context.errorMessage(new AuthError(failure.code, failure.code))}</li>`)}
            </ul>
          </div>`
        : nothing}
      <div class="ae-field" ${part('form-field', appearance)}>
        <label class="ae-label" for=${id('emails')} ${part('form-field-label', appearance)}>${t('orgProfile.invite.emailsLabel')}</label>
        <textarea
          class="ae-input ae-textarea"
          id=${id('emails')}
          name="emails"
          rows="3"
          autocomplete="off"
          autofocus
          aria-invalid=${this.#missing ? 'true' : 'false'}
          aria-describedby=${describedBy}
          .value=${live(this.#text)}
          ${part('form-field-input', appearance)}
          @input=${(event: InputEvent) => {
            this.#text = (event.target as HTMLTextAreaElement).value;
          }}
        ></textarea>
        <p class="ae-hint" id=${id('hint')}>${t('orgProfile.invite.emailsHint')}</p>
        ${this.#missing ? html`<p class="ae-field-error" id=${id('error')} role="alert" ${part('form-field-error', appearance)}>${t('orgProfile.invite.emailsRequired')}</p>` : nothing}
      </div>
      <div class="ae-field" ${part('form-field', appearance)}>
        <label class="ae-label" for=${id('role')} ${part('form-field-label', appearance)}>${t('orgProfile.invite.roleLabel')}</label>
        <select
          class="ae-input ae-select"
          id=${id('role')}
          name="role"
          ${part('form-field-input', appearance)}
          @change=${(event: Event) => (this.#role = (event.target as HTMLSelectElement).value as OrganizationRole)}
        >
          ${rolesOfferedBy(context.membership.role).map((role) => html`<option value=${role} ?selected=${role === this.#role}>${t(`organization.role.${role}`)}</option>`)}
        </select>
      </div>
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
