import {css, html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../../appearance/part.js';
import type {AuthClient} from '../../client/auth-client.js';
import type {AuthError} from '../../client/errors.js';
import type {Invitation, InviteResult, Membership, OrganizationRole} from '../../client/types.js';
import type {TranslateOptions} from '../../i18n/translate.js';
import {announce} from '../../internal/announcer.js';
import {task} from '../../internal/async-action.js';
import {alert, linkButton, notice, primaryButton} from '../../internal/fields.js';
import {parseEmails, rolesOfferedBy} from '../../internal/invite-addresses.js';

// Shared with the organization profile's Invite dialog (its test imports them from here).
export {parseEmails, rolesOfferedBy};

export interface InviteContext {
  client: AuthClient;
  membership: Membership;
  appearance: PartAppearance;
  language: string;
  t(key: string, options?: TranslateOptions): string;
  errorMessage(error: AuthError | null | undefined): string | null;
  nodeId(name: string): string;
  form: HTMLFormElement;
  /** The step is over (invitations sent, or skipped). */
  done(invited: readonly Invitation[]): void;
}

const k = (key: string) => `createOrg.invite.${key}`;

/**
 * "Invite members": several addresses at once and a role. Addresses that are not addresses are
 * named before anything is sent; of those sent, the invited ones are confirmed and the refused
 * ones stay in the field, each with why (`already_member`…), to fix or leave. Skip is always there.
 */
export class InviteStep {
  readonly sending;
  #typed = '';
  #role: OrganizationRole = 'member';
  #problem: string | null = null;
  #invited: Invitation[] = [];
  #failed: InviteResult['failed'] = [];

  constructor(private readonly host: ReactiveControllerHost) {
    this.sending = task(host);
  }

  reset(): void {
    this.#typed = '';
    this.#role = 'member';
    this.#problem = null;
    this.#invited = [];
    this.#failed = [];
    this.sending.reset();
  }

  render(context: InviteContext): TemplateResult {
    const {t, appearance, nodeId} = context;
    const ids = {emails: nodeId('emails'), hint: nodeId('emails-hint'), error: nodeId('emails-error'), role: nodeId('role')};
    const roles = rolesOfferedBy(context.membership.role);
    const tone = this.sending.error?.code === 'rate_limited' ? 'warning' : 'danger';
    const invitedEmails = this.#invited.map((invitation) => invitation.email);
    return html`${alert(context.errorMessage(this.sending.error), appearance, tone)}
      ${notice(invitedEmails.length ? t(k('sent'), {emails: invitedEmails.join(', ')}) : null, appearance)}
      ${this.#failed.length
        ? html`<div class="ae-alert" role="alert" ${part('alert', appearance)}>
            <p class="ae-invite-failed-title">${t(k('failed'))}</p>
            <ul class="ae-invite-failed" ${part('invite-failures', appearance)}>
              ${this.#failed.map(({email, code}) => html`<li><bdi>${email}</bdi>: ${context.errorMessage({code} as AuthError)}</li>`)}
            </ul>
          </div>`
        : nothing}
      <div class="ae-field" ${part('form-field', appearance)}>
        <label class="ae-label" for=${ids.emails} ${part('form-field-label', appearance)}>${t(k('emailsLabel'))}</label>
        <textarea
          class="ae-input ae-textarea"
          id=${ids.emails}
          name="emails"
          rows="3"
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${this.#problem ? 'true' : 'false'}
          aria-describedby=${[ids.hint, this.#problem ? ids.error : ''].filter(Boolean).join(' ')}
          ${part('form-field-input', appearance)}
          .value=${this.#typed}
          @input=${(event: Event) => (this.#typed = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p class="ae-hint" id=${ids.hint}>${t(k('emailsHint'))}</p>
        ${this.#problem
          ? html`<p class="ae-field-error" id=${ids.error} role="alert" ${part('form-field-error', appearance)}>${this.#problem}</p>`
          : nothing}
      </div>
      <div class="ae-field" ${part('form-field', appearance)}>
        <label class="ae-label" for=${ids.role} ${part('form-field-label', appearance)}>${t(k('roleLabel'))}</label>
        <select
          class="ae-input ae-select"
          id=${ids.role}
          name="role"
          ${part('form-field-input', appearance)}
          @change=${(event: Event) => (this.#role = (event.target as HTMLSelectElement).value as OrganizationRole)}
        >
          ${roles.map((role) => html`<option value=${role} ?selected=${role === this.#role}>${t(`organization.role.${role}`)}</option>`)}
        </select>
      </div>
      ${primaryButton(t(k('send')), this.sending.pending, t(k('sending')), appearance)}
      <div class="ae-actions">
        ${linkButton(t(invitedEmails.length ? 'common.continue' : k('skip')), () => !this.sending.pending && context.done(this.#invited), 'skip-button', appearance)}
      </div>`;
  }

  /** Checks the addresses, sends the invitations, then confirms and lists what was refused. */
  async submit(context: InviteContext): Promise<void> {
    const {t} = context;
    const {valid, invalid} = parseEmails(this.#typed);
    this.#problem = invalid.length
      ? t(k('invalidEmails'), {emails: invalid.join(', ')})
      : valid.length
        ? null
        : t(k('emailsRequired'));
    if (this.#problem) {
      this.host.requestUpdate();
      this.#focusEmails(context);
      return;
    }
    let result: InviteResult | undefined;
    const sent = await this.sending.run(async () => {
      result = await context.client.organizations.inviteMembers(context.membership.organization.id, {emails: valid, role: this.#role});
    });
    if (!sent || !result) return;
    this.#invited = [...this.#invited, ...result.invited];
    this.#failed = result.failed;
    // What was refused stays in the field, to correct or to leave.
    this.#typed = result.failed.map((failure) => failure.email).join('\n');
    this.host.requestUpdate();
    if (result.invited.length) announce(t(k('sent'), {emails: result.invited.map((each) => each.email).join(', ')}), context.language);
    if (!result.failed.length) context.done(this.#invited);
    else this.#focusEmails(context);
  }

  #focusEmails(context: InviteContext): void {
    void (this.host as unknown as {updateComplete: Promise<unknown>}).updateComplete.then(() =>
      context.form.querySelector<HTMLTextAreaElement>('textarea[name="emails"]')?.focus(),
    );
  }
}

/** What the invite step adds to the light-DOM form styles (light-styles.ts, same self-defence). */
export const inviteStepStyles = css`
  @layer auth-base {
  form[data-auth-form] .ae-input.ae-textarea {
    min-height: 5rem !important;
    resize: vertical !important;
  }
  form[data-auth-form] .ae-input.ae-select {
    appearance: auto !important;
  }
  form[data-auth-form] .ae-invite-failed-title {
    display: block !important;
    margin: 0 !important;
    font-weight: var(--_font-weight) !important;
  }
  form[data-auth-form] .ae-invite-failed {
    display: grid !important;
    gap: 0.25em !important;
    margin: 0.375em 0 0 !important;
    padding-inline-start: 1.25em !important;
    list-style: disc !important;
  }
  }
`;
