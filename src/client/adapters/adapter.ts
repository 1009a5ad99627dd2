import type {
  Capabilities,
  PasswordCredentials,
  SessionInfo,
  SignUpInput,
  SignUpResult,
  SocialSignInResult,
} from '../types.js';

/**
 * The contract between the kit and an identity API. Adapters are the only code that talks to
 * the network; they validate every response and throw `AuthError`s with the kit's codes.
 * The shared contract suite (src/client/adapters/adapter-contract.ts) holds every adapter to it.
 */
export interface IdentityAdapter {
  /** A short name for logs and debugging (`better-auth`, `memory`). */
  readonly name: string;
  /**
   * What the API supports. Safe defaults until `loadCapabilities()` has read the API's own
   * answer (adapters whose capabilities are fixed need no `loadCapabilities`).
   */
  readonly capabilities: Capabilities;

  /**
   * Asks the API what it supports and updates `capabilities`. Resolves without a change when the
   * API does not say (it has no capabilities endpoint); rejects like any request on a network
   * failure, a 5xx or an unreadable answer (the client keeps the defaults and asks again later).
   */
  loadCapabilities?(): Promise<void>;

  /** The current session, or null when signed out (an expired session is null, not an error). */
  getSession(): Promise<SessionInfo | null>;

  /**
   * Signs in with email and password. Unknown email and wrong password both reject with
   * `invalid_credentials`. An unverified email rejects with `email_not_verified` after the
   * API has sent a fresh verification code.
   */
  signInWithPassword(credentials: PasswordCredentials): Promise<SessionInfo>;

  /**
   * Starts a sign-in with a social provider (an id from `capabilities.socialProviders`).
   * Resolves with `{redirectUrl}` (an http(s) URL: the caller navigates there, and the provider
   * comes back to `callbackURL` signed in) or with `{session}` when the API signs in at once.
   * Rejects with `unsupported` for a provider not in `capabilities.socialProviders`, or one
   * the API does not know.
   */
  signInWithSocial(provider: string, callbackURL: string): Promise<SocialSignInResult>;

  /** Creates an account. Rejects with `email_taken`, `password_too_short`, … */
  signUp(input: SignUpInput): Promise<SignUpResult>;

  /** Sends (again) a code that verifies the email. */
  sendVerificationCode(email: string): Promise<void>;

  /** Verifies the email with the code; opens a session when the API signs in on verification. */
  verifyEmail(email: string, code: string): Promise<SessionInfo | null>;

  /** Sends a password-reset code. Resolves for unknown emails too (no account enumeration). */
  requestPasswordReset(email: string): Promise<void>;

  /** Checks a password-reset code without using it up. Rejects with `invalid_code` / `code_expired`. */
  checkPasswordResetCode(email: string, code: string): Promise<void>;

  /** Sets a new password with a reset code. */
  resetPassword(email: string, code: string, password: string): Promise<void>;

  /** Ends the current session. */
  signOut(): Promise<void>;

  /** A token for the integrator's own API (a JWT where the API issues one), or null when signed out. */
  getToken(): Promise<string | null>;
}
