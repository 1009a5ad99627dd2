import {AuthError, toAuthError} from '../errors.js';
import type {Landing} from '../landing.js';
import {providerError} from '../landing-params.js';
import {lastSignInMethod, rememberSignInMethod} from '../sign-in-memory.js';
import type {PasskeySignInOptions, SecondFactorKind, SignInMethod, SignInStep} from '../types.js';
import {webAuthnAvailable} from '../webauthn-support.js';
import {isValidCode, isValidEmail, looksLikePhoneNumber, meetsPolicy} from '../validation.js';
import {EmailedSignIn} from './emailed-sign-in.js';
import {Flow, type FlowState} from './flow.js';
import type {FlowContext} from './flow-context.js';
import {enterpriseSignIn, socialSignIn} from './social.js';
import {textedCode} from './texted-code-loader.js';

/** Digits of an authenticator app's code (RFC 6238's default, what better-auth issues). */
const TOTP_DIGITS = 6;

/** An error that a passkey prompt ending without a sign-in gives: nothing to show. */
const quiet = (error: unknown) => error instanceof AuthError ? error.code === 'cancelled' : (error as Error)?.name === 'AbortError';


/**
 * Sign-in: email → password → signed in. An unverified email detours through a code step;
 * "forgot password" goes code → new password → signed in; an account with two-step
 * verification asks for its app's code (or a backup code) after the password. A passkey signs
 * in from the first step, by its button or the email field's autofill. "Use another method"
 * lists every way the API allows: a code or a link emailed (the link opens the page that asked
 * for it, `openLanding`), a passkey, the social providers.
 */
export class SignInFlow extends Flow<SignInStep> {
  #context: FlowContext;
  #password = '';
  #resetCode = '';
  /** Where `back()` goes from the steps reached more than one way (the methods, a code or link sent). */
  #cameFrom: Partial<Record<SignInStep, SignInStep>> = {};
  /** The page sign-in links open: the element's choice, else the page the card is on. */
  linkPage = '';
  /** Where a phone number typed without its country code is read (`US`, `GB`); the element sets it. */
  phoneRegion: string | undefined;

  constructor(context: FlowContext) {
    super('identifier');
    this.#context = context;
    const flow = this;
    this.#emailed = new EmailedSignIn({
      context,
      get state() {
        return flow.state;
      },
      set: (patch) => this.set(patch),
      arrive: (step) => this.#arrive(step),
      complete: (info, method) => this.#complete(info, method),
      requireCode: (code) => this.#requireCode(code),
      linkPage: () => this.linkPage || globalThis.location?.href || '/',
    });
  }

  /**
   * The first step's Continue. A phone number (where the API has them) is texted a code. An address whose domain has an enterprise provider goes there
   * (`callbackURL` is where it comes back signed in); others go on to the password, or where the
   * API has none, to a code or link emailed.
   */
  async submitEmail(email: string, callbackURL?: string): Promise<boolean> {
    // Where the API texts codes, the first step takes a phone number too.
    if (this.#isPhoneNumber(email)) return this.sendPhoneCode(email);
    if (!this.#takeEmail(email)) return false;
    const {capabilities} = this.#context.adapter;
    if (capabilities.enterpriseSSO) {
      let enterprise = false;
      const looked = await this.run('sign-in', async () => {
        enterprise = await enterpriseSignIn(this.#context, this.state.email, callbackURL ?? globalThis.location?.href ?? '/', (info) => this.#complete(info));
      });
      if (!looked || enterprise) return looked;
    }
    if (capabilities.emailPassword) {
      this.set({step: 'password', error: null});
      return true;
    }
    // No passwords here: the email's first other way in.
    if (this.methods.includes('email-code')) return this.sendCode();
    if (this.methods.includes('email-link')) return this.sendLink();
    this.fail(new AuthError('unsupported'));
    return false;
  }

  /**
   * The ways to sign in "Use another method" lists: what the API has (and the browser, for
   * passkeys), but the one the person is at now (the password, from the password step).
   */
  get methods(): SignInMethod[] {
    const {adapter} = this.#context;
    const {emailPassword, emailCode, magicLink, socialProviders} = adapter.capabilities;
    const byPhone = this.#isPhoneNumber(this.state.email);
    const all: SignInMethod[] = [
      ...(emailPassword && !byPhone ? (['password'] as const) : []),
      ...(emailCode && adapter.sendSignInCode && !byPhone ? (['email-code'] as const) : []),
      ...(magicLink && adapter.sendSignInLink && !byPhone ? (['email-link'] as const) : []),
      ...(byPhone ? (['phone-code'] as const) : []),
      ...(this.passkeys ? (['passkey'] as const) : []),
      ...socialProviders.map((id): SignInMethod => `social:${id}`),
    ];
    const current = this.#cameFrom.methods === 'password' ? 'password' : null;
    return all.filter((method) => method !== current);
  }

  /** The method used last on this device (its "Last used" badge), if the API still has it. */
  get lastUsed(): SignInMethod | null {
    const last = lastSignInMethod();
    return last && this.methods.includes(last) ? last : null;
  }

  /** "Use another method", from the first step (with the email typed, checked like Continue) or the password step. */
  showMethods(email = this.state.email): boolean {
    if (this.state.pending) return false;
    const from = this.state.step;
    if (from === 'identifier' && !this.#isPhoneNumber(email) && !this.#takeEmail(email)) return false;
    if (from === 'identifier') this.set({email: email.trim()});
    this.#cameFrom = {methods: from};
    this.set({step: 'methods', error: null, codeSent: false});
    return true;
  }

  /** "Use your password" from the methods list. */
  usePassword(): void {
    if (!this.state.pending && this.state.step === 'methods') this.set({step: 'password', error: null});
  }

  /** Whether the first step's field holds a phone number the API can text (rather than an email). */
  #isPhoneNumber(typed: string): boolean {
    return this.#context.adapter.capabilities.phoneNumber && looksLikePhoneNumber(typed);
  }

  /** Takes the email typed (trimmed), or shows why it can't be used. */
  #takeEmail(email: string): boolean {
    email = email.trim();
    this.set({email});
    if (isValidEmail(email)) return true;
    this.fail(new AuthError('invalid_email'));
    return false;
  }

  /** Sign-in by a code or a link emailed (emailed-sign-in.ts). */
  readonly #emailed: EmailedSignIn;

  /** Emails a sign-in code and asks for it. */
  sendCode(): Promise<boolean> {
    return this.run('send-code', () => this.#emailed.sendCode());
  }

  resendCode(): Promise<boolean> {
    return this.run('send-code', () => this.#emailed.resendCode());
  }

  submitSignInCode(code: string): Promise<boolean> {
    return this.run('sign-in', () => this.#emailed.submitCode(code));
  }

  /** Emails a sign-in link that opens `linkPage` (where this card is, by default) and says to open it. */
  sendLink(): Promise<boolean> {
    return this.run('send-link', () => this.#emailed.sendLink());
  }

  resendLink(): Promise<boolean> {
    return this.run('send-link', () => this.#emailed.resendLink());
  }

  /** Texts a sign-in code to the number typed on the first step and asks for it (nothing is sent to a number without an account). */
  sendPhoneCode(typed: string): Promise<boolean> {
    this.set({email: typed.trim()});
    return this.run('send-code', async () => {
      const phoneNumber = await (await textedCode()).textCode(this.#context, typed, this.phoneRegion, 'sign-in');
      this.set({phoneNumber});
      this.#arrive('phone-code');
    });
  }

  resendPhoneCode(): Promise<boolean> {
    return this.run('send-code', async () => {
      await (await textedCode()).textCode(this.#context, this.state.phoneNumber, undefined, 'sign-in');
      this.set({codeSent: true});
    });
  }

  submitPhoneCode(code: string): Promise<boolean> {
    return this.run('sign-in', async () => {
      this.#requireCode(code);
      this.#complete(await (await textedCode()).signInWithTextedCode(this.#context, this.state.phoneNumber, code), 'phone-code');
    });
  }

  /** Moves forward to `step`, remembering where `back()` returns to. */
  #arrive(step: SignInStep): void {
    this.#cameFrom = {...this.#cameFrom, [step]: this.state.step === step ? this.#cameFrom[step] : this.state.step};
    this.set({step, codeSent: false});
  }

  /**
   * What the page's address brought back (landing.ts): a sign-in link signs in at once where
   * this browser asked for it, and asks first where another did ("Sign in here?"); a provider's
   * refusal shows on the first step.
   */
  openLanding(landing: Landing): Promise<boolean> | boolean {
    if (landing.kind === 'provider') {
      if (landing.error) this.set({step: 'identifier', error: providerError(landing.error)});
      return true;
    }
    return this.#emailed.opened(landing.token) ? this.#signInWithLink(landing.token) : true;
  }

  /** "Sign in here" for a link asked for in another browser. */
  signInHere(): Promise<boolean> {
    return this.#signInWithLink(this.#emailed.elsewhereToken);
  }

  #signInWithLink(token: string): Promise<boolean> {
    this.set({step: 'link', error: null});
    return this.run('sign-in', () => this.#emailed.signInWithLink(token));
  }

  submitPassword(password: string): Promise<boolean> {
    return this.run('sign-in', async () => {
      this.#password = password;
      try {
        await this.#signIn(password);
      } catch (error) {
        if (error instanceof AuthError && error.code === 'email_not_verified') {
          // The API sent a fresh code with its refusal: ask for it.
          this.set({step: 'verify-email'});
          return;
        }
        if (error instanceof AuthError && error.code === 'two_factor_required') {
          this.set({step: 'two-factor'});
          return;
        }
        throw error;
      }
    });
  }

  submitVerificationCode(code: string): Promise<boolean> {
    return this.run('verify', async () => {
      this.#requireCode(code);
      const info = await this.#context.adapter.verifyEmail(this.state.email, code);
      if (info) this.#complete(info);
      else await this.#signIn(this.#password);
    });
  }

  resendVerificationCode(): Promise<boolean> {
    return this.run('send-code', async () => {
      await this.#context.adapter.sendVerificationCode(this.state.email);
      this.set({codeSent: true});
    });
  }

  forgotPassword(): Promise<boolean> {
    return this.run('send-code', async () => {
      await this.#context.adapter.requestPasswordReset(this.state.email);
      this.set({step: 'reset-code'});
    });
  }

  resendResetCode(): Promise<boolean> {
    return this.run('send-code', async () => {
      await this.#context.adapter.requestPasswordReset(this.state.email);
      this.set({codeSent: true});
    });
  }

  submitResetCode(code: string): Promise<boolean> {
    return this.run('verify', async () => {
      this.#requireCode(code);
      await this.#context.adapter.checkPasswordResetCode(this.state.email, code);
      this.#resetCode = code;
      this.set({step: 'reset-password'});
    });
  }

  submitNewPassword(password: string): Promise<boolean> {
    return this.run('reset', async () => {
      if (!meetsPolicy(password, this.#context.adapter.capabilities.passwordPolicy)) {
        throw new AuthError('password_too_weak');
      }
      await this.#context.adapter.resetPassword(this.state.email, this.#resetCode, password);
      this.#password = password;
      await this.#signIn(password);
    });
  }

  /**
   * Signs in with a social provider: a session opens at once (`complete`), or the page leaves
   * for the provider, which comes back to `callbackURL` (the flow stays pending meanwhile).
   */
  signInWithSocial(provider: string, callbackURL: string): Promise<boolean> {
    return this.run('sign-in', () => socialSignIn(this.#context, provider, callbackURL, (info) => this.#complete(info)));
  }

  /**
   * The second step: the authenticator app's code (`totp`) or a backup code. A sign-in that
   * is over meanwhile (expired, or too many wrong codes) goes back to the password, where its
   * error shows.
   */
  submitSecondFactor(kind: SecondFactorKind, code: string, trustDevice = false): Promise<boolean> {
    return this.run('verify', async () => {
      code = code.replace(/\s/g, '');
      if (!code || (kind === 'totp' && !isValidCode(code, TOTP_DIGITS))) throw new AuthError('invalid_code');
      const {adapter} = this.#context;
      if (!adapter.verifySecondFactor) throw new AuthError('unsupported');
      try {
        this.#complete(await adapter.verifySecondFactor({kind, code, trustDevice}), 'password');
      } catch (error) {
        // The half-done sign-in is over: only the password starts another.
        if (error instanceof AuthError && (error.code === 'code_expired' || error.code === 'too_many_attempts')) this.set({step: 'password'});
        throw error;
      }
    });
  }

  /** Switches the second step between the app's code and a backup code. */
  useSecondFactor(kind: SecondFactorKind): void {
    const step = kind === 'totp' ? 'two-factor' : 'backup-code';
    const onSecondStep = this.state.step === 'two-factor' || this.state.step === 'backup-code';
    if (!this.state.pending && onSecondStep && this.state.step !== step) this.set({step, error: null});
  }

  /**
   * Signs in with a passkey, by the browser's prompt (the autofill request under way, if any,
   * gives way to it). Closing the prompt is no error: nothing changes.
   */
  signInWithPasskey(): Promise<boolean> {
    this.stopPasskeyAutofill();
    return this.run('sign-in', () => this.#passkey({}));
  }

  #autofill: AbortController | null = null;

  /** Whether passkeys are offered: the API has them and so does the browser. */
  get passkeys(): boolean {
    return this.#context.adapter.capabilities.passkeys && webAuthnAvailable();
  }

  /**
   * Offers passkeys in the email field's autofill while the first step shows (the field has
   * `autocomplete="username webauthn"`); picking one signs in. Once per showing of the step:
   * call it on every render, it starts a request only when none is under way. Stops when the
   * step changes or `stopPasskeyAutofill()` is called; an abort is never shown.
   */
  startPasskeyAutofill(): void {
    if (this.#autofill || this.state.step !== 'identifier' || this.state.pending) return;
    const controller = (this.#autofill = new AbortController());
    void this.#passkey({autofill: true, signal: controller.signal}).then(
      () => {},
      (error) => {
        error = toAuthError(error);
        // Autofill the browser does not offer is no error either: the button remains.
        if (!controller.signal.aborted && error.code !== 'unsupported') this.set({error});
      },
    );
  }

  stopPasskeyAutofill(): void {
    this.#autofill?.abort();
    this.#autofill = null;
  }

  async #passkey(options: PasskeySignInOptions): Promise<void> {
    const {adapter} = this.#context;
    try {
      if (!adapter.signInWithPasskey) throw new AuthError('unsupported');
      const info = await adapter.signInWithPasskey(options);
      if (!options.signal?.aborted) this.#complete(info, 'passkey');
    } catch (error) {
      if (!quiet(error)) throw error;
    }
  }

  protected override set(patch: Partial<FlowState<SignInStep>>): void {
    if (patch.step && patch.step !== 'identifier') this.stopPasskeyAutofill();
    super.set(patch);
  }

  /**
   * One step back: password → email, reset code → password, new password → reset code, second
   * step → password; the methods, a code or link sent → where they were reached from.
   */
  back(): void {
    if (this.state.pending) return;
    const previous: Partial<Record<SignInStep, SignInStep>> = {
      password: 'identifier',
      'two-factor': 'password',
      'backup-code': 'password',
      'verify-email': 'password',
      'reset-code': 'password',
      'reset-password': 'reset-code',
      methods: 'identifier',
      'email-code': 'identifier',
      'link-sent': 'identifier',
      link: 'identifier',
      'link-elsewhere': 'identifier',
      'phone-code': 'identifier',
    };
    const step = this.#cameFrom[this.state.step] ?? previous[this.state.step];
    if (step) this.set({step, error: null, codeSent: false});
  }

  async #signIn(password: string): Promise<void> {
    const info = await this.#context.adapter.signInWithPassword({email: this.state.email, password});
    this.#complete(info, 'password');
  }

  #complete(info: Parameters<FlowContext['openSession']>[0], method?: SignInMethod): void {
    this.#password = '';
    this.#resetCode = '';
    if (method) rememberSignInMethod(method);
    this.#context.openSession(info);
    this.set({step: 'complete'});
  }

  #requireCode(code: string): void {
    if (!isValidCode(code, this.#context.adapter.capabilities.codeLength)) throw new AuthError('invalid_code');
  }
}
