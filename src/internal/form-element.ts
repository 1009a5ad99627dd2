import {html, render, type PropertyValues, type SVGTemplateResult, type TemplateResult, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {part} from '../appearance/part.js';
import {checkPassword} from '../client/validation.js';
import {card} from './card.js';
import {alert, codeField, hiddenEmail, linkButton, notice, passwordField, passwordRules, primaryButton, textField} from './fields.js';
import type {AuthError, AuthErrorCode} from '../client/errors.js';
import {followRedirect, safeLinkUrl, safeRedirectUrl} from '../client/redirect.js';
import type {Flow} from '../client/flows/flow.js';
import type {User} from '../client/types.js';
import {AuthErrorEvent, AuthSignedInEvent} from '../events.js';
import {AuthElement} from './auth-element.js';
import {adoptLightStyles} from './light-styles.js';

let instances = 0;

/** Which field an error belongs to; the rest show above the form. */
const FIELD_OF_ERROR: Partial<Record<AuthErrorCode, string>> = {
  invalid_email: 'email',
  email_taken: 'email',
  invalid_credentials: 'password',
  password_too_short: 'password',
  password_too_long: 'password',
  password_too_weak: 'password',
  invalid_code: 'code',
  code_expired: 'code',
  too_many_attempts: 'code',
};

/**
 * The base of elements that collect credentials. The `<form>` and its inputs live in the light
 * DOM (slotted into the card), where password managers find them; the card chrome stays in
 * the shadow root. Subclasses render their form with `renderForm()` and get each submit's
 * FormData in `submitForm()`.
 */
type SocialModule = typeof import('./social-buttons.js');

/** The flows that offer social sign-in. */
interface SocialFlow extends Flow<string> {
  signInWithSocial(provider: string, callbackURL: string): Promise<boolean>;
}

/** Title and subtitle locale keys for each step of a flow. */
export type StepHeadings<Step extends string> = Record<Step, readonly [title: string, subtitle: string]>;

/** The line under the card that links to the other flow ("Don't have an account? Sign up"). */
export interface CardFooter<Step extends string> {
  href: string | undefined;
  prompt: string;
  link: string;
  /** The steps that show it. */
  steps: readonly Step[];
}

export abstract class AuthFormElement<Step extends string> extends AuthElement {
  /** Where to go after a successful sign-in (same origin or an allowlisted origin). */
  @property({attribute: 'after-sign-in-url'}) afterSignInUrl?: string;

  /** The social buttons' code and icons, loaded only when the API has social providers. */
  @state() private social?: {buttons: SocialModule['socialButtons']; icons: Readonly<Record<string, SVGTemplateResult>> | null};

  /** Whether password fields show their text. */
  @state() protected passwordVisible = false;
  /** The password being typed, for the rules shown as the user types. */
  @state() protected typedPassword = '';

  protected readonly form: HTMLFormElement = document.createElement('form');
  protected flow?: Flow<Step>;
  readonly #uid = `auth-${++instances}`;
  #flowClient?: unknown;
  #lastStep?: Step;
  #reportedError: AuthError | null = null;

  constructor() {
    super();
    this.form.setAttribute('data-auth-form', this.#uid);
    this.form.setAttribute('slot', 'form');
    this.form.setAttribute('novalidate', '');
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!this.flow?.state.pending) this.submitForm(new FormData(this.form));
    });
  }

  protected override get lightFormSelector(): string {
    return `form[data-auth-form="${this.#uid}"]`;
  }

  /** A document-unique id for a light-DOM node of this instance. */
  protected nodeId(name: string): string {
    return `${this.#uid}-${name}`;
  }

  /** The flow's first step (shown before the client is there). */
  protected abstract readonly firstStep: Step;
  protected abstract createFlow(): Flow<Step> | undefined;
  protected abstract renderForm(): TemplateResult | typeof nothing;
  protected abstract submitForm(data: FormData): void;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.form.parentNode !== this) this.append(this.form);
    adoptLightStyles(this.getRootNode());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.client !== this.#flowClient) {
      this.#flowClient = this.client;
      this.flow = this.createFlow();
    }
    this.watch('flow', this.flow);
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const state = this.flow?.state;
    this.form.toggleAttribute('aria-busy', !!state?.pending);
    this.setState('busy', !!state?.pending);
    this.setState('error', !!state?.error);
    const signedIn = this.authState.status === 'signed-in';
    render(state && !signedIn ? this.renderForm() : nothing, this.form, {host: this});
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const state = this.flow?.state;
    if (!state) return;
    if (state.error && state.error !== this.#reportedError) {
      this.dispatchEvent(new AuthErrorEvent(state.error));
    }
    this.#reportedError = state.error;
    if (state.step !== this.#lastStep) {
      const previous = this.#lastStep;
      this.#lastStep = state.step;
      // Keyboard users land in the new step's first field (never on first render).
      if (previous !== undefined) (this.form.querySelector<HTMLElement>('input:not([hidden])') ?? this.form.querySelector('button'))?.focus();
      if (state.step === 'complete') this.onComplete();
    }
  }

  /** Called once the flow has signed the user in. */
  protected onComplete(): void {
    const user = this.client?.user as User | null | undefined;
    if (user) this.dispatchEvent(new AuthSignedInEvent(user));
    followRedirect(this.afterSignInUrl, this.client?.redirectPolicy);
  }

  /** The localized message of the flow's current error, or null. */
  protected errorMessage(error: AuthError | null | undefined): string | null {
    if (!error) return null;
    if (error.code === 'rate_limited' && error.retryAfter) {
      return this.t('errors.rate_limited_wait', {count: Math.ceil(error.retryAfter)});
    }
    return this.t(`errors.${error.code}`);
  }

  /** The error message for a field of the current step, if the flow's error is about it. */
  protected fieldError(field: string): string | undefined {
    const error = this.flow?.state.error;
    return error && FIELD_OF_ERROR[error.code] === field ? (this.errorMessage(error) ?? undefined) : undefined;
  }

  /** The error message for the top of the form: errors that no field of this step owns. */
  protected formError(fields: readonly string[]): string | null {
    const error = this.flow?.state.error;
    if (!error) return null;
    const field = FIELD_OF_ERROR[error.code];
    return field && fields.includes(field) ? null : this.errorMessage(error);
  }

  /** A link target the integrator configured, if it is safe to follow. */
  protected safeHref(url: string | undefined): string | undefined {
    return safeRedirectUrl(url, this.client?.redirectPolicy) ?? undefined;
  }

  /** The current step, or the first one before the flow exists. */
  protected get step(): Step {
    return this.flow?.state.step ?? this.firstStep;
  }

  /**
   * The card around the slotted form: the step's title and subtitle (the signed-in state when
   * someone already is), and the footer link on the steps that show it.
   */
  protected renderCard(headings: StepHeadings<Step | 'complete'>, footer: CardFooter<Step>, appTitle: string): TemplateResult {
    const step = this.step;
    const shown = step !== 'complete' && this.authState.status === 'signed-in' ? 'complete' : step;
    const [title, subtitle] = headings[shown];
    const appearance = this.mergedAppearance;
    const {applicationName, logoImageUrl, logoPlacement = 'inside'} = appearance.options;
    const values = {
      email: this.flow?.state.email ?? '',
      name: this.authState.user?.name ?? '',
      count: this.client?.capabilities.codeLength ?? 6,
      applicationName,
    };
    const href = this.safeHref(footer.href);
    return card({
      title: this.t(applicationName && shown === this.firstStep ? appTitle : title, values),
      subtitle: this.t(subtitle, values),
      appearance,
      logo: logoImageUrl && logoPlacement !== 'none' ? {src: logoImageUrl, alt: applicationName ?? '', placement: logoPlacement} : undefined,
      links: this.#legalLinks(),
      footer:
        href && footer.steps.includes(step)
          ? html`${this.t(footer.prompt)} <a href=${href} ${part('footer-action-link', appearance)}>${this.t(footer.link)}</a>`
          : nothing,
    });
  }

  /**
   * The social sign-in buttons (and their "or" divider) when the API has providers and the
   * options place them here (`socialButtonsPlacement`, top by default).
   */
  protected socialButtons(placement: 'top' | 'bottom'): TemplateResult | typeof nothing {
    const providers = this.client?.capabilities.socialProviders ?? [];
    const {socialButtonsPlacement = 'top', socialButtonsVariant = 'auto'} = this.mergedAppearance.options;
    const flow = this.flow as SocialFlow | undefined;
    if (!providers.length || !flow || socialButtonsPlacement !== placement) return nothing;
    if (!this.social) {
      void this.#loadSocial();
      return nothing;
    }
    const callbackURL = safeRedirectUrl(this.afterSignInUrl, this.client?.redirectPolicy) ?? location.href;
    return this.social.buttons({
      providers,
      placement,
      variant: socialButtonsVariant,
      pending: flow.state.pending,
      label: (provider) => this.t('social.continueWith', {provider}),
      dividerLabel: this.t('social.divider'),
      onSelect: (provider) => void flow.signInWithSocial(provider, callbackURL),
      icons: this.social.icons,
      appearance: this.mergedAppearance,
    });
  }

  #socialLoading?: Promise<void>;

  #loadSocial(): Promise<void> {
    return (this.#socialLoading ??= (async () => {
      const {socialButtons} = await import('./social-buttons.js');
      this.social = {buttons: socialButtons, icons: null};
      const {socialIcons} = await import('./social-icons.js');
      this.social = {buttons: socialButtons, icons: socialIcons};
    })());
  }

  /** Terms, privacy and help, for the options that name a page (http or https only). */
  #legalLinks() {
    const {termsPageUrl, privacyPageUrl, helpPageUrl} = this.mergedAppearance.options;
    const items = (
      [
        [termsPageUrl, 'links.terms'],
        [privacyPageUrl, 'links.privacy'],
        [helpPageUrl, 'links.help'],
      ] as const
    ).flatMap(([url, label]) => {
      const href = safeLinkUrl(url);
      return href ? [{href, label: this.t(label)}] : [];
    });
    return {label: this.t('links.label'), items};
  }

  /** The submit button, busy while the flow works. */
  protected submitButton(label = this.t('common.continue')): TemplateResult {
    return primaryButton(label, !!this.flow?.state.pending, this.t('common.working'), this.mergedAppearance);
  }

  /** A text button inside the form, named by its part. */
  protected action(label: string, onClick: () => void, partName: string): TemplateResult {
    return linkButton(label, onClick, partName, this.mergedAppearance);
  }

  /** The form-level error for a step whose fields are `fields`. */
  protected formAlert(fields: readonly string[]) {
    const tone = this.flow?.state.error?.code === 'rate_limited' ? 'warning' : 'danger';
    return alert(this.formError(fields), this.mergedAppearance, tone);
  }

  /**
   * A step that asks for an emailed code: the "sent again" notice, the code field, Continue,
   * a way back and a way to have the code sent again.
   */
  protected codeStep(back: {label: string; onClick: () => void}, resend: () => void): TemplateResult {
    const {email, codeSent} = this.flow!.state;
    return html`${notice(codeSent ? this.t('common.codeSent', {email}) : null, this.mergedAppearance)}
      ${this.formAlert(['code'])} ${hiddenEmail(email)} ${this.codeInput()} ${this.submitButton()}
      <div class="ae-actions">
        ${this.action(back.label, back.onClick, 'back-link')} ${this.action(this.t('common.resendCode'), resend, 'resend-code-link')}
      </div>`;
  }

  /** The email field (`autocomplete="username"`, for password managers), with its error. */
  protected emailInput(options: {problem?: string; onBlur?: (event: FocusEvent) => void} = {}): TemplateResult {
    return textField({
      id: this.nodeId('email'),
      name: 'email',
      type: 'email',
      label: this.t('common.emailLabel'),
      autocomplete: 'username',
      inputmode: 'email',
      value: this.flow?.state.email ?? '',
      error: options.problem ?? this.fieldError('email'),
      onBlur: options.onBlur,
      appearance: this.mergedAppearance,
    });
  }

  /** A password field with show/hide, its error, and the typed value tracked for the rules. */
  protected passwordInput(options: {
    autocomplete: 'current-password' | 'new-password';
    label: string;
    labelAction?: TemplateResult | typeof nothing;
    /** A client-side problem to show instead of the flow's error. */
    problem?: string;
  }): TemplateResult {
    const isNew = options.autocomplete === 'new-password';
    return passwordField({
      id: this.nodeId('password'),
      name: 'password',
      label: options.label,
      autocomplete: options.autocomplete,
      labelAction: options.labelAction,
      describedBy: isNew ? this.nodeId('rules') : undefined,
      error: options.problem ?? this.fieldError('password'),
      visible: this.passwordVisible,
      showLabel: this.t('common.showPassword'),
      hideLabel: this.t('common.hidePassword'),
      onToggle: () => (this.passwordVisible = !this.passwordVisible),
      onInput: (event) => (this.typedPassword = (event.target as HTMLInputElement).value),
      appearance: this.mergedAppearance,
    });
  }

  /** The one-time-code field; a complete code submits the form. */
  protected codeInput(): TemplateResult {
    return codeField({
      id: this.nodeId('code'),
      label: this.t('common.codeLabel'),
      length: this.client?.capabilities.codeLength ?? 6,
      error: this.fieldError('code'),
      onComplete: () => this.form.requestSubmit(),
      appearance: this.mergedAppearance,
    });
  }

  /** The password policy's rules, each marked met or not for what is typed. */
  protected passwordRules(): TemplateResult | typeof nothing {
    const policy = this.client?.capabilities.passwordPolicy;
    if (!policy) return nothing;
    const rules = checkPassword(this.typedPassword, policy).map(({rule, met}) => ({
      label: this.t(`password.rule.${rule}`, {count: policy.minLength}),
      met,
    }));
    const states = {met: this.t('password.met'), unmet: this.t('password.unmet')};
    return passwordRules(this.nodeId('rules'), this.t('password.rulesTitle'), rules, states, this.mergedAppearance);
  }
}
