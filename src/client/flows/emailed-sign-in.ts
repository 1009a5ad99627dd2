import {AuthError} from '../errors.js';
import {rememberLinkAsked, takeLinkAsked} from '../sign-in-memory.js';
import type {SessionInfo, SignInMethod, SignInStep} from '../types.js';
import type {FlowContext} from './flow-context.js';
import type {FlowState} from './flow.js';

/** What the emailed ways in need of the sign-in flow they are part of. */
export interface EmailedSignInHost {
  readonly context: FlowContext;
  readonly state: FlowState<SignInStep>;
  set(patch: Partial<FlowState<SignInStep>>): void;
  /** Moves forward to a step, remembering where Back returns to. */
  arrive(step: SignInStep): void;
  complete(info: SessionInfo, method: SignInMethod): void;
  /** Throws `invalid_code` for a code of the wrong shape (before asking the API). */
  requireCode(code: string): void;
  /** The page a sign-in link opens. */
  linkPage(): string;
}

/**
 * Sign-in by a code or a link emailed (the adapter's `sendSignInCode`, `signInWithCode`,
 * `sendSignInLink`, `signInWithLink`), for SignInFlow, which runs each of these in its `run()`.
 * A link asked for here signs in where it opens; one opened in a browser that did not ask waits
 * for "Sign in here".
 */
export class EmailedSignIn {
  /** A link asked for in another browser, waiting for "Sign in here". */
  #elsewhereToken = '';

  constructor(private readonly host: EmailedSignInHost) {}

  get #adapter() {
    return this.host.context.adapter;
  }

  async sendCode(): Promise<void> {
    if (!this.#adapter.sendSignInCode) throw new AuthError('unsupported');
    await this.#adapter.sendSignInCode(this.host.state.email);
    this.host.arrive('email-code');
  }

  async resendCode(): Promise<void> {
    await this.#adapter.sendSignInCode!(this.host.state.email);
    this.host.set({codeSent: true});
  }

  async submitCode(code: string): Promise<void> {
    this.host.requireCode(code);
    if (!this.#adapter.signInWithCode) throw new AuthError('unsupported');
    this.host.complete(await this.#adapter.signInWithCode(this.host.state.email, code), 'email-code');
  }

  async sendLink(): Promise<void> {
    if (!this.#adapter.sendSignInLink) throw new AuthError('unsupported');
    await this.#adapter.sendSignInLink(this.host.state.email, this.host.linkPage());
    rememberLinkAsked();
    this.host.arrive('link-sent');
  }

  async resendLink(): Promise<void> {
    await this.#adapter.sendSignInLink!(this.host.state.email, this.host.linkPage());
    rememberLinkAsked();
    this.host.set({codeSent: true});
  }

  /** A link's token the page was opened with: true when this browser asked for it (sign in now). */
  opened(token: string): boolean {
    if (takeLinkAsked()) {
      this.#elsewhereToken = '';
      return true;
    }
    this.#elsewhereToken = token;
    this.host.set({step: 'link-elsewhere', error: null});
    return false;
  }

  /** The token "Sign in here" signs in with. */
  get elsewhereToken(): string {
    return this.#elsewhereToken;
  }

  async signInWithLink(token: string): Promise<void> {
    if (!this.#adapter.signInWithLink) throw new AuthError('unsupported');
    this.host.complete(await this.#adapter.signInWithLink(token), 'email-link');
    this.#elsewhereToken = '';
  }
}
