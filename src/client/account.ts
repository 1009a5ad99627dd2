import type {AccountAdapter, IdentityAdapter} from './adapters/adapter.js';
import {callAdapter, type AdapterCallContext} from './adapter-call.js';
import type {
  AuthState,
  ConnectedAccount,
  DeleteAccountInput,
  DeviceAccount,
  DeviceSession,
  ListOptions,
  Passkey,
  PasswordChange,
  ProfileChanges,
  SessionInfo,
  SignInMethods,
  TotpSetup,
  User,
} from './types.js';

/** What the account methods need from AuthClient (kept private to it). */
export interface AccountContext extends AdapterCallContext {
  state(): AuthState;
  /** Replaces the signed-in user (same session) and tells other tabs. */
  setUser(user: User): void;
  /** Opens (or with null, ends) the session on this device and tells other tabs. */
  setSession(info: SessionInfo | null): void;
}

/**
 * The signed-in person's account: profile, email, password, devices and the other accounts
 * signed in on this device. `AuthClient.account` holds one. Each method calls the adapter, then
 * updates the client's state so every element shows the result at once (a new name in the user
 * button, signed out after deleting the account, the other user after a switch).
 *
 * Failures reject with the adapter's AuthError (see AccountAdapter for the codes) after going to
 * `client.onError` listeners; `unsupported` when the adapter lacks the method. After
 * `session_expired` the client asks the API again who is signed in (signed out, most often). An aborted list call rejects with the signal's reason, unreported; so does `cancelled` (a closed passkey prompt).
 */
export class AccountClient {
  readonly #context: AccountContext;

  constructor(context: AccountContext) {
    this.#context = context;
  }

  /** Renames the user (and later other profile fields); resolves with the updated user. */
  async updateProfile(changes: ProfileChanges): Promise<User> {
    return this.#updatesUser(await this.#call('updateProfile', (a) => a.updateProfile!(changes)));
  }

  /** Uploads a profile image; the user's `imageUrl` is then the new image. */
  async uploadProfileImage(image: Blob): Promise<User> {
    return this.#updatesUser(await this.#call('uploadProfileImage', (a) => a.uploadProfileImage!(image)));
  }

  async removeProfileImage(): Promise<User> {
    return this.#updatesUser(await this.#call('removeProfileImage', (a) => a.removeProfileImage!()));
  }

  /** Sends a code to the new address; `confirmEmailChange` finishes the change. */
  requestEmailChange(newEmail: string): Promise<void> {
    return this.#call('requestEmailChange', (a) => a.requestEmailChange!(newEmail));
  }

  async confirmEmailChange(newEmail: string, code: string): Promise<User> {
    return this.#updatesUser(await this.#call('confirmEmailChange', (a) => a.confirmEmailChange!(newEmail, code)));
  }

  /** Changes the password; with `signOutOtherDevices` this device continues on a new session. */
  async changePassword(change: PasswordChange): Promise<void> {
    const info = await this.#call('changePassword', (a) => a.changePassword!(change));
    if (info) this.#context.setSession(info);
  }

  setPassword(newPassword: string): Promise<void> {
    return this.#call('setPassword', (a) => a.setPassword!(newPassword));
  }

  getSignInMethods(options?: ListOptions): Promise<SignInMethods> {
    return this.#call('getSignInMethods', (a) => a.getSignInMethods!(options), options);
  }

  /** The user's sessions on every device, the current one flagged. */
  listSessions(options?: ListOptions): Promise<DeviceSession[]> {
    return this.#call('listSessions', (a) => a.listSessions!(options), options);
  }

  /** Ends a session; ending the current one signs this device out. */
  async revokeSession(sessionId: string): Promise<void> {
    await this.#call('revokeSession', (a) => a.revokeSession!(sessionId));
    if (sessionId === this.#context.state().session?.id) this.#context.setSession(null);
  }

  revokeOtherSessions(): Promise<void> {
    return this.#call('revokeOtherSessions', (a) => a.revokeOtherSessions!());
  }

  /** Deletes the account; the client is then signed out. */
  async deleteAccount(input: DeleteAccountInput = {}): Promise<void> {
    await this.#call('deleteAccount', (a) => a.deleteAccount!(input));
    this.#context.setSession(null);
  }

  /** Checks the password again so a sensitive action can go on (after `session_not_fresh`). */
  async reauthenticate(password: string): Promise<void> {
    this.#context.setSession(await this.#call('reauthenticate', (a) => a.reauthenticate!(password)));
  }

  /** Multi-session: the accounts signed in on this device, the active one flagged. */
  listDeviceAccounts(options?: ListOptions): Promise<DeviceAccount[]> {
    return this.#call('listDeviceAccounts', (a) => a.listDeviceAccounts!(options), options);
  }

  /** Makes another account of this device the active one; `onAccountSwitch` listeners hear of it. */
  async switchAccount(sessionId: string): Promise<void> {
    this.#context.setSession(await this.#call('switchAccount', (a) => a.switchAccount!(sessionId)));
  }

  /** Signs one account out; if it was the active one, the next account (or nobody) is active. */
  async signOutAccount(sessionId: string): Promise<void> {
    this.#context.setSession(await this.#call('signOutAccount', (a) => a.signOutAccount!(sessionId)));
  }

  /** Signs every account of this device out. */
  async signOutAllAccounts(): Promise<void> {
    const {adapter} = this.#context;
    await this.#call('signOutAllAccounts', (a) => (a.signOutAllAccounts ? a.signOutAllAccounts() : adapter.signOut()), undefined, true);
    this.#context.setSession(null);
  }

  /**
   * Two-step verification, step one: a new authenticator-app key (`uri` for the QR code,
   * `secret` to type in) and backup codes; nothing changes until `confirmTotpSetup`.
   */
  startTotpSetup(password?: string): Promise<TotpSetup> {
    return this.#call('startTotpSetup', (a) => a.startTotpSetup!(password));
  }

  /** Confirms the setup with a code from the app: two-step verification is on from now. */
  async confirmTotpSetup(code: string): Promise<void> {
    await this.#call('confirmTotpSetup', (a) => a.confirmTotpSetup!(code));
    // Some APIs (better-auth) open a new session for the changed account: follow it.
    await this.#context.refresh();
  }

  /** Turns two-step verification off. */
  async disableTwoFactor(password?: string): Promise<void> {
    await this.#call('disableTwoFactor', (a) => a.disableTwoFactor!(password));
    await this.#context.refresh();
  }

  /** New backup codes (shown once); the old ones stop working. */
  regenerateBackupCodes(password?: string): Promise<string[]> {
    return this.#call('regenerateBackupCodes', (a) => a.regenerateBackupCodes!(password));
  }

  /** The account's passkeys, newest first. */
  listPasskeys(options?: ListOptions): Promise<Passkey[]> {
    return this.#call('listPasskeys', (a) => a.listPasskeys!(options), options);
  }

  /**
   * Creates a passkey with the browser's prompt and registers it. A closed prompt rejects with
   * `cancelled`, which is not reported to `onError` (the person chose it).
   */
  addPasskey(name?: string): Promise<Passkey> {
    return this.#call('addPasskey', (a) => a.addPasskey!(name));
  }

  renamePasskey(id: string, name: string): Promise<Passkey> {
    return this.#call('renamePasskey', (a) => a.renamePasskey!(id, name));
  }

  removePasskey(id: string): Promise<void> {
    return this.#call('removePasskey', (a) => a.removePasskey!(id));
  }

  /** The social and OpenID Connect accounts linked to the signed-in person, oldest first. */
  listConnectedAccounts(options?: ListOptions): Promise<ConnectedAccount[]> {
    return this.#call('listConnectedAccounts', (a) => a.listConnectedAccounts!(options), options);
  }

  /**
   * Starts linking an account of `provider`: resolves with where to send the browser (the
   * provider's page; it comes back to `callbackURL`, or to `errorURL` with `error` after a refusal).
   */
  linkAccount(provider: string, callbackURL: string, errorURL?: string): Promise<{redirectUrl: string}> {
    return this.#call('linkAccount', (a) => a.linkAccount!(provider, callbackURL, errorURL));
  }

  /** Unlinks a connected account (`last_sign_in_method` when it is the only way in). */
  unlinkAccount(provider: string, accountId: string): Promise<void> {
    return this.#call('unlinkAccount', (a) => a.unlinkAccount!(provider, accountId));
  }

  #updatesUser(user: User): User {
    const {status, session} = this.#context.state();
    if (status === 'signed-in' && session?.userId === user.id) this.#context.setUser(user);
    return user;
  }

  #call<T>(method: keyof AccountAdapter, run: (adapter: IdentityAdapter) => Promise<T>, options?: ListOptions, always = false): Promise<T> {
    return callAdapter(this.#context, method, run, options, always);
  }
}
