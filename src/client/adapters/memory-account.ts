/**
 * The memory adapter's device state (the sessions this "browser" holds) and its account methods,
 * with the reference server's rules: fresh sessions for sensitive actions, codes to the new
 * address, one session per user per device, raster images only.
 */
import {AuthError} from '../errors.js';
import {sniffImageType} from '../image-type.js';
import {parseUserAgent} from '../user-agent.js';
import {isValidEmail} from '../validation.js';
import type {
  Capabilities,
  ConnectedAccount,
  DeleteAccountInput,
  DeviceAccount,
  DeviceSession,
  ListOptions,
  PasswordChange,
  ProfileChanges,
  SessionInfo,
  SignInMethods,
  User,
} from '../types.js';
import type {AccountAdapter} from './adapter.js';
import {randomId, type MemoryStore, type StoredLinkedAccount, type StoredSession, type StoredUser} from './memory-store.js';

const IMAGE_SIDE = 512;

export abstract class MemoryAccount implements AccountAdapter {
  abstract readonly capabilities: Capabilities;
  protected abstract readonly store: MemoryStore;
  /** This device's user agent, recorded on its sessions. */
  protected abstract readonly userAgent: string | null;
  protected abstract delay(): Promise<void>;
  /** Sessions signed in on this device (one per user), and the active one. */
  protected deviceSessions: string[] = [];
  protected active: string | null = null;

  async updateProfile(changes: ProfileChanges): Promise<User> {
    await this.delay();
    const {stored} = this.signedIn();
    if (changes.name !== undefined) stored.user.name = changes.name;
    return {...stored.user};
  }

  async uploadProfileImage(image: Blob): Promise<User> {
    await this.delay();
    const {stored} = this.signedIn();
    const rules = this.capabilities.profileImage;
    if (!rules) throw new AuthError('unsupported');
    if (image.size > rules.maxBytes) throw new AuthError('image_too_large', 'image_too_large', {status: 413});
    const type = sniffImageType(new Uint8Array(await image.slice(0, 16).arrayBuffer()));
    if (!type || !rules.types.includes(type)) throw new AuthError('invalid_image', 'invalid_image', {status: 400});
    const square = await squareWebp(image);
    const previous = this.store.images.get(stored.user.id);
    if (previous) URL.revokeObjectURL(previous);
    const url = URL.createObjectURL(square);
    this.store.images.set(stored.user.id, url);
    stored.user.imageUrl = url;
    return {...stored.user};
  }

  async removeProfileImage(): Promise<User> {
    await this.delay();
    const {stored} = this.signedIn();
    const url = this.store.images.get(stored.user.id);
    if (url) URL.revokeObjectURL(url);
    this.store.images.delete(stored.user.id);
    stored.user.imageUrl = null;
    return {...stored.user};
  }

  async requestEmailChange(newEmail: string): Promise<void> {
    await this.delay();
    const {stored} = this.signedIn();
    this.requireFresh();
    const email = this.checkEmail(newEmail);
    if (email === stored.user.email) throw new AuthError('invalid_email', 'invalid_email', {status: 400});
    // A taken address gets nothing, and the caller is not told (no account enumeration).
    if (!this.store.users.has(email)) this.store.sendCode(email, 'change-email', this.capabilities.codeLength, `${stored.user.id}:${email}`);
  }

  async confirmEmailChange(newEmail: string, code: string): Promise<User> {
    await this.delay();
    const {stored} = this.signedIn();
    const email = this.checkEmail(newEmail);
    this.store.useCode(`${stored.user.id}:${email}`, 'change-email', code, true);
    if (this.store.users.has(email)) throw new AuthError('email_taken', 'email_taken', {status: 400});
    this.store.users.delete(stored.user.email);
    stored.user.email = email;
    stored.user.emailVerified = true;
    this.store.users.set(email, stored);
    return {...stored.user};
  }

  async changePassword({currentPassword, newPassword, signOutOtherDevices = false}: PasswordChange): Promise<SessionInfo | null> {
    await this.delay();
    const {stored, session} = this.signedIn();
    if (stored.password === null) throw new AuthError('no_password', 'no_password', {status: 400});
    this.checkPassword(newPassword);
    if (stored.password !== currentPassword) throw new AuthError('wrong_password', 'wrong_password', {status: 400});
    stored.password = newPassword;
    if (!signOutOtherDevices) return null;
    this.store.deleteUserSessions(stored.user.id);
    return this.replaceSession(session, stored);
  }

  async setPassword(newPassword: string): Promise<void> {
    await this.delay();
    const {stored} = this.signedIn();
    this.requireFresh();
    if (stored.password !== null) throw new AuthError('password_already_set', 'password_already_set', {status: 400});
    this.checkPassword(newPassword);
    stored.password = newPassword;
  }

  async getSignInMethods(options?: ListOptions): Promise<SignInMethods> {
    await this.delay();
    options?.signal?.throwIfAborted();
    const {stored} = this.signedIn();
    return {
      password: stored.password !== null,
      socialProviders: [...new Set(this.linkedAccountsOf(stored).map((account) => account.provider))],
      twoFactor: Boolean(stored.twoFactor),
    };
  }

  async listConnectedAccounts(options?: ListOptions): Promise<ConnectedAccount[]> {
    await this.delay();
    options?.signal?.throwIfAborted();
    const {stored} = this.signedIn();
    return this.linkedAccountsOf(stored).map(({id, provider, accountId, email, linkedAt}) => ({id, provider, accountId, email, linkedAt: new Date(linkedAt)}));
  }

  /**
   * Links at once: no provider to visit, nobody signed out. Answers `callbackURL`, where the
   * browser would have come back linked (the person's email stands for their email there).
   */
  async linkAccount(provider: string, callbackURL: string, _errorURL?: string): Promise<{redirectUrl: string}> {
    await this.delay();
    const {stored} = this.signedIn();
    if (!this.capabilities.socialProviders.includes(provider)) throw new AuthError('unsupported', `No provider ${provider}`);
    if (!this.linkedAccountsOf(stored).some((account) => account.provider === provider)) this.recordLink(stored, {provider, email: stored.user.email});
    return {redirectUrl: callbackURL};
  }

  /** Like better-auth: a fresh session, and never the last way in (a password or another account). */
  async unlinkAccount(_provider: string, accountId: string): Promise<void> {
    await this.delay();
    const {stored} = this.signedIn();
    this.requireFresh();
    const linked = this.linkedAccountsOf(stored);
    if (!linked.some((account) => account.id === accountId)) return;
    if (linked.length + (stored.password === null ? 0 : 1) <= 1) throw new AuthError('last_sign_in_method', 'last_sign_in_method', {status: 400});
    this.store.linkedAccounts.delete(accountId);
  }

  /** Test and story support: links an account of `provider` (its email there: `email`, else the user's) to the user of `userEmail`. */
  addLinkedAccount(userEmail: string, link: {provider: string; email?: string | null; linkedAt?: Date}): void {
    const stored = this.store.users.get(userEmail.trim().toLowerCase());
    if (!stored) throw new Error(`No user ${userEmail}`);
    this.recordLink(stored, {provider: link.provider, email: link.email === undefined ? stored.user.email : link.email, linkedAt: link.linkedAt?.getTime()});
  }

  /**
   * The user's linked accounts, oldest first. A user that `signInWithSocial` made
   * (`<provider>.user@example.com`) holds that provider's account from its first call on.
   */
  protected linkedAccountsOf(stored: StoredUser): StoredLinkedAccount[] {
    const own = () => [...this.store.linkedAccounts.values()].filter((account) => account.userId === stored.user.id);
    const social = /^([\w-]+)\.user@example\.com$/.exec(stored.user.email)?.[1];
    if (!stored.socialAccountRecorded && social && stored.password === null && this.capabilities.socialProviders.includes(social)) {
      stored.socialAccountRecorded = true;
      this.recordLink(stored, {provider: social, email: stored.user.email, linkedAt: stored.user.createdAt.getTime()});
    }
    return own().sort((a, b) => a.linkedAt - b.linkedAt);
  }

  private recordLink(stored: StoredUser, {provider, email, linkedAt = Date.now()}: {provider: string; email: string | null; linkedAt?: number}): void {
    const id = randomId();
    this.store.linkedAccounts.set(id, {id, userId: stored.user.id, provider, accountId: `${provider}-${stored.user.id}`, email, linkedAt});
  }

  async listSessions(options?: ListOptions): Promise<DeviceSession[]> {
    await this.delay();
    options?.signal?.throwIfAborted();
    const {session: current} = this.signedIn();
    this.requireFresh(); // like better-auth's /list-sessions
    return [...this.store.sessions.values()]
      .filter((session) => session.userId === current.userId && this.store.session(session.id))
      .map((session) => ({
        id: session.id,
        current: session.id === current.id,
        createdAt: new Date(session.createdAt),
        lastActiveAt: new Date(session.lastActiveAt),
        expiresAt: new Date(session.expiresAt),
        ipAddress: session.ipAddress,
        userAgent: session.userAgent,
        ...parseUserAgent(session.userAgent),
        location: session.location,
      }))
      .sort((a, b) => Number(b.current) - Number(a.current) || b.lastActiveAt.getTime() - a.lastActiveAt.getTime());
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.delay();
    const {session: current} = this.signedIn();
    const target = this.store.sessions.get(sessionId);
    if (!target || target.userId !== current.userId) return;
    this.store.sessions.delete(sessionId);
    if (sessionId === current.id) this.dropDeviceSession(sessionId);
  }

  async revokeOtherSessions(): Promise<void> {
    await this.delay();
    const {session} = this.signedIn();
    this.store.deleteUserSessions(session.userId, session.id);
  }

  async deleteAccount({password}: DeleteAccountInput = {}): Promise<void> {
    await this.delay();
    const {stored} = this.signedIn();
    if (!this.capabilities.deleteAccount) throw new AuthError('unsupported');
    if (password !== undefined) {
      if (stored.password === null) throw new AuthError('no_password', 'no_password', {status: 400});
      if (stored.password !== password) throw new AuthError('wrong_password', 'wrong_password', {status: 400});
    } else this.requireFresh();
    this.store.deleteUserSessions(stored.user.id);
    this.store.users.delete(stored.user.email);
    const image = this.store.images.get(stored.user.id);
    if (image) URL.revokeObjectURL(image);
    this.store.images.delete(stored.user.id);
    for (const [id, passkey] of this.store.passkeys) if (passkey.userId === stored.user.id) this.store.passkeys.delete(id);
    for (const [id, account] of this.store.linkedAccounts) if (account.userId === stored.user.id) this.store.linkedAccounts.delete(id);
    this.pruneDevice();
    this.active = null;
  }

  async reauthenticate(password: string): Promise<SessionInfo> {
    await this.delay();
    const {stored, session} = this.signedIn();
    if (stored.password === null) throw new AuthError('no_password', 'no_password', {status: 400});
    if (stored.password !== password) throw new AuthError('wrong_password', 'wrong_password', {status: 400});
    this.store.sessions.delete(session.id);
    return this.replaceSession(session, stored);
  }

  async listDeviceAccounts(options?: ListOptions): Promise<DeviceAccount[]> {
    await this.delay();
    options?.signal?.throwIfAborted();
    this.requireMultiSession();
    this.pruneDevice();
    if (!this.store.session(this.active)) return [];
    return this.deviceSessions.map((id) => {
      const session = this.store.session(id)!;
      return {sessionId: id, user: {...this.store.userById(session.userId)!.user}, active: id === this.active};
    });
  }

  async switchAccount(sessionId: string): Promise<SessionInfo> {
    await this.delay();
    this.requireMultiSession();
    this.pruneDevice();
    if (!this.deviceSessions.includes(sessionId)) throw new AuthError('session_expired', 'That account is no longer signed in here', {status: 401});
    this.active = sessionId;
    return this.info(sessionId)!;
  }

  async signOutAccount(sessionId: string): Promise<SessionInfo | null> {
    await this.delay();
    this.requireMultiSession();
    if (this.deviceSessions.includes(sessionId)) {
      this.store.sessions.delete(sessionId);
      this.dropDeviceSession(sessionId);
    }
    return this.info(this.active);
  }

  async signOutAllAccounts(): Promise<void> {
    await this.delay();
    for (const id of this.deviceSessions) this.store.sessions.delete(id);
    this.deviceSessions = [];
    this.active = null;
  }

  /** Test and story support: makes this device's session `seconds` older (to need re-authentication). */
  ageSession(seconds: number): void {
    const session = this.store.session(this.active);
    if (session) session.createdAt -= seconds * 1000;
  }

  /** Opens a session on this device: added to its accounts (multi-session), else replacing them. */
  protected openSession(user: User): SessionInfo {
    const session = this.store.createSession(user.id, {userAgent: this.userAgent});
    this.pruneDevice();
    // One session per user per device; without multi-session, one session in all.
    const keep = this.capabilities.multiSession ? this.deviceSessions.filter((id) => this.store.session(id)?.userId !== user.id) : [];
    for (const id of this.deviceSessions) if (!keep.includes(id)) this.store.sessions.delete(id);
    this.deviceSessions = [...keep, session.id];
    this.active = session.id;
    return this.info(session.id)!;
  }

  protected info(sessionId: string | null): SessionInfo | null {
    const session = this.store.session(sessionId);
    const stored = session && this.store.userById(session.userId);
    if (!session || !stored) return null;
    return {
      user: {...stored.user},
      session: {id: session.id, userId: session.userId, expiresAt: new Date(session.expiresAt), activeOrganizationId: this.activeOrganizationOf(session.id)},
    };
  }

  /** The organization active in a session (memory-organizations.ts keeps them). */
  protected activeOrganizationOf(_sessionId: string): string | null {
    return null;
  }

  protected checkEmail(email: string): string {
    const normalized = email.trim().toLowerCase();
    if (!isValidEmail(normalized)) throw new AuthError('invalid_email', 'invalid_email', {status: 400});
    return normalized;
  }

  protected checkPassword(password: string) {
    const {minLength, maxLength, requireLetterAndDigit} = this.capabilities.passwordPolicy;
    if (password.length < minLength) throw new AuthError('password_too_short', 'password_too_short', {status: 400});
    if (password.length > maxLength) throw new AuthError('password_too_long', 'password_too_long', {status: 400});
    if (requireLetterAndDigit && !(/\p{L}/u.test(password) && /\p{N}/u.test(password))) {
      throw new AuthError('password_too_weak', 'password_too_weak', {status: 400});
    }
  }

  /** The active session and its user, or `session_expired`. */
  protected signedIn(): {stored: StoredUser; session: StoredSession} {
    const session = this.store.session(this.active);
    const stored = session && this.store.userById(session.userId);
    if (!session || !stored) throw new AuthError('session_expired', 'session_expired', {status: 401});
    session.lastActiveAt = Date.now();
    return {stored, session};
  }

  protected requireFresh() {
    const {freshAge} = this.capabilities;
    const session = this.store.session(this.active);
    if (freshAge && session && Date.now() - session.createdAt >= freshAge * 1000) {
      throw new AuthError('session_not_fresh', 'session_not_fresh', {status: 403});
    }
  }

  private requireMultiSession() {
    if (!this.capabilities.multiSession) throw new AuthError('unsupported');
  }

  /** A new session for this device in place of `old` (re-authentication, password change). */
  private replaceSession(old: StoredSession, stored: StoredUser): SessionInfo {
    const fresh = this.store.createSession(stored.user.id, {userAgent: old.userAgent, ipAddress: old.ipAddress, location: old.location});
    this.deviceSessions = this.deviceSessions.map((id) => (id === old.id ? fresh.id : id));
    if (this.active === old.id) this.active = fresh.id;
    return this.info(fresh.id)!;
  }

  /** Forgets a session of this device; another account becomes active, if any is left. */
  private dropDeviceSession(sessionId: string) {
    this.deviceSessions = this.deviceSessions.filter((id) => id !== sessionId);
    this.pruneDevice();
    if (this.active === sessionId || !this.deviceSessions.includes(this.active ?? '')) this.active = this.deviceSessions[0] ?? null;
  }

  private pruneDevice() {
    this.deviceSessions = this.deviceSessions.filter((id) => this.store.session(id));
  }
}

/** The image as a square WebP of at most IMAGE_SIDE px, like the server; `invalid_image` if it does not decode. */
async function squareWebp(image: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image);
  } catch {
    throw new AuthError('invalid_image', 'invalid_image', {status: 400});
  }
  const side = Math.min(bitmap.width, bitmap.height);
  const size = Math.min(side, IMAGE_SIDE);
  const canvas = new OffscreenCanvas(size, size);
  canvas.getContext('2d')!.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, size, size);
  bitmap.close();
  return canvas.convertToBlob({type: 'image/webp'});
}
