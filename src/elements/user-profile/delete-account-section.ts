import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {SignInMethods} from '../../client/types.js';
import {announce} from '../../internal/announcer.js';
import {task, type Task} from '../../internal/async-action.js';
import {textField} from '../../internal/fields.js';
import type {Loader} from '../../internal/loader.js';
import {editorActions, section, sectionButton, type ProfileContext} from './profile-page.js';
import {confirmPasswordField, formError, type SecuritySection} from './security-section.js';

/**
 * Delete account: what it means, and a danger button opening the editor, inline as Clerk has
 * it. There the person types the confirmation word shown to them ("DELETE", in their language;
 * any case) — the delete button stays disabled until it matches — and their password when the
 * account has one. Once deleted the client is signed out, so the profile shows nothing: the
 * page says it through the document's live region, which stays.
 */
export class DeleteAccountSection implements SecuritySection {
  readonly id = 'delete-account';
  readonly #delete: Task;
  /** The confirmation as typed. */
  #typed = '';
  /** Submitted without the password. */
  #missing = false;
  #visible = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly methods: Loader<SignInMethods>,
  ) {
    this.#delete = task(host);
  }

  shown(context: ProfileContext): boolean {
    return context.client.capabilities.deleteAccount;
  }

  reset(): void {
    this.#delete.reset();
    this.#typed = '';
    this.#missing = false;
    this.#visible = false;
  }

  render(context: ProfileContext): TemplateResult {
    const {t} = context;
    const hintId = 'delete-account-hint';
    const content = html`<div class="row">
      <div class="row-main"><span class="row-detail" id=${hintId}>${t('profile.security.delete.hint')}</span></div>
      ${sectionButton(t('profile.security.delete.open'), () => this.#open(context), {context, variant: 'danger', describedBy: hintId})}
    </div>`;
    return section({id: this.id, title: t('profile.security.delete.title'), context, content});
  }

  #open(context: ProfileContext): void {
    this.reset();
    context.edit(this.id);
  }

  /** The word to type, in the page's language. */
  #word(context: ProfileContext): string {
    return context.t('profile.security.delete.confirmWord');
  }

  #confirmed(context: ProfileContext, typed: string): boolean {
    const lower = (text: string) => text.trim().toLocaleLowerCase(context.language);
    return lower(typed) === lower(this.#word(context));
  }

  /** Ask for the password unless the account is known to have none. */
  #hasPassword(): boolean {
    return this.methods.value?.password ?? true;
  }

  editor(context: ProfileContext): TemplateResult {
    const {t, form, appearance} = context;
    const warningId = form.nodeId('delete-warning');
    const has = this.#hasPassword();
    const error = this.#delete.error;
    return html`<p class="ae-hint" id=${warningId}>${t('profile.security.delete.warning')}</p>
      ${formError(context, error, has ? ['wrong_password'] : [])}
      ${textField({
        id: form.nodeId('delete-confirmation'),
        name: 'confirmation',
        label: t('profile.security.delete.confirmLabel', {word: this.#word(context)}),
        autocomplete: 'off',
        describedBy: warningId,
        onInput: (event) => {
          this.#typed = (event.target as HTMLInputElement).value;
          context.host.requestUpdate();
        },
        appearance,
      })}
      ${has
        ? confirmPasswordField(context, {
            id: form.nodeId('delete-password'),
            error,
            missing: this.#missing,
            visible: this.#visible,
            onToggle: () => {
              this.#visible = !this.#visible;
              context.host.requestUpdate();
            },
          })
        : nothing}
      ${editorActions(context, {
        label: t('profile.security.delete.submit'),
        busy: this.#delete.pending,
        busyLabel: t('profile.security.delete.deleting'),
        danger: true,
        disabled: !this.#confirmed(context, this.#typed),
      })}`;
  }

  submit(context: ProfileContext, data: FormData): void {
    if (this.#delete.pending || !this.#confirmed(context, String(data.get('confirmation') ?? ''))) return;
    const password = this.#hasPassword() ? String(data.get('password') ?? '') : undefined;
    this.#delete.reset();
    this.#missing = password === '';
    if (this.#missing) {
      context.host.requestUpdate();
      this.#focusPassword(context);
      return;
    }
    void this.#run(context, password);
  }

  async #run(context: ProfileContext, password: string | undefined): Promise<void> {
    const {client, t, language} = context;
    // The message is read before the profile goes (it renders nothing once signed out).
    const done = t('profile.security.delete.done');
    const deleted = await this.#delete.run(() => context.fresh.run(() => client.account.deleteAccount(password === undefined ? {} : {password})));
    if (deleted) announce(done, language);
    else if (this.#delete.error?.code === 'wrong_password') this.#focusPassword(context);
  }

  #focusPassword(context: ProfileContext): void {
    void context.host.updateComplete.then(() => context.form.form.querySelector<HTMLInputElement>('input[name="password"]:not([hidden])')?.focus());
  }
}
