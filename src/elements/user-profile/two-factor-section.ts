import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {AuthErrorCode} from '../../client/errors.js';
import type {SignInMethods, TotpSetup} from '../../client/types.js';
import {announce} from '../../internal/announcer.js';
import {task, type Task} from '../../internal/async-action.js';
import {codeField} from '../../internal/fields.js';
import type {Loader} from '../../internal/loader.js';
import {QrCodeLoader} from '../../internal/qr-code.js';
import {DelayedFlag} from '../../internal/status-views.js';
import {backupCodesPanel, backupCodesText, downloadCodes, printCodes} from './backup-codes.js';
import {editorActions, notLoaded, section, sectionAlert, sectionButton, type ProfileContext} from './profile-page.js';
import {confirmPasswordField, formError, type SecuritySection} from './security-section.js';
import {totpSetupLead} from './totp-setup.js';

/** What the password (or, without one, a confirmation) is asked for. */
type Purpose = 'setup' | 'regenerate' | 'disable';

type Step =
  /** In the editor: the password, to start the setup, regenerate the codes or turn it off. */
  | {kind: 'confirm'; purpose: Purpose}
  /** In the editor: the QR code and the key above, the app's code in the form. */
  | {kind: 'scan'; setup: TotpSetup}
  /** In the section: the backup codes, shown once, until Done. */
  | {kind: 'codes'; codes: string[]; regenerated: boolean};

const CODE_LENGTH = 6;
const STEP_HEADING = 'two-factor-step';
const k = (key: string) => `profile.security.twoFactor.${key}`;

/**
 * Two-step verification with an authenticator app, as Clerk's UserProfile has it. Off: what it
 * is, and "Set up" — the password (an account without one needs a fresh session: the profile
 * asks for it), a QR code of the app's link (the key as text under "Can't scan it?"), a code
 * from the app; then the backup codes, shown once, to copy, download or print. On: regenerate
 * the backup codes or turn it off, each after the password again.
 */
export class TwoFactorSection implements SecuritySection {
  readonly id = 'two-factor';
  readonly #work: Task;
  readonly #busy: DelayedFlag;
  /** The QR code's encoder, loaded when the first code is drawn. */
  readonly #qr: QrCodeLoader;
  #step: Step | null = null;
  #notice: string | null = null;
  /** Submitted with a field left empty. */
  #missing = false;
  #visible = false;
  #copied: 'key' | 'codes' | null = null;
  #copyFailed = false;

  constructor(
    host: ReactiveControllerHost,
    /** How the account signs in (shared with the other sections): a password, two-step on. */
    private readonly methods: Loader<SignInMethods>,
  ) {
    this.#work = task(host);
    this.#busy = new DelayedFlag(host);
    this.#qr = new QrCodeLoader(host);
  }

  shown(context: ProfileContext): boolean {
    return context.client.capabilities.multiFactor && typeof context.client.adapter.startTotpSetup === 'function';
  }

  reset(): void {
    this.#work.reset();
    this.#step = null;
    this.#notice = null;
    this.#clearInput();
  }

  #clearInput(): void {
    this.#missing = false;
    this.#visible = false;
    this.#copied = null;
    this.#copyFailed = false;
  }

  #hasPassword(): boolean {
    return this.methods.value?.password ?? true;
  }

  /** The step shown: an editor's only while this section's editor is open; the codes until Done. */
  #current(context: ProfileContext): Step | null {
    if (this.#step?.kind === 'codes') return this.#step;
    return context.editing === this.id ? this.#step : null;
  }

  render(context: ProfileContext): TemplateResult {
    const load = (signal: AbortSignal) => context.client.account.getSignInMethods({signal});
    this.methods.ensure(load);
    const step = this.#current(context);
    return section({
      id: this.id,
      title: context.t(k('title')),
      context,
      content: this.#content(context, step, load),
      lead: step ? this.#lead(context, step) : nothing,
    });
  }

  #content(context: ProfileContext, step: Step | null, load: (signal: AbortSignal) => Promise<SignInMethods>): TemplateResult {
    const {t} = context;
    if (step?.kind === 'codes') {
      return backupCodesPanel(context, {
        codes: step.codes,
        regenerated: step.regenerated,
        notice: this.#notice,
        copied: this.#copied === 'codes',
        copyFailed: this.#copyFailed,
        onCopy: () => void this.#copy(context, 'codes', step.codes.join('\n')),
        onDownload: () => downloadCodes(this.#codesText(context, step.codes), 'backup-codes.txt'),
        onPrint: () => printCodes(t(k('codes.fileTitle')), context.user.email, step.codes, context.language),
        onDone: () => this.#done(context),
      });
    }
    const pending = notLoaded(context, this.methods, this.#busy, {loadingLabel: t('common.loading'), onRetry: () => void this.methods.run(load), keepValue: true});
    if (pending) return pending;
    const value = this.methods.value!;
    const on = value.twoFactor;
    const hintId = 'two-factor-hint';
    return html`${sectionAlert(this.#notice, context, 'success')}
      <div class="row">
        <div class="row-main">
          <span class="row-title"
            >${t(k('app'))}${on ? html` <span class="badge badge-on">${t(k('on'))}</span>` : nothing}</span
          >
          <span class="row-detail" id=${hintId}>${t(k(on ? 'onHint' : 'offHint'))}</span>
        </div>
        <div class="actions">
          ${on
            ? html`${sectionButton(t(k('regenerateCodes')), () => this.#open(context, 'regenerate'), {context, describedBy: hintId})}
              ${sectionButton(t(k('turnOff')), () => this.#open(context, 'disable'), {context, variant: 'danger'})}`
            : sectionButton(t(k('setUp')), () => this.#open(context, 'setup'), {context, describedBy: hintId})}
        </div>
      </div>`;
  }

  /** The step's heading and explanation above the editor (and the QR code when scanning). */
  #lead(context: ProfileContext, step: Step): TemplateResult | typeof nothing {
    const {t} = context;
    if (step.kind === 'codes') return nothing;
    if (step.kind === 'scan') {
      return totpSetupLead(context, {
        headingId: STEP_HEADING,
        setup: step.setup,
        qr: this.#qr,
        copied: this.#copied === 'key',
        copyFailed: this.#copyFailed,
        onCopyKey: () => void this.#copy(context, 'key', step.setup.secret),
      });
    }
    const hint = step.purpose === 'setup' && this.#hasPassword() ? 'setup.passwordHint' : `${step.purpose}.hint`;
    return html`<div class="step">
      <h4 class="step-title" id=${STEP_HEADING} tabindex="-1">${t(k(`${step.purpose}.title`))}</h4>
      <p class="step-hint">${t(k(hint))}</p>
    </div>`;
  }

  #open(context: ProfileContext, purpose: Purpose): void {
    this.reset();
    this.#step = {kind: 'confirm', purpose};
    context.edit(this.id);
    // Without a password field the editor holds only its buttons: the step's heading is where to start.
    if (!this.#hasPassword()) this.#focusHeading(context);
  }

  editor(context: ProfileContext): TemplateResult | typeof nothing {
    const step = this.#step;
    if (step?.kind === 'scan') return this.#codeEditor(context);
    if (step?.kind === 'confirm') return this.#confirmEditor(context, step.purpose);
    return nothing;
  }

  #confirmEditor(context: ProfileContext, purpose: Purpose): TemplateResult {
    const {t, form} = context;
    const has = this.#hasPassword();
    const error = this.#work.error;
    const submit = {
      setup: {label: t('common.continue'), busyLabel: t('common.working')},
      regenerate: {label: t(k('regenerate.submit')), busyLabel: t(k('regenerate.submitting'))},
      disable: {label: t(k('disable.submit')), busyLabel: t(k('disable.submitting'))},
    }[purpose];
    return html`${formError(context, error, has ? ['wrong_password'] : [])}
      ${has
        ? confirmPasswordField(context, {
            id: form.nodeId('two-factor-password'),
            error,
            missing: this.#missing,
            visible: this.#visible,
            onToggle: () => {
              this.#visible = !this.#visible;
              context.host.requestUpdate();
            },
          })
        : nothing}
      ${editorActions(context, {...submit, busy: this.#work.pending, danger: purpose === 'disable'})}`;
  }

  #codeEditor(context: ProfileContext): TemplateResult {
    const {t, form, appearance} = context;
    const error = this.#work.error;
    const codeError = this.#missing ? t('common.required') : error?.code === 'invalid_code' ? t(k('invalidCode')) : undefined;
    return html`${formError(context, error, ['invalid_code'])}
      ${codeField({
        id: form.nodeId('two-factor-code'),
        label: t(k('scan.codeLabel')),
        length: CODE_LENGTH,
        error: codeError,
        appearance,
        onComplete: () => {
          if (!this.#work.pending) form.form.requestSubmit();
        },
      })}
      ${editorActions(context, {label: t(k('scan.submit')), busy: this.#work.pending, busyLabel: t(k('scan.submitting'))})}`;
  }

  submit(context: ProfileContext, data: FormData): void {
    const step = this.#step;
    if (this.#work.pending || !step || step.kind === 'codes') return;
    this.#work.reset();
    if (step.kind === 'scan') {
      const code = String(data.get('code') ?? '').replace(/\D/g, '');
      this.#missing = !code;
      if (this.#missing) return this.#refuse(context, 'code');
      void this.#confirmSetup(context, code);
      return;
    }
    const password = this.#hasPassword() ? String(data.get('password') ?? '') : undefined;
    this.#missing = password === '';
    if (this.#missing) return this.#refuse(context, 'password');
    void this.#confirm(context, step.purpose, password);
  }

  #refuse(context: ProfileContext, field: 'password' | 'code'): void {
    context.host.requestUpdate();
    this.#focusField(context, field);
  }

  async #confirm(context: ProfileContext, purpose: Purpose, password: string | undefined): Promise<void> {
    const {account} = context.client;
    let result: TotpSetup | string[] | undefined;
    const done = await this.#work.run(async () => {
      result = await context.fresh.run(async () => {
        if (purpose === 'setup') return account.startTotpSetup(password);
        if (purpose === 'regenerate') return account.regenerateBackupCodes(password);
        await account.disableTwoFactor(password);
        return undefined;
      });
    });
    if (!done) return this.#failed(context, 'password');
    this.#clearInput();
    if (purpose === 'setup') {
      // The editor stays open on its next step: the QR code, then the app's code.
      this.#step = {kind: 'scan', setup: result as TotpSetup};
      context.host.requestUpdate();
      this.#focusHeading(context);
    } else if (purpose === 'regenerate') {
      this.#showCodes(context, result as string[], true);
    } else {
      this.#step = null;
      this.#setOn(false);
      this.#say(context, k('disabled'));
      context.edit(null);
    }
  }

  async #confirmSetup(context: ProfileContext, code: string): Promise<void> {
    const step = this.#step;
    if (step?.kind !== 'scan') return;
    const done = await this.#work.run(() => context.fresh.run(() => context.client.account.confirmTotpSetup(code)));
    if (!done) return this.#failed(context, 'code');
    this.#clearInput();
    this.#setOn(true);
    this.#say(context, k('enabled'));
    this.#showCodes(context, step.setup.backupCodes, false);
  }

  /** After a refusal the field it concerns takes focus (what was typed stays in it). */
  #failed(context: ProfileContext, field: 'password' | 'code'): void {
    const code: AuthErrorCode | undefined = this.#work.error?.code;
    if (code === (field === 'password' ? 'wrong_password' : 'invalid_code')) this.#focusField(context, field);
  }

  #showCodes(context: ProfileContext, codes: string[], regenerated: boolean): void {
    this.#step = {kind: 'codes', codes, regenerated};
    if (regenerated) this.#notice = null;
    context.edit(null);
    this.#focusHeading(context, 'backup-codes-title');
  }

  /** Done with the codes: they are forgotten, and the section's first action takes focus. */
  #done(context: ProfileContext): void {
    this.#step = null;
    this.#clearInput();
    context.host.requestUpdate();
    void context.host.updateComplete.then(() =>
      context.host.shadowRoot?.querySelector<HTMLElement>(`#section-${this.id} ~ .section-content .actions button`)?.focus(),
    );
  }

  #setOn(on: boolean): void {
    if (this.methods.value) this.methods.set({...this.methods.value, twoFactor: on});
  }

  #say(context: ProfileContext, key: string): void {
    this.#notice = context.t(key);
    announce(this.#notice, context.language);
  }

  #codesText(context: ProfileContext, codes: readonly string[]): string {
    return backupCodesText(context.t(k('codes.fileTitle')), context.user.email, codes);
  }

  async #copy(context: ProfileContext, what: 'key' | 'codes', text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.#copied = what;
      this.#copyFailed = false;
      announce(context.t(k(what === 'key' ? 'scan.keyCopied' : 'codes.copied')), context.language);
    } catch {
      this.#copied = null;
      this.#copyFailed = true;
    }
    context.host.requestUpdate();
  }

  #focusHeading(context: ProfileContext, id = STEP_HEADING): void {
    void context.host.updateComplete.then(() => context.host.shadowRoot?.querySelector<HTMLElement>(`[id="${id}"]`)?.focus());
  }

  #focusField(context: ProfileContext, field: 'password' | 'code'): void {
    const id = context.form.nodeId(field === 'password' ? 'two-factor-password' : 'two-factor-code');
    void context.host.updateComplete.then(() => {
      const input = context.form.form.querySelector<HTMLInputElement>(`[id="${id}"]`);
      input?.focus();
      input?.select();
    });
  }
}
