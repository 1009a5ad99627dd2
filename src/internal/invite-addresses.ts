/**
 * What every form that invites people shares (`<auth-create-org>`'s invite step, the
 * organization profile's Invite dialog): the addresses in what was typed, the roles the
 * inviting person may hand out, and the fields themselves.
 */
import {css, html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import {part, type PartAppearance} from '../appearance/part.js';
import {ORGANIZATION_ROLES} from '../client/adapters/adapter.js';
import {AuthError} from '../client/errors.js';
import type {InviteResult, OrganizationRole} from '../client/types.js';
import {isValidEmail} from '../client/validation.js';

/** The addresses in what was typed: split at commas, semicolons, spaces and new lines, each once. */
export function parseEmails(text: string): {valid: string[]; invalid: string[]} {
  const seen = new Set<string>();
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const address of text.split(/[\s,;]+/u).filter(Boolean)) {
    const key = address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    (isValidEmail(address) ? valid : invalid).push(address);
  }
  return {valid, invalid};
}

/** The roles a person of `role` may hand out: an owner any, anyone else all but owner. */
export function rolesOfferedBy(role: OrganizationRole): OrganizationRole[] {
  return ORGANIZATION_ROLES.filter((each) => each !== 'owner' || role === 'owner');
}

/** What the invite fields show and where what is typed goes. */
export interface InviteFieldsView {
  appearance: PartAppearance;
  /** An id for one of the fields' nodes (`emails`, `emails-hint`, `emails-error`, `role`), unique in the page. */
  id(name: string): string;
  errorMessage(error: AuthError | null | undefined): string | null;
  /** The texts, in the host's namespace (the field labels and hint; what was sent and what was refused). */
  labels: {emails: string; hint: string; role: string; sent: (emails: string) => string; notSent: string; roleName: (role: OrganizationRole) => string};
  text: string;
  onText(text: string): void;
  role: OrganizationRole;
  /** The roles the inviting person may hand out (rolesOfferedBy). */
  roles: readonly OrganizationRole[];
  onRole(role: OrganizationRole): void;
  /** What is wrong with the addresses field (none typed, not addresses), or null. */
  problem: string | null;
  /** The addresses invited so far, confirmed above the fields. */
  invited: readonly string[];
  /** The addresses refused, each with why, listed above the fields. */
  failed: InviteResult['failed'];
  /** Focus the addresses field when it appears (in a dialog). */
  autofocus?: boolean;
}

/**
 * The fields every invitation form has, in its light-DOM form: who was invited and who was
 * refused and why, the addresses (several at once) with their hint and problem, and the role.
 */
export function inviteFields(view: InviteFieldsView): TemplateResult {
  const {appearance, id, labels} = view;
  const describedBy = [id('emails-hint'), view.problem ? id('emails-error') : ''].filter(Boolean).join(' ');
  return html`${view.invited.length ? html`<p class="ae-notice" role="status" ${part('notice', appearance)}>${labels.sent(view.invited.join(', '))}</p>` : nothing}
    ${view.failed.length
      ? html`<div class="ae-alert" data-tone="danger" role="alert" ${part('alert', appearance)}>
          <p class="ae-invite-failed-title">${labels.notSent}</p>
          <ul class="ae-invite-failed" ${part('invite-failures', appearance)}>
            ${view.failed.map(({email, code}) => html`<li><bdi>${email}</bdi>: ${view.errorMessage(new AuthError(code, code))}</li>`)}
          </ul>
        </div>`
      : nothing}
    <div class="ae-field" ${part('form-field', appearance)}>
      <label class="ae-label" for=${id('emails')} ${part('form-field-label', appearance)}>${labels.emails}</label>
      <textarea
        class="ae-input ae-textarea"
        id=${id('emails')}
        name="emails"
        rows="3"
        autocomplete="off"
        spellcheck="false"
        ?autofocus=${!!view.autofocus}
        aria-invalid=${view.problem ? 'true' : 'false'}
        aria-describedby=${describedBy}
        .value=${live(view.text)}
        ${part('form-field-input', appearance)}
        @input=${(event: Event) => view.onText((event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p class="ae-hint" id=${id('emails-hint')}>${labels.hint}</p>
      ${view.problem ? html`<p class="ae-field-error" id=${id('emails-error')} role="alert" ${part('form-field-error', appearance)}>${view.problem}</p>` : nothing}
    </div>
    <div class="ae-field" ${part('form-field', appearance)}>
      <label class="ae-label" for=${id('role')} ${part('form-field-label', appearance)}>${labels.role}</label>
      <select
        class="ae-input ae-select"
        id=${id('role')}
        name="role"
        ${part('form-field-input', appearance)}
        @change=${(event: Event) => view.onRole((event.target as HTMLSelectElement).value as OrganizationRole)}
      >
        ${view.roles.map((role) => html`<option value=${role} ?selected=${role === view.role}>${labels.roleName(role)}</option>`)}
      </select>
    </div>`;
}

/** What the invite fields add to the light-DOM form styles (light-styles.ts, same self-defence). */
export const inviteFieldStyles = css`
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
