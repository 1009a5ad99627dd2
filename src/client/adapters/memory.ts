import {AuthError} from '../errors.js';
import {isValidEmail} from '../validation.js';
import type {
  Capabilities,
  PasswordCredentials,
  Session,
  SessionInfo,
  SignUpInput,
  SignUpResult,
  SocialSignInResult,
  User,
} from '../types.js';
import type {IdentityAdapter} from './adapter.js';

export interface MemoryUserSeed {
  name: string;
  email: string;
  password: string;
  /** Defaults to true: seeded users can sign in at once. */
  emailVerified?: boolean;
  imageUrl?: string | null;
}

export interface MemoryAdapterOptions {
  users?: MemoryUserSeed[];
  /** Milliseconds every call waits, to show loading states. Default 0. */
  latency?: number;
  capabilities?: Partial<Capabilities>;
  /** How long a code stays valid. Default 5 minutes. */
  codeTtlMs?: number;
}

export interface MemoryMail {
  to: string;
  subject: string;
  text: string;
  code: string;
  createdAt: string;
}

type CodePurpose = 'email-verification' | 'forget-password';

interface StoredUser {
  user: User;
  password: string;
}

interface StoredCode {
  code: string;
  expiresAt: number;
  attempts: number;
}

const ALLOWED_ATTEMPTS = 3;

const randomId = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};

const clone = (info: SessionInfo): SessionInfo => ({
  user: {...info.user, createdAt: new Date(info.user.createdAt)},
  session: {...info.session, expiresAt: new Date(info.session.expiresAt)},
});

/**
 * The whole IdentityAdapter contract in the browser's memory, with the reference server's
 * rules. For Storybook, docs and fast element tests — never for the real app.
 */
export class MemoryAdapter implements IdentityAdapter {
  readonly name = 'memory';
  readonly capabilities: Capabilities;
  /** Every email the adapter "sent", newest last. */
  readonly mailbox: MemoryMail[] = [];

  private readonly users = new Map<string, StoredUser>();
  private readonly codes = new Map<string, StoredCode>();
  private readonly latency: number;
  private readonly codeTtlMs: number;
  private current: SessionInfo | null = null;

  constructor(options: MemoryAdapterOptions = {}) {
    this.latency = options.latency ?? 0;
    this.codeTtlMs = options.codeTtlMs ?? 5 * 60_000;
    const {passwordPolicy, ...rest} = options.capabilities ?? {};
    this.capabilities = {
      emailPassword: true,
      emailVerification: true,
      passwordResetByCode: true,
      codeLength: 6,
      socialProviders: [],
      organizations: true,
      multiFactor: true,
      multiSession: true,
      magicLink: true,
      profileImage: {maxBytes: 2 * 1024 * 1024, types: ['image/png', 'image/jpeg', 'image/webp', 'image/gif']},
      changeEmail: true,
      deleteAccount: true,
      freshAge: 24 * 3600,
      ...rest,
      passwordPolicy: {minLength: 8, maxLength: 128, requireLetterAndDigit: true, ...passwordPolicy},
    };
    for (const seed of options.users ?? []) {
      this.users.set(seed.email.toLowerCase(), {
        password: seed.password,
        user: {
          id: randomId(),
          email: seed.email.toLowerCase(),
          name: seed.name,
          emailVerified: seed.emailVerified ?? true,
          imageUrl: seed.imageUrl ?? null,
          createdAt: new Date(),
        },
      });
    }
  }

  /** The newest code sent to an email (any purpose), or null. */
  latestCode(email: string): string | null {
    const to = email.toLowerCase();
    for (let i = this.mailbox.length - 1; i >= 0; i--) if (this.mailbox[i].to === to) return this.mailbox[i].code;
    return null;
  }

  async getSession(): Promise<SessionInfo | null> {
    await this.delay();
    if (this.current && this.current.session.expiresAt.getTime() <= Date.now()) this.current = null;
    return this.current && clone(this.current);
  }

  async signInWithPassword({email, password}: PasswordCredentials): Promise<SessionInfo> {
    await this.delay();
    const stored = this.users.get(email.trim().toLowerCase());
    if (!stored || stored.password !== password) throw new AuthError('invalid_credentials');
    if (this.capabilities.emailVerification && !stored.user.emailVerified) {
      this.sendCode(stored.user.email, 'email-verification');
      throw new AuthError('email_not_verified', 'email_not_verified', {status: 403});
    }
    return this.openSession(stored.user);
  }

  /** Signs in at once (no redirect) as `<Provider> User`, created verified on first use. */
  async signInWithSocial(provider: string, _callbackURL: string): Promise<SocialSignInResult> {
    await this.delay();
    if (!this.capabilities.socialProviders.includes(provider)) throw new AuthError('unsupported', `No provider ${provider}`);
    const email = `${provider.toLowerCase()}.user@example.com`;
    let stored = this.users.get(email);
    if (!stored) {
      const name = `${provider.charAt(0).toUpperCase()}${provider.slice(1)} User`;
      const user: User = {id: randomId(), email, name, emailVerified: true, imageUrl: null, createdAt: new Date()};
      // No password can sign in as a social user.
      stored = {user, password: `\0${randomId()}`};
      this.users.set(email, stored);
    }
    return {session: this.openSession(stored.user)};
  }

  async signUp({name, email, password}: SignUpInput): Promise<SignUpResult> {
    await this.delay();
    const normalized = this.checkEmail(email);
    this.checkPassword(password);
    if (this.users.has(normalized)) throw new AuthError('email_taken', 'email_taken', {status: 422});
    const user: User = {
      id: randomId(),
      email: normalized,
      name,
      emailVerified: false,
      imageUrl: null,
      createdAt: new Date(),
    };
    this.users.set(normalized, {user, password});
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
    if (this.users.has(normalized)) this.sendCode(normalized, 'email-verification');
  }

  async verifyEmail(email: string, code: string): Promise<SessionInfo | null> {
    await this.delay();
    const normalized = this.checkEmail(email);
    this.useCode(normalized, 'email-verification', code, true);
    const stored = this.users.get(normalized);
    if (!stored) throw new AuthError('invalid_code');
    stored.user.emailVerified = true;
    return this.openSession(stored.user);
  }

  async requestPasswordReset(email: string): Promise<void> {
    await this.delay();
    const normalized = this.checkEmail(email);
    if (this.users.has(normalized)) this.sendCode(normalized, 'forget-password');
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
    const stored = this.users.get(normalized);
    if (!stored) throw new AuthError('invalid_code');
    stored.password = password;
    stored.user.emailVerified = true;
  }

  async signOut(): Promise<void> {
    await this.delay();
    this.current = null;
  }

  async getToken(): Promise<string | null> {
    await this.delay();
    if (!this.current) return null;
    // Not a signed JWT: just something opaque and non-empty for the integrator's API.
    return `memory.${this.current.session.id}`;
  }

  private openSession(user: User): SessionInfo {
    const session: Session = {id: randomId(), userId: user.id, expiresAt: new Date(Date.now() + 7 * 24 * 3600_000)};
    this.current = {user: {...user}, session};
    return clone(this.current);
  }

  private checkEmail(email: string): string {
    const normalized = email.trim().toLowerCase();
    if (!isValidEmail(normalized)) throw new AuthError('invalid_email', 'invalid_email', {status: 400});
    return normalized;
  }

  private checkPassword(password: string) {
    const {minLength, maxLength, requireLetterAndDigit} = this.capabilities.passwordPolicy;
    if (password.length < minLength) throw new AuthError('password_too_short', 'password_too_short', {status: 400});
    if (password.length > maxLength) throw new AuthError('password_too_long', 'password_too_long', {status: 400});
    if (requireLetterAndDigit && !(/\p{L}/u.test(password) && /\p{N}/u.test(password))) {
      throw new AuthError('password_too_weak', 'password_too_weak', {status: 400});
    }
  }

  private sendCode(email: string, purpose: CodePurpose) {
    const digits = crypto.getRandomValues(new Uint32Array(this.capabilities.codeLength));
    const code = Array.from(digits, (n) => String(n % 10)).join('');
    this.codes.set(`${purpose}:${email}`, {code, expiresAt: Date.now() + this.codeTtlMs, attempts: 0});
    const [subject, lead] =
      purpose === 'email-verification'
        ? ['Verify your email', 'Your verification code is']
        : ['Reset your password', 'Your password reset code is'];
    this.mailbox.push({to: email, subject, text: `${lead} ${code}.`, code, createdAt: new Date().toISOString()});
  }

  /** Checks a code like the server: expired, wrong (counted), too many attempts. */
  private useCode(email: string, purpose: CodePurpose, code: string, consume: boolean) {
    const key = `${purpose}:${email}`;
    const stored = this.codes.get(key);
    if (!stored) throw new AuthError('invalid_code', 'invalid_code', {status: 400});
    if (stored.expiresAt <= Date.now()) {
      this.codes.delete(key);
      throw new AuthError('code_expired', 'code_expired', {status: 400});
    }
    if (stored.attempts >= ALLOWED_ATTEMPTS) throw new AuthError('too_many_attempts', 'too_many_attempts', {status: 403});
    if (stored.code !== code) {
      stored.attempts++;
      throw new AuthError('invalid_code', 'invalid_code', {status: 400});
    }
    if (consume) this.codes.delete(key);
  }

  private delay() {
    return this.latency > 0 ? new Promise<void>((resolve) => setTimeout(resolve, this.latency)) : Promise.resolve();
  }
}
