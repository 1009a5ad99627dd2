import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {part} from '../../appearance/part.js';
import {hostBase} from '../../appearance/tokens.js';
import {followRedirect} from '../../client/redirect.js';
import {AuthError} from '../../client/errors.js';
import {SignUpFlow} from '../../client/flows/sign-up-flow.js';
import type {SignUpStep} from '../../client/types.js';
import {isValidEmail, meetsPolicy} from '../../client/validation.js';
import {AuthSignedInEvent} from '../../events.js';
import {cardStyles} from '../../internal/card.js';
import {AuthFormElement, type StepHeadings} from '../../internal/form-element.js';
import {textField} from '../../internal/fields.js';
import {ShownProblems} from '../../internal/shown-problems.js';

type PhoneReader = typeof import('../../client/phone-number.js');

const HEADINGS: StepHeadings<SignUpStep> = {
  details: ['signUp.title', 'signUp.subtitle'],
  'verify-email': ['signUp.verifyTitle', 'signUp.verifySubtitle', 'form'],
  'verify-phone': ['phone.verifyTitle', 'phone.verifySubtitle', 'form'],
  complete: ['signUp.completeTitle', 'signUp.completeSubtitle'],
};

/** The fields checked before submitting (the name is optional). */
type DetailField = 'email' | 'password';

/**
 * @summary Sign-up: name, email and password (its rules and a strength meter shown as the user
 * types; a password too easy to guess is refused with the reason), then the code sent to the
 * email. Where the API texts codes, "Use a phone number instead": name and phone number (read
 * and tidied as the person's country writes it), then the code texted to it. Its form and inputs live in the light DOM (slot `form`) so password managers can save
 * the new credentials.
 *
 * Light-DOM parts (in the form; `::part()` can't reach them — restyle them with
 * `appearance.elements`, whose keys are these names in camelCase): form-field,
 * form-field-label, form-field-input, form-field-error, form-field-toggle, password-rules,
 * password-strength, password-strength-meter, password-strength-label, primary-button, alert,
 * notice, social-buttons, social-button, divider, form-field-optional, back-link, resend-code-link,
 * use-phone-link, use-email-link.
 *
 * @event {AuthSignedInEvent} auth-signed-in - The new account is verified and signed in (`event.user`).
 * @event {AuthErrorEvent} auth-error - An error is shown (`event.error.code`).
 * @event {AuthSwitchRequestEvent} auth-switch-request - The footer's "Sign in" link is followed (`event.to`, `event.url`); cancelable: `preventDefault()` keeps the page where it is.
 *
 * @slot form - Filled by the element itself with its light-DOM `<form>`; do not use.
 *
 * @csspart card - The card around everything.
 * @csspart header - The title block.
 * @csspart header-title - The title.
 * @csspart header-subtitle - The line under the title.
 * @csspart footer - The line under the form.
 * @csspart logo - The logo (`appearance.options.logoImageUrl`).
 * @csspart footer-links - The terms, privacy and help links.
 * @csspart footer-link - Each of them.
 * @csspart footer-action-link - The "Sign in" link.
 *
 * @cssprop --auth-card-max-width - The card's maximum width (25rem).
 *
 * @cssstate busy - A request is under way.
 * @cssstate error - An error is shown.
 */
export class AuthSignUp extends AuthFormElement<SignUpStep> {
  static override styles = [hostBase, cardStyles];

  /** Where the "Sign in" link goes; the link is hidden without it (unless `switchInPlace`). */
  @property({attribute: 'sign-in-url'}) signInUrl?: string;

  /** Where to go once the account is ready (falls back to `after-sign-in-url`). */
  @property({attribute: 'after-sign-up-url'}) afterSignUpUrl?: string;

  /** Fields whose problems are shown: touched and changed, or all after a submit. */
  readonly #shownProblems = new ShownProblems<DetailField>(this);

  /** Signing up with a phone number instead of an email (where the API texts codes). */
  @state() private byPhone = false;

  /** The phone number reader (libphonenumber-js), once loaded: tidies the number typed, shows the one texted. */
  #phoneReader?: PhoneReader;

  #readPhones(): Promise<PhoneReader> {
    return import('../../client/phone-number.js').then((reader) => {
      if (!this.#phoneReader) {
        this.#phoneReader = reader;
        this.requestUpdate();
      }
      return reader;
    });
  }

  protected declare flow?: SignUpFlow;
  protected readonly firstStep = 'details';
  protected readonly headings = HEADINGS;

  protected createFlow(): SignUpFlow | undefined {
    return this.client?.startFlow(SignUpFlow);
  }

  override render(): TemplateResult {
    return this.renderCard({
      href: this.signInUrl,
      to: 'sign-in',
      prompt: 'signUp.haveAccount',
      link: 'signUp.signInLink',
      steps: ['details'],
    }, 'signUp.titleApp');
  }

  protected renderForm(): TemplateResult | typeof nothing {
    const flow = this.flow!;
    const {step} = flow.state;
    if (step === 'verify-email') {
      return this.codeStep({label: this.t('common.changeEmail'), onClick: () => flow.back()}, () => void flow.resendVerificationCode());
    }
    if (step === 'verify-phone') {
      return this.codeStep({label: this.t('phone.changePhone'), onClick: () => flow.back()}, () => void flow.resendPhoneCode());
    }
    if (step !== 'details') return nothing;
    const byPhone = this.byPhone && this.client!.capabilities.phoneNumber;
    return html`${this.formAlert(byPhone ? ['phone'] : ['email', 'password'])} ${this.socialButtons('top')}
      ${this.#nameField()} ${byPhone ? this.#phoneFields() : this.#emailFields()}
      ${this.#switchIdentifier()} ${this.socialButtons('bottom')}`;
  }

  #emailFields(): TemplateResult {
    return html`${this.emailInput({problem: this.#problem('email'), onBlur: this.#shownProblems.onBlur('email')})}
      ${this.passwordInput({autocomplete: 'new-password', label: this.t('common.passwordLabel'), problem: this.#problem('password')})}
      ${this.passwordRules()} ${this.submitButton(this.t('signUp.submit'))}`;
  }

  /** The phone number (international, or as the person's country writes it), tidied on leaving the field. */
  #phoneFields(): TemplateResult {
    const hintId = this.nodeId('phone-hint');
    return html`${textField({
        id: this.nodeId('phone'),
        name: 'phone',
        type: 'tel',
        label: this.t('phone.phoneLabel'),
        autocomplete: 'tel',
        inputmode: 'tel',
        value: this.#textedNumber(),
        error: this.fieldError('phone'),
        describedBy: hintId,
        after: html`<p class="ae-hint" id=${hintId}>${this.t('phone.hint')}</p>`,
        onBlur: (event) => void this.#tidy(event.target as HTMLInputElement),
        appearance: this.mergedAppearance,
      })}
      ${this.submitButton(this.t('signUp.submit'))}`;
  }

  async #tidy(input: HTMLInputElement): Promise<void> {
    const typed = input.value;
    if (!typed.trim()) return;
    try {
      const tidy = await (await this.#readPhones()).tidyPhoneNumber(typed, this.phoneCountry || undefined);
      if (input.value === typed) input.value = tidy;
    } catch {
      // The reader could not load: the number stays as typed, and is checked when sent.
    }
  }

  /** "Use a phone number instead" / "Use an email instead", where the API texts codes. */
  #switchIdentifier(): TemplateResult | typeof nothing {
    if (!this.client!.capabilities.phoneNumber) return nothing;
    const [label, name] = this.byPhone ? (['phone.useEmail', 'use-email-link'] as const) : (['signUp.usePhone', 'use-phone-link'] as const);
    return html`<div class="ae-actions">${this.action(this.t(label), () => void this.#useIdentifier(!this.byPhone), name)}</div>`;
  }

  /** Switches between email and phone; the phone's words (`phone`, with the rest of English) load first. */
  async #useIdentifier(byPhone: boolean): Promise<void> {
    if (byPhone) {
      try {
        await this.activeLocalizer.require(['phone']);
      } catch {
        this.flow?.fail(new AuthError('network'));
        return;
      }
    }
    this.byPhone = byPhone;
    this.#shownProblems.clear();
    this.flow?.clearError();
    this.updateComplete.then(() => this.form.querySelector<HTMLElement>(`[name="${byPhone ? 'phone' : 'email'}"]`)?.focus());
  }

  /** The number texted, as people read it (as sent until the reader has loaded); '' before one was. */
  #textedNumber(): string {
    const phoneNumber = this.flow?.state.phoneNumber ?? '';
    if (phoneNumber && !this.#phoneReader) void this.#readPhones().catch(() => {});
    return phoneNumber && (this.#phoneReader?.formatPhoneNumber(phoneNumber) ?? phoneNumber);
  }

  /** On the texted code's step, the number it went to. */
  protected override codeRecipient(): string {
    return this.step === 'verify-phone' ? this.#textedNumber() : super.codeRecipient();
  }


  /** The name (optional; `appearance.options.showOptionalFields: false` leaves it out). */
  #nameField(): TemplateResult | typeof nothing {
    const appearance = this.mergedAppearance;
    if (appearance.options.showOptionalFields === false) return nothing;
    return textField({
      id: this.nodeId('name'),
      name: 'name',
      label: this.t('common.nameLabel'),
      autocomplete: 'name',
      required: false,
      labelAction: html`<span class="ae-optional" ${part('form-field-optional', appearance)}>${this.t('common.optional')}</span>`,
      appearance,
    });
  }


  protected submitForm(data: FormData): void {
    const flow = this.flow;
    if (!flow) return;
    const value = (name: string) => String(data.get(name) ?? '');
    if (flow.state.step === 'verify-email') {
      void flow.submitVerificationCode(value('code'));
      return;
    }
    if (flow.state.step === 'verify-phone') {
      void flow.submitPhoneCode(value('code'));
      return;
    }
    if (this.byPhone && this.client?.capabilities.phoneNumber) {
      flow.phoneRegion = this.phoneCountry || undefined;
      void flow.submitPhoneDetails({name: value('name'), phoneNumber: value('phone')});
      return;
    }
    this.#shownProblems.show('email', 'password');
    const first = (['email', 'password'] as const).find((field) => this.#problemIn(field, value(field)));
    if (first) {
      this.updateComplete.then(() => this.form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
      return;
    }
    void flow.submitDetails({name: value('name'), email: value('email'), password: value('password')});
  }

  protected override onComplete(): void {
    const user = this.client?.user;
    if (user) this.dispatchEvent(new AuthSignedInEvent(user));
    followRedirect(this.afterSignUpUrl ?? this.afterSignInUrl, this.client?.redirectPolicy);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Clear the client-side problems once the flow moves on.
    if (this.flow && this.flow.state.step !== 'details') this.#shownProblems.clear();
  }

  protected override clearInput(): void {
    super.clearInput();
    this.#shownProblems.clear();
  }

  /** The client-side problem of a field, once it may be shown (Lion's rule). */
  #problem(field: DetailField): string | undefined {
    if (!this.#shownProblems.has(field)) return undefined;
    const input = this.form.querySelector<HTMLInputElement>(`[name="${field}"]`);
    return this.#problemIn(field, input?.value ?? '');
  }

  #problemIn(field: DetailField, value: string): string | undefined {
    if (field === 'email') return isValidEmail(value) ? undefined : this.t('errors.invalid_email');
    const policy = this.client?.capabilities.passwordPolicy;
    return !policy || meetsPolicy(value, policy) ? undefined : this.t('errors.password_too_weak');
  }
}
