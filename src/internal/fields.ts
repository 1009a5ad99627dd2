import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {part, type PartAppearance} from '../appearance/part.js';
import {checkIcon, dotIcon, eyeIcon, eyeOffIcon} from './icons.js';

/** What every light-DOM field template needs. */
export interface FieldOptions {
  id: string;
  name: string;
  label: string;
  autocomplete: string;
  appearance: PartAppearance;
  type?: string;
  value?: string;
  error?: string;
  inputmode?: string;
  required?: boolean;
  /** Shown at the end of the label row (such as "Forgot password?"). */
  labelAction?: TemplateResult | typeof nothing;
  /** Under the input, above its error: a hint or a live status (name their ids in `describedBy`). */
  after?: TemplateResult | typeof nothing;
  onInput?: (event: InputEvent) => void;
  onBlur?: (event: FocusEvent) => void;
  describedBy?: string;
}

function errorId(options: FieldOptions): string {
  return `${options.id}-error`;
}

function input(options: FieldOptions, extraClass = '') {
  const described = [options.error ? errorId(options) : '', options.describedBy ?? ''].filter(Boolean).join(' ');
  return html`<input
    class="ae-input ${extraClass}"
    ${part('form-field-input', options.appearance)}
    id=${options.id}
    name=${options.name}
    type=${options.type ?? 'text'}
    autocomplete=${options.autocomplete}
    inputmode=${ifDefined(options.inputmode)}
    ?required=${options.required ?? true}
    aria-invalid=${options.error ? 'true' : 'false'}
    aria-describedby=${ifDefined(described || undefined)}
    .value=${options.value ?? ''}
    @input=${options.onInput}
    @blur=${options.onBlur}
  />`;
}

function fieldShell(options: FieldOptions, control: TemplateResult): TemplateResult {
  return html`<div class="ae-field" ${part('form-field', options.appearance)}>
    <div class="ae-field-row">
      <label class="ae-label" for=${options.id} ${part('form-field-label', options.appearance)}>${options.label}</label>
      ${options.labelAction ?? nothing}
    </div>
    ${control} ${options.after ?? nothing}
    ${options.error
      ? html`<p class="ae-field-error" id=${errorId(options)} role="alert" ${part('form-field-error', options.appearance)}>
          ${options.error}
        </p>`
      : nothing}
  </div>`;
}

/**
 * The email of the flow, kept in the form on steps that don't show it, so password managers
 * save the email with the password.
 */
export function hiddenEmail(email: string): TemplateResult {
  return html`<input type="email" name="email" autocomplete="username" .value=${email} hidden tabindex="-1" />`;
}

/** A labelled text input with its error below it. */
export function textField(options: FieldOptions): TemplateResult {
  return fieldShell(options, input(options));
}

export interface PasswordFieldOptions extends FieldOptions {
  visible: boolean;
  /** The toggle's one fixed name ("Show password"); `aria-pressed` says whether it is on. */
  toggleLabel: string;
  onToggle: () => void;
}

/** A password input with a show/hide toggle (a real button: a fixed name and `aria-pressed`, so its state is said once). */
export function passwordField(options: PasswordFieldOptions): TemplateResult {
  const control = html`<div class="ae-input-wrap">
    ${input({...options, type: options.visible ? 'text' : 'password'}, 'ae-has-toggle')}
    <button
      type="button"
      class="ae-toggle"
      ${part('form-field-toggle', options.appearance)}
      aria-controls=${options.id}
      aria-pressed=${options.visible ? 'true' : 'false'}
      aria-label=${options.toggleLabel}
      @click=${options.onToggle}
    >
      ${options.visible ? eyeOffIcon : eyeIcon}
    </button>
  </div>`;
  return fieldShell(options, control);
}

/**
 * The signed-in person's password, asked again to confirm a change: the account's email beside
 * it (hidden) so a password manager fills the right entry.
 */
export function currentPasswordField({email, ...options}: Omit<PasswordFieldOptions, 'name' | 'autocomplete'> & {email: string}): TemplateResult {
  return html`${hiddenEmail(email)} ${passwordField({...options, name: 'password', autocomplete: 'current-password'})}`;
}

export interface CodeFieldOptions extends Omit<FieldOptions, 'autocomplete' | 'name'> {
  length: number;
  /** Called with the digits once the whole code is there (typed or pasted). */
  onComplete: (code: string) => void;
}

/**
 * One input for the whole one-time code: `autocomplete="one-time-code"` so phones offer it,
 * pasting "123 456" or "123-456" keeps the digits, and a complete code submits itself.
 */
export function codeField(options: CodeFieldOptions): TemplateResult {
  const onInput = (event: InputEvent) => {
    const target = event.target as HTMLInputElement;
    const digits = target.value.replace(/\D/g, '').slice(0, options.length);
    if (digits !== target.value) target.value = digits;
    if (digits.length === options.length) options.onComplete(digits);
  };
  return html`<div class="ae-field" ${part('form-field', options.appearance)}>
    <label class="ae-label" for=${options.id} ${part('form-field-label', options.appearance)}>${options.label}</label>
    <input
      class="ae-input ae-code"
      ${part('form-field-input', options.appearance)}
      id=${options.id}
      name="code"
      type="text"
      inputmode="numeric"
      autocomplete="one-time-code"
      pattern=${`\\d{${options.length}}`}
      maxlength=${options.length + 4}
      required
      aria-invalid=${options.error ? 'true' : 'false'}
      aria-describedby=${ifDefined([options.describedBy, options.error ? `${options.id}-error` : ''].filter(Boolean).join(' ') || undefined)}
      @input=${onInput}
    />
    ${options.error
      ? html`<p class="ae-field-error" id=${`${options.id}-error`} role="alert" ${part('form-field-error', options.appearance)}>
          ${options.error}
        </p>`
      : nothing}
  </div>`;
}

export interface RuleView {
  label: string;
  met: boolean;
}

/** The password rules, each marked as met while the user types. */
export function passwordRules(id: string, title: string, rules: RuleView[], states: {met: string; unmet: string}, appearance: PartAppearance) {
  return html`<div ${part('password-rules', appearance)}>
    <p class="ae-rules-title" id=${`${id}-title`}>${title}</p>
    <ul class="ae-rules" id=${id} aria-labelledby=${`${id}-title`}>
      ${rules.map(
        (rule) => html`<li class="ae-rule" ?data-met=${rule.met}>
          ${rule.met ? checkIcon : dotIcon}<span>${rule.label}</span
          ><span class="ae-visually-hidden">(${rule.met ? states.met : states.unmet})</span>
        </li>`,
      )}
    </ul>
  </div>`;
}

/** The submit button; while busy it stays focusable, says so, and ignores clicks. */
export function primaryButton(label: string, busy: boolean, busyLabel: string, appearance: PartAppearance): TemplateResult {
  return html`<button
    type="submit"
    class="ae-primary"
    ${part('primary-button', appearance)}
    aria-disabled=${busy ? 'true' : 'false'}
    @click=${(event: Event) => busy && event.preventDefault()}
  >
    ${busy ? html`<span class="ae-spinner" aria-hidden="true"></span><span>${busyLabel}</span>` : label}
  </button>`;
}

/** A text button styled as a link (for actions inside the form). */
export function linkButton(label: string, onClick: () => void, name: string, appearance: PartAppearance): TemplateResult {
  return html`<button type="button" class="ae-link" ${part(name, appearance)} @click=${onClick}>${label}</button>`;
}

/** The form-level error (announced: `role="alert"`); `warning` for waits such as rate limits. */
export function alert(message: string | null, appearance: PartAppearance, tone: 'danger' | 'warning' = 'danger'): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<div class="ae-alert" data-tone=${tone} role="alert" ${part('alert', appearance)}>${message}</div>`;
}

/** A success notice, politely announced. */
export function notice(message: string | null, appearance: PartAppearance): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<p class="ae-notice" role="status" ${part('notice', appearance)}>${message}</p>`;
}
