import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {part} from '../../appearance/part.js';
import {hostBase} from '../../appearance/tokens.js';
import type {AuthError} from '../../client/errors.js';
import {SignInFlow} from '../../client/flows/sign-in-flow.js';
import type {SignInStep} from '../../client/types.js';
import {cardStyles} from '../../internal/card.js';
import {alert, hiddenEmail} from '../../internal/fields.js';
import {focusIsLost, focusIsWithin} from '../../internal/focus.js';
import {AuthFormElement, type StepHeadings} from '../../internal/form-element.js';
import {LazyModule} from '../../internal/lazy-module.js';
import {safeRedirectUrl} from '../../client/redirect.js';
import {hasLanding} from '../../client/landing-params.js';
import {looksLikePhoneNumber} from '../../client/validation.js';
import type {SecondStepView} from './second-step.js';

const HEADINGS: StepHeadings<SignInStep> = {
  identifier: ['signIn.title', 'signIn.subtitle'],
  password: ['signIn.passwordTitle', 'signIn.passwordSubtitle'],
  'verify-email': ['signIn.verifyTitle', 'signIn.verifySubtitle', 'form'],
  'reset-code': ['signIn.resetTitle', 'signIn.resetSubtitle', 'form'],
  'two-factor': ['signIn.twoFactorTitle', 'signIn.twoFactorSubtitle', 'form'],
  'backup-code': ['signIn.backupCodeTitle', 'signIn.backupCodeSubtitle', 'form'],
  'reset-password': ['signIn.newPasswordTitle', 'signIn.newPasswordSubtitle'],
  methods: ['signInMethods.methodsTitle', 'signInMethods.methodsSubtitle'],
  'email-code': ['signInMethods.emailCodeTitle', 'signInMethods.emailCodeSubtitle', 'form'],
  'link-sent': ['signInMethods.linkSentTitle', 'signInMethods.linkSentSubtitle'],
  link: ['signInMethods.linkTitle', 'signInMethods.linkSubtitle'],
  'link-elsewhere': ['signInMethods.elsewhereTitle', 'signInMethods.elsewhereSubtitle'],
  'phone-code': ['signInMethods.phoneCodeTitle', 'signInMethods.phoneCodeSubtitle', 'form'],
  complete: ['signIn.completeTitle', 'signIn.completeSubtitle'],
};


/** The steps whose code, and words (`signInMethods.*`), load with other-methods.ts. */
const OTHER_METHOD_STEPS = new Set<SignInStep>(['methods', 'email-code', 'link-sent', 'link', 'link-elsewhere', 'phone-code']);

/** The errors `signIn.error.*` words for the second step (and the password step it goes back to). */
const OWN_WORDS = new Set(['invalid_code', 'code_expired', 'too_many_attempts']);
/** The steps of a code sent by email, where those errors keep their `errors.*` words. */
const EMAILED_CODE_STEPS = new Set<SignInStep>(['verify-email', 'reset-code', 'reset-password', 'email-code', 'phone-code']);

/**
 * @summary Sign-in: email, then password; verifies an unverified email with a code; resets a
 * forgotten password with a code; asks an account with two-step verification for its
 * authenticator app's code or a backup code; signs in with a passkey (a button, and the email
 * field's autofill) where the API and the browser have them. "Use another method" lists every
 * way the API allows — a code or a sign-in link emailed, a passkey, the social providers — with
 * a "Last used" badge on the one used last on this device. A sign-in link opens the page that
 * asked for it (or `sign-in-link-url`), where this card signs in with it; opened in another
 * browser, it asks first. A provider's refusal (denied consent) comes back to the card, which
 * says why. Its form and inputs live in the light DOM (slot `form`) so password managers can
 * fill them.
 *
 * Light-DOM parts (in the form; `::part()` can't reach them — restyle them with
 * `appearance.elements`, whose keys are these names in camelCase): form-field,
 * form-field-label, form-field-input, form-field-error, form-field-toggle, password-rules,
 * primary-button, alert, notice, social-buttons, social-button, divider, back-link, forgot-password-link, resend-code-link,
 * passkey-button, trust-device, backup-code-link, app-code-link, another-method-link, methods, method-button,
 * last-used-badge, resend-link-link, busy.
 *
 * @event {AuthSignedInEvent} auth-signed-in - The user signed in (`event.user`).
 * @event {AuthErrorEvent} auth-error - An error is shown (`event.error.code`).
 * @event {AuthSwitchRequestEvent} auth-switch-request - The footer's "Sign up" link is followed (`event.to`, `event.url`); cancelable: `preventDefault()` keeps the page where it is.
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
 * @csspart footer-action-link - The "Sign up" link.
 *
 * @cssprop --auth-card-max-width - The card's maximum width (25rem).
 *
 * @cssstate busy - A request is under way.
 * @cssstate error - An error is shown.
 */
export class AuthSignIn extends AuthFormElement<SignInStep> {
  static override styles = [hostBase, cardStyles];

  /** Where the "Sign up" link goes; the link is hidden without it (unless `switchInPlace`). */
  @property({attribute: 'sign-up-url'}) signUpUrl?: string;

  /**
   * The page emailed sign-in links open (it needs this card, or an `<auth-provider>` that opens
   * one); by default the page this card is on. Checked against the redirect policy.
   */
  @property({attribute: 'sign-in-link-url'}) signInLinkUrl?: string;

  protected declare flow?: SignInFlow;
  protected readonly firstStep = 'identifier';
  /** The steps' titles; those of the other methods once their words have loaded (with their chunk). */
  protected get headings(): StepHeadings<SignInStep> {
    return !OTHER_METHOD_STEPS.has(this.step) || this.#otherMethods.get() ? HEADINGS : {...HEADINGS, [this.step]: HEADINGS.identifier};
  }

  protected createFlow(): SignInFlow | undefined {
    this.flow?.stopPasskeyAutofill();
    const flow = this.client?.startFlow(SignInFlow);
    // What the page's address brought back: a sign-in link, a provider's refusal (once per page;
    // its reader loads only then, and gives it to the flow the card has by that time).
    if (flow && hasLanding()) {
      void import('../../client/landing.js').then(({takeLanding}) => {
        const current = this.flow;
        const landing = current && takeLanding();
        if (landing) void current.openLanding(landing);
      });
    }
    return flow;
  }

  /** Lands the keyboard in a lazily loaded step's fields (focus went to the title meanwhile). */
  #focusLoaded = () => {
    if (focusIsWithin(this) || focusIsLost()) this.focusFirstField();
  };

  /** The second step's code (a chunk of its own: few sign-ins need it). */
  #secondStep = new LazyModule(this, () => import('./second-step.js'), this.#focusLoaded);
  /** "Use another method" and its steps (a chunk of its own). */
  #otherMethods = new LazyModule(
    this,
    () => Promise.all([import('./other-methods.js'), this.activeLocalizer.require(['signInMethods'])]).then(([module]) => module),
    this.#focusLoaded,
  );

  /** A lazily loaded step's template; its chunk could not be fetched: say so, and go back (the next try fetches it again). */
  #lazyStep<M>(module: LazyModule<M>, render: (loaded: M) => TemplateResult | typeof nothing): TemplateResult | typeof nothing {
    const loaded = module.get();
    if (loaded) return render(loaded);
    if (loaded === null) {
      const back = () => (module.retry(), this.flow!.back());
      return html`${alert(this.t('errors.network'), this.mergedAppearance)}${this.action(this.t('common.back'), back, 'back-link')}`;
    }
    return nothing;
  }

  #renderSecondStep(view: SecondStepView): TemplateResult | typeof nothing {
    return this.#lazyStep(this.#secondStep, (module) => module.secondStep(view));
  }

  /** On the texted code's step, the number as people read it (its reader loaded with that step). */
  protected override codeRecipient(): string {
    const {step, phoneNumber} = this.flow?.state ?? {};
    return step === 'phone-code' ? (this.#otherMethods.get()?.formatPhoneNumber(phoneNumber!) ?? phoneNumber!) : super.codeRecipient();
  }

  #renderOtherMethods(): TemplateResult | typeof nothing {
    const flow = this.flow!;
    flow.linkPage = safeRedirectUrl(this.signInLinkUrl, this.client?.redirectPolicy) ?? '';
    return this.#lazyStep(this.#otherMethods, (module) =>
      module.otherMethodsStep({
        flow,
        t: this.t.bind(this),
        appearance: this.mergedAppearance,
        form: this.form,
        alert: (fields) => this.formAlert(fields),
        codeStep: (back, resend) => this.codeStep(back, resend),
        providerNames: this.client!.capabilities.socialProviderNames,
        onSocial: (provider) => void flow.signInWithSocial(provider, this.callbackUrl()),
      }),
    );
  }

  /** "Use another method" under the first step and the password, where the API has ways the step doesn't show. */
  #anotherMethod(): TemplateResult | typeof nothing {
    const flow = this.flow!;
    const others = flow.methods.filter((method) => method === 'email-code' || method === 'email-link' || method === 'phone-code');
    if (!others.length) return nothing;
    const typed = () => this.form.querySelector<HTMLInputElement>('input[name=email]')?.value ?? flow.state.email;
    return this.action(this.t('signIn.useAnotherMethod'), () => void flow.showMethods(typed()), 'another-method-link');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Passkeys in the email field's autofill for as long as the field is there.
    if (this.form.querySelector('[autocomplete~=webauthn]')) this.flow?.startPasskeyAutofill();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.flow?.stopPasskeyAutofill();
  }

  /**
   * The sign-in's own words (`signIn.error.*`) for errors that mean something else on the
   * emailed code's steps: a wrong app code, a sign-in that expired or took too many codes.
   */
  protected override errorMessage(error: AuthError | null | undefined): string | null {
    return error && OWN_WORDS.has(error.code) && !EMAILED_CODE_STEPS.has(this.step)
      ? this.t(`signIn.error.${error.code}`)
      : super.errorMessage(error);
  }

  override render(): TemplateResult {
    return this.renderCard({
      href: this.signUpUrl,
      to: 'sign-up',
      prompt: 'signIn.noAccount',
      link: 'signIn.signUpLink',
      steps: ['identifier', 'password'],
    }, 'signIn.titleApp');
  }

  protected renderForm(): TemplateResult | typeof nothing {
    const flow = this.flow!;
    const {step, email} = flow.state;
    const back = {label: this.t('common.back'), onClick: () => flow.back()};
    flow.phoneRegion = this.phoneCountry || undefined;
    switch (step) {
      case 'identifier': {
        const {pending} = flow.state;
        const passkeys = flow.passkeys;
        return html`${this.formAlert(['email', 'phone'])} ${this.socialButtons('top')} ${this.emailInput({webauthn: passkeys, orPhone: this.client!.capabilities.phoneNumber})}
          ${this.submitButton()}
          ${passkeys
            ? html`<button type="button" class="ae-secondary" ${part('passkey-button', this.mergedAppearance)} aria-disabled=${pending} @click=${() => pending || void flow.signInWithPasskey()}>${this.t('signIn.passkey')}</button>`
            : nothing}
          <div class="ae-actions">${this.#anotherMethod()}</div>
          ${this.socialButtons('bottom')}`;
      }
      case 'two-factor':
      case 'backup-code':
        return this.#renderSecondStep({
          flow,
          t: this.t.bind(this),
          appearance: this.mergedAppearance,
          nodeId: this.nodeId.bind(this),
          form: this.form,
          alert: this.formAlert(['code']),
          error: this.fieldError('code'),
          submit: this.submitButton(),
          back: this.action(back.label, back.onClick, 'back-link'),
          days: this.client!.capabilities.trustedDeviceDays,
        });
      case 'password':
        return html`${this.formAlert(['password'])} ${hiddenEmail(email)}
          ${this.passwordInput({
            autocomplete: 'current-password',
            label: this.t('common.passwordLabel'),
            labelAction: this.action(this.t('signIn.forgotPassword'), () => void flow.forgotPassword(), 'forgot-password-link'),
          })}
          ${this.submitButton()}
          <div class="ae-actions">${this.action(this.t('common.changeEmail'), () => flow.back(), 'back-link')} ${this.#anotherMethod()}</div>`;
      case 'verify-email':
        return this.codeStep(back, () => void flow.resendVerificationCode());
      case 'reset-code':
        return this.codeStep(back, () => void flow.resendResetCode());
      case 'reset-password':
        return html`${this.formAlert(['password'])} ${hiddenEmail(email)}
          ${this.passwordInput({autocomplete: 'new-password', label: this.t('signIn.newPasswordLabel')})}
          ${this.passwordRules()} ${this.submitButton(this.t('signIn.resetSubmit'))}
          <div class="ae-actions">${this.action(back.label, back.onClick, 'back-link')}</div>`;
      case 'methods':
      case 'email-code':
      case 'link-sent':
      case 'link':
      case 'link-elsewhere':
      case 'phone-code':
        return this.#renderOtherMethods();
      case 'complete':
        return nothing;
    }
  }

  protected submitForm(data: FormData): void {
    const flow = this.flow;
    if (!flow) return;
    const value = (name: string) => String(data.get(name) ?? '');
    switch (flow.state.step) {
      case 'identifier':
        // A number's words (its error) come with the rest of English, while its code loads.
        if (this.client?.capabilities.phoneNumber && looksLikePhoneNumber(value('email'))) this.activeLocalizer.require(['phone']).catch(() => {});
        // An enterprise address comes back signed in where a social sign-in would.
        void flow.submitEmail(value('email'), this.callbackUrl());
        break;
      case 'password':
        void flow.submitPassword(value('password'));
        break;
      case 'verify-email':
        void flow.submitVerificationCode(value('code'));
        break;
      case 'reset-code':
        void flow.submitResetCode(value('code'));
        break;
      case 'reset-password':
        void flow.submitNewPassword(value('password'));
        break;
      case 'email-code':
        void flow.submitSignInCode(value('code'));
        break;
      case 'link-elsewhere':
        void flow.signInHere();
        break;
      case 'phone-code':
        void flow.submitPhoneCode(value('code'));
        break;
      case 'two-factor':
      case 'backup-code':
        void flow.submitSecondFactor(flow.state.step === 'two-factor' ? 'totp' : 'backup-code', value('code'), data.has('trustDevice'));
    }
  }
}
