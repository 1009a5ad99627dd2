import type {AccountClient, AccountContext} from './account.js';
import {settleSocialSignIn} from './social-pending.js';
import {takeReturnToken} from './landing-params.js';
import {hasAccess, sameMembership} from './access.js';
import {ACCOUNT_METHODS, ORGANIZATION_METHODS} from './adapters/adapter.js';
import {lazyMethods} from './lazy-methods.js';
import type {IdentityAdapter} from './adapters/adapter.js';
import {toAuthError, type AuthError} from './errors.js';
import type {FlowContext} from './flows/flow-context.js';
import {Listeners} from './listeners.js';
import type {RedirectPolicy} from './redirect.js';
import {RetrySchedule, type RetryOptions} from './retry-schedule.js';
import {TabSync} from './tab-sync.js';
import type {OrganizationClient, OrganizationContext} from './organizations.js';
import type {AccessCheck, AuthState, Capabilities, Membership, Session, SessionInfo, User} from './types.js';

export interface AuthClientOptions {
  adapter: IdentityAdapter;
  /** Origins besides the page's own that redirects may go to. */
  allowedRedirectOrigins?: readonly string[];
  /** Follow sign-ins and sign-outs of other tabs (default true). */
  syncTabs?: boolean;
  /** How the first session check retries while the API is unavailable; `false`: never by itself. */
  retry?: RetryOptions | false;
  /**
   * Ask the API again who is signed in, and their role in the active organization, when the tab
   * is shown again after this many seconds or more (default 30; `false`: never). A role changed
   * or a membership removed by someone else then shows without a reload.
   */
  refreshOnShow?: number | false;
}

/** The state before the first session check has answered. */
export const LOADING_STATE: AuthState = {status: 'loading', user: null, session: null, error: null, membership: null};

/** The active account of this device changed from one signed-in user to another. */
export interface AccountSwitch {
  user: User;
  previous: User;
}

/** The active organization changed (null: the personal account, or signed out). */
export interface OrganizationSwitch {
  membership: Membership | null;
  previous: Membership | null;
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
  /** The signed-in person's account: profile, email, password, devices, other accounts (account.ts). */
  readonly account: AccountClient;
  /** The signed-in person's organizations: create, switch, members, invitations (organizations.ts). */
  readonly organizations: OrganizationClient;

  #state: AuthState = LOADING_STATE;
  #changes = new Listeners<AuthState>();
  #errors = new Listeners<AuthError>();
  #switches = new Listeners<AccountSwitch>();
  #organizationSwitches = new Listeners<OrganizationSwitch>();
  #tabSync: TabSync | null;
  #flowContext: FlowContext;
  #retry: RetrySchedule | null;
  #refreshing: Promise<void> | null = null;
  #lastChecked = 0;
  #onShow: (() => void) | null = null;
  /** Whether the API has said what it supports (asked with the session until it has). */
  #capabilitiesKnown = false;

  constructor(options: AuthClientOptions) {
    this.adapter = options.adapter;
    this.redirectPolicy = {allowedOrigins: options.allowedRedirectOrigins ?? []};
    this.#flowContext = {adapter: this.adapter, openSession: (info) => this.#setSession(info, true), navigate: (url) => location.assign(url)};
    this.#tabSync = options.syncTabs === false ? null : new TabSync(this.adapter.name, () => void this.refresh());
    this.#retry = options.retry === false ? null : new RetrySchedule(() => void this.refresh(), options.retry);
    // The account methods' code (account.ts) loads on first use: a sign-in page never calls them.
    const context: AccountContext = {
      adapter: this.adapter,
      state: () => this.#state,
      setUser: (user) => {
        const {session} = this.#state;
        if (session && this.#setState({...this.#state, status: 'signed-in', user, session, error: null})) this.#tabSync?.announce();
      },
      setSession: (info) => this.#setSession(info, true),
      reportError: (error) => this.#errors.emit(error),
      refresh: () => this.refresh(),
    };
    let account: Promise<AccountClient> | undefined;
    this.account = lazyMethods<AccountClient>(ACCOUNT_METHODS, () => (account ??= import('./account.js').then(({AccountClient}) => new AccountClient(context))));
    const organizationContext: OrganizationContext = {
      adapter: this.adapter,
      state: () => this.#state,
      setMembership: (membership) => this.#setMembership(membership),
      reloadMembership: () => this.#reloadMembership(),
      reportError: (error) => this.#errors.emit(error),
      refresh: () => this.refresh(),
    };
    let organizations: Promise<OrganizationClient> | undefined;
    this.organizations = lazyMethods<OrganizationClient>(
      ORGANIZATION_METHODS,
      () => (organizations ??= import('./organizations.js').then(({OrganizationClient}) => new OrganizationClient(organizationContext))),
    );
    const refreshAfter = options.refreshOnShow ?? 30;
    if (refreshAfter !== false && globalThis.document) {
      this.#onShow = () => {
        if (document.visibilityState === 'visible' && this.#state.status === 'signed-in' && Date.now() - this.#lastChecked >= refreshAfter * 1000) void this.refresh();
      };
      document.addEventListener('visibilitychange', this.#onShow);
    }
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

  /** The signed-in person's membership of the active organization (null: the personal account). */
  get membership(): Membership | null {
    return this.#state.membership;
  }

  /**
   * Whether someone is signed in and, for the active organization, has the role (any of those
   * named) and every permission named: `client.has({permission: 'member:create'})`. Synchronous,
   * from the state the client holds; `subscribe` to hear when it may have changed. The UI's
   * answer only: the API checks every call itself.
   */
  has(check?: AccessCheck): boolean {
    return hasAccess(this.#state, check);
  }

  get capabilities(): Capabilities {
    return this.adapter.capabilities;
  }

  /** Calls the listener on every change of state; returns the unsubscribe function. */
  subscribe(listener: (state: AuthState) => void): () => void {
    return this.#changes.add(listener);
  }

  /** Calls the listener on failures that no flow owns (session checks, sign-out, `account` methods). */
  onError(listener: (error: AuthError) => void): () => void {
    return this.#errors.add(listener);
  }

  /**
   * Calls the listener when the active account changes from one signed-in user to another
   * without a sign-out in between: `account.switchAccount`, adding an account by signing in
   * while signed in (multi-session), signing out the active one of several, or another tab
   * doing so. `<auth-provider>` turns it into `auth-session-change` for the page. Called after
   * the new state has been emitted to `subscribe` listeners.
   */
  onAccountSwitch(listener: (change: AccountSwitch) => void): () => void {
    return this.#switches.add(listener);
  }

  /**
   * Calls the listener when the active organization changes: a switch, creating or joining one,
   * leaving or deleting the active one, signing out, or another tab doing so. `<auth-provider>`
   * turns it into `auth-org-change`. Called after the new state has been emitted.
   */
  onOrganizationChange(listener: (change: OrganizationSwitch) => void): () => void {
    return this.#organizationSwitches.add(listener);
  }

  /**
   * Asks the API who is signed in (one request at a time: concurrent calls share it). A failure
   * keeps a known state (signed in or out) and reports the error; while nothing is known yet,
   * the status becomes `unavailable` and the check retries with backoff, and at once when the
   * browser comes back online or the tab is shown again.
   */
  refresh(): Promise<void> {
    return (this.#refreshing ??= this.#checkSession().finally(() => (this.#refreshing = null)));
  }

  /** A refused return token is reported (the page stays signed out, and says why where it shows errors). */
  async #takeReturnToken(): Promise<void> {
    const token = takeReturnToken();
    if (!token || !this.adapter.signInWithReturnToken) return;
    try {
      await this.adapter.signInWithReturnToken(token);
    } catch (error) {
      this.#errors.emit(toAuthError(error));
    }
  }

  async #checkSession(): Promise<void> {
    this.#lastChecked = Date.now();
    try {
      // Back from a social provider on a bearer-mode page: its one-time token becomes the session first.
      await this.#takeReturnToken();
      // One answer for both: elements never render with defaults that change a moment later.
      const [info] = await Promise.all([this.adapter.getSession(), this.#loadCapabilities()]);
      // The membership comes in the same answer: content shown by role never flips a moment later.
      const membership = await this.#membershipOf(info);
      this.#retry?.succeeded();
      // Back from a social provider: its sign-in is the method used last if it opened this session.
      settleSocialSignIn(info !== null);
      this.#setSession(info, false, membership);
    } catch (error) {
      const authError = toAuthError(error);
      const {status} = this.#state;
      if (status === 'loading' || status === 'unavailable') {
        this.#setState({status: 'unavailable', user: null, session: null, error: authError, membership: null});
        this.#retry?.failed(authError);
      }
      this.#errors.emit(authError);
    }
  }

  /** Asks the API what it supports, once it has answered; a failure keeps the defaults (asked again next time). */
  async #loadCapabilities(): Promise<void> {
    if (this.#capabilitiesKnown || !this.adapter.loadCapabilities) return;
    try {
      await this.adapter.loadCapabilities();
      this.#capabilitiesKnown = true;
    } catch (error) {
      console.warn('[auth-elements] the API did not say what it supports; using the defaults for now:', error);
    }
  }

  /**
   * A new flow of this client (each element owns its own): `client.startFlow(SignInFlow)`,
   * `client.startFlow(SignUpFlow)`. The flow's code comes with whoever imports it, so a page
   * without a sign-in card never loads the sign-in machine.
   */
  startFlow<F>(Flow: new (context: FlowContext) => F): F {
    return new Flow(this.#flowContext);
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

  /** Stops following other tabs and retrying. */
  dispose(): void {
    if (this.#onShow) document.removeEventListener('visibilitychange', this.#onShow);
    this.#tabSync?.close();
    this.#retry?.stop();
  }

  /**
   * Moves to the session `info` (null: signed out). Without a `membership` read with it, the
   * current one stays while the same person keeps the same active organization; otherwise it is
   * null until read from the API.
   */
  #setSession(info: SessionInfo | null, announce: boolean, membership?: Membership | null): void {
    const activeId = info?.session.activeOrganizationId ?? null;
    const current = this.#state.membership;
    const kept = info && current && current.organization.id === activeId && this.#state.user?.id === info.user.id ? current : null;
    const changed = this.#setState(
      info
        ? {status: 'signed-in', user: info.user, session: info.session, error: null, membership: membership === undefined ? kept : membership}
        : {status: 'signed-out', user: null, session: null, error: null, membership: null},
    );
    if (changed && announce) this.#tabSync?.announce();
    if (membership === undefined && activeId && !kept) void this.#reloadMembership();
  }

  /** The membership of the session's active organization, from the API (null without one; a failure is reported and gives null). */
  async #membershipOf(info: SessionInfo | null): Promise<Membership | null> {
    if (!info?.session.activeOrganizationId || !this.adapter.getActiveMembership) return null;
    try {
      return await this.adapter.getActiveMembership();
    } catch (error) {
      this.#errors.emit(toAuthError(error));
      return null;
    }
  }

  /** Reads the active membership again and shows it, if the session is still the same. */
  async #reloadMembership(): Promise<void> {
    const {session} = this.#state;
    const membership = await this.#membershipOf(session && this.#state.user ? {session, user: this.#state.user} : null);
    if (this.#state.session?.id === session?.id && this.#state.status === 'signed-in') this.#setState({...this.#state, membership});
  }

  /** After a switch of organization here: the state, and other tabs (the session's active organization is theirs too). */
  #setMembership(membership: Membership | null): void {
    const {session} = this.#state;
    if (this.#state.status !== 'signed-in' || !session) return;
    const changed = this.#setState({...this.#state, session: {...session, activeOrganizationId: membership?.organization.id ?? null}, membership});
    if (changed) this.#tabSync?.announce();
  }

  /** Moves to `next` unless it says the same as the current state; true when it changed. */
  #setState(next: AuthState): boolean {
    const previous = this.#state;
    if (
      previous.status === next.status &&
      sameUser(previous.user, next.user) &&
      previous.session?.id === next.session?.id &&
      previous.error?.code === next.error?.code &&
      previous.error?.retryAfter === next.error?.retryAfter &&
      sameMembership(previous.membership, next.membership)
    ) {
      return false;
    }
    this.#state = next;
    // A token kept for reuse names the organization and role: a new one from now on.
    if (!sameMembership(previous.membership, next.membership)) this.adapter.forgetToken?.();
    this.#changes.emit(next);
    if (previous.user && next.user && previous.user.id !== next.user.id) this.#switches.emit({user: next.user, previous: previous.user});
    if (previous.membership?.organization.id !== next.membership?.organization.id) {
      this.#organizationSwitches.emit({membership: next.membership, previous: previous.membership});
    }
    return true;
  }
}

function sameUser(a: User | null, b: User | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.id === b.id && a.name === b.name && a.email === b.email && a.imageUrl === b.imageUrl && a.emailVerified === b.emailVerified;
}
