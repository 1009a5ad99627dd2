import {AuthError} from '../errors.js';
import type {Schemas} from './better-auth-transport.js';
import type {
  Capabilities,
  PasswordCredentials,
  SessionInfo,
  SignUpInput,
  SignUpResult,
  SocialSignInResult,
} from '../types.js';
import {ACCOUNT_METHODS, ORGANIZATION_METHODS, type AccountAdapter, type CoreAdapter, type IdentityAdapter, type OrganizationAdapter} from './adapter.js';
import {lazyMethods} from '../lazy-methods.js';
import {BEARER_RETURN_PARAM} from '../landing-params.js';
import type {AccountTransport, BetterAuthAccount} from './better-auth-account.js';
import {BetterAuthTransport, loadSchemas, toSession, toUser, type BetterAuthAdapterOptions} from './better-auth-transport.js';

export type {BetterAuthAdapterOptions} from './better-auth-transport.js';

/** `url` with the mark that asks the API for a one-time token on the way back (server/bearer-return.js). */
function markBearerReturn(url: string): string {
  const marked = new URL(url, globalThis.location?.href);
  marked.searchParams.set(BEARER_RETURN_PARAM, '1');
  return marked.href;
}

/** JWTs are refreshed this long before they expire. */
const TOKEN_MARGIN_MS = 30_000;

/** Seconds since the epoch at which a JWT expires, if it says. */
function jwtExpiry(token: string, {jwtPayload, validate}: Schemas): number | undefined {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const result = validate(jwtPayload, JSON.parse(atob(part)));
    return result.success ? result.output.exp : undefined;
  } catch {
    return undefined;
  }
}

/** The sign-in's second step and passkeys: like the account methods, they load on first use. */
const SIGN_IN_FACTORS = ['verifySecondFactor', 'signInWithPasskey'] as const;
type SignInFactors = Required<Pick<CoreAdapter, (typeof SIGN_IN_FACTORS)[number]>>;
/** Sign-in by an emailed code or link, or a texted code, and the returns of provider sign-ins: they load on first use too. */
const PASSWORDLESS = ['sendSignInCode', 'signInWithCode', 'sendSignInLink', 'signInWithLink', 'sendPhoneCode', 'signInWithPhoneCode', 'signInWithReturnToken', 'startEnterpriseSignIn'] as const;
type Passwordless = Required<Pick<CoreAdapter, (typeof PASSWORDLESS)[number]>>;

/** The account methods and the sign-in's factors, put on each adapter by its constructor (they load on first use). */
export interface BetterAuthAdapter extends Required<AccountAdapter>, Required<OrganizationAdapter>, SignInFactors, Passwordless {}

/** Talks to a better-auth server (email + password, email OTP, jwt and bearer plugins). */
export class BetterAuthAdapter extends BetterAuthTransport implements IdentityAdapter {
  readonly name = 'better-auth';
  #capabilities: Capabilities;
  readonly #socialProviders?: string[];

  /** What the API supports: today's reference server until `loadCapabilities()` has asked it. */
  get capabilities(): Capabilities {
    // multiSession keeps the accounts in cookies: a bearer-mode page holds one token.
    return this.mode === 'bearer' && this.#capabilities.multiSession ? {...this.#capabilities, multiSession: false} : this.#capabilities;
  }

  constructor(options: BetterAuthAdapterOptions) {
    super(options);
    Object.assign(
      this,
      lazyMethods<AccountAdapter>(ACCOUNT_METHODS, () => this.#accountMethods()),
      // Organizations, with their schemas (better-auth-organizations.ts).
      lazyMethods<OrganizationAdapter>(ORGANIZATION_METHODS, () =>
        import('./better-auth-organizations.js').then(({BetterAuthOrganizations}) => (this.#organizations ??= new BetterAuthOrganizations(this.#transport()))),
      ),
      // A second step and passkey sign-in, with their schemas and WebAuthn's code (better-auth-factors.ts).
      lazyMethods<SignInFactors>(SIGN_IN_FACTORS, () => (this.#factors ??= import('./better-auth-factors.js').then(({BetterAuthSignInFactors}) => new BetterAuthSignInFactors(this.#transport())))),
      // Sign-in by an emailed code or link, with their schemas (better-auth-passwordless.ts).
      lazyMethods<Passwordless>(PASSWORDLESS, () => (this.#passwordless ??= import('./better-auth-passwordless.js').then(({BetterAuthPasswordless}) => new BetterAuthPasswordless(this.#transport())))),
    );
    this.#socialProviders = options.socialProviders;
    this.#capabilities = {
      emailPassword: true,
      emailVerification: true,
      passwordResetByCode: true,
      codeLength: 6,
      passwordPolicy: {minLength: 8, maxLength: 128, requireLetterAndDigit: true},
      socialProviders: options.socialProviders ?? [],
      socialProviderNames: {},
      emailCode: true,
      // Only an API that says so (its capabilities) texts codes.
      phoneNumber: false,
      enterpriseSSO: false,
      organizations: true,
      multiFactor: true,
      trustedDeviceDays: 30,
      passkeys: true,
      multiSession: true,
      magicLink: true,
      profileImage: {maxBytes: 2 * 1024 * 1024, types: ['image/png', 'image/jpeg', 'image/webp', 'image/gif']},
      changeEmail: true,
      deleteAccount: true,
      freshAge: 24 * 3600,
    };
  }

  /**
   * Reads `GET /auth-elements/capabilities` (the kit's better-auth plugin). An API without it
   * (404) keeps the defaults. Social providers named in the options win over the API's list.
   */
  async loadCapabilities(): Promise<void> {
    let answer;
    try {
      answer = await this.request('/auth-elements/capabilities', (schemas) => schemas.betterAuthCapabilitiesResponse);
    } catch (error) {
      if (error instanceof AuthError && error.status === 404) return;
      throw error;
    }
    this.#kitPlugin = true;
    const {
      version: _version,
      profileImage = null,
      changeEmail = false,
      deleteAccount = false,
      freshAge = 24 * 3600,
      trustedDeviceDays = 0,
      passkeys = false,
      socialProviderNames = {},
      emailCode = false,
      phoneNumber = false,
      enterpriseSSO = false,
      ...capabilities
    } = answer;
    this.#capabilities = {
      ...capabilities,
      trustedDeviceDays,
      passkeys,
      socialProviderNames,
      emailCode,
      phoneNumber,
      // A bearer-mode page on another site would lose the flow's state cookie (no social-start for it yet).
      enterpriseSSO: enterpriseSSO && this.mode === 'cookie',
      profileImage,
      changeEmail,
      deleteAccount,
      freshAge,
      socialProviders: this.#socialProviders ?? capabilities.socialProviders,
    };
  }

  async getSession(): Promise<SessionInfo | null> {
    if (this.mode === 'bearer' && !this.tokenStore.token) {
      this.setSignedOut();
      return null;
    }
    const data = await this.request('/get-session', (schemas) => schemas.betterAuthSessionResponse);
    if (!data) {
      this.setSignedOut();
      return null;
    }
    this.signedIn = true;
    return {user: toUser(data.user), session: toSession(data.session)};
  }

  async signInWithPassword({email, password}: PasswordCredentials): Promise<SessionInfo> {
    const data = await this.request('/sign-in/email', (schemas) => schemas.betterAuthSignInResponse, {method: 'POST', body: {email, password}});
    // The password was right; the server keeps the half-done sign-in (its two-factor cookie).
    if ('twoFactorRedirect' in data) throw new AuthError('two_factor_required');
    return this.openedSession();
  }

  /**
   * In bearer mode (with the kit's plugin on the API) the sign-in starts by a navigation to the
   * API's `/auth-elements/social-start`, and the callback URL is marked so the API's redirect
   * back carries a one-time token for the new session (its cookie is on the API's site):
   * `signInWithReturnToken` (server/bearer-return.js).
   */
  async signInWithSocial(provider: string, callbackURL: string, errorURL = callbackURL): Promise<SocialSignInResult> {
    if (!this.capabilities.socialProviders.includes(provider)) throw new AuthError('unsupported', `No provider ${provider}`);
    if (this.mode === 'bearer' && this.#kitPlugin) {
      // Started by a navigation to the API (its OAuth state cookie is then first-party there).
      const start = new URL(`${this.baseURL}/auth-elements/social-start`, globalThis.location?.href);
      for (const [name, value] of Object.entries({provider, callbackURL: markBearerReturn(callbackURL), errorCallbackURL: errorURL})) start.searchParams.set(name, value);
      return {redirectUrl: start.href};
    }
    const {url} = await this.request('/sign-in/social', (schemas) => schemas.betterAuthSocialResponse, {
      method: 'POST',
      body: {provider, callbackURL, errorCallbackURL: errorURL},
    });
    return {redirectUrl: url};
  }

  async signUp({name, email, password}: SignUpInput): Promise<SignUpResult> {
    const data = await this.request('/sign-up/email', (schemas) => schemas.betterAuthSignUpResponse, {
      method: 'POST',
      body: {name, email, password},
    });
    if (!data.token) return {user: toUser(data.user), session: null, verificationRequired: !data.user.emailVerified};
    const info = await this.openedSession();
    return {user: info.user, session: info.session, verificationRequired: false};
  }

  async sendVerificationCode(email: string): Promise<void> {
    await this.request('/email-otp/send-verification-otp', (schemas) => schemas.betterAuthOkResponse, {
      method: 'POST',
      body: {email, type: 'email-verification'},
    });
  }

  async verifyEmail(email: string, code: string): Promise<SessionInfo | null> {
    const data = await this.request('/email-otp/verify-email', (schemas) => schemas.betterAuthVerifyEmailResponse, {
      method: 'POST',
      body: {email, otp: code},
    });
    return data.token ? this.openedSession() : null;
  }

  async requestPasswordReset(email: string): Promise<void> {
    await this.request('/email-otp/request-password-reset', (schemas) => schemas.betterAuthOkResponse, {method: 'POST', body: {email}});
  }

  async checkPasswordResetCode(email: string, code: string): Promise<void> {
    await this.request('/email-otp/check-verification-otp', (schemas) => schemas.betterAuthOkResponse, {
      method: 'POST',
      body: {email, type: 'forget-password', otp: code},
    });
  }

  async resetPassword(email: string, code: string, password: string): Promise<void> {
    await this.request('/email-otp/reset-password', (schemas) => schemas.betterAuthOkResponse, {
      method: 'POST',
      body: {email, otp: code, password},
    });
  }

  /**
   * Ends the session on the server. Only a confirmed sign-out (or a session the server no
   * longer has) forgets it here: after a failure the bearer token is kept, so a retry can still
   * revoke the server's session.
   */
  async signOut(): Promise<void> {
    try {
      if (this.mode === 'cookie' || this.tokenStore.token) {
        await this.request('/sign-out', (schemas) => schemas.betterAuthOkResponse, {method: 'POST', body: {}});
      }
    } catch (error) {
      // Already signed out on the server is signed out.
      if (!(error instanceof AuthError && (error.status === 401 || error.code === 'session_expired'))) throw error;
    }
    this.setSignedOut();
  }

  forgetToken(): void {
    this.jwt = null;
  }

  async getToken(): Promise<string | null> {
    if (this.jwt && Date.now() < this.jwt.refreshAt) return this.jwt.token;
    this.jwt = null;
    if (this.mode === 'bearer' && !this.tokenStore.token) return null;
    const wasSignedIn = this.signedIn === true;
    let token: string;
    try {
      ({token} = await this.request('/token', (schemas) => schemas.betterAuthTokenResponse, {authenticated: wasSignedIn}));
    } catch (error) {
      // Not known to be signed in: a 401 just means there is no session, so no token.
      if (error instanceof AuthError && error.status === 401 && !wasSignedIn) return null;
      throw error;
    }
    const exp = jwtExpiry(token, await loadSchemas());
    const refreshAt = exp ? exp * 1000 - TOKEN_MARGIN_MS : Date.now() + TOKEN_MARGIN_MS;
    this.jwt = {token, refreshAt};
    return token;
  }

  /** After a call that opened a session: read it back (the sign-in answers carry no session). */
  // The account methods (profile, email, password, devices, multi-session) load on first use:
  // a sign-in page never needs them (better-auth-account.ts).
  #account?: Promise<BetterAuthAccount>;

  /** The API answered the kit plugin's capabilities (it has its endpoints, such as social-start). */
  #kitPlugin = false;
  #factors?: Promise<SignInFactors>;
  #passwordless?: Promise<Passwordless>;
  #organizations?: import('./better-auth-organizations.js').BetterAuthOrganizations;

  #accountMethods(): Promise<BetterAuthAccount> {
    return (this.#account ??= import('./better-auth-account.js').then(({BetterAuthAccount}) => new BetterAuthAccount(this.#transport())));
  }

  /** What the lazily loaded methods reach of this adapter. */
  #transport(): AccountTransport {
    const adapter = this;
    return {
      get capabilities() {
        return adapter.capabilities;
      },
      request: (path, schema, options) => this.request(path, schema, options),
      getSession: () => this.getSession(),
      signOut: () => this.signOut(),
      openedSession: () => this.openedSession(),
      setSignedOut: () => this.setSignedOut(),
      sessionSwitched: (signedIn) => {
        this.jwt = null;
        if (signedIn) this.signedIn = true;
      },
    };
  }

  protected async openedSession(): Promise<SessionInfo> {
    this.jwt = null;
    const info = await this.getSession();
    if (info) return info;
    if (this.mode === 'cookie') {
      // The API opened a session but the browser sent no cookie back: it is on another site.
      const message =
        'The identity API signed in, but the browser kept no session cookie: the API is on another site than this page. ' +
        'Serve the API on the same site, or use mode="bearer" on <auth-provider>.';
      console.warn(`[auth-elements] ${message}`);
      throw new AuthError('cookies_blocked', message);
    }
    throw new AuthError('malformed_response', 'The API reported a session but has none');
  }
}
