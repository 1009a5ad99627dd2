import {html, isServer, type PropertyValues, type TemplateResult, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {checkPassword, meetsPolicy} from '../client/validation.js';
import {card, footerAction, legalLinks} from './card.js';
import {alert, codeField, hiddenEmail, linkButton, notice, passwordField, passwordRules, primaryButton, textField} from './fields.js';
import type {AuthError, AuthErrorCode} from '../client/errors.js';
import {followRedirect, safeLinkTarget, safeRedirectUrl} from '../client/redirect.js';
import type {Flow} from '../client/flows/flow.js';
import type {User} from '../client/types.js';
import {AuthErrorEvent, AuthSignedInEvent, AuthSwitchRequestEvent} from '../events.js';
import {announce, ensureAnnouncer} from './announcer.js';
import {AuthElement} from './auth-element.js';
import {focusIsLost, focusIsWithin, restoreFocusIfLost} from './focus.js';
import {formOwnerId, LightForm} from './light-form.js';
import {PasswordStrength} from './password-strength.js';
import {SocialButtonsLoader} from './social-loader.js';
import {busyIndicator, DelayedFlag} from './status-views.js';
import {userLabel} from './user-label.js';

/** What links are checked against on a server, which has no `location`: relative links pass, others don't. */
const SERVER_LINK_POLICY = {base: 'http://server.invalid/'};

/** Every connected flow element, to find the one that takes focus when a card is swapped for another. */
const connectedFlowElements = new Set<{focusFirstField(): void} & HTMLElement>();

/** Which field an error belongs to; the rest show above the form. */
const FIELD_OF_ERROR: Partial<Record<AuthErrorCode, string>> = {
  invalid_email: 'email',
  email_taken: 'email',
  invalid_phone: 'phone',
  invalid_credentials: 'password',
  password_too_short: 'password',
  password_too_long: 'password',
  password_too_weak: 'password',
  password_compromised: 'password',
  invalid_code: 'code',
  code_used: 'code',
  code_expired: 'code',
  too_many_attempts: 'code',
};

/**
 * The base of elements that collect credentials. The `<form>` and its inputs live in the light
 * DOM (slotted into the card), where password managers find them; the card chrome stays in
 * the shadow root. Subclasses render their form with `renderForm()` and get each submit's
 * FormData in `submitForm()`.
 */

/** The flows that offer social sign-in. */
interface SocialFlow extends Flow<string> {
  signInWithSocial(provider: string, callbackURL: string): Promise<boolean>;
}

/**
 * Title and subtitle locale keys for each step of a flow. A step marked `form` shows its
 * subtitle inside the form, as the line the step's field is described by (a code step's
 * "we sent a code to …", which a light-DOM input can't reference across the shadow boundary).
 */
export type StepHeadings<Step extends string> = Record<Step, readonly [title: string, subtitle: string, subtitleIn?: 'form']>;

/** The other card a footer link leads to. */
export type CardSwitch = 'sign-in' | 'sign-up';

/** The line under the card that links to the other flow ("Don't have an account? Sign up"). */
export interface CardFooter<Step extends string> {
  href: string | undefined;
  /** The card the link leads to (named by `auth-switch-request`). */
  to: CardSwitch;
  prompt: string;
  link: string;
  /** The steps that show it. */
  steps: readonly Step[];
}

export abstract class AuthFormElement<Step extends string> extends AuthElement {
  /** Where to go after a successful sign-in (same origin or an allowlisted origin). */
  @property({attribute: 'after-sign-in-url'}) afterSignInUrl?: string;

  /**
   * Show the footer link ("Sign up", "Sign in") even without a URL, as a button that only fires
   * `auth-switch-request`. Set by the provider's modal, which switches the card in place.
   */
  @property({attribute: false}) switchInPlace = false;

  /**
   * Multi-session: the form shows while someone is signed in (instead of the signed-in state), so
   * another account can sign in; it is added on this device and becomes the active one. Set by
   * the provider's modal for the user button's "Add account".
   */
  @property({attribute: false}) addAccount = false;

  /** Whether the form is for someone to sign in now: nobody is, or another account is being added. */
  #formShown(): boolean {
    const {status} = this.authState;
    return status === 'signed-out' || (status === 'signed-in' && this.addAccount && this.step !== 'complete');
  }

  /** The social buttons' code and icons, loaded only when the API has social providers. */
  readonly #social = new SocialButtonsLoader(this);

  /** Whether password fields show their text. */
  @state() protected passwordVisible = false;
  /** The password being typed, for the rules shown as the user types. */
  @state() protected typedPassword = '';

  /** The new password's strength meter, and why the last submit refused it (too easy to guess). */
  readonly #strength = new PasswordStrength(this, () => this.#strengthInputs(), () => this.activeLocalizer.require(['passwordStrength']));

  /** The light-DOM form the steps render into (the kit's one mechanism for it: LightForm). */
  readonly #lightForm = new LightForm(this, {
    owner: formOwnerId(),
    slot: 'form',
    content: () => this.#formContent(),
    onSubmit: (data) => this.#submit(data),
    busy: () => !!this.flow?.state.pending || this.#strength.judging,
  });

  /** The light-DOM form, created on first use (a server has no `document` while constructing). */
  protected get form(): HTMLFormElement {
    return this.#lightForm.form;
  }

  protected flow?: Flow<Step>;
  #flowClient?: unknown;
  /** Who was signed in when the flow was last checked (a change of user starts the flow over). */
  #flowUser: string | null = null;
  #lastStep?: Step;
  #lastPending = false;
  #reportedError: unknown = null;
  /** The session check is slow: show a busy indicator instead of nothing. */
  readonly #slowCheck = new DelayedFlag(this);

  protected override get lightFormSelector(): string {
    return this.#lightForm.selector;
  }

  /** A document-unique id for a light-DOM node of this instance. */
  protected nodeId(name: string): string {
    return this.#lightForm.nodeId(name);
  }

  /**
   * Where a phone number typed without its country code is from (an ISO 3166 code such as `GB`),
   * where the API texts codes; by default the region of the browser's language.
   */
  @property({attribute: 'phone-country'}) phoneCountry?: string;

  /** The flow's first step (shown before the client is there). */
  protected abstract readonly firstStep: Step;
  /** Each step's title and subtitle (plus the signed-in state, `complete`). */
  protected abstract readonly headings: StepHeadings<Step | 'complete'>;
  protected abstract createFlow(): Flow<Step> | undefined;
  protected abstract renderForm(): TemplateResult | typeof nothing;
  protected abstract submitForm(data: FormData): void;

  override connectedCallback(): void {
    super.connectedCallback();
    ensureAnnouncer();
    connectedFlowElements.add(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connectedFlowElements.delete(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const user = this.authState.user?.id ?? null;
    if (this.client !== this.#flowClient) {
      this.#flowClient = this.client;
      this.#startOver();
    } else if (user !== this.#flowUser && !(user && this.flow?.state.step === 'complete')) {
      // Someone else signed in or out (here, in another element or another tab): whatever the
      // flow was doing was for the previous user. (A flow that just signed someone in keeps its
      // `complete` step.)
      this.#startOver();
    }
    this.#flowUser = user;
    this.watch('flow', this.flow);
    this.#slowCheck.sync(this.authState.status === 'loading');
  }

  /** A fresh flow at its first step, nothing typed kept. */
  #startOver(): void {
    this.flow = this.createFlow();
    this.clearInput();
  }

  /** Forgets what the user typed and chose (subclasses add their own). */
  protected clearInput(): void {
    this.passwordVisible = false;
    this.typedPassword = '';
    this.#strength.reset();
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const state = this.flow?.state;
    this.form.toggleAttribute('aria-busy', !!state?.pending || this.#strength.judging || this.authState.status === 'loading');
    this.setState('busy', !!state?.pending);
    this.setState('error', !!state?.error);
  }

  /** The form's content for the session's status: the step, a busy indicator, or why the API can't answer. */
  #formContent(): TemplateResult | typeof nothing {
    switch (this.authState.status) {
      case 'loading':
        return this.#slowCheck.value ? busyIndicator(this.t('common.loading'), this.mergedAppearance) : nothing;
      case 'unavailable':
        return this.unavailableView();
      case 'signed-in':
      case 'signed-out':
        return this.flow && this.#formShown() ? this.renderForm() : nothing;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const state = this.flow?.state;
    if (!state) return;
    if (state.error && state.error !== this.#reportedError) {
      this.dispatchEvent(new AuthErrorEvent(state.error));
    }
    this.#reportedError = state.error;
    if (state.pending && !this.#lastPending && state.activity) announce(this.t(`busy.${state.activity}`), this.activeLocalizer.language);
    this.#lastPending = state.pending;
    if (state.step !== this.#lastStep) {
      const previous = this.#lastStep;
      this.#strength.refused = null;
      this.#lastStep = state.step;
      // Keyboard users land in the new step's first field — never on first render, and never
      // pulled away from something else they are doing on the page.
      if (previous !== undefined && (focusIsWithin(this) || focusIsLost())) this.focusFirstField();
      if (state.step === 'complete') {
        const user = this.client?.user;
        if (user) announce(this.t('announce.signedIn', {name: userLabel(user)}), this.activeLocalizer.language);
        // The form is gone: focus the card's title, unless the card went away too (then the
        // content shown for signed-in users takes it, see VisibilityElement).
        void restoreFocusIfLost(() => this.renderRoot.querySelector<HTMLElement>('h1'));
        this.onComplete();
      }
    }
  }

  /** Focuses the current step's first field (or its first button, or the card's title). */
  focusFirstField(): void {
    const target =
      this.form.querySelector<HTMLElement>('input:not([hidden])') ??
      this.form.querySelector<HTMLElement>('button') ??
      this.renderRoot.querySelector<HTMLElement>('h1');
    target?.focus();
  }

  /**
   * The footer link ("Sign up", "Sign in") is followed: `auth-switch-request` first, which may
   * keep the link from being followed (a modal or a router shows the other card itself). A
   * link opened elsewhere (a middle or modified click) is the browser's business alone.
   */
  #onFooterLink(to: CardSwitch, href: string | undefined, event: MouseEvent): void {
    if (href && (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)) return;
    if (!this.dispatchEvent(new AuthSwitchRequestEvent(to, href ?? null))) {
      event.preventDefault();
      return;
    }
    if (!href) return;
    // Followed without a page load (a hash route that swaps cards): the card that is now shown
    // takes the focus this one had. The page's router may swap the cards a little later (on
    // hashchange, after its own work).
    void restoreFocusIfLost(() => {
      const shown = [...connectedFlowElements].find((element) => element !== this && element.checkVisibility());
      shown?.focusFirstField();
      return null;
    }, 1000);
  }

  /**
   * A submit: a new password that meets the policy but is too easy to guess is refused here,
   * before the flow sees it (the reason on the field, what was typed kept); the rest goes to
   * `submitForm`. When the strength library can't load, only the policy applies.
   */
  #submit(data: FormData): void {
    const password = String(data.get('password') ?? '');
    const policy = this.client?.capabilities.passwordPolicy;
    if (!this.#newPasswordInput() || !password || (policy && !meetsPolicy(password, policy))) return this.submitForm(data);
    const t = (key: string, values?: Record<string, unknown>) => this.t(key, values);
    this.#strength.submit(password, t, this.form, () => this.submitForm(data), () => void this.updateComplete.then(() => this.#newPasswordInput()?.focus()));
  }

  #newPasswordInput(): HTMLInputElement | null {
    return this.form.querySelector<HTMLInputElement>('input[name="password"][autocomplete="new-password"]');
  }

  /** What zxcvbn should score a new password against: the email and name in the form or the flow. */
  #strengthInputs(): string[] {
    const typed = [...this.form.querySelectorAll<HTMLInputElement>('input[name="email"], input[name="name"]')].map((input) => input.value);
    return [this.flow?.state.email ?? '', ...typed].filter(Boolean);
  }

  /** Called once the flow has signed the user in. */
  protected onComplete(): void {
    const user = this.client?.user as User | null | undefined;
    if (user) this.dispatchEvent(new AuthSignedInEvent(user));
    followRedirect(this.afterSignInUrl, this.client?.redirectPolicy);
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

  /** A link target the integrator configured, as written, if it is safe to follow. */
  protected safeHref(url: string | undefined): string | undefined {
    // A server has no page URL to check against: a relative link (same origin by construction)
    // renders there as it will in the browser, so the hydrated footer matches the server's.
    return safeLinkTarget(url, this.client?.redirectPolicy ?? (isServer ? SERVER_LINK_POLICY : undefined)) ?? undefined;
  }

  /** The current step, or the first one before the flow exists. */
  protected get step(): Step {
    return this.flow?.state.step ?? this.firstStep;
  }

  /**
   * The card around the slotted form: the step's title and subtitle (the signed-in state when
   * someone already is), and the footer link on the steps that show it.
   */
  protected renderCard(footer: CardFooter<Step>, appTitle: string): TemplateResult {
    const step = this.step;
    const shown = step !== 'complete' && this.authState.status === 'signed-in' && !this.#formShown() ? 'complete' : step;
    const [title, subtitle, subtitleIn] = this.headings[shown];
    const appearance = this.mergedAppearance;
    const {applicationName, logoImageUrl, logoPlacement = 'inside'} = appearance.options;
    const values = this.#headingValues();
    const href = this.safeHref(footer.href);
    return card({
      title: this.t(applicationName && shown === this.firstStep ? appTitle : title, values),
      subtitle: subtitleIn === 'form' && this.#formShown() ? undefined : this.t(subtitle, values),
      appearance,
      logo: logoImageUrl && logoPlacement !== 'none' ? {src: logoImageUrl, alt: applicationName ?? '', placement: logoPlacement} : undefined,
      links: legalLinks(appearance.options, (key) => this.t(key)),
      footer:
        (href || this.switchInPlace) && footer.steps.includes(step)
          ? footerAction({
              prompt: this.t(footer.prompt),
              label: this.t(footer.link),
              href,
              onClick: (event) => this.#onFooterLink(footer.to, href, event),
              appearance,
            })
          : nothing,
    });
  }

  /** What the headings may name: the flow's email, the user's name, the code's length, the app. */
  /** A texted code's wrong code says to check the text message, not the email. */
  protected override errorMessage(error: AuthError | null | undefined): string | null {
    return error?.code === 'invalid_code' && (this.step === 'phone-code' || this.step === 'verify-phone') ? this.t('phone.invalidCode') : super.errorMessage(error);
  }

  /** Where the step's code went, as the card says it: the email, or on a texted code's step the phone number. */
  protected codeRecipient(): string {
    return this.flow?.state.email ?? '';
  }

  #headingValues() {
    const user = this.authState.user;
    return {
      email: this.codeRecipient(),
      name: user ? userLabel(user) : '',
      count: this.client?.capabilities.codeLength ?? 6,
      applicationName: this.mergedAppearance.options.applicationName,
    };
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
    const callbackURL = this.callbackUrl();
    return this.#social.render({
      providers,
      names: this.client?.capabilities.socialProviderNames,
      placement,
      variant: socialButtonsVariant,
      pending: flow.state.pending,
      label: (provider) => this.t('social.continueWith', {provider}),
      dividerLabel: this.t('social.divider'),
      onSelect: (provider) => void flow.signInWithSocial(provider, callbackURL),
      appearance: this.mergedAppearance,
    });
  }

  /** Where a provider sends the browser back to, signed in: `after-sign-in-url` (if safe), else this page. */
  protected callbackUrl(): string {
    return safeRedirectUrl(this.afterSignInUrl, this.client?.redirectPolicy) ?? location.href;
  }

  /** The submit button, busy while the flow works (and saying what it does: "Signing in…"). */
  protected submitButton(label = this.t('common.continue')): TemplateResult {
    const activity = this.flow?.state.activity;
    const busyLabel = activity ? this.t(`busy.${activity}`) : this.t('common.working');
    return primaryButton(label, !!this.flow?.state.pending, busyLabel, this.mergedAppearance);
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
    const hintId = this.nodeId('code-hint');
    return html`<p class="ae-hint" id=${hintId}>${this.t(this.headings[this.step][1], this.#headingValues())}</p>
      ${notice(codeSent ? this.t('common.codeSent', {email: this.codeRecipient()}) : null, this.mergedAppearance)}
      ${this.formAlert(['code'])} ${hiddenEmail(email)} ${this.codeInput(hintId)} ${this.submitButton()}
      <div class="ae-actions">
        ${this.action(back.label, back.onClick, 'back-link')} ${this.action(this.t('common.resendCode'), resend, 'resend-code-link')}
      </div>`;
  }

  /**
   * The email field (`autocomplete="username"`, for password managers; `username webauthn` where
   * the autofill offers passkeys too), with its error; with `orPhone`, "Email or phone number".
   */
  protected emailInput(options: {problem?: string; onBlur?: (event: FocusEvent) => void; webauthn?: boolean; orPhone?: boolean} = {}): TemplateResult {
    return textField({
      id: this.nodeId('email'),
      name: 'email',
      // One field for either (where the API texts codes): a text field, since a number is no email.
      type: options.orPhone ? 'text' : 'email',
      label: this.t(options.orPhone ? 'common.emailOrPhoneLabel' : 'common.emailLabel'),
      autocomplete: options.webauthn ? 'username webauthn' : 'username',
      inputmode: options.orPhone ? undefined : 'email',
      value: this.flow?.state.email ?? '',
      error: options.problem ?? this.fieldError('email') ?? (options.orPhone ? this.fieldError('phone') : undefined),
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
      describedBy: isNew ? [this.nodeId('rules'), this.#strength.result ? this.nodeId('strength') : ''].join(' ').trim() : undefined,
      error: options.problem ?? (isNew ? this.#strength.refused : null) ?? this.fieldError('password'),
      visible: this.passwordVisible,
      toggleLabel: this.t('common.showPassword'),
      onToggle: () => (this.passwordVisible = !this.passwordVisible),
      onInput: (event) => {
        this.typedPassword = (event.target as HTMLInputElement).value;
        if (isNew) this.#strength.input(this.typedPassword);
      },
      appearance: this.mergedAppearance,
    });
  }

  /** The one-time-code field, described by the line saying where the code went; a complete code submits the form. */
  protected codeInput(describedBy: string): TemplateResult {
    return codeField({
      id: this.nodeId('code'),
      describedBy,
      label: this.t('common.codeLabel'),
      length: this.client?.capabilities.codeLength ?? 6,
      error: this.fieldError('code'),
      onComplete: () => this.form.requestSubmit(),
      appearance: this.mergedAppearance,
    });
  }

  /** The password policy's rules, each marked met or not for what is typed, and the strength meter under them. */
  protected passwordRules(): TemplateResult {
    const meter = this.#strength.render(this.form.getRootNode(), {
      id: this.nodeId('strength'),
      t: (key, values) => this.t(key, values),
      lang: this.activeLocalizer.language,
      appearance: this.mergedAppearance,
    });
    return html`${this.#policyRules()} ${meter ?? nothing}`;
  }

  #policyRules(): TemplateResult | typeof nothing {
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
