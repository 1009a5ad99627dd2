import type {AuthError} from './errors.js';

/**
 * The kit's own domain model. Adapters translate their API's shapes into these types;
 * nothing adapter-specific belongs here.
 */

export interface User {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  imageUrl: string | null;
  createdAt: Date;
}

export interface Session {
  id: string;
  userId: string;
  expiresAt: Date;
}

/**
 * What the client knows about who is signed in: `loading` until the first answer;
 * `unavailable` while the API could not say (network down, 5xx, 429, an unreadable answer),
 * which is never mistaken for `signed-out` — the client keeps retrying meanwhile.
 */
export type AuthStatus = 'loading' | 'signed-in' | 'signed-out' | 'unavailable';

export interface AuthState {
  status: AuthStatus;
  user: User | null;
  session: Session | null;
  /** Why the status is `unavailable` (null in every other status). */
  error: AuthError | null;
}

/** A signed-in result: the user and the session the server opened. */
export interface SessionInfo {
  user: User;
  session: Session;
}

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  /** Must contain at least one letter and one digit. */
  requireLetterAndDigit: boolean;
}

/** What an identity API supports; elements show only what is supported. */
export interface Capabilities {
  emailPassword: boolean;
  /** Sign-up requires verifying the email with a code before the first session. */
  emailVerification: boolean;
  /** Password reset by a code sent to the email. */
  passwordResetByCode: boolean;
  /** Length of the one-time codes the API sends. */
  codeLength: number;
  passwordPolicy: PasswordPolicy;
  /** Social providers configured on the API (ids such as `github`). */
  socialProviders: string[];
  organizations: boolean;
  multiFactor: boolean;
  multiSession: boolean;
  magicLink: boolean;
}

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
}

export interface SignUpResult {
  user: User;
  /** Null when the email must be verified before a session opens. */
  session: Session | null;
  verificationRequired: boolean;
}

/**
 * What a social sign-in answers: a page to send the browser to (the provider's consent
 * screen, which comes back to the callback URL), or a session opened at once.
 */
export type SocialSignInResult = {redirectUrl: string} | {session: SessionInfo};

export interface PasswordCredentials {
  email: string;
  password: string;
}

/** The steps of the sign-in flow. */
export type SignInStep =
  | 'identifier'
  | 'password'
  | 'verify-email'
  | 'reset-code'
  | 'reset-password'
  | 'complete';

/** The steps of the sign-up flow. */
export type SignUpStep = 'details' | 'verify-email' | 'complete';
