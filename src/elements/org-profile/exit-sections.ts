import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {announce} from '../../internal/announcer.js';
import {task, type Task} from '../../internal/async-action.js';
import {textField} from '../../internal/fields.js';
import {editorActions, section, sectionButton} from '../user-profile/profile-page.js';
import {formError} from '../user-profile/security-section.js';
import {runChange, type OrgContext} from './org-page.js';

/**
 * Leaving the organization (anyone; the last owner is told to make someone else owner first)
 * and deleting it (with `organization:delete`, confirmed by typing its name — the button stays
 * disabled until it matches), each in an inline editor as the account's deletion is. Once done
 * the client's active organization is the personal account: the page says so through the
 * document's live region, and the element follows `after-leave-org-url`.
 */
export class ExitSections {
  readonly #leave: Task;
  readonly #delete: Task;
  /** The name as typed in the delete confirmation. */
  #typed = '';

  constructor(host: ReactiveControllerHost) {
    this.#leave = task(host);
    this.#delete = task(host);
  }

  reset(): void {
    this.#leave.reset();
    this.#delete.reset();
    this.#typed = '';
  }

  render(context: OrgContext): TemplateResult {
    const {t} = context;
    const open = (id: string) => () => {
      this.reset();
      context.edit(id);
    };
    const leave = html`<div class="row">
      <div class="row-main"><span class="row-detail" id="leave-hint">${t('orgProfile.leave.hint')}</span></div>
      ${sectionButton(t('orgProfile.leave.open'), open('leave'), {context, variant: 'danger', describedBy: 'leave-hint'})}
    </div>`;
    const remove = html`<div class="row">
      <div class="row-main"><span class="row-detail" id="delete-hint">${t('orgProfile.delete.hint')}</span></div>
      ${sectionButton(t('orgProfile.delete.open'), open('delete'), {context, variant: 'danger', describedBy: 'delete-hint'})}
    </div>`;
    return html`${section({id: 'leave', title: t('orgProfile.leave.title'), context, content: leave})}
    ${context.can('organization:delete') ? section({id: 'delete', title: t('orgProfile.delete.title'), context, content: remove}) : nothing}`;
  }

  editor(context: OrgContext, id: string): TemplateResult | typeof nothing {
    const {t, form, organization, appearance} = context;
    if (id === 'leave') {
      return html`<p class="ae-hint">${t('orgProfile.leave.warning', {name: organization.name})}</p>
        ${formError(context, this.#leave.error, [])}
        ${editorActions(context, {label: t('orgProfile.leave.submit'), busy: this.#leave.pending, busyLabel: t('orgProfile.leave.leaving'), danger: true})}`;
    }
    if (id !== 'delete' || !context.can('organization:delete')) return nothing;
    const warning = form.nodeId('delete-org-warning');
    return html`<p class="ae-hint" id=${warning}>${t('orgProfile.delete.warning')}</p>
      ${formError(context, this.#delete.error, [])}
      ${textField({
        id: form.nodeId('delete-org-confirmation'),
        name: 'confirmation',
        label: t('orgProfile.delete.confirmLabel', {name: organization.name}),
        autocomplete: 'off',
        describedBy: warning,
        onInput: (event) => {
          this.#typed = (event.target as HTMLInputElement).value;
          context.host.requestUpdate();
        },
        appearance,
      })}
      ${editorActions(context, {
        label: t('orgProfile.delete.submit'),
        busy: this.#delete.pending,
        busyLabel: t('orgProfile.delete.deleting'),
        danger: true,
        disabled: !this.#confirmed(context, this.#typed),
      })}`;
  }

  #confirmed(context: OrgContext, typed: string): boolean {
    return typed.trim() === context.organization.name.trim();
  }

  submit(context: OrgContext, id: string, data: FormData): void {
    const {client, organization, t} = context;
    if (id === 'leave') {
      void this.#exit(context, this.#leave, t('orgProfile.leave.done', {name: organization.name}), () => client.organizations.leaveOrganization(organization.id));
    } else if (id === 'delete' && this.#confirmed(context, String(data.get('confirmation') ?? ''))) {
      void this.#exit(context, this.#delete, t('orgProfile.delete.done', {name: organization.name}), () => client.organizations.deleteOrganization(organization.id));
    }
  }

  async #exit(context: OrgContext, action: Task, done: string, work: () => Promise<unknown>): Promise<void> {
    if (action.pending) return;
    // Read before the change: once it is done the element shows no organization.
    const {organization, language} = context;
    if (!(await runChange(context, action, work))) return;
    announce(done, language);
    context.left(organization);
  }
}
