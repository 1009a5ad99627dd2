/**
 * The memory adapter's two-step verification and passkeys, with the reference server's rules:
 * real TOTP codes (otpauth, loaded on first use; 30 s steps, one step either side), ten backup
 * codes each good once, a half-done sign-in that expires after the store's code TTL and takes
 * five wrong codes, trusted devices, and passkeys made and used through the browser's real
 * WebAuthn ceremony (src/client/webauthn.ts).
 *
 * Not a security boundary: a passkey sign-in is accepted on its credential id alone — the
 * signature is not checked (there is no server key store here). It is the backend of stories
 * and element tests, never of a real app.
 */
import {AuthError} from '../errors.js';
import type {ListOptions, Passkey, PasskeySignInOptions, SecondFactorInput, SessionInfo, TotpSetup} from '../types.js';
import {createPasskey, getPasskey} from '../webauthn.js';
import {MemoryAccount} from './memory-account.js';
import {randomBackupCodes, randomId, type StoredPasskey, type StoredUser} from './memory-store.js';

/** What the authenticator app shows as the account's issuer. */
export const TOTP_ISSUER = 'Auth Elements';
/** Wrong codes one half-done sign-in takes; the next try is `too_many_attempts` (better-auth's 5). */
const ALLOWED_SECOND_FACTOR_ATTEMPTS = 5;

interface PendingSignIn {
  userId: string;
  expiresAt: number;
  attempts: number;
}

const otpauth = () => import('otpauth');

export abstract class MemoryFactors extends MemoryAccount {
  /** The sign-in waiting for its second step on this device (better-auth's two-factor cookie). */
  #pending: PendingSignIn | null = null;
  /** Users this device skips the second step for, until when (better-auth's trust-device cookie). */
  readonly #trusted = new Map<string, number>();

  async verifySecondFactor({kind, code, trustDevice = false}: SecondFactorInput): Promise<SessionInfo> {
    await this.delay();
    if (!this.capabilities.multiFactor) throw new AuthError('unsupported');
    const pending = this.#pending;
    const stored = pending && this.store.userById(pending.userId);
    if (!pending || !stored?.twoFactor || pending.expiresAt <= Date.now()) {
      this.#pending = null;
      throw new AuthError('code_expired', 'The sign-in expired: enter the password again', {status: 401});
    }
    if (pending.attempts >= ALLOWED_SECOND_FACTOR_ATTEMPTS) {
      this.#pending = null;
      throw new AuthError('too_many_attempts', 'too_many_attempts', {status: 400});
    }
    const {twoFactor} = stored;
    const value = code.trim();
    if (kind === 'totp') {
      if (!(await totpValid(twoFactor.secret, value))) {
        pending.attempts++;
        throw new AuthError('invalid_code', 'invalid_code', {status: 401});
      }
    } else {
      const index = twoFactor.backupCodes.indexOf(value);
      if (index < 0) {
        pending.attempts++;
        if (twoFactor.usedBackupCodes.includes(value)) throw new AuthError('code_used', 'code_used', {status: 401});
        throw new AuthError('invalid_code', 'invalid_code', {status: 401});
      }
      twoFactor.backupCodes.splice(index, 1);
      twoFactor.usedBackupCodes.push(value);
    }
    this.#pending = null;
    const days = this.capabilities.trustedDeviceDays;
    if (trustDevice && days > 0) this.#trusted.set(stored.user.id, Date.now() + days * 86400_000);
    return this.openSession(stored.user);
  }

  async signInWithPasskey({autofill = false, signal}: PasskeySignInOptions = {}): Promise<SessionInfo> {
    await this.delay();
    signal?.throwIfAborted();
    if (!this.capabilities.passkeys) throw new AuthError('unsupported');
    const credential = await getPasskey(
      {challenge: randomChallenge(), rpId: location.hostname, allowCredentials: [], userVerification: 'preferred', timeout: 60_000},
      {autofill, signal},
    );
    const passkey = [...this.store.passkeys.values()].find((p) => p.credentialId === credential.id);
    const stored = passkey && this.store.userById(passkey.userId);
    if (!passkey || !stored) throw new AuthError('passkey_not_found', 'passkey_not_found', {status: 400});
    passkey.lastUsedAt = Date.now();
    this.#pending = null;
    return this.openSession(stored.user);
  }

  async startTotpSetup(password?: string): Promise<TotpSetup> {
    await this.delay();
    const {stored} = this.signedIn();
    this.requireMultiFactor();
    this.checkSensitive(stored, password);
    if (stored.twoFactor) throw new AuthError('unknown', 'Two-step verification is already on', {status: 400});
    const {Secret, TOTP} = await otpauth();
    const secret = new Secret({size: 20}).base32;
    const backupCodes = randomBackupCodes();
    stored.totpSetup = {secret, backupCodes};
    const uri = new TOTP({issuer: TOTP_ISSUER, label: stored.user.email, secret: Secret.fromBase32(secret)}).toString();
    return {uri, secret, backupCodes: [...backupCodes]};
  }

  async confirmTotpSetup(code: string): Promise<void> {
    await this.delay();
    const {stored} = this.signedIn();
    this.requireMultiFactor();
    const setup = stored.totpSetup;
    if (!setup || !(await totpValid(setup.secret, code.trim()))) throw new AuthError('invalid_code', 'invalid_code', {status: 401});
    stored.twoFactor = {secret: setup.secret, backupCodes: setup.backupCodes, usedBackupCodes: []};
    stored.totpSetup = null;
  }

  async disableTwoFactor(password?: string): Promise<void> {
    await this.delay();
    const {stored} = this.signedIn();
    this.requireMultiFactor();
    this.checkSensitive(stored, password);
    stored.twoFactor = null;
    stored.totpSetup = null;
    this.#trusted.delete(stored.user.id);
  }

  async regenerateBackupCodes(password?: string): Promise<string[]> {
    await this.delay();
    const {stored} = this.signedIn();
    this.requireMultiFactor();
    this.checkSensitive(stored, password);
    if (!stored.twoFactor) throw new AuthError('unsupported', 'Two-step verification is off', {status: 400});
    stored.twoFactor.backupCodes = randomBackupCodes();
    stored.twoFactor.usedBackupCodes = [];
    return [...stored.twoFactor.backupCodes];
  }

  async listPasskeys(options?: ListOptions): Promise<Passkey[]> {
    await this.delay();
    options?.signal?.throwIfAborted();
    const {stored} = this.signedIn();
    this.requirePasskeys();
    return this.passkeysOf(stored.user.id)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map(toPasskey);
  }

  async addPasskey(name?: string): Promise<Passkey> {
    await this.delay();
    const {stored} = this.signedIn();
    this.requirePasskeys();
    this.requireFresh(); // like the passkey plugin's registration
    const {user} = stored;
    const credential = await createPasskey({
      rp: {name: TOTP_ISSUER, id: location.hostname},
      user: {id: base64url(new TextEncoder().encode(user.id)), name: user.email, displayName: user.name || user.email},
      challenge: randomChallenge(),
      pubKeyCredParams: [
        {type: 'public-key', alg: -7},
        {type: 'public-key', alg: -257},
      ],
      timeout: 60_000,
      attestation: 'none',
      excludeCredentials: this.passkeysOf(user.id).map((p) => ({id: p.credentialId, type: 'public-key'})),
      authenticatorSelection: {residentKey: 'preferred', userVerification: 'preferred'},
    });
    const passkey: StoredPasskey = {
      id: randomId(),
      userId: user.id,
      credentialId: credential.id,
      name: name?.trim() || null,
      createdAt: Date.now(),
      lastUsedAt: null,
      synced: backedUp(credential.response.authenticatorData),
    };
    this.store.passkeys.set(passkey.id, passkey);
    return toPasskey(passkey);
  }

  async renamePasskey(id: string, name: string): Promise<Passkey> {
    await this.delay();
    const {stored} = this.signedIn();
    this.requirePasskeys();
    const passkey = this.store.passkeys.get(id);
    if (!passkey || passkey.userId !== stored.user.id) throw new AuthError('passkey_not_found', 'passkey_not_found', {status: 404});
    passkey.name = name.trim() || null;
    return toPasskey(passkey);
  }

  async removePasskey(id: string): Promise<void> {
    await this.delay();
    const {stored} = this.signedIn();
    this.requirePasskeys();
    const passkey = this.store.passkeys.get(id);
    if (passkey?.userId === stored.user.id) this.store.passkeys.delete(id);
  }

  /** Test and story support: the sign-in waiting for its second step on this device expires now. */
  expireSecondFactor(): void {
    if (this.#pending) this.#pending.expiresAt = 0;
  }

  /**
   * For `signInWithPassword` once the password was right: rejects with `two_factor_required`
   * (keeping the half-done sign-in) when the user has two-step verification and this device is
   * not trusted; a trusted device's trust starts over, as better-auth's cookie does.
   */
  protected requireSecondFactor(stored: StoredUser): void {
    if (!stored.twoFactor) return;
    const trustedUntil = this.#trusted.get(stored.user.id) ?? 0;
    if (trustedUntil > Date.now()) {
      this.#trusted.set(stored.user.id, Date.now() + this.capabilities.trustedDeviceDays * 86400_000);
      return;
    }
    this.#pending = {userId: stored.user.id, expiresAt: Date.now() + this.store.codeTtlMs, attempts: 0};
    throw new AuthError('two_factor_required', 'two_factor_required');
  }

  protected passkeysOf(userId: string): StoredPasskey[] {
    return [...this.store.passkeys.values()].filter((p) => p.userId === userId);
  }

  /** The password where the account has one (`wrong_password`), else a fresh session. */
  private checkSensitive(stored: StoredUser, password: string | undefined) {
    if (stored.password === null) this.requireFresh();
    else if (password !== stored.password) throw new AuthError('wrong_password', 'wrong_password', {status: 400});
  }

  private requireMultiFactor() {
    if (!this.capabilities.multiFactor) throw new AuthError('unsupported');
  }

  private requirePasskeys() {
    if (!this.capabilities.passkeys) throw new AuthError('unsupported');
  }
}

/** The current code for a base32 key (test and story support). */
export async function totpCode(secret: string): Promise<string> {
  const {Secret, TOTP} = await otpauth();
  return TOTP.generate({secret: Secret.fromBase32(secret)});
}

async function totpValid(secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const {Secret, TOTP} = await otpauth();
  return TOTP.validate({token: code, secret: Secret.fromBase32(secret), window: 1}) !== null;
}

function toPasskey(p: StoredPasskey): Passkey {
  return {id: p.id, name: p.name, createdAt: new Date(p.createdAt), lastUsedAt: p.lastUsedAt === null ? null : new Date(p.lastUsedAt), synced: p.synced};
}

function randomChallenge(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The authenticator data's backup-state flag (BS, bit 4 of the flags byte after the RP id hash). */
function backedUp(authenticatorData: string | undefined): boolean {
  if (!authenticatorData) return false;
  const binary = atob(authenticatorData.replace(/-/g, '+').replace(/_/g, '/'));
  return binary.length > 32 && (binary.charCodeAt(32) & 0x10) !== 0;
}
