/**
 * The better-auth adapter's account side of two-step verification and passkeys (better-auth-
 * factors.ts has the sign-in's, and the API's codes): in the account chunk.
 */
import {AuthError, type AuthErrorCode} from '../errors.js';
import {
  betterAuthBackupCodes,
  betterAuthPasskey,
  betterAuthPasskeyCreationOptions,
  betterAuthPasskeyDeleted,
  betterAuthPasskeyList,
  betterAuthPasskeyUpdated,
  betterAuthTotpConfirmed,
  betterAuthTotpEnabled,
  betterAuthTwoFactorDisabled,
  type BetterAuthPasskey,
} from '../schemas-account.js';
import type {ListOptions, Passkey, TotpSetup} from '../types.js';
import {createPasskey, type PublicKeyCredentialCreationOptionsJSON} from '../webauthn.js';
import type {FactorTransport} from './better-auth-factors.js';

const PASSWORD_CHECK: Record<string, AuthErrorCode> = {INVALID_PASSWORD: 'wrong_password'};
const PASSKEY: Record<string, AuthErrorCode> = {PASSKEY_NOT_FOUND: 'passkey_not_found', CHALLENGE_NOT_FOUND: 'code_expired'};

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
    await this.api.request('/two-factor/verify-totp', betterAuthTotpConfirmed, {
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
