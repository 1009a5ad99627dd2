import {AuthError} from '../errors.js';
import type {
  Capabilities,
  PasswordCredentials,
  PhoneCodePurpose,
  SessionInfo,
  SignUpInput,
  SignUpResult,
  SocialSignInResult,
  User,
} from '../types.js';
import type {IdentityAdapter} from './adapter.js';
import {totpCode} from './memory-factors.js';
import {MemoryOrganizations, type MemoryOrganizationOptions} from './memory-organizations.js';
import {MemoryStore, randomBackupCodes, randomId, type CodePurpose} from './memory-store.js';

/** Where an account made by phone alone is kept (the store is keyed by email; it has none). */
const phoneKey = (phoneNumber: string) => `phone:${phoneNumber}`;

export type {MemoryMail} from './memory-store.js';
export type {MemoryOrganizationOptions, MemoryOrganizationSeed} from './memory-organizations.js';

export interface MemoryUserSeed {
  name: string;
  /** '' for an account made by phone alone (with `phoneNumber`). */
  email: string;
  /** The account's phone number (E.164), for signing in by a texted code. */
  phoneNumber?: string;
  /** Defaults to true: seeded users can sign in at once. */
  emailVerified?: boolean;
  imageUrl?: string | null;
  password: string;
  /** An account without a password (it signed up with a social provider): `password` does not sign in. */
  withoutPassword?: boolean;
  /** Sessions of this user on other devices (for "active devices" in stories). */
  otherDevices?: Array<{userAgent: string; ipAddress?: string; location?: string; lastActiveAt?: Date}>;
  /**
   * Two-step verification already on, with this authenticator-app key (base32, e.g.
   * `JBSWY3DPEHPK3PXP`; a test computes codes from it, or with `adapter.totpCode(email)`) and
   * these backup codes (default: ten random ones).
   */
  twoFactor?: {secret: string; backupCodes?: string[]};
  /**
   * Passkeys already on the account (for the profile's list). Signing in with one needs a
   * browser authenticator that holds `credentialId` (base64url).
   */
  passkeys?: Array<{name?: string | null; credentialId?: string; createdAt?: Date; lastUsedAt?: Date | null; synced?: boolean}>;
}

export interface MemoryAdapterOptions extends MemoryOrganizationOptions {
  users?: MemoryUserSeed[];
  /** Milliseconds every call waits, to show loading states. Default 0. */
  latency?: number;
  capabilities?: Partial<Capabilities>;
  /** How long a code stays valid. Default 5 minutes. */
  codeTtlMs?: number;
  /** The user agent this "device" records on its sessions. Default the browser's. */
  userAgent?: string | null;
  /** Email domains with an enterprise provider (with `capabilities.enterpriseSSO`): their people sign in at once. */
  enterpriseDomains?: string[];
  /** Sign-in links already mailed (for stories of the page a link opens): by token, to a seeded user. */
  signInLinks?: Array<{token: string; email: string; expired?: boolean; used?: boolean}>;
}

/**
 * The whole IdentityAdapter contract in the browser's memory (organizations too:
 * memory-organizations.ts), with the reference server's rules. For Storybook, docs and fast
 * element tests — never for the real app: passkey sign-ins are accepted on the credential id
 * without checking a signature (memory-factors.ts).
 */
export class MemoryAdapter extends MemoryOrganizations implements IdentityAdapter {
  readonly name = 'memory';
  readonly capabilities: Capabilities;
  protected readonly store: MemoryStore;
  protected readonly userAgent: string | null;
  readonly #options: MemoryAdapterOptions;
  private readonly latency: number;

  /** Every email the adapter "sent", newest last (shared with its other devices). */
  get mailbox() {
    return this.store.mailbox;
  }

  constructor(options: MemoryAdapterOptions = {}, store?: MemoryStore) {
    super();
    this.#options = options;
    this.organizationOptions = options;
    this.latency = options.latency ?? 0;
    this.userAgent = options.userAgent === undefined ? (globalThis.navigator?.userAgent ?? null) : options.userAgent;
    this.store = store ?? new MemoryStore(options.codeTtlMs ?? 5 * 60_000);
    const {passwordPolicy, ...rest} = options.capabilities ?? {};
    this.capabilities = {
      emailPassword: true,
      emailVerification: true,
      passwordResetByCode: true,
      codeLength: 6,
      socialProviders: [],
      socialProviderNames: {},
      emailCode: true,
      phoneNumber: false,
      enterpriseSSO: false,
      organizations: true,
      multiFactor: true,
      trustedDeviceDays: 30,
      passkeys: true,
      multiSession: true,
      magicLink: true,
      profileImage: {maxBytes: 2 * 1024 * 1024, types: ['image/png', 'image/jpeg', 'image/webp', 'image/gif']},
      changeEmail: true,
      deleteAccount: true,
      freshAge: 24 * 3600,
      ...rest,
      passwordPolicy: {minLength: 8, maxLength: 128, requireLetterAndDigit: true, ...passwordPolicy},
    };
    if (store) return;
    for (const seed of options.users ?? []) {
      const user: User = {
        id: randomId(),
        email: seed.email.toLowerCase(),
        name: seed.name,
        emailVerified: seed.emailVerified ?? true,
        imageUrl: seed.imageUrl ?? null,
        createdAt: new Date(),
        phoneNumber: seed.phoneNumber ?? null,
      };
      const twoFactor = seed.twoFactor && {secret: seed.twoFactor.secret, backupCodes: [...(seed.twoFactor.backupCodes ?? randomBackupCodes())], usedBackupCodes: []};
      this.store.users.set(user.email || phoneKey(user.phoneNumber!), {password: seed.withoutPassword ? null : seed.password, user, twoFactor});
      for (const [index, passkey] of (seed.passkeys ?? []).entries()) {
        const id = randomId();
        const createdAt = passkey.createdAt?.getTime() ?? Date.now() - index * 86400_000;
        this.store.passkeys.set(id, {
          id,
          userId: user.id,
          credentialId: passkey.credentialId ?? randomId(),
          name: passkey.name ?? null,
          createdAt,
          lastUsedAt: passkey.lastUsedAt?.getTime() ?? null,
          synced: passkey.synced ?? false,
        });
      }
      for (const device of seed.otherDevices ?? []) this.store.createSession(user.id, device, device.lastActiveAt?.getTime());
    }
    this.seedOrganizations(options.organizations ?? []);
    for (const {token, email, expired = false, used = false} of options.signInLinks ?? []) {
      this.store.links.set(token, {email: email.toLowerCase(), expiresAt: expired ? 0 : Date.now() + this.store.codeTtlMs, used});
    }
  }

  /** Another device (browser) signed in to the same API: same users, its own sessions. */
  newDevice(userAgent: string | null = this.userAgent): MemoryAdapter {
    return new MemoryAdapter({...this.#options, userAgent}, this.store);
  }

  /** The newest sign-in link mailed to `email` (its url), or null. */
  latestLink(email: string): string | null {
    const to = email.trim().toLowerCase();
    return this.store.mailbox.findLast((mail) => mail.to === to && mail.subject === 'Your sign-in link')?.url ?? null;
  }

  /** Makes the sign-in code last sent to `email` or texted to `phoneNumber`, or the link with `token`, expire now (tests and stories). */
  expireSignIn({email, phoneNumber, token}: {email?: string; phoneNumber?: string; token?: string}): void {
    if (email) this.store.expireCode(email.trim().toLowerCase(), 'sign-in');
    if (phoneNumber) this.store.expireCode(phoneNumber, 'phone');
    const link = token ? this.store.links.get(token) : undefined;
    if (link) link.expiresAt = 0;
  }

  /** The newest code sent to an email or texted to a number (any purpose), or null. */
  latestCode(email: string): string | null {
    const to = email.toLowerCase();
    const {mailbox} = this.store;
    for (let i = mailbox.length - 1; i >= 0; i--) if (mailbox[i].to === to && mailbox[i].code) return mailbox[i].code;
    return null;
  }

  /** The authenticator app's current code for a user with two-step verification (or a setup begun), or null. */
  async totpCode(email: string): Promise<string | null> {
    const stored = this.store.users.get(email.toLowerCase());
    const secret = stored?.twoFactor?.secret ?? stored?.totpSetup?.secret;
    return secret ? totpCode(secret) : null;
  }

  /** The backup codes of a user with two-step verification that are not used yet. */
  backupCodes(email: string): string[] {
    return [...(this.store.users.get(email.toLowerCase())?.twoFactor?.backupCodes ?? [])];
  }

  async getSession(): Promise<SessionInfo | null> {
    await this.delay();
    return this.info(this.active);
  }

  async signInWithPassword({email, password}: PasswordCredentials): Promise<SessionInfo> {
    await this.delay();
    const stored = this.store.users.get(email.trim().toLowerCase());
    if (!stored || stored.password === null || stored.password !== password) throw new AuthError('invalid_credentials');
    if (this.capabilities.emailVerification && !stored.user.emailVerified) {
      this.sendCode(stored.user.email, 'email-verification');
      throw new AuthError('email_not_verified', 'email_not_verified', {status: 403});
    }
    this.requireSecondFactor(stored);
    return this.openSession(stored.user);
  }

  /** Signs in at once (no redirect) as `<Provider> User`, created verified on first use. */
  async signInWithSocial(provider: string, _callbackURL: string, _errorURL?: string): Promise<SocialSignInResult> {
    await this.delay();
    if (!this.capabilities.socialProviders.includes(provider)) throw new AuthError('unsupported', `No provider ${provider}`);
    const email = `${provider.toLowerCase()}.user@example.com`;
    let stored = this.store.users.get(email);
    if (!stored) {
      const name = `${provider.charAt(0).toUpperCase()}${provider.slice(1)} User`;
      const user: User = {id: randomId(), email, name, emailVerified: true, imageUrl: null, createdAt: new Date()};
      // No password can sign in as a social user.
      stored = {user, password: null};
      this.store.users.set(email, stored);
    }
    return {session: this.openSession(stored.user)};
  }

  /** A code for signing in, mailed only to an address with an account (like the server). */
  async sendSignInCode(email: string): Promise<void> {
    await this.delay();
    if (!this.capabilities.emailCode) throw new AuthError('unsupported');
    const normalized = this.checkEmail(email);
    if (this.store.users.has(normalized)) this.sendCode(normalized, 'sign-in');
  }

  async signInWithCode(email: string, code: string): Promise<SessionInfo> {
    await this.delay();
    if (!this.capabilities.emailCode) throw new AuthError('unsupported');
    const normalized = email.trim().toLowerCase();
    this.store.useCode(normalized, 'sign-in', code.trim(), true);
    const stored = this.store.users.get(normalized);
    if (!stored) throw new AuthError('invalid_code', 'invalid_code', {status: 400});
    // The code proved the address.
    stored.user.emailVerified = true;
    return this.openSession(stored.user);
  }

  /** A code texted (to the mailbox, `to` the number): for sign-in only to a number with an account, like the server. */
  async sendPhoneCode(phoneNumber: string, purpose: PhoneCodePurpose): Promise<void> {
    await this.delay();
    if (!this.capabilities.phoneNumber) throw new AuthError('unsupported');
    if (!/^\+[1-9]\d{6,14}$/.test(phoneNumber)) throw new AuthError('invalid_phone', 'invalid_phone', {status: 400});
    if (purpose === 'sign-up' || this.store.userByPhone(phoneNumber)) this.sendCode(phoneNumber, 'phone');
  }

  /** Signs in to the number's account; with `name`, a number without one gets an account with no email. */
  async signInWithPhoneCode(phoneNumber: string, code: string, name?: string): Promise<SessionInfo> {
    await this.delay();
    if (!this.capabilities.phoneNumber) throw new AuthError('unsupported');
    this.store.useCode(phoneNumber, 'phone', code.trim(), true);
    let stored = this.store.userByPhone(phoneNumber);
    if (!stored && name) {
      const user: User = {id: randomId(), email: '', name, emailVerified: false, imageUrl: null, createdAt: new Date(), phoneNumber};
      stored = {user, password: null};
      this.store.users.set(phoneKey(phoneNumber), stored);
    }
    if (!stored) throw new AuthError('invalid_code', 'invalid_code', {status: 400});
    return this.openSession(stored.user);
  }

  /** A link to `pageURL` with the token in `auth-link`, mailed only to an address with an account. */
  async sendSignInLink(email: string, pageURL: string): Promise<void> {
    await this.delay();
    if (!this.capabilities.magicLink) throw new AuthError('unsupported');
    const normalized = this.checkEmail(email);
    if (!this.store.users.has(normalized)) return;
    const token = randomId();
    this.store.links.set(token, {email: normalized, expiresAt: Date.now() + this.store.codeTtlMs, used: false});
    const url = new URL(pageURL, globalThis.location?.href);
    url.searchParams.set('auth-link', token);
    this.store.mailbox.push({to: normalized, subject: 'Your sign-in link', text: `Sign in with this link:\n${url.href}`, code: '', url: url.href, createdAt: new Date().toISOString()});
  }

  async signInWithLink(token: string): Promise<SessionInfo> {
    await this.delay();
    if (!this.capabilities.magicLink) throw new AuthError('unsupported');
    const link = this.store.links.get(token);
    if (!link) throw new AuthError('invalid_link', 'invalid_link', {status: 400});
    if (link.used) throw new AuthError('link_used', 'link_used', {status: 410});
    if (link.expiresAt <= Date.now()) throw new AuthError('link_expired', 'link_expired', {status: 410});
    const stored = this.store.users.get(link.email);
    if (!stored) throw new AuthError('invalid_link', 'invalid_link', {status: 400});
    link.used = true;
    stored.user.emailVerified = true;
    return this.openSession(stored.user);
  }

  /** An address of `enterpriseDomains` signs in at once (no redirect), created verified on first use. */
  async startEnterpriseSignIn(email: string, _callbackURL: string, _errorURL?: string): Promise<SocialSignInResult | null> {
    await this.delay();
    const normalized = email.trim().toLowerCase();
    const domain = normalized.split('@')[1];
    if (!this.capabilities.enterpriseSSO || !domain || !this.#options.enterpriseDomains?.includes(domain)) return null;
    let stored = this.store.users.get(normalized);
    if (!stored) {
      const user: User = {id: randomId(), email: normalized, name: normalized.split('@')[0], emailVerified: true, imageUrl: null, createdAt: new Date()};
      stored = {user, password: null};
      this.store.users.set(normalized, stored);
    }
    return {session: this.openSession(stored.user)};
  }

  async signUp({name, email, password}: SignUpInput): Promise<SignUpResult> {
    await this.delay();
    const normalized = this.checkEmail(email);
    this.checkPassword(password);
    if (this.store.users.has(normalized)) throw new AuthError('email_taken', 'email_taken', {status: 422});
    const user: User = {
      id: randomId(),
      email: normalized,
      name,
      emailVerified: false,
      imageUrl: null,
      createdAt: new Date(),
    };
    this.store.users.set(normalized, {user, password});
    if (this.capabilities.emailVerification) {
      this.sendCode(normalized, 'email-verification');
      return {user: {...user}, session: null, verificationRequired: true};
    }
    const info = this.openSession(user);
    return {user: info.user, session: info.session, verificationRequired: false};
  }

  async sendVerificationCode(email: string): Promise<void> {
    await this.delay();
    const normalized = this.checkEmail(email);
    if (this.store.users.has(normalized)) this.sendCode(normalized, 'email-verification');
  }

  async verifyEmail(email: string, code: string): Promise<SessionInfo | null> {
    await this.delay();
    const normalized = this.checkEmail(email);
    this.useCode(normalized, 'email-verification', code, true);
    const stored = this.store.users.get(normalized);
    if (!stored) throw new AuthError('invalid_code');
    stored.user.emailVerified = true;
    return this.openSession(stored.user);
  }

  async requestPasswordReset(email: string): Promise<void> {
    await this.delay();
    const normalized = this.checkEmail(email);
    if (this.store.users.has(normalized)) this.sendCode(normalized, 'forget-password');
  }

  async checkPasswordResetCode(email: string, code: string): Promise<void> {
    await this.delay();
    this.useCode(this.checkEmail(email), 'forget-password', code, false);
  }

  async resetPassword(email: string, code: string, password: string): Promise<void> {
    await this.delay();
    const normalized = this.checkEmail(email);
    this.checkPassword(password);
    this.useCode(normalized, 'forget-password', code, true);
    const stored = this.store.users.get(normalized);
    if (!stored) throw new AuthError('invalid_code');
    stored.password = password;
    stored.user.emailVerified = true;
  }

  /** Ends every session of this device (under multi-session, every account: better-auth's sign-out). */
  signOut(): Promise<void> {
    return this.signOutAllAccounts();
  }

  async getToken(): Promise<string | null> {
    await this.delay();
    const info = this.info(this.active);
    // Not a signed JWT: just something opaque and non-empty for the integrator's API.
    return info && `memory.${info.session.id}`;
  }

  private sendCode(email: string, purpose: CodePurpose) {
    this.store.sendCode(email, purpose, this.capabilities.codeLength);
  }

  private useCode(email: string, purpose: CodePurpose, code: string, consume: boolean) {
    this.store.useCode(email, purpose, code, consume);
  }

  protected delay() {
    return this.latency > 0 ? new Promise<void>((resolve) => setTimeout(resolve, this.latency)) : Promise.resolve();
  }
}
