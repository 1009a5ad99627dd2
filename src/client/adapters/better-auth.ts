import * as z from 'zod/mini';
import {AuthError, type AuthErrorCode} from '../errors.js';
import {
  betterAuthCapabilitiesResponse,
  betterAuthErrorBody,
  betterAuthOkResponse,
  betterAuthSessionResponse,
  betterAuthSignInResponse,
  betterAuthSignUpResponse,
  betterAuthSocialResponse,
  betterAuthTokenResponse,
  betterAuthVerifyEmailResponse,
  jwtPayload,
  type BetterAuthSession,
  type BetterAuthUser,
} from '../schemas.js';
import type {
  Capabilities,
  PasswordCredentials,
  SessionInfo,
  SignUpInput,
  SignUpResult,
  SocialSignInResult,
} from '../types.js';
import type {IdentityAdapter} from './adapter.js';

export interface BetterAuthAdapterOptions {
  /** Where the API lives: `/api/auth` (same origin) or `https://auth.example.com/api/auth`. */
  baseURL: string;
  /**
   * `cookie` (default): the server's HttpOnly session cookie, `credentials: 'include'`.
   * `bearer`: the session token from `set-auth-token`, kept in memory only (see `tokenStorage`).
   */
  mode?: 'cookie' | 'bearer';
  /**
   * Bearer mode only: where the session token lives. `memory` (default): gone on reload.
   * `session`: kept in this tab's `sessionStorage` so a reload stays signed in — any script
   * running on the page (an XSS, a compromised dependency) can then read it. Opt in knowingly.
   */
  tokenStorage?: 'memory' | 'session';
  /**
   * Social providers to offer (ids such as `github`). By default the ones the API's
   * capabilities endpoint names; set it to offer fewer.
   */
  socialProviders?: string[];
  /** Injectable fetch, for tests. */
  fetch?: typeof fetch;
}

const ERROR_CODES: Record<string, AuthErrorCode> = {
  INVALID_EMAIL_OR_PASSWORD: 'invalid_credentials',
  INVALID_PASSWORD: 'invalid_credentials',
  EMAIL_NOT_VERIFIED: 'email_not_verified',
  PASSWORD_TOO_SHORT: 'password_too_short',
  PASSWORD_TOO_LONG: 'password_too_long',
  PASSWORD_TOO_WEAK: 'password_too_weak',
  INVALID_OTP: 'invalid_code',
  OTP_EXPIRED: 'code_expired',
  TOO_MANY_ATTEMPTS: 'too_many_attempts',
  INVALID_EMAIL: 'invalid_email',
  PROVIDER_NOT_FOUND: 'unsupported',
};

/** JWTs are refreshed this long before they expire. */
const TOKEN_MARGIN_MS = 30_000;

interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** A call that needs a session: a 401 means it expired. */
  authenticated?: boolean;
}

/** Seconds from `X-Retry-After` / `Retry-After` (seconds or an HTTP date). */
function retryAfter(headers: Headers): number | undefined {
  const value = headers.get('x-retry-after') ?? headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Seconds since the epoch at which a JWT expires, if it says. */
function jwtExpiry(token: string): number | undefined {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const result = jwtPayload.safeParse(JSON.parse(atob(part)));
    return result.success ? result.data.exp : undefined;
  } catch {
    return undefined;
  }
}

const toUser = (user: BetterAuthUser) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  emailVerified: user.emailVerified,
  imageUrl: user.image ?? null,
  createdAt: new Date(user.createdAt),
});

const toSession = (session: BetterAuthSession) => ({
  id: session.id,
  userId: session.userId,
  expiresAt: new Date(session.expiresAt),
});

/** The bearer token: in memory, mirrored to sessionStorage under `key` when the integrator opted in. */
class TokenStore {
  token: string | null = null;

  constructor(private readonly key: string | null) {
    if (key) this.token = readSessionStorage(key);
  }

  set(token: string | null): void {
    this.token = token;
    if (!this.key) return;
    try {
      if (token) sessionStorage.setItem(this.key, token);
      else sessionStorage.removeItem(this.key);
    } catch {
      // Storage refused (private mode, quota): the token stays in memory.
    }
  }
}

function readSessionStorage(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Talks to a better-auth server (email + password, email OTP, jwt and bearer plugins). */
export class BetterAuthAdapter implements IdentityAdapter {
  readonly name = 'better-auth';
  readonly mode: 'cookie' | 'bearer';
  #capabilities: Capabilities;
  readonly #socialProviders?: string[];

  /** What the API supports: today's reference server until `loadCapabilities()` has asked it. */
  get capabilities(): Capabilities {
    return this.#capabilities;
  }

  private readonly baseURL: string;
  private readonly fetchImpl: typeof fetch;
  /** Bearer mode: the session token (in memory, and in sessionStorage when opted in). */
  private readonly tokenStore: TokenStore;
  /** Whether the last answer said someone is signed in (undefined: not asked yet). */
  private signedIn: boolean | undefined;
  private jwt: {token: string; refreshAt: number} | null = null;

  constructor(options: BetterAuthAdapterOptions) {
    this.baseURL = options.baseURL.replace(/\/+$/, '');
    this.mode = options.mode ?? 'cookie';
    this.tokenStore = new TokenStore(this.mode === 'bearer' && options.tokenStorage === 'session' ? `auth-elements:token:${this.baseURL}` : null);
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.#socialProviders = options.socialProviders;
    this.#capabilities = {
      emailPassword: true,
      emailVerification: true,
      passwordResetByCode: true,
      codeLength: 6,
      passwordPolicy: {minLength: 8, maxLength: 128, requireLetterAndDigit: true},
      socialProviders: options.socialProviders ?? [],
      organizations: true,
      multiFactor: true,
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
      answer = await this.request('/auth-elements/capabilities', betterAuthCapabilitiesResponse);
    } catch (error) {
      if (error instanceof AuthError && error.status === 404) return;
      throw error;
    }
    const {version: _version, profileImage = null, changeEmail = false, deleteAccount = false, freshAge = 24 * 3600, ...capabilities} = answer;
    this.#capabilities = {
      ...capabilities,
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
    const data = await this.request('/get-session', betterAuthSessionResponse);
    if (!data) {
      this.setSignedOut();
      return null;
    }
    this.signedIn = true;
    return {user: toUser(data.user), session: toSession(data.session)};
  }

  async signInWithPassword({email, password}: PasswordCredentials): Promise<SessionInfo> {
    const data = await this.request('/sign-in/email', betterAuthSignInResponse, {method: 'POST', body: {email, password}});
    if ('twoFactorRedirect' in data) throw new AuthError('unsupported', 'Two-factor sign-in is not supported yet');
    return this.openedSession();
  }

  async signInWithSocial(provider: string, callbackURL: string): Promise<SocialSignInResult> {
    if (!this.capabilities.socialProviders.includes(provider)) throw new AuthError('unsupported', `No provider ${provider}`);
    const {url} = await this.request('/sign-in/social', betterAuthSocialResponse, {method: 'POST', body: {provider, callbackURL}});
    return {redirectUrl: url};
  }

  async signUp({name, email, password}: SignUpInput): Promise<SignUpResult> {
    const data = await this.request('/sign-up/email', betterAuthSignUpResponse, {
      method: 'POST',
      body: {name, email, password},
    });
    if (!data.token) return {user: toUser(data.user), session: null, verificationRequired: !data.user.emailVerified};
    const info = await this.openedSession();
    return {user: info.user, session: info.session, verificationRequired: false};
  }

  async sendVerificationCode(email: string): Promise<void> {
    await this.request('/email-otp/send-verification-otp', betterAuthOkResponse, {
      method: 'POST',
      body: {email, type: 'email-verification'},
    });
  }

  async verifyEmail(email: string, code: string): Promise<SessionInfo | null> {
    const data = await this.request('/email-otp/verify-email', betterAuthVerifyEmailResponse, {
      method: 'POST',
      body: {email, otp: code},
    });
    return data.token ? this.openedSession() : null;
  }

  async requestPasswordReset(email: string): Promise<void> {
    await this.request('/email-otp/request-password-reset', betterAuthOkResponse, {method: 'POST', body: {email}});
  }

  async checkPasswordResetCode(email: string, code: string): Promise<void> {
    await this.request('/email-otp/check-verification-otp', betterAuthOkResponse, {
      method: 'POST',
      body: {email, type: 'forget-password', otp: code},
    });
  }

  async resetPassword(email: string, code: string, password: string): Promise<void> {
    await this.request('/email-otp/reset-password', betterAuthOkResponse, {
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
        await this.request('/sign-out', betterAuthOkResponse, {method: 'POST', body: {}});
      }
    } catch (error) {
      // Already signed out on the server is signed out.
      if (!(error instanceof AuthError && (error.status === 401 || error.code === 'session_expired'))) throw error;
    }
    this.setSignedOut();
  }

  async getToken(): Promise<string | null> {
    if (this.jwt && Date.now() < this.jwt.refreshAt) return this.jwt.token;
    this.jwt = null;
    if (this.mode === 'bearer' && !this.tokenStore.token) return null;
    const wasSignedIn = this.signedIn === true;
    let token: string;
    try {
      ({token} = await this.request('/token', betterAuthTokenResponse, {authenticated: wasSignedIn}));
    } catch (error) {
      // Not known to be signed in: a 401 just means there is no session, so no token.
      if (error instanceof AuthError && error.status === 401 && !wasSignedIn) return null;
      throw error;
    }
    const exp = jwtExpiry(token);
    const refreshAt = exp ? exp * 1000 - TOKEN_MARGIN_MS : Date.now() + TOKEN_MARGIN_MS;
    this.jwt = {token, refreshAt};
    return token;
  }

  /** After a call that opened a session: read it back (the sign-in answers carry no session). */
  private async openedSession(): Promise<SessionInfo> {
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

  private setSignedOut() {
    this.signedIn = false;
    this.tokenStore.set(null);
    this.jwt = null;
  }

  /** The one place that calls fetch: sends, maps errors, validates the answer. */
  private async request<T>(path: string, schema: z.ZodMiniType<T>, options: RequestOptions = {}): Promise<T> {
    const {method = 'GET', body, authenticated = false} = options;
    const headers: Record<string, string> = {accept: 'application/json'};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.mode === 'bearer' && this.tokenStore.token) headers.authorization = `Bearer ${this.tokenStore.token}`;

    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseURL}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: this.mode === 'cookie' ? 'include' : 'omit',
      });
    } catch (cause) {
      throw new AuthError('network', 'The identity API could not be reached', {cause});
    }

    if (this.mode === 'bearer') {
      const token = response.headers.get('set-auth-token');
      if (token) this.tokenStore.set(token);
    }

    const status = response.status;
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw new AuthError('network', 'The response was interrupted', {cause, status});
    }

    if (!response.ok) {
      if (status === 429) {
        throw new AuthError('rate_limited', 'Too many requests', {status, retryAfter: retryAfter(response.headers)});
      }
      if (status >= 500) throw new AuthError('server', `The identity API failed (${status})`, {status});
      let apiCode: string | undefined;
      let message: string | undefined;
      try {
        const parsed = betterAuthErrorBody.safeParse(JSON.parse(text));
        if (parsed.success) ({code: apiCode, message} = parsed.data);
      } catch {
        // No or non-JSON body: decide by status.
      }
      let code: AuthErrorCode = (apiCode && ERROR_CODES[apiCode]) || 'unknown';
      if (apiCode?.startsWith('USER_ALREADY_EXISTS')) code = 'email_taken';
      // A stock server's sign-up answers a bad email with a schema error.
      if (apiCode === 'VALIDATION_ERROR' && message?.startsWith('[body.email]')) code = 'invalid_email';
      if (code === 'unknown' && status === 401 && authenticated) {
        code = 'session_expired';
        this.setSignedOut();
      }
      throw new AuthError(code, message ?? apiCode ?? `Request failed (${status})`, {status, apiCode});
    }

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new AuthError('malformed_response', 'The identity API answered with something that is not JSON', {cause, status});
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      throw new AuthError('malformed_response', 'The identity API answered in an unexpected shape', {
        cause: result.error,
        status,
      });
    }
    return result.data;
  }
}
