import {AuthError, toAuthError} from '../errors.js';
import type {PasskeySignInOptions, SecondFactorKind, SignInStep} from '../types.js';
import {webAuthnAvailable} from '../webauthn-support.js';
import {isValidCode, isValidEmail, meetsPolicy} from '../validation.js';
import {Flow, type FlowState} from './flow.js';
import type {FlowContext} from './flow-context.js';
import {socialSignIn} from './social.js';

/** Digits of an authenticator app's code (RFC 6238's default, what better-auth issues). */
const TOTP_DIGITS = 6;

/** An error that a passkey prompt ending without a sign-in gives: nothing to show. */
const quiet = (error: unknown) => error instanceof AuthError ? error.code === 'cancelled' : (error as Error)?.name === 'AbortError';

/**
 * Sign-in: email → password → signed in. An unverified email detours through a code step;
 * "forgot password" goes code → new password → signed in; an account with two-step
 * verification asks for its app's code (or a backup code) after the password. A passkey signs
 * in from the first step, by its button or the email field's autofill.
 */
export class SignInFlow extends Flow<SignInStep> {
  #context: FlowContext;
  #password = '';
  #resetCode = '';

  constructor(context: FlowContext) {
    super('identifier');
    this.#context = context;
  }

  async submitEmail(email: string): Promise<boolean> {
    email = email.trim();
    if (!isValidEmail(email)) {
      this.set({email});
      this.fail(new AuthError('invalid_email'));
      return false;
    }
    this.set({email, step: 'password', error: null});
    return true;
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
        this.#complete(await adapter.verifySecondFactor({kind, code, trustDevice}));
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
      if (!options.signal?.aborted) this.#complete(info);
    } catch (error) {
      if (!quiet(error)) throw error;
    }
  }

  protected override set(patch: Partial<FlowState<SignInStep>>): void {
    if (patch.step && patch.step !== 'identifier') this.stopPasskeyAutofill();
    super.set(patch);
  }

  /** One step back: password → email, reset code → password, new password → reset code, second step → password. */
  back(): void {
    if (this.state.pending) return;
    const previous: Partial<Record<SignInStep, SignInStep>> = {
      password: 'identifier',
      'two-factor': 'password',
      'backup-code': 'password',
      'verify-email': 'password',
      'reset-code': 'password',
      'reset-password': 'reset-code',
    };
    const step = previous[this.state.step];
    if (step) this.set({step, error: null, codeSent: false});
  }

  async #signIn(password: string): Promise<void> {
    const info = await this.#context.adapter.signInWithPassword({email: this.state.email, password});
    this.#complete(info);
  }

  #complete(info: Parameters<FlowContext['openSession']>[0]): void {
    this.#password = '';
    this.#resetCode = '';
    this.#context.openSession(info);
    this.set({step: 'complete'});
  }

  #requireCode(code: string): void {
    if (!isValidCode(code, this.#context.adapter.capabilities.codeLength)) throw new AuthError('invalid_code');
  }
}
