import {AuthError} from '../errors.js';
import type {SignInStep} from '../types.js';
import {isValidCode, isValidEmail, meetsPolicy} from '../validation.js';
import {Flow} from './flow.js';
import type {FlowContext} from './flow-context.js';
import {socialSignIn} from './social.js';

/**
 * Sign-in: email → password → signed in. An unverified email detours through a code step;
 * "forgot password" goes code → new password → signed in.
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

  /** One step back: password → email, reset code → password, new password → reset code. */
  back(): void {
    if (this.state.pending) return;
    const previous: Partial<Record<SignInStep, SignInStep>> = {
      password: 'identifier',
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
