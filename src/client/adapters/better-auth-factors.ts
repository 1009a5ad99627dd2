/**
 * The better-auth adapter's two-step verification and passkeys: the twoFactor plugin's routes
 * (`/two-factor/*`) and @better-auth/passkey's (`/passkey/*`), the ceremonies through
 * webauthn.ts. Two parts, both loaded on first use: the sign-in's (a second step, a passkey
 * sign-in) and the account's (set up, turn off, backup codes, the passkey list).
 *
 * better-auth's answers and the kit's codes:
 *   INVALID_CODE, INVALID_BACKUP_CODE  invalid_code (a reused backup code is gone from the
 *                                      list, so it answers like a wrong one)
 *   TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE too_many_attempts (the sixth try on one sign-in)
 *   INVALID_TWO_FACTOR_COOKIE          code_expired (the half-done sign-in expired or ended)
 *   ACCOUNT_TEMPORARILY_LOCKED (429)   rate_limited
 *   INVALID_PASSWORD                   wrong_password
 *   PASSKEY_NOT_FOUND                  passkey_not_found
 *   CHALLENGE_NOT_FOUND                code_expired (the prompt stayed open past the challenge)
 */
import {AuthError, type AuthErrorCode} from '../errors.js';
import {
  betterAuthBackupCodes,
  betterAuthPasskey,
  betterAuthPasskeyCreationOptions,
  betterAuthPasskeyDeleted,
  betterAuthPasskeyList,
  betterAuthPasskeyRequestOptions,
  betterAuthPasskeySignedIn,
  betterAuthPasskeyUpdated,
  betterAuthTotpEnabled,
  betterAuthTwoFactorDisabled,
  betterAuthTwoFactorVerified,
  type BetterAuthPasskey,
} from '../schemas-factors.js';
import type {Capabilities, ListOptions, Passkey, PasskeySignInOptions, SecondFactorInput, SessionInfo, TotpSetup} from '../types.js';
import {createPasskey, getPasskey, type PublicKeyCredentialCreationOptionsJSON, type PublicKeyCredentialRequestOptionsJSON} from '../webauthn.js';
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
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: 'too_many_attempts',
  INVALID_TWO_FACTOR_COOKIE: 'code_expired',
};

const PASSWORD_CHECK: Record<string, AuthErrorCode> = {INVALID_PASSWORD: 'wrong_password'};

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

/** The account's part (BetterAuthAccount builds on it). */
export abstract class BetterAuthAccountFactors {
  constructor(protected readonly api: FactorTransport) {}

  async startTotpSetup(password?: string): Promise<TotpSetup> {
    this.requireMultiFactor();
    const {totpURI, backupCodes} = await this.api.request('/two-factor/enable', betterAuthTotpEnabled, {
      method: 'POST',
      body: password === undefined ? {} : {password},
      authenticated: true,
      codes: PASSWORD_CHECK,
    });
    const secret = new URL(totpURI).searchParams.get('secret');
    if (!secret) throw new AuthError('malformed_response', 'The authenticator URI holds no key');
    return {uri: totpURI, secret, backupCodes};
  }

  async confirmTotpSetup(code: string): Promise<void> {
    this.requireMultiFactor();
    // With a session, verify-totp confirms the setup (and better-auth opens a new session).
    await this.api.request('/two-factor/verify-totp', betterAuthTwoFactorVerified, {
      method: 'POST',
      body: {code: code.trim()},
      authenticated: true,
      codes: {INVALID_CODE: 'invalid_code', TOTP_NOT_ENABLED: 'invalid_code'},
    });
  }

  async disableTwoFactor(password?: string): Promise<void> {
    this.requireMultiFactor();
    await this.api.request('/two-factor/disable', betterAuthTwoFactorDisabled, {
      method: 'POST',
      body: password === undefined ? {} : {password},
      authenticated: true,
      codes: PASSWORD_CHECK,
    });
  }

  async regenerateBackupCodes(password?: string): Promise<string[]> {
    this.requireMultiFactor();
    const {backupCodes} = await this.api.request('/two-factor/generate-backup-codes', betterAuthBackupCodes, {
      method: 'POST',
      body: password === undefined ? {} : {password},
      authenticated: true,
      codes: {...PASSWORD_CHECK, TWO_FACTOR_NOT_ENABLED: 'unsupported'},
    });
    return backupCodes;
  }

  async listPasskeys(options?: ListOptions): Promise<Passkey[]> {
    this.requirePasskeys();
    const rows = await this.api.request('/passkey/list-user-passkeys', betterAuthPasskeyList, {authenticated: true, signal: options?.signal});
    return rows.map(toPasskey).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  async addPasskey(name?: string): Promise<Passkey> {
    this.requirePasskeys();
    const options = await this.api.request('/passkey/generate-register-options', betterAuthPasskeyCreationOptions, {authenticated: true});
    const credential = await createPasskey(options as unknown as PublicKeyCredentialCreationOptionsJSON);
    const row = await this.api.request('/passkey/verify-registration', betterAuthPasskey, {
      method: 'POST',
      body: {response: credential, ...(name?.trim() ? {name: name.trim()} : {})},
      authenticated: true,
      codes: PASSKEY,
    });
    return toPasskey(row);
  }

  async renamePasskey(id: string, name: string): Promise<Passkey> {
    this.requirePasskeys();
    const {passkey} = await this.api.request('/passkey/update-passkey', betterAuthPasskeyUpdated, {
      method: 'POST',
      body: {id, name: name.trim()},
      authenticated: true,
      codes: {...PASSKEY, YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY: 'passkey_not_found'},
    });
    return toPasskey(passkey);
  }

  async removePasskey(id: string): Promise<void> {
    this.requirePasskeys();
    try {
      await this.api.request('/passkey/delete-passkey', betterAuthPasskeyDeleted, {method: 'POST', body: {id}, authenticated: true, codes: PASSKEY});
    } catch (error) {
      // Gone already (another tab removed it): removed.
      if (!(error instanceof AuthError && error.code === 'passkey_not_found')) throw error;
    }
  }

  protected requireMultiFactor() {
    if (!this.api.capabilities.multiFactor) throw new AuthError('unsupported', 'The API has no two-step verification');
  }

  private requirePasskeys() {
    if (!this.api.capabilities.passkeys) throw new AuthError('unsupported', 'The API has no passkeys');
  }
}

function toPasskey(row: BetterAuthPasskey): Passkey {
  return {
    id: row.id,
    name: row.name || null,
    createdAt: new Date(row.createdAt),
    lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt) : null,
    synced: row.backedUp === true,
  };
}
