import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {AuthError, type AuthErrorCode} from '../../client/errors.js';
import type {PasswordPolicy, SignInMethods} from '../../client/types.js';
import {checkPassword} from '../../client/validation.js';
import {announce} from '../../internal/announcer.js';
import {task, type Task} from '../../internal/async-action.js';
import {hiddenEmail, passwordField, passwordRules} from '../../internal/fields.js';
import type {Loader} from '../../internal/loader.js';
import {PasswordStrength} from '../../internal/password-strength.js';
import {DelayedFlag} from '../../internal/status-views.js';
import {editorActions, notLoaded, section, sectionAlert, sectionButton, type ProfileContext} from './profile-page.js';
import {fieldError, formError, type SecuritySection} from './security-section.js';

/** The API's refusals of a new password (its rules, or the breach check), said on the new password's field. */
const POLICY_CODES: readonly AuthErrorCode[] = ['password_too_short', 'password_too_long', 'password_too_weak', 'password_compromised'];

type Field = 'current' | 'new';

/** The policy's first unmet rule as the API would say it, or null when the password meets them all. */
function policyProblem(password: string, policy: PasswordPolicy): AuthErrorCode | null {
  for (const {rule, met} of checkPassword(password, policy)) {
    if (met) continue;
    if (rule === 'min-length') return password.length < policy.minLength ? 'password_too_short' : 'password_too_long';
    return 'password_too_weak';
  }
  return null;
}

/**
 * Password: change it (the current one, a new one with the policy's rules and a strength meter
 * shown as it is typed, and "Sign out of other devices", checked) — or set one, for an account
 * that signs in without. A new password too easy to guess is refused, with the reason.
 */
export class PasswordSection implements SecuritySection {
  readonly id = 'password';
  readonly #save: Task;
  readonly #busy: DelayedFlag;
  /** A problem found before asking the API (a field left empty, a rule not met). */
  #problem: {field: Field; message: string; weak?: boolean} | null = null;
  #notice: string | null = null;
  /** The new password as typed, for the rules. */
  #typed = '';
  #visible: Record<Field, boolean> = {current: false, new: false};
  /** The new password's strength meter, scored against the person's own email and name. */
  readonly #strength: PasswordStrength;
  #userInputs: string[] = [];

  constructor(
    host: ReactiveControllerHost,
    /** How the account signs in (shared with the other sections): whether it has a password. */
    private readonly methods: Loader<SignInMethods>,
    /** After a change: the devices list may have lost the other sessions. */
    private readonly onChanged: (context: ProfileContext) => void,
  ) {
    this.#save = task(host);
    this.#busy = new DelayedFlag(host);
    this.#strength = new PasswordStrength(host, () => this.#userInputs);
  }

  shown(context: ProfileContext): boolean {
    // A password signs in with the email: an account made by phone alone has none to pair it with.
    return context.client.capabilities.emailPassword && !!context.user.email;
  }

  reset(): void {
    this.#save.reset();
    this.#problem = null;
    this.#notice = null;
    this.#typed = '';
    this.#visible = {current: false, new: false};
    this.#strength.reset();
  }

  /** The account has a password (or, while that is not known yet, is assumed to). */
  #hasPassword(): boolean {
    return this.methods.value?.password ?? true;
  }

  render(context: ProfileContext): TemplateResult {
    const load = (signal: AbortSignal) => context.client.account.getSignInMethods({signal});
    this.methods.ensure(load);
    return section({id: this.id, title: context.t('profile.security.password.title'), context, content: this.#content(context, load)});
  }

  #content(context: ProfileContext, load: (signal: AbortSignal) => Promise<SignInMethods>): TemplateResult {
    const {t} = context;
    const pending = notLoaded(context, this.methods, this.#busy, {loadingLabel: t('common.loading'), onRetry: () => void this.methods.run(load), keepValue: true});
    if (pending) return pending;
    const value = this.methods.value!;
    const has = value.password;
    return html`${sectionAlert(this.#notice, context, 'success')}
      <div class="row">
        <div class="row-main">
          <span class="row-detail">${t(has ? 'profile.security.password.hint' : 'profile.security.password.noneHint')}</span>
        </div>
        ${sectionButton(t(has ? 'profile.security.password.change' : 'profile.security.password.set'), () => this.#open(context), {context})}
      </div>`;
  }

  #open(context: ProfileContext): void {
    this.reset();
    context.edit(this.id);
  }

  #error(context: ProfileContext, field: Field, codes: readonly AuthErrorCode[]): string | undefined {
    if (this.#problem?.field === field) return this.#problem.message;
    return fieldError(context, this.#save.error, codes);
  }

  editor(context: ProfileContext): TemplateResult {
    const {t, form, appearance, user} = context;
    const has = this.#hasPassword();
    const ids = {current: form.nodeId('current-password'), new: form.nodeId('new-password'), rules: form.nodeId('password-rules'), strength: form.nodeId('password-strength')};
    this.#userInputs = [user.email, user.name ?? ''];
    const meter = this.#strength.render(form.form.getRootNode(), {id: ids.strength, t, lang: context.language, appearance});
    const toggle = (field: Field) => () => {
      this.#visible = {...this.#visible, [field]: !this.#visible[field]};
      context.host.requestUpdate();
    };
    return html`${formError(context, this.#save.error, has ? ['wrong_password', ...POLICY_CODES] : POLICY_CODES)}
      ${hiddenEmail(user.email)}
      ${has
        ? passwordField({
            id: ids.current,
            name: 'currentPassword',
            label: t('profile.security.password.currentLabel'),
            autocomplete: 'current-password',
            error: this.#error(context, 'current', ['wrong_password']),
            visible: this.#visible.current,
            toggleLabel: t('common.showPassword'),
            onToggle: toggle('current'),
            appearance,
          })
        : nothing}
      ${passwordField({
        id: ids.new,
        name: 'newPassword',
        label: t('profile.security.password.newLabel'),
        autocomplete: 'new-password',
        describedBy: meter ? `${ids.rules} ${ids.strength}` : ids.rules,
        error: this.#error(context, 'new', POLICY_CODES),
        visible: this.#visible.new,
        toggleLabel: t('common.showPassword'),
        onToggle: toggle('new'),
        onInput: (event) => {
          this.#typed = (event.target as HTMLInputElement).value;
          if (this.#problem?.field === 'new' && this.#problem.weak) this.#problem = null;
          this.#strength.input(this.#typed);
          context.host.requestUpdate();
        },
        appearance,
      })}
      ${this.#rules(context, ids.rules)} ${meter ?? nothing}
      ${has
        ? html`<label class="ae-check">
            <input type="checkbox" id=${form.nodeId('sign-out-others')} name="signOutOtherDevices" checked />
            <span>${t('profile.security.password.signOutOthers')}</span>
          </label>`
        : nothing}
      ${editorActions(context, {
        label: t('profile.security.password.save'),
        busy: this.#save.pending || this.#strength.judging,
        busyLabel: t('profile.security.password.saving'),
      })}`;
  }

  /** The password policy's rules, each marked met or not for what is typed (the sign-up card's template). */
  #rules(context: ProfileContext, id: string): TemplateResult {
    const {t, client, appearance} = context;
    const policy = client.capabilities.passwordPolicy;
    const rules = checkPassword(this.#typed, policy).map(({rule, met}) => ({label: t(`password.rule.${rule}`, {count: policy.minLength}), met}));
    return passwordRules(id, t('password.rulesTitle'), rules, {met: t('password.met'), unmet: t('password.unmet')}, appearance);
  }

  submit(context: ProfileContext, data: FormData): void {
    if (this.#save.pending || this.#strength.judging) return;
    const has = this.#hasPassword();
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    const signOutOtherDevices = data.get('signOutOtherDevices') !== null;
    this.#save.reset();
    this.#problem = null;
    if (has && !currentPassword) return this.#refuse(context, 'current', context.t('common.required'));
    if (!newPassword) return this.#refuse(context, 'new', context.t('common.required'));
    const problem = policyProblem(newPassword, context.client.capabilities.passwordPolicy);
    if (problem) return this.#refuse(context, 'new', context.errorMessage(new AuthError(problem)) ?? '');
    const change = has ? {currentPassword, newPassword, signOutOtherDevices} : {newPassword};
    // Too easy to guess: refused here, with zxcvbn's reason (only the policy applies if it can't load).
    this.#strength.submit(newPassword, context.t, context.form.form, () => void this.#change(context, change), () =>
      this.#refuse(context, 'new', this.#strength.refused ?? '', true),
    );
  }

  /** A problem with a field: said on it, and focus goes there. */
  #refuse(context: ProfileContext, field: Field, message: string, weak = false): void {
    this.#problem = {field, message, weak};
    context.host.requestUpdate();
    this.#focus(context, field);
  }

  #focus(context: ProfileContext, field: Field): void {
    const id = context.form.nodeId(field === 'current' ? 'current-password' : 'new-password');
    void context.host.updateComplete.then(() => context.form.form.querySelector<HTMLInputElement>(`[id="${id}"]`)?.focus());
  }

  async #change(context: ProfileContext, change: {currentPassword?: string; newPassword: string; signOutOtherDevices?: boolean}): Promise<void> {
    const {client, t} = context;
    const {currentPassword, newPassword, signOutOtherDevices = false} = change;
    const saved = await this.#save.run(() =>
      context.fresh.run(() =>
        currentPassword === undefined
          ? client.account.setPassword(newPassword)
          : client.account.changePassword({currentPassword, newPassword, signOutOtherDevices}),
      ),
    );
    if (!saved) {
      const code = this.#save.error?.code;
      if (code === 'wrong_password') this.#focus(context, 'current');
      else if (code && POLICY_CODES.includes(code)) this.#focus(context, 'new');
      return;
    }
    if (currentPassword === undefined && this.methods.value) this.methods.set({...this.methods.value, password: true});
    const done = currentPassword === undefined ? 'setDone' : signOutOtherDevices ? 'changedSignedOut' : 'changed';
    this.#notice = t(`profile.security.password.${done}`);
    this.#typed = '';
    this.#strength.reset();
    announce(this.#notice, context.language);
    context.edit(null);
    this.onChanged(context);
  }
}
