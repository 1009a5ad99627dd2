/** The codes only the organization methods give. */
export const ORGANIZATION_ERROR_CODES = [
  /** Another organization already has this slug. */
  'slug_taken',
  /** Not a slug: lower-case letters and digits, single hyphens between them, 2 to 48 characters. */
  'invalid_slug',
  /** The signed-in person's role in the organization does not allow this (the API refused, 403). */
  'forbidden',
  /** The organization's only owner cannot leave or lose the owner role: make someone else owner first. */
  'last_owner',
  /** The invited address already belongs to a member of the organization. */
  'already_member',
  /** The organization does not exist, or the signed-in person is not a member of it. */
  'organization_not_found',
  /** A member id that is not (any more) of this organization. */
  'member_not_found',
  /** An invitation this API does not know (a mistyped or very old link). */
  'invitation_not_found',
  /** The invitation's time is up: ask for a new one. */
  'invitation_expired',
  /** The invitation was revoked by the organization. */
  'invitation_revoked',
  /** The invitation was already accepted or declined (each works once). */
  'invitation_used',
  /** The invitation is for another email address than the signed-in account's. */
  'wrong_account',
] as const;

/**
 * The kit's error codes. Adapters map their API's codes to these; elements show them
 * through the locale (`errors.<code>`), never the server's own text.
 */
export const AUTH_ERROR_CODES = [
  'invalid_credentials',
  'email_not_verified',
  'email_taken',
  'invalid_email',
  /** Not a phone number that can take a text message (wrong length or digits for its country; no country code where one is needed). */
  'invalid_phone',
  'password_too_short',
  'password_too_long',
  'password_too_weak',
  'invalid_code',
  /**
   * The code's time is up. In a sign-in's second step: the sign-in itself expired (enter the
   * password again).
   */
  'code_expired',
  /** A backup code that was already used (each works once). */
  'code_used',
  /**
   * `signInWithPassword` refusal when the account has two-step verification: the adapter keeps
   * the half-done sign-in; finish it with `verifySecondFactor`.
   */
  'two_factor_required',
  /** The person closed the browser's passkey prompt (or it timed out): not an error to show. */
  'cancelled',
  /** A passkey this API does not know (removed from the account, or made for another site). */
  'passkey_not_found',
  /** The sign-in link's time is up: ask for a new one. */
  'link_expired',
  /** The sign-in link was already used (each works once). */
  'link_used',
  /** Not a sign-in link this API issued (mistyped, cut short, or from an older deployment). */
  'invalid_link',
  /** The person did not allow access at the social or enterprise provider (its consent screen). */
  'provider_denied',
  /** The round trip to a social or enterprise provider failed (its state did not match, it answered an error). */
  'provider_failed',
  /** The new password appears in known data breaches (the API checked it): choose another. */
  'password_compromised',
  'too_many_attempts',
  'rate_limited',
  'session_expired',
  /** The session is too old for this action: ask for the password (`reauthenticate`) and retry. */
  'session_not_fresh',
  /** A signed-in person's password check failed (change password, delete account, re-authenticate). */
  'wrong_password',
  /** The account has no password to check or change (it signs in another way): set one instead. */
  'no_password',
  /** `setPassword` on an account that already has a password: change it instead. */
  'password_already_set',
  /** Disconnecting that account would leave no way to sign in (no password, no other account or passkey): add one first. */
  'last_sign_in_method',
  /** The upload is not a raster image the API accepts (an SVG, another file renamed, truncated). */
  'invalid_image',
  /** The upload is larger than `capabilities.profileImage.maxBytes`. */
  'image_too_large',
  /** Signing in worked but the browser kept no session (cookie mode, API on another site). */
  'cookies_blocked',
  ...ORGANIZATION_ERROR_CODES,
  'network',
  'server',
  'malformed_response',
  'unsupported',
  'unknown',
] as const;

export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];


export interface AuthErrorOptions {
  /** HTTP status, when the error came from a response. */
  status?: number;
  /** Seconds to wait before retrying (429 with Retry-After). */
  retryAfter?: number;
  /** The API's own code, kept for logs; never shown to users. */
  apiCode?: string;
  cause?: unknown;
}

export class AuthError extends Error {
  readonly code: AuthErrorCode;
  readonly status?: number;
  readonly retryAfter?: number;
  readonly apiCode?: string;

  constructor(code: AuthErrorCode, message: string = code, options: AuthErrorOptions = {}) {
    super(message, {cause: options.cause});
    this.name = 'AuthError';
    this.code = code;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
    this.apiCode = options.apiCode;
  }
}

/** Whatever was thrown, as an AuthError (unknown errors become `unknown`). */
export function toAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  return new AuthError('unknown', error instanceof Error ? error.message : String(error), {cause: error});
}
