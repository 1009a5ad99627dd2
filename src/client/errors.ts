/**
 * The kit's error codes. Adapters map their API's codes to these; elements show them
 * through the locale (`errors.<code>`), never the server's own text.
 */
export const AUTH_ERROR_CODES = [
  'invalid_credentials',
  'email_not_verified',
  'email_taken',
  'invalid_email',
  'password_too_short',
  'password_too_long',
  'password_too_weak',
  'invalid_code',
  'code_expired',
  'too_many_attempts',
  'rate_limited',
  'session_expired',
  /** Signing in worked but the browser kept no session (cookie mode, API on another site). */
  'cookies_blocked',
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
