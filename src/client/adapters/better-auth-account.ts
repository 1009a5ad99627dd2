/**
 * The better-auth adapter's account methods: better-auth's own routes (update-user,
 * change-password, list/revoke sessions, delete-user, emailOTP's change of email, multiSession)
 * and the kit plugin's (profile images, set-password, reauthenticate). Session tokens that
 * better-auth lists stay in here: callers see session ids only.
 */
import {AuthError, type AuthErrorCode} from '../errors.js';
import {
  betterAuthAccountInfo,
  betterAuthAccountList,
  betterAuthChangePasswordResponse,
  betterAuthDeleteUserResponse,
  betterAuthDeviceSessions,
  betterAuthLinkedAccountList,
  betterAuthLinkSocialResponse,
  betterAuthSessionList,
  betterAuthSetActiveResponse,
  betterAuthStatusResponse,
  betterAuthSuccessResponse,
  betterAuthTwoFactorUser,
  betterAuthUserResponse,
} from '../schemas-account.js';
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
import {parseUserAgent} from '../user-agent.js';
import type {AccountAdapter} from './adapter.js';
import {BetterAuthAccountFactors} from './better-auth-account-factors.js';
import {toSession, toUser, type RequestOptions, type SchemaOf} from './better-auth-transport.js';

/**
 * What the account methods need of the adapter they serve. They load on first use (a sign-in
 * page never calls them), so they reach the adapter through this instead of inheriting from it.
 */
export interface AccountTransport {
  readonly capabilities: Capabilities;
  request<T>(path: string, schema: SchemaOf<T>, options?: RequestOptions): Promise<T>;
  getSession(): Promise<SessionInfo | null>;
  signOut(): Promise<void>;
  /** The session the last answer opened (its cookie or `set-auth-token`). */
  openedSession(): Promise<SessionInfo>;
  setSignedOut(): void;
  /** The active session changed on the server: forget the cached JWT; `signedIn` when one is active. */
  sessionSwitched(signedIn?: boolean): void;
}

/** A signed-in person's password checks: a wrong one is `wrong_password`, not `invalid_credentials`. */
const PASSWORD_CHECK: Record<string, AuthErrorCode> = {INVALID_PASSWORD: 'wrong_password', INVALID_EMAIL_OR_PASSWORD: 'wrong_password'};

/** Two-step verification and passkeys come from BetterAuthAccountFactors (better-auth-account-factors.ts). */
export class BetterAuthAccount extends BetterAuthAccountFactors implements Required<AccountAdapter> {
  declare protected readonly api: AccountTransport;

  constructor(api: AccountTransport) {
    super(api);
  }

  private get capabilities(): Capabilities {
    return this.api.capabilities;
  }

  async updateProfile(changes: ProfileChanges): Promise<User> {
    await this.api.request('/update-user', betterAuthStatusResponse, {method: 'POST', body: {name: changes.name}, authenticated: true});
    return this.currentUser();
  }

  async uploadProfileImage(image: Blob): Promise<User> {
    const rules = this.capabilities.profileImage;
    if (!rules) throw new AuthError('unsupported', 'The API stores no profile images');
    // The API checks the bytes; this only saves sending what it would refuse for its size.
    if (image.size > rules.maxBytes) throw new AuthError('image_too_large', `The image is larger than ${rules.maxBytes} bytes`, {status: 413});
    const {user} = await this.api.request('/auth-elements/profile-image', betterAuthUserResponse, {
      method: 'POST',
      bytes: image,
      authenticated: true,
    });
    return toUser(user);
  }

  async removeProfileImage(): Promise<User> {
    if (!this.capabilities.profileImage) throw new AuthError('unsupported', 'The API stores no profile images');
    const {user} = await this.api.request('/auth-elements/profile-image/remove', betterAuthUserResponse, {method: 'POST', body: {}, authenticated: true});
    return toUser(user);
  }

  async requestEmailChange(newEmail: string): Promise<void> {
    if (!this.capabilities.changeEmail) throw new AuthError('unsupported', 'The API does not change emails');
    await this.api.request('/email-otp/request-email-change', betterAuthSuccessResponse, {
      method: 'POST',
      body: {newEmail: newEmail.trim()},
      authenticated: true,
      codes: {'message:Email is the same': 'invalid_email', 'message:Change email with OTP is disabled': 'unsupported'},
    });
  }

  async confirmEmailChange(newEmail: string, code: string): Promise<User> {
    await this.api.request('/email-otp/change-email', betterAuthSuccessResponse, {
      method: 'POST',
      body: {newEmail: newEmail.trim(), otp: code},
      authenticated: true,
      codes: {'message:Email already in use': 'email_taken', 'message:Email is the same': 'invalid_email'},
    });
    return this.currentUser();
  }

  async changePassword({currentPassword, newPassword, signOutOtherDevices = false}: PasswordChange): Promise<SessionInfo | null> {
    const {token} = await this.api.request('/change-password', betterAuthChangePasswordResponse, {
      method: 'POST',
      body: {currentPassword, newPassword, revokeOtherSessions: signOutOtherDevices},
      authenticated: true,
      codes: PASSWORD_CHECK,
    });
    // With the other sessions revoked, this device got a new session (its cookie or set-auth-token).
    return token ? this.api.openedSession() : null;
  }

  async setPassword(newPassword: string): Promise<void> {
    await this.api.request('/auth-elements/set-password', betterAuthStatusResponse, {method: 'POST', body: {newPassword}, authenticated: true});
  }

  async getSignInMethods(options?: ListOptions): Promise<SignInMethods> {
    const [accounts, session] = await Promise.all([
      this.api.request('/list-accounts', betterAuthAccountList, {authenticated: true, signal: options?.signal}),
      this.api.request('/get-session', betterAuthTwoFactorUser, {signal: options?.signal}),
    ]);
    const providers = accounts.map((account) => account.providerId);
    return {
      password: providers.includes('credential'),
      socialProviders: [...new Set(providers.filter((id) => id !== 'credential'))],
      twoFactor: session?.user.twoFactorEnabled === true,
    };
  }

  /**
   * `/list-accounts` less the password (`credential`), oldest first. The provider's email is the
   * one the kit's server recorded when the account was linked (server/linked-account-email.js);
   * where it has none (a server without it, a row linked before it), better-auth's
   * `/account-info` asks the provider (its userinfo, or the id token it stored) — null when that
   * fails (the tokens expired, the provider is down): the list shows without it rather than not at all.
   */
  async listConnectedAccounts(options?: ListOptions): Promise<ConnectedAccount[]> {
    const accounts = await this.api.request('/list-accounts', betterAuthLinkedAccountList, {authenticated: true, signal: options?.signal});
    const linked = accounts.filter((account) => account.providerId !== 'credential');
    const emails = await Promise.all(linked.map((account) => (account.email ? account.email : this.providerEmail(account.id, options))));
    options?.signal?.throwIfAborted();
    return linked
      .map((account, index): ConnectedAccount => ({
        id: account.id,
        provider: account.providerId,
        accountId: account.accountId,
        email: emails[index] || null,
        linkedAt: new Date(account.createdAt),
      }))
      .sort((a, b) => a.linkedAt.getTime() - b.linkedAt.getTime());
  }

  async linkAccount(provider: string, callbackURL: string, errorURL = callbackURL): Promise<{redirectUrl: string}> {
    if (!this.capabilities.socialProviders.includes(provider)) throw new AuthError('unsupported', `No provider ${provider}`);
    const {url} = await this.api.request('/link-social', betterAuthLinkSocialResponse, {
      method: 'POST',
      body: {provider, callbackURL, errorCallbackURL: errorURL, disableRedirect: true},
      authenticated: true,
      codes: {PROVIDER_NOT_FOUND: 'unsupported'},
    });
    return {redirectUrl: url};
  }

  async unlinkAccount(_provider: string, accountId: string): Promise<void> {
    try {
      await this.api.request('/unlink-account', betterAuthStatusResponse, {
        method: 'POST',
        body: {accountId},
        authenticated: true,
        codes: {FAILED_TO_UNLINK_LAST_ACCOUNT: 'last_sign_in_method'},
      });
    } catch (error) {
      // Not (any more) linked: nothing to undo.
      if (error instanceof AuthError && error.apiCode === 'ACCOUNT_NOT_FOUND') return;
      throw error;
    }
  }

  /** The account's email as the provider gives it now, or null when it can't be asked. */
  private async providerEmail(id: string, options?: ListOptions): Promise<string | null> {
    try {
      const {user} = await this.api.request(`/account-info?accountId=${encodeURIComponent(id)}`, betterAuthAccountInfo, {authenticated: true, signal: options?.signal});
      return user.email ?? null;
    } catch (error) {
      if (options?.signal?.aborted || (error instanceof AuthError && error.code === 'session_expired')) throw error;
      return null;
    }
  }

  async listSessions(options?: ListOptions): Promise<DeviceSession[]> {
    const [records, current] = await Promise.all([this.sessionRecords(options), this.api.getSession()]);
    if (!current) throw new AuthError('session_expired', 'Signed out');
    return records
      .map((record): DeviceSession => {
        const userAgent = record.userAgent || null;
        return {
          id: record.id,
          current: record.id === current.session.id,
          createdAt: new Date(record.createdAt),
          lastActiveAt: new Date(record.updatedAt),
          expiresAt: new Date(record.expiresAt),
          ipAddress: record.ipAddress || null,
          userAgent,
          ...parseUserAgent(userAgent),
          location: null, // better-auth records no place
        };
      })
      .sort((a, b) => Number(b.current) - Number(a.current) || b.lastActiveAt.getTime() - a.lastActiveAt.getTime());
  }

  async revokeSession(sessionId: string): Promise<void> {
    const [records, current] = await Promise.all([this.sessionRecords(), this.api.getSession()]);
    const record = records.find((candidate) => candidate.id === sessionId);
    if (!record) return;
    await this.api.request('/revoke-session', betterAuthStatusResponse, {method: 'POST', body: {token: record.token}, authenticated: true});
    if (current?.session.id === sessionId) this.api.setSignedOut();
  }

  async revokeOtherSessions(): Promise<void> {
    await this.api.request('/revoke-other-sessions', betterAuthStatusResponse, {method: 'POST', body: {}, authenticated: true});
  }

  async deleteAccount({password}: DeleteAccountInput = {}): Promise<void> {
    if (!this.capabilities.deleteAccount) throw new AuthError('unsupported', 'The API does not delete accounts');
    await this.api.request('/delete-user', betterAuthDeleteUserResponse, {
      method: 'POST',
      body: password === undefined ? {} : {password},
      authenticated: true,
      // better-auth's own freshness answer for a deletion without a password.
      codes: {...PASSWORD_CHECK, SESSION_EXPIRED: 'session_not_fresh'},
    });
    this.api.setSignedOut();
  }

  async reauthenticate(password: string): Promise<SessionInfo> {
    await this.api.request('/auth-elements/reauthenticate', betterAuthStatusResponse, {
      method: 'POST',
      body: {password},
      authenticated: true,
      codes: PASSWORD_CHECK,
    });
    return this.api.openedSession();
  }

  async listDeviceAccounts(options?: ListOptions): Promise<DeviceAccount[]> {
    this.requireMultiSession();
    const [entries, current] = await Promise.all([this.deviceSessions(options), this.api.getSession()]);
    if (!current) return [];
    return entries.map(({session, user}) => ({sessionId: session.id, user: toUser(user), active: session.id === current.session.id}));
  }

  async switchAccount(sessionId: string): Promise<SessionInfo> {
    this.requireMultiSession();
    const entry = (await this.deviceSessions()).find(({session}) => session.id === sessionId);
    if (!entry) throw new AuthError('session_expired', 'That account is no longer signed in on this device');
    const {session, user} = await this.api.request('/multi-session/set-active', betterAuthSetActiveResponse, {
      method: 'POST',
      body: {sessionToken: entry.session.token},
      codes: {INVALID_SESSION_TOKEN: 'session_expired'},
    });
    this.api.sessionSwitched(true);
    return {user: toUser(user), session: toSession(session)};
  }

  async signOutAccount(sessionId: string): Promise<SessionInfo | null> {
    this.requireMultiSession();
    const entry = (await this.deviceSessions()).find(({session}) => session.id === sessionId);
    if (entry) {
      await this.api.request('/multi-session/revoke', betterAuthStatusResponse, {
        method: 'POST',
        body: {sessionToken: entry.session.token},
        authenticated: true,
        codes: {INVALID_SESSION_TOKEN: 'session_expired'},
      });
      this.api.sessionSwitched();
    }
    // The server made another account active, or none is left.
    return this.api.getSession();
  }

  signOutAllAccounts(): Promise<void> {
    // better-auth's sign-out ends every session of this browser's multi-session cookies.
    return this.api.signOut();
  }

  private async currentUser(): Promise<User> {
    const info = await this.api.getSession();
    if (!info) throw new AuthError('session_expired', 'Signed out');
    return info.user;
  }

  private sessionRecords(options?: ListOptions) {
    return this.api.request('/list-sessions', betterAuthSessionList, {authenticated: true, signal: options?.signal});
  }

  private deviceSessions(options?: ListOptions) {
    return this.api.request('/multi-session/list-device-sessions', betterAuthDeviceSessions, {signal: options?.signal});
  }

  private requireMultiSession() {
    if (!this.capabilities.multiSession) throw new AuthError('unsupported', 'Several accounts per device are not available here');
  }
}
