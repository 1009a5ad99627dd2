/**
 * The better-auth adapter's two-step verification and passkeys: the twoFactor plugin's routes
 * (`/two-factor/*`) and @better-auth/passkey's (`/passkey/*`), the ceremonies through
 * webauthn.ts. Two parts, each loaded on first use: the sign-in's here (a second step, a passkey
 * sign-in), the account's in better-auth-account-factors.ts (set up, turn off, backup codes,
 * the passkey list).
 *
 * better-auth's answers and the kit's codes:
 *   INVALID_CODE, INVALID_BACKUP_CODE  invalid_code
 *   BACKUP_CODE_USED                   code_used (the kit's plugin: better-auth alone answers a
 *                                      reused code like a wrong one)
 *   TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE too_many_attempts (the sixth try on one sign-in)
 *   INVALID_TWO_FACTOR_COOKIE          code_expired (the half-done sign-in expired or ended)
 *   ACCOUNT_TEMPORARILY_LOCKED (429)   rate_limited
 *   INVALID_PASSWORD                   wrong_password
 *   PASSKEY_NOT_FOUND                  passkey_not_found
 *   CHALLENGE_NOT_FOUND                code_expired (the prompt stayed open past the challenge)
 */
import {AuthError, type AuthErrorCode} from '../errors.js';
import {betterAuthPasskeyRequestOptions, betterAuthPasskeySignedIn, betterAuthTwoFactorVerified} from '../schemas-factors.js';
import type {Capabilities, PasskeySignInOptions, SecondFactorInput, SessionInfo} from '../types.js';
import {getPasskey, type PublicKeyCredentialRequestOptionsJSON} from '../webauthn.js';
import type {RequestOptions, SchemaOf} from './better-auth-transport.js';

/** What the factor methods need of the adapter. */
export interface FactorTransport {
  readonly capabilities: Capabilities;
  request<T>(path: string, schema: SchemaOf<T>, options?: RequestOptions): Promise<T>;
  /** The session the last answer opened (its cookie or `set-auth-token`). */
  openedSession(): Promise<SessionInfo>;
}

const SECOND_STEP: Record<string, AuthErrorCode> = {
  INVALID_CODE: 'invalid_code',
  INVALID_BACKUP_CODE: 'invalid_code',
  BACKUP_CODE_USED: 'code_used',
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: 'too_many_attempts',
  INVALID_TWO_FACTOR_COOKIE: 'code_expired',
};

const PASSKEY: Record<string, AuthErrorCode> = {PASSKEY_NOT_FOUND: 'passkey_not_found', CHALLENGE_NOT_FOUND: 'code_expired'};

/** The sign-in's part: the second step after the password, and signing in with a passkey. */
export class BetterAuthSignInFactors {
  constructor(private readonly api: FactorTransport) {}

  async verifySecondFactor({kind, code, trustDevice = false}: SecondFactorInput): Promise<SessionInfo> {
    if (!this.api.capabilities.multiFactor) throw new AuthError('unsupported', 'The API has no two-step verification');
    await this.api.request(kind === 'totp' ? '/two-factor/verify-totp' : '/two-factor/verify-backup-code', betterAuthTwoFactorVerified, {
      method: 'POST',
      body: {code: code.trim(), trustDevice},
      codes: SECOND_STEP,
    });
    return this.api.openedSession();
  }

  async signInWithPasskey({autofill = false, signal}: PasskeySignInOptions = {}): Promise<SessionInfo> {
    signal?.throwIfAborted();
    if (!this.api.capabilities.passkeys) throw new AuthError('unsupported', 'The API has no passkeys');
    const options = await this.api.request('/passkey/generate-authenticate-options', betterAuthPasskeyRequestOptions, {signal});
    const credential = await getPasskey(options as unknown as PublicKeyCredentialRequestOptionsJSON, {autofill, signal});
    await this.api.request('/passkey/verify-authentication', betterAuthPasskeySignedIn, {method: 'POST', body: {response: credential}, signal, codes: PASSKEY});
    return this.api.openedSession();
  }
}
