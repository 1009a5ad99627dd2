import {html, nothing, svg, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {isValidEmail} from '../../client/validation.js';
import {task, type Task} from '../../internal/async-action.js';
import {announce} from '../../internal/announcer.js';
import {avatar} from '../../internal/avatar.js';
import {alert, codeField, textField} from '../../internal/fields.js';
import {ConnectedAccountsSection} from './connected-accounts.js';
import {ProfileImage} from './profile-image.js';
import {editorActions, section, sectionAlert, sectionButton, type BuiltInPage, type ProfileContext} from './profile-page.js';
import {userLabel} from '../../internal/user-label.js';

const userIcon = svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75" aria-hidden="true" focusable="false"><circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/></svg>`;

/** Where the email editor is: asking for the new address, or for the code sent to it. */
type EmailStep = {step: 'address'} | {step: 'code'; email: string; resent: boolean};

/**
 * The Account page: the profile (picture and name), the email address (changed with a code
 * sent to the new address) and the connected accounts (connected-accounts.ts).
 */
export class AccountPage implements BuiltInPage {
  readonly path = 'account';
  readonly icon = userIcon;

  readonly #image: ProfileImage;
  readonly #connected: ConnectedAccountsSection;
  /** The change under way (a save, a code sent): one at a time, its error kept. */
  readonly #change: Task;
  /** Client-side problems with what was typed, by field. */
  #problem: {field: string; message: string} | null = null;
  #email: EmailStep = {step: 'address'};
  #notice: string | null = null;

  title(context: ProfileContext): string {
    return context.t('profile.account.title');
  }

  subtitle(context: ProfileContext): string {
    return context.t('profile.account.subtitle');
  }

  constructor(host: ReactiveControllerHost & Element) {
    this.#change = task(host);
    this.#image = new ProfileImage(host);
    this.#connected = new ConnectedAccountsSection(host);
  }

  get #pending(): boolean {
    return this.#change.pending;
  }

  get #error() {
    return this.#change.error;
  }

  reset(): void {
    this.#change.reset();
    this.#problem = null;
    this.#email = {step: 'address'};
    this.#notice = null;
    this.#image.reset();
    this.#connected.reset();
  }

  render(context: ProfileContext): TemplateResult {
    const {t, user} = context;
    const open = (id: string) => () => {
      this.#change.reset();
      this.#problem = null;
      this.#notice = null;
      this.#email = {step: 'address'};
      context.edit(id);
    };
    const profile = html`<div class="row">
        ${avatar(user, context.appearance)}
        <div class="row-main">
          <span class="row-title">${userLabel(user)}</span>
        </div>
        ${sectionButton(t('profile.account.updateProfile'), open('profile'), {context})}
      </div>
      ${this.#image.render(context)}`;
    const verified = user.emailVerified ? t('profile.account.verified') : t('profile.account.unverified');
    const email = html`<div class="row">
      <div class="row-main">
        <span class="row-title">${user.email} <span class="badge">${verified}</span></span>
      </div>
      ${context.client.capabilities.changeEmail ? sectionButton(t('profile.account.changeEmail'), open('email'), {context}) : nothing}
    </div>`;
    // An account made by phone alone has its number where the email would be.
    const phone = html`<div class="row">
      <div class="row-main"><span class="row-title"><bdi>${user.phoneNumber}</bdi> <span class="badge">${t('profile.account.verified')}</span></span></div>
    </div>`;
    return html`${sectionAlert(this.#notice, context, 'success')}
      ${section({id: 'profile', title: t('profile.account.profile'), context, content: profile})}
      ${user.email || !user.phoneNumber
        ? section({id: 'email', title: t('profile.account.email'), context, content: email})
        : section({id: 'phone', title: t('phone.phoneLabel'), context, content: phone})}
      ${this.#connected.shown(context) ? this.#connected.render(context) : nothing}`;
  }

  editor(context: ProfileContext, id: string): TemplateResult | typeof nothing {
    if (id === 'profile') return this.#nameEditor(context);
    if (id === 'email') return this.#emailEditor(context);
    return nothing;
  }

  submit(context: ProfileContext, id: string, data: FormData): void {
    if (this.#pending) return;
    if (id === 'profile') void this.#saveName(context, String(data.get('name') ?? '').trim());
    if (id === 'email') void this.#submitEmail(context, data);
  }

  /** An error for `field`: a client-side problem, or the API's error when it is about that field. */
  #fieldError(context: ProfileContext, field: string, codes: readonly string[]): string | undefined {
    if (this.#problem?.field === field) return this.#problem.message;
    return this.#error && codes.includes(this.#error.code) ? (context.errorMessage(this.#error) ?? undefined) : undefined;
  }

  /** The error above the form: any the fields do not show. */
  #formError(context: ProfileContext, fieldCodes: readonly string[]) {
    const shown = this.#error && !fieldCodes.includes(this.#error.code) ? context.errorMessage(this.#error) : null;
    return alert(shown, context.appearance, this.#error?.code === 'rate_limited' ? 'warning' : 'danger');
  }

  #nameEditor(context: ProfileContext): TemplateResult {
    const {t, user, form} = context;
    return html`${this.#formError(context, [])}
      ${textField({
        id: form.nodeId('name'),
        name: 'name',
        label: t('common.nameLabel'),
        autocomplete: 'name',
        value: user.name,
        error: this.#fieldError(context, 'name', []),
        appearance: context.appearance,
      })}
      ${editorActions(context, {label: t('common.save'), busy: this.#pending, busyLabel: t('busy.saving')})}`;
  }

  async #saveName(context: ProfileContext, name: string): Promise<void> {
    if (!name) {
      this.#problem = {field: 'name', message: context.t('profile.account.nameRequired')};
      context.host.requestUpdate();
      return;
    }
    if (await this.#run(() => context.client.account.updateProfile({name}))) this.#done(context, 'profile.account.nameSaved');
  }

  #emailEditor(context: ProfileContext): TemplateResult {
    const {t, form, client} = context;
    if (this.#email.step === 'address') {
      return html`<p class="ae-hint">${t('profile.account.newEmailHint')}</p>
        ${this.#formError(context, ['invalid_email', 'email_taken'])}
        ${textField({
          id: form.nodeId('new-email'),
          name: 'email',
          type: 'email',
          label: t('profile.account.newEmailLabel'),
          autocomplete: 'email',
          inputmode: 'email',
          error: this.#fieldError(context, 'email', ['invalid_email', 'email_taken']),
          appearance: context.appearance,
        })}
        ${editorActions(context, {label: t('profile.account.sendCode'), busy: this.#pending, busyLabel: t('busy.send-code')})}`;
    }
    const {email, resent} = this.#email;
    const hint = form.nodeId('code-hint');
    return html`<p class="ae-hint" id=${hint}>${t('profile.account.codeSentTo', {email})}</p>
      ${resent ? html`<p class="ae-notice" role="status">${t('common.codeSent', {email})}</p>` : nothing}
      ${this.#formError(context, ['invalid_code', 'code_expired', 'too_many_attempts'])}
      ${codeField({
        id: form.nodeId('code'),
        describedBy: hint,
        label: t('common.codeLabel'),
        length: client.capabilities.codeLength,
        error: this.#fieldError(context, 'code', ['invalid_code', 'code_expired', 'too_many_attempts']),
        onComplete: () => form.form.requestSubmit(),
        appearance: context.appearance,
      })}
      <div class="ae-actions">
        <button type="button" class="ae-link" @click=${() => this.#backToAddress(context)}>${t('profile.account.useAnotherEmail')}</button>
        <button type="button" class="ae-link" @click=${() => void this.#sendCode(context, email, true)}>${t('common.resendCode')}</button>
      </div>
      ${editorActions(context, {label: t('profile.account.verifyEmail'), busy: this.#pending, busyLabel: t('busy.verify')})}`;
  }

  #backToAddress(context: ProfileContext): void {
    this.#email = {step: 'address'};
    this.#change.reset();
    context.host.requestUpdate();
  }

  async #submitEmail(context: ProfileContext, data: FormData): Promise<void> {
    if (this.#email.step === 'address') {
      const email = String(data.get('email') ?? '').trim();
      if (!isValidEmail(email) || email.toLowerCase() === context.user.email.toLowerCase()) {
        this.#problem = {field: 'email', message: context.t('errors.invalid_email')};
        context.host.requestUpdate();
        return;
      }
      await this.#sendCode(context, email, false);
      return;
    }
    const {email} = this.#email;
    const code = String(data.get('code') ?? '').replace(/\D/g, '');
    if (await this.#run(() => context.client.account.confirmEmailChange(email, code))) this.#done(context, 'profile.account.emailChanged');
  }

  async #sendCode(context: ProfileContext, email: string, again: boolean): Promise<void> {
    if (await this.#run(() => context.fresh.run(() => context.client.account.requestEmailChange(email)))) {
      this.#email = {step: 'code', email, resent: again};
      context.host.requestUpdate();
      if (!again) void context.host.updateComplete.then(() => context.form.form.querySelector<HTMLInputElement>('input[name="code"]')?.focus());
    }
  }

  /** Runs a change: busy meanwhile, its error kept (what was typed stays in the form). */
  #run(change: () => Promise<unknown>): Promise<boolean> {
    this.#problem = null;
    return this.#change.run(change);
  }

  /** A change is saved: the editor closes and the page says so. */
  #done(context: ProfileContext, message: string): void {
    this.#notice = context.t(message);
    announce(this.#notice, context.language);
    context.edit(null);
  }
}
