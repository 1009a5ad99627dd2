/**
 * The better-auth adapter's HTTP side: the one place that calls fetch (request()), the bearer
 * token, error mapping and response validation. BetterAuthAdapter (better-auth.ts) and its
 * account methods (better-auth-account.ts) build on it.
 */
import {loadOnce} from '../load-once.js';
import type {GenericSchema} from 'valibot';
import {AuthError, type AuthErrorCode} from '../errors.js';
import type {BetterAuthSession, BetterAuthUser} from '../schemas.js';
import type {Session, User} from '../types.js';

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


/** The header the kit's plugin relays its cookies in, for bearer mode (server/cookie-relay.js). */
const RELAY = 'x-auth-elements-cookies';

/** The response schemas (valibot with them): the schemas module. */
export type Schemas = typeof import('../schemas.js');

/**
 * Loads the response schemas — and valibot — with the first request, beside it: a page pays for
 * validation code while its first answer is on the way, not before its first script can run.
 */
export const loadSchemas: () => Promise<Schemas> = loadOnce(() => import('../schemas.js'), 'The code that checks the answers');

/** What validates an answer: a schema, or where to find it among the schemas (loaded on demand). */
export type SchemaOf<T> = GenericSchema<unknown, T> | ((schemas: Schemas) => GenericSchema<unknown, T>);

/** The API's error codes and the kit's, for every endpoint (RequestOptions.codes overrides per call). */
const ERROR_CODES: Record<string, AuthErrorCode> = {
  INVALID_EMAIL_OR_PASSWORD: 'invalid_credentials',
  INVALID_PASSWORD: 'invalid_credentials',
  EMAIL_NOT_VERIFIED: 'email_not_verified',
  PASSWORD_TOO_SHORT: 'password_too_short',
  PASSWORD_TOO_LONG: 'password_too_long',
  PASSWORD_TOO_WEAK: 'password_too_weak',
  PASSWORD_COMPROMISED: 'password_compromised',
  INVALID_OTP: 'invalid_code',
  OTP_EXPIRED: 'code_expired',
  TOO_MANY_ATTEMPTS: 'too_many_attempts',
  INVALID_EMAIL: 'invalid_email',
  INVALID_PHONE_NUMBER: 'invalid_phone',
  OTP_NOT_FOUND: 'invalid_code',
  PROVIDER_NOT_FOUND: 'unsupported',
  SESSION_NOT_FRESH: 'session_not_fresh',
  CREDENTIAL_ACCOUNT_NOT_FOUND: 'no_password',
  PASSWORD_ALREADY_SET: 'password_already_set',
  INVALID_IMAGE: 'invalid_image',
  IMAGE_TOO_LARGE: 'image_too_large',
};

export interface RequestOptions {
  method?: 'GET' | 'POST';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, application/octet-stream (an upload). */
  bytes?: Blob;
  /** A call that needs a session: a 401 means it expired. */
  authenticated?: boolean;
  signal?: AbortSignal;
  /** This call's own mapping: API codes, or `message:<text>` for errors that carry only a message. */
  codes?: Record<string, AuthErrorCode>;
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

/**
 * An address on the reserved `.invalid` top-level domain (RFC 2606) can never receive mail: the
 * placeholder an API gives an account made by phone alone (the reference server's
 * `<digits>@phone.invalid`). Such an account has no email for the elements.
 */
const isPlaceholderEmail = (email: string) => /\.invalid$/i.test(email);

export const toUser = (user: BetterAuthUser): User => ({
  id: user.id,
  email: isPlaceholderEmail(user.email) ? '' : user.email,
  phoneNumber: user.phoneNumber ?? null,
  name: user.name,
  emailVerified: user.emailVerified,
  imageUrl: user.image ?? null,
  createdAt: new Date(user.createdAt),
});

export const toSession = (session: BetterAuthSession): Session => ({
  id: session.id,
  userId: session.userId,
  expiresAt: new Date(session.expiresAt),
  ...(session.activeOrganizationId !== undefined && {activeOrganizationId: session.activeOrganizationId}),
});

/** The bearer token: in memory, mirrored to sessionStorage under `key` when the integrator opted in. */
export class TokenStore {
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

/** The transport every better-auth adapter method goes through. */
export abstract class BetterAuthTransport {
  readonly mode: 'cookie' | 'bearer';
  protected readonly baseURL: string;
  protected readonly fetchImpl: typeof fetch;
  /** Bearer mode: the session token (in memory, and in sessionStorage when opted in). */
  protected readonly tokenStore: TokenStore;
  /** Whether the last answer said someone is signed in (undefined: not asked yet). */
  protected signedIn: boolean | undefined;
  protected jwt: {token: string; refreshAt: number} | null = null;
  /**
   * Bearer mode: the two-factor and passkey plugins' cookies (a half-done sign-in, a trusted
   * device, a passkey challenge), which the kit's plugin relays in a header (sent once there is
   * one: an API whose CORS does not allow it works as before); in memory only.
   */
  protected relayed = '';

  constructor(options: BetterAuthAdapterOptions) {
    this.baseURL = options.baseURL.replace(/\/+$/, '');
    this.mode = options.mode ?? 'cookie';
    this.tokenStore = new TokenStore(this.mode === 'bearer' && options.tokenStorage === 'session' ? `auth-elements:token:${this.baseURL}` : null);
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  protected setSignedOut() {
    this.signedIn = false;
    this.tokenStore.set(null);
    this.jwt = null;
  }

  /** The one place that calls fetch: sends, maps errors, validates the answer. */
  protected async request<T>(path: string, schema: SchemaOf<T>, options: RequestOptions = {}): Promise<T> {
    const {method = 'GET', body, bytes, authenticated = false, signal, codes} = options;
    const validation = loadSchemas();
    const headers: Record<string, string> = {accept: 'application/json'};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (bytes !== undefined) headers['content-type'] = 'application/octet-stream';
    if (this.mode === 'bearer') {
      if (this.tokenStore.token) headers.authorization = `Bearer ${this.tokenStore.token}`;
      if (this.relayed) headers[RELAY] = this.relayed;
    }

    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseURL}${path}`, {
        method,
        headers,
        body: bytes ?? (body === undefined ? undefined : JSON.stringify(body)),
        credentials: this.mode === 'cookie' ? 'include' : 'omit',
        signal,
      });
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      throw new AuthError('network', 'The identity API could not be reached', {cause});
    }

    if (this.mode === 'bearer') {
      const token = response.headers.get('set-auth-token');
      if (token) this.tokenStore.set(token);
      this.relayed = response.headers.get(RELAY) ?? this.relayed;
    }

    const status = response.status;
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
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
        const {validate, betterAuthErrorBody} = await validation;
        const parsed = validate(betterAuthErrorBody, JSON.parse(text));
        if (parsed.success) ({code: apiCode, message} = parsed.output);
      } catch {
        // No or non-JSON body: decide by status.
      }
      let code: AuthErrorCode = (apiCode && (codes?.[apiCode] ?? ERROR_CODES[apiCode])) || 'unknown';
      if (code === 'unknown' && message && codes?.[`message:${message}`]) code = codes[`message:${message}`];
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
    const schemas = await validation;
    const result = schemas.validate(typeof schema === 'function' ? schema(schemas) : schema, json);
    if (!result.success) {
      throw new AuthError('malformed_response', 'The identity API answered in an unexpected shape', {
        cause: result.issues,
        status,
      });
    }
    return result.output;
  }
}
