/**
 * The memory adapter's "server": users, sessions, codes, images and the mailbox, shared by every
 * MemoryAdapter of one store (`adapter.newDevice()` is another browser signed in to the same API).
 */
import {AuthError} from '../errors.js';
import type {User} from '../types.js';

export interface MemoryMail {
  to: string;
  subject: string;
  text: string;
  /** The code the mail carries ('' for a mail with a link only, such as an invitation). */
  code: string;
  /** The link the mail carries (an invitation's page). */
  url?: string;
  createdAt: string;
}

export type CodePurpose = 'email-verification' | 'forget-password' | 'change-email' | 'sign-in' | 'phone';

export interface StoredUser {
  user: User;
  /** Null for an account without a password (it signs in with a social provider). */
  password: string | null;
  /** Two-step verification, when it is on: the authenticator app's key and the backup codes. */
  twoFactor?: StoredTwoFactor | null;
  /** A setup begun with `startTotpSetup` and not yet confirmed. */
  totpSetup?: {secret: string; backupCodes: string[]} | null;
  /** The account a social sign-in made it with is in `linkedAccounts` (recorded once, so an unlink stays). */
  socialAccountRecorded?: boolean;
}

export interface StoredTwoFactor {
  /** Base32. */
  secret: string;
  /** Codes not used yet. */
  backupCodes: string[];
  /** Codes used (a second use is `code_used`). */
  usedBackupCodes: string[];
}

export interface StoredPasskey {
  id: string;
  userId: string;
  /** The credential id (base64url), what the browser answers with at sign-in. */
  credentialId: string;
  name: string | null;
  createdAt: number;
  lastUsedAt: number | null;
  synced: boolean;
}

/** A social or OpenID Connect account linked to a user (the memory adapter's `listConnectedAccounts`). */
export interface StoredLinkedAccount {
  id: string;
  userId: string;
  provider: string;
  /** The person's id at the provider. */
  accountId: string;
  /** Their email there. */
  email: string | null;
  linkedAt: number;
}

export interface StoredSession {
  id: string;
  userId: string;
  createdAt: number;
  lastActiveAt: number;
  expiresAt: number;
  userAgent: string | null;
  ipAddress: string | null;
  location: string | null;
}

interface StoredCode {
  code: string;
  expiresAt: number;
  attempts: number;
}

const ALLOWED_ATTEMPTS = 3;
const SESSION_MS = 7 * 24 * 3600_000;

const MAIL: Record<CodePurpose, [string, string]> = {
  'email-verification': ['Verify your email', 'Your verification code is'],
  'forget-password': ['Reset your password', 'Your password reset code is'],
  'change-email': ['Confirm your new email', 'Your code to confirm the new email is'],
  'sign-in': ['Your sign-in code', 'Your sign-in code is'],
  // A text message: the mailbox holds it with the number in `to`, as the reference server's dev mailbox does.
  phone: ['Text message', 'Your Auth Elements code is'],
};

export const randomId = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};

const BACKUP_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Ten backup codes like better-auth's: `xxxxx-xxxxx`, letters and digits. */
export const randomBackupCodes = (count = 10): string[] =>
  Array.from({length: count}, () => {
    const chars = Array.from(crypto.getRandomValues(new Uint32Array(10)), (n) => BACKUP_ALPHABET[n % BACKUP_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });

export class MemoryStore {
  /** By lower-case email. */
  readonly users = new Map<string, StoredUser>();
  readonly sessions = new Map<string, StoredSession>();
  /** Profile images by user id (object URLs). */
  readonly images = new Map<string, string>();
  /** Every email "sent", newest last. */
  readonly mailbox: MemoryMail[] = [];
  /** Passkeys by id. */
  readonly passkeys = new Map<string, StoredPasskey>();
  /** Linked social and OpenID Connect accounts by id. */
  readonly linkedAccounts = new Map<string, StoredLinkedAccount>();
  /** Sign-in links by token: whose, until when, and whether used (each works once). */
  readonly links = new Map<string, {email: string; expiresAt: number; used: boolean}>();
  readonly #codes = new Map<string, StoredCode>();

  constructor(readonly codeTtlMs: number) {}

  /** The account with this phone number (E.164). */
  userByPhone(phoneNumber: string): StoredUser | undefined {
    for (const stored of this.users.values()) if (stored.user.phoneNumber === phoneNumber) return stored;
    return undefined;
  }

  userById(id: string): StoredUser | undefined {
    for (const stored of this.users.values()) if (stored.user.id === id) return stored;
    return undefined;
  }

  /** A live session (expired ones are dropped). */
  session(id: string | null): StoredSession | null {
    const session = id ? this.sessions.get(id) : undefined;
    if (!session) return null;
    if (session.expiresAt <= Date.now() || !this.userById(session.userId)) {
      this.sessions.delete(id!);
      return null;
    }
    return session;
  }

  createSession(userId: string, device: Partial<Pick<StoredSession, 'userAgent' | 'ipAddress' | 'location'>> = {}, lastActiveAt = Date.now()): StoredSession {
    const now = Date.now();
    const session: StoredSession = {
      id: randomId(),
      userId,
      createdAt: Math.min(now, lastActiveAt),
      lastActiveAt,
      expiresAt: now + SESSION_MS,
      userAgent: device.userAgent ?? null,
      ipAddress: device.ipAddress ?? null,
      location: device.location ?? null,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  deleteUserSessions(userId: string, except?: string) {
    for (const [id, session] of this.sessions) if (session.userId === userId && id !== except) this.sessions.delete(id);
  }

  sendCode(email: string, purpose: CodePurpose, codeLength: number, key = email) {
    const digits = crypto.getRandomValues(new Uint32Array(codeLength));
    const code = Array.from(digits, (n) => String(n % 10)).join('');
    this.#codes.set(`${purpose}:${key}`, {code, expiresAt: Date.now() + this.codeTtlMs, attempts: 0});
    const [subject, lead] = MAIL[purpose];
    this.mailbox.push({to: email, subject, text: `${lead} ${code}.`, code, createdAt: new Date().toISOString()});
  }

  /** Makes a code sent for `purpose` expire now (tests and stories). */
  expireCode(key: string, purpose: CodePurpose) {
    const stored = this.#codes.get(`${purpose}:${key}`);
    if (stored) stored.expiresAt = 0;
  }

  /** Checks a code like the server: expired, wrong (counted), too many attempts. */
  useCode(key: string, purpose: CodePurpose, code: string, consume: boolean) {
    const id = `${purpose}:${key}`;
    const stored = this.#codes.get(id);
    if (!stored) throw new AuthError('invalid_code', 'invalid_code', {status: 400});
    if (stored.expiresAt <= Date.now()) {
      this.#codes.delete(id);
      throw new AuthError('code_expired', 'code_expired', {status: 400});
    }
    if (stored.attempts >= ALLOWED_ATTEMPTS) throw new AuthError('too_many_attempts', 'too_many_attempts', {status: 403});
    if (stored.code !== code) {
      stored.attempts++;
      throw new AuthError('invalid_code', 'invalid_code', {status: 400});
    }
    if (consume) this.#codes.delete(id);
  }
}
