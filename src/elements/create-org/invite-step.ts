import {html, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {PartAppearance} from '../../appearance/part.js';
import type {AuthClient} from '../../client/auth-client.js';
import type {AuthError} from '../../client/errors.js';
import type {Invitation, InviteResult, Membership, OrganizationRole} from '../../client/types.js';
import type {TranslateOptions} from '../../i18n/translate.js';
import {announce} from '../../internal/announcer.js';
import {task} from '../../internal/async-action.js';
import {alert, linkButton, primaryButton} from '../../internal/fields.js';
import {inviteFields, parseEmails, rolesOfferedBy} from '../../internal/invite-addresses.js';

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
    const tone = this.sending.error?.code === 'rate_limited' ? 'warning' : 'danger';
    const invitedEmails = this.#invited.map((invitation) => invitation.email);
    return html`${alert(context.errorMessage(this.sending.error), appearance, tone)}
      ${inviteFields({
        appearance,
        id: (name) => nodeId(name),
        errorMessage: context.errorMessage,
        labels: {
          emails: t(k('emailsLabel')),
          hint: t(k('emailsHint')),
          role: t(k('roleLabel')),
          sent: (emails) => t(k('sent'), {emails}),
          notSent: t(k('failed')),
          roleName: (role) => t(`organization.role.${role}`),
        },
        text: this.#typed,
        onText: (text) => (this.#typed = text),
        role: this.#role,
        roles: rolesOfferedBy(context.membership.role),
        onRole: (role) => (this.#role = role),
        problem: this.#problem,
        invited: invitedEmails,
        failed: this.#failed,
      })}
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
