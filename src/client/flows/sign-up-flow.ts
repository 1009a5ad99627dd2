import {AuthError} from '../errors.js';
import type {SignUpInput, SignUpStep} from '../types.js';
import {isValidCode, isValidEmail, meetsPolicy} from '../validation.js';
import {Flow} from './flow.js';
import type {FlowContext} from './flow-context.js';
import {socialSignIn} from './social.js';
import {textedCode} from './texted-code-loader.js';

/**
 * Sign-up: name, email, password → email code (when the API asks for one) → signed in; or,
 * where the API texts codes, name and phone number → texted code → signed in.
 */
export class SignUpFlow extends Flow<SignUpStep> {
  #context: FlowContext;
  #password = '';
  #name = '';
  /** Where a phone number typed without its country code is read (`US`, `GB`); the element sets it. */
  phoneRegion: string | undefined;

  constructor(context: FlowContext) {
    super('details');
    this.#context = context;
  }

  submitDetails(input: SignUpInput): Promise<boolean> {
    const email = input.email.trim();
    this.set({email});
    return this.run('sign-up', async () => {
      if (!isValidEmail(email)) throw new AuthError('invalid_email');
      if (!meetsPolicy(input.password, this.#context.adapter.capabilities.passwordPolicy)) {
        throw new AuthError('password_too_weak');
      }
      const result = await this.#context.adapter.signUp({...input, name: input.name.trim(), email});
      this.#password = input.password;
      if (result.session) this.#complete({user: result.user, session: result.session});
      else this.set({step: 'verify-email'});
    });
  }

  /** Name and phone number: texts a code to the number (an account is made when it is entered). */
  submitPhoneDetails({name, phoneNumber: typed}: {name: string; phoneNumber: string}): Promise<boolean> {
    return this.run('sign-up', async () => {
      const phoneNumber = await (await textedCode()).textCode(this.#context, typed, this.phoneRegion, 'sign-up');
      this.#name = name.trim();
      this.set({phoneNumber, step: 'verify-phone'});
    });
  }

  submitPhoneCode(code: string): Promise<boolean> {
    return this.run('verify', async () => {
      if (!isValidCode(code, this.#context.adapter.capabilities.codeLength)) throw new AuthError('invalid_code');
      this.#complete(await (await textedCode()).signInWithTextedCode(this.#context, this.state.phoneNumber, code, this.#name));
    });
  }

  resendPhoneCode(): Promise<boolean> {
    return this.run('send-code', async () => {
      await (await textedCode()).textCode(this.#context, this.state.phoneNumber, undefined, 'sign-up');
      this.set({codeSent: true});
    });
  }

  submitVerificationCode(code: string): Promise<boolean> {
    return this.run('verify', async () => {
      if (!isValidCode(code, this.#context.adapter.capabilities.codeLength)) throw new AuthError('invalid_code');
      const info =
        (await this.#context.adapter.verifyEmail(this.state.email, code)) ??
        (await this.#context.adapter.signInWithPassword({email: this.state.email, password: this.#password}));
      this.#complete(info);
    });
  }

  resendVerificationCode(): Promise<boolean> {
    return this.run('send-code', async () => {
      await this.#context.adapter.sendVerificationCode(this.state.email);
      this.set({codeSent: true});
    });
  }

  /**
   * Signs in with a social provider: a session opens at once (`complete`), or the page leaves
   * for the provider, which comes back to `callbackURL` (the flow stays pending meanwhile).
   */
  signInWithSocial(provider: string, callbackURL: string): Promise<boolean> {
    return this.run('sign-in', () => socialSignIn(this.#context, provider, callbackURL, (info) => this.#complete(info)));
  }

  /** Back from the code step to the details (to fix a mistyped email or number). */
  back(): void {
    if (this.state.pending || (this.state.step !== 'verify-email' && this.state.step !== 'verify-phone')) return;
    this.set({step: 'details', error: null, codeSent: false});
  }

  #complete(info: Parameters<FlowContext['openSession']>[0]): void {
    this.#password = '';
    this.#name = '';
    this.#context.openSession(info);
    this.set({step: 'complete'});
  }
}
