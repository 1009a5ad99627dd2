import type {IdentityAdapter} from './adapters/adapter.js';
import {toAuthError, type AuthError} from './errors.js';
import {SignInFlow} from './flows/sign-in-flow.js';
import {SignUpFlow} from './flows/sign-up-flow.js';
import type {FlowContext} from './flows/flow-context.js';
import {Listeners} from './listeners.js';
import type {RedirectPolicy} from './redirect.js';
import {TabSync} from './tab-sync.js';
import type {AuthState, Capabilities, Session, SessionInfo, User} from './types.js';

export interface AuthClientOptions {
  adapter: IdentityAdapter;
  /** Origins besides the page's own that redirects may go to. */
  allowedRedirectOrigins?: readonly string[];
  /** Follow sign-ins and sign-outs of other tabs (default true). */
  syncTabs?: boolean;
}

/**
 * Framework-free authentication state and flows. Knows nothing of Lit or the DOM tree:
 * elements subscribe to it, start flows from it, and render what it holds.
 */
export class AuthClient {
  readonly adapter: IdentityAdapter;
  readonly redirectPolicy: RedirectPolicy;
  /** Resolves once the first session check has answered. */
  readonly ready: Promise<void>;

  #state: AuthState = {status: 'loading', user: null, session: null};
  #changes = new Listeners<AuthState>();
  #errors = new Listeners<AuthError>();
  #tabSync: TabSync | null;
  #flowContext: FlowContext;

  constructor(options: AuthClientOptions) {
    this.adapter = options.adapter;
    this.redirectPolicy = {allowedOrigins: options.allowedRedirectOrigins ?? []};
    this.#flowContext = {adapter: this.adapter, openSession: (info) => this.#setSession(info, true), navigate: (url) => location.assign(url)};
    this.#tabSync = options.syncTabs === false ? null : new TabSync(this.adapter.name, () => void this.refresh());
    this.ready = this.refresh();
  }

  get state(): AuthState {
    return this.#state;
  }

  get user(): User | null {
    return this.#state.user;
  }

  get session(): Session | null {
    return this.#state.session;
  }

  get capabilities(): Capabilities {
    return this.adapter.capabilities;
  }

  /** Calls the listener on every change of state; returns the unsubscribe function. */
  subscribe(listener: (state: AuthState) => void): () => void {
    return this.#changes.add(listener);
  }

  /** Calls the listener on failures that no flow owns (session checks, sign-out). */
  onError(listener: (error: AuthError) => void): () => void {
    return this.#errors.add(listener);
  }

  /** Asks the API who is signed in. A failure leaves the known state and reports the error. */
  async refresh(): Promise<void> {
    try {
      this.#setSession(await this.adapter.getSession(), false);
    } catch (error) {
      if (this.#state.status === 'loading') this.#setSession(null, false);
      this.#errors.emit(toAuthError(error));
    }
  }

  /** A new sign-in flow (each element owns its own). */
  signIn(): SignInFlow {
    return new SignInFlow(this.#flowContext);
  }

  /** A new sign-up flow. */
  signUp(): SignUpFlow {
    return new SignUpFlow(this.#flowContext);
  }

  async signOut(): Promise<void> {
    try {
      await this.adapter.signOut();
    } catch (error) {
      const authError = toAuthError(error);
      // An expired session is already signed out; anything else is reported.
      if (authError.code !== 'session_expired') {
        this.#errors.emit(authError);
        throw authError;
      }
    }
    this.#setSession(null, true);
  }

  /** A token for the integrator's own API, or null when signed out. */
  getToken(): Promise<string | null> {
    return this.adapter.getToken();
  }

  /** Stops following other tabs. */
  dispose(): void {
    this.#tabSync?.close();
  }

  #setSession(info: SessionInfo | null, announce: boolean): void {
    const next: AuthState = info
      ? {status: 'signed-in', user: info.user, session: info.session}
      : {status: 'signed-out', user: null, session: null};
    const previous = this.#state;
    if (previous.status === next.status && sameUser(previous.user, next.user) && previous.session?.id === next.session?.id) {
      return;
    }
    this.#state = next;
    this.#changes.emit(next);
    if (announce) this.#tabSync?.announce();
  }
}

function sameUser(a: User | null, b: User | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.id === b.id && a.name === b.name && a.email === b.email && a.imageUrl === b.imageUrl && a.emailVerified === b.emailVerified;
}
