import type {
  Capabilities,
  ConnectedAccount,
  DeleteAccountInput,
  DeviceAccount,
  DeviceSession,
  Invitation,
  InviteInput,
  InviteResult,
  Member,
  Membership,
  Organization,
  OrganizationChanges,
  PhoneCodePurpose,
  OrganizationInput,
  OrganizationRole,
  ListOptions,
  Passkey,
  PasskeySignInOptions,
  PasswordChange,
  PasswordCredentials,
  SecondFactorInput,
  ProfileChanges,
  SignInMethods,
  User,
  SessionInfo,
  SignUpInput,
  SignUpResult,
  SocialSignInResult,
  TotpSetup,
} from '../types.js';

/**
 * The contract between the kit and an identity API. Adapters are the only code that talks to
 * the network; they validate every response and throw `AuthError`s with the kit's codes.
 * The shared contract suite (src/client/adapters/adapter-contract.ts) holds every adapter to it.
 */
export interface CoreAdapter {
  /** A short name for logs and debugging (`better-auth`, `memory`). */
  readonly name: string;
  /**
   * What the API supports. Safe defaults until `loadCapabilities()` has read the API's own
   * answer (adapters whose capabilities are fixed need no `loadCapabilities`).
   */
  readonly capabilities: Capabilities;

  /**
   * Asks the API what it supports and updates `capabilities`. Resolves without a change when the
   * API does not say (it has no capabilities endpoint); rejects like any request on a network
   * failure, a 5xx or an unreadable answer (the client keeps the defaults and asks again later).
   */
  loadCapabilities?(): Promise<void>;

  /** The current session, or null when signed out (an expired session is null, not an error). */
  getSession(): Promise<SessionInfo | null>;

  /**
   * Signs in with email and password. Unknown email and wrong password both reject with
   * `invalid_credentials`. An unverified email rejects with `email_not_verified` after the
   * API has sent a fresh verification code.
   *
   * Signing in while someone is signed in: with `capabilities.multiSession` the account is
   * added to this device and becomes the active one (the previous stays signed in, see
   * `listDeviceAccounts`); without it, the new session replaces the previous one.
   *
   * An account with two-step verification rejects with `two_factor_required` (the password was
   * right): the adapter keeps the half-done sign-in, and `verifySecondFactor` finishes it.
   */
  signInWithPassword(credentials: PasswordCredentials): Promise<SessionInfo>;

  /**
   * The second step of a sign-in that `signInWithPassword` answered with `two_factor_required`:
   * a code from the authenticator app or a backup code (used up). Rejects with `invalid_code`
   * (wrong), `code_used` (a backup code used before, where the API can tell), `code_expired`
   * (the half-done sign-in expired: start again with the password), `too_many_attempts`,
   * `rate_limited`. Without `capabilities.multiFactor`: `unsupported`.
   */
  verifySecondFactor?(input: SecondFactorInput): Promise<SessionInfo>;

  /**
   * Signs in with a passkey (the browser's WebAuthn prompt, or with `autofill` its autofill
   * list). Rejects with `cancelled` when the person closes the prompt, `passkey_not_found`
   * for a passkey the API does not know, `unsupported` without `capabilities.passkeys` or
   * WebAuthn in the browser. An aborted `signal` rejects with its reason (an `AbortError`).
   */
  signInWithPasskey?(options?: PasskeySignInOptions): Promise<SessionInfo>;

  /**
   * Emails a one-time sign-in code (`capabilities.emailCode`). Resolves for an address without
   * an account too, sending nothing (no account enumeration). Rejects with `invalid_email`,
   * `rate_limited`, `unsupported` without the capability.
   */
  sendSignInCode?(email: string): Promise<void>;

  /**
   * Signs in with the emailed code (with or without a password on the account). Rejects with
   * `invalid_code` (wrong, or no code was sent), `code_expired`, `too_many_attempts`.
   */
  signInWithCode?(email: string, code: string): Promise<SessionInfo>;

  /**
   * Emails a sign-in link (`capabilities.magicLink`) that opens `pageURL` (a page of a trusted
   * origin with `<auth-sign-in>`) with the link's token in its `auth-link` parameter. Resolves
   * for an address without an account too, sending nothing. Rejects with `invalid_email`,
   * `rate_limited`, `unsupported`.
   */
  sendSignInLink?(email: string, pageURL: string): Promise<void>;

  /**
   * Signs in with a sign-in link's token (each works once). Rejects with `link_expired`,
   * `link_used`, `invalid_link`.
   */
  signInWithLink?(token: string): Promise<SessionInfo>;

  /**
   * Texts a one-time code to `phoneNumber` (E.164; `capabilities.phoneNumber`): for `sign-in`,
   * only to a number with an account, resolving the same either way (no account enumeration);
   * for `sign-up`, to any number. Rejects with `invalid_phone`, `rate_limited`, `unsupported`.
   */
  sendPhoneCode?(phoneNumber: string, purpose: PhoneCodePurpose): Promise<void>;

  /**
   * Signs in with the code texted to `phoneNumber`. With `name` (sign-up), a number without an
   * account gets one with that name and no email; a number with one signs in to it, unchanged.
   * Rejects with `invalid_code` (wrong, or none was sent), `code_expired`, `too_many_attempts`.
   */
  signInWithPhoneCode?(phoneNumber: string, code: string, name?: string): Promise<SessionInfo>;

  /**
   * Starts an enterprise sign-in for the email's domain (`capabilities.enterpriseSSO`), like
   * `signInWithSocial`; resolves null when the domain has no enterprise provider (the sign-in
   * goes on with the password or another method).
   */
  startEnterpriseSignIn?(email: string, callbackURL: string, errorURL?: string): Promise<SocialSignInResult | null>;

  /**
   * Finishes a social sign-in that came back to this page with a one-time token (a bearer-mode
   * page on another site: the API's session cookie is not its own). Rejects with
   * `provider_failed` for a token that is expired, used or unknown.
   */
  signInWithReturnToken?(token: string): Promise<SessionInfo>;

  /**
   * Starts a sign-in with a social provider (an id from `capabilities.socialProviders`).
   * Resolves with `{redirectUrl}` (an http(s) URL: the caller navigates there, and the provider
   * comes back to `callbackURL` signed in) or with `{session}` when the API signs in at once.
   * Rejects with `unsupported` for a provider not in `capabilities.socialProviders`, or one
   * the API does not know. `errorURL` (default `callbackURL`) is where the provider's refusal
   * comes back to (denied consent, a failed round trip), with the API's `error` parameter.
   */
  signInWithSocial(provider: string, callbackURL: string, errorURL?: string): Promise<SocialSignInResult>;

  /** Creates an account. Rejects with `email_taken`, `password_too_short`, … */
  signUp(input: SignUpInput): Promise<SignUpResult>;

  /** Sends (again) a code that verifies the email. */
  sendVerificationCode(email: string): Promise<void>;

  /** Verifies the email with the code; opens a session when the API signs in on verification. */
  verifyEmail(email: string, code: string): Promise<SessionInfo | null>;

  /** Sends a password-reset code. Resolves for unknown emails too (no account enumeration). */
  requestPasswordReset(email: string): Promise<void>;

  /** Checks a password-reset code without using it up. Rejects with `invalid_code` / `code_expired`. */
  checkPasswordResetCode(email: string, code: string): Promise<void>;

  /** Sets a new password with a reset code. */
  resetPassword(email: string, code: string, password: string): Promise<void>;

  /** Ends the current session. */
  signOut(): Promise<void>;

  /** A token for the integrator's own API (a JWT where the API issues one), or null when signed out. */
  getToken(): Promise<string | null>;

  /**
   * Forgets a token kept for reuse: what it says changed (the active organization, or the
   * person's role there, read by the client), so the next `getToken()` asks for a new one.
   */
  forgetToken?(): void;
}

/*
 * The account methods (profile, email, password, devices, multi-session) are the
 * AccountAdapter part below. Each is optional: an adapter leaves out what its API lacks, and
 * AuthClient's `account` answers `unsupported` for a missing one. Every method that needs a
 * session rejects with `session_expired` when there is none (the client then signs out), and
 * like any request with `network`, `server`, `rate_limited` or `malformed_response`.
 * A list call given an aborted `signal` rejects with the signal's reason (an `AbortError`),
 * not an AuthError.
 */
export interface AccountAdapter {
  /** Updates the profile; resolves with the updated user. Rejects with `unknown` for a name the API refuses. */
  updateProfile?(changes: ProfileChanges): Promise<User>;

  /**
   * Uploads a new profile image (the API checks the bytes, re-encodes and serves it); resolves
   * with the user, whose `imageUrl` is the new image. Rejects with `invalid_image` (not a raster
   * image of `capabilities.profileImage.types`: an SVG, another file renamed, a truncated file),
   * `image_too_large` (over `capabilities.profileImage.maxBytes`), `unsupported` when
   * `capabilities.profileImage` is null.
   */
  uploadProfileImage?(image: Blob): Promise<User>;

  /** Removes the profile image; resolves with the user (`imageUrl` null). */
  removeProfileImage?(): Promise<User>;

  /**
   * Sends a code to `newEmail` (not to the current address). Rejects with `invalid_email`
   * (malformed, or the current address), `session_not_fresh`, `unsupported` without
   * `capabilities.changeEmail`. A taken address resolves too but receives nothing (no account
   * enumeration); confirming then fails with `invalid_code`.
   */
  requestEmailChange?(newEmail: string): Promise<void>;

  /**
   * Changes the email to `newEmail` with the code it received; resolves with the user (the new
   * email, verified). Rejects with `invalid_code`, `code_expired`, `too_many_attempts`,
   * `email_taken` (taken since the code was sent).
   */
  confirmEmailChange?(newEmail: string, code: string): Promise<User>;

  /**
   * Changes the password. Rejects with `wrong_password` (the current one is wrong),
   * `no_password` (the account has none: `setPassword`), `password_too_short` / `_too_long` /
   * `_too_weak`. With `signOutOtherDevices` every other session ends and this device gets a new
   * session, which it resolves with; otherwise it resolves with null.
   */
  changePassword?(change: PasswordChange): Promise<SessionInfo | null>;

  /**
   * Sets a password on an account that has none (it signed up with a social provider).
   * Rejects with `password_already_set`, `session_not_fresh`, the password-policy codes.
   */
  setPassword?(newPassword: string): Promise<void>;

  /** How the signed-in account can sign in (has it a password? which providers are linked?). */
  getSignInMethods?(options?: ListOptions): Promise<SignInMethods>;

  /**
   * The signed-in user's sessions ("active devices"), the current one flagged, most recently
   * active first. Rejects with `session_not_fresh` where the API wants a fresh session to list them.
   */
  listSessions?(options?: ListOptions): Promise<DeviceSession[]>;

  /**
   * Ends one of the user's sessions (an id from `listSessions`). Revoking the current one signs
   * this device out. An id that is not one of the user's sessions resolves without a change.
   */
  revokeSession?(sessionId: string): Promise<void>;

  /** Ends every session of the user but the current one. */
  revokeOtherSessions?(): Promise<void>;

  /**
   * Deletes the account and every session of it; this device is signed out. Rejects with
   * `wrong_password`, `session_not_fresh` (no password given and the session is old),
   * `unsupported` without `capabilities.deleteAccount`.
   */
  deleteAccount?(input?: DeleteAccountInput): Promise<void>;

  /**
   * Checks the password again and makes the session fresh (a new session replaces the current
   * one on this device); resolves with it. Rejects with `wrong_password`, `no_password`.
   */
  reauthenticate?(password: string): Promise<SessionInfo>;

  /**
   * Multi-session: the accounts signed in on this device, the active one flagged; one entry per
   * user. Empty when signed out; `unsupported` without `capabilities.multiSession`.
   */
  listDeviceAccounts?(options?: ListOptions): Promise<DeviceAccount[]>;

  /** Makes another account of this device the active one (a `sessionId` from `listDeviceAccounts`). */
  switchAccount?(sessionId: string): Promise<SessionInfo>;

  /**
   * Signs one account of this device out and resolves with the active session afterwards: the
   * same one when another account was signed out; when the active one was, another signed-in
   * account becomes active, or null when none is left (signed out).
   */
  signOutAccount?(sessionId: string): Promise<SessionInfo | null>;

  /** Signs every account of this device out (what `signOut` does under multi-session). */
  signOutAllAccounts?(): Promise<void>;

  /**
   * Two-step verification, step one of setting it up: a new authenticator-app key and backup
   * codes (nothing changes until `confirmTotpSetup`). `password` where the account has one;
   * without it the session must be fresh. Rejects with `wrong_password`, `session_not_fresh`,
   * `unsupported` without `capabilities.multiFactor`.
   */
  startTotpSetup?(password?: string): Promise<TotpSetup>;

  /**
   * Confirms the setup with a code from the app: two-step verification is on from now, and the
   * setup's backup codes are valid. Rejects with `invalid_code`.
   */
  confirmTotpSetup?(code: string): Promise<void>;

  /** Turns two-step verification off (the key and backup codes stop working). Rejects like `startTotpSetup`. */
  disableTwoFactor?(password?: string): Promise<void>;

  /** New backup codes; the old ones stop working. Rejects like `startTotpSetup`. */
  regenerateBackupCodes?(password?: string): Promise<string[]>;

  /** The account's passkeys, newest first. `unsupported` without `capabilities.passkeys`. */
  listPasskeys?(options?: ListOptions): Promise<Passkey[]>;

  /**
   * Creates a passkey with the browser's WebAuthn prompt and registers it; resolves with it.
   * Rejects with `cancelled` when the person closes the prompt, `unsupported` without
   * `capabilities.passkeys` or WebAuthn in the browser, `session_not_fresh`.
   */
  addPasskey?(name?: string): Promise<Passkey>;

  /** Renames a passkey; resolves with it. */
  renamePasskey?(id: string, name: string): Promise<Passkey>;

  /** Removes a passkey from the account (the browser or password manager may still list it). */
  removePasskey?(id: string): Promise<void>;

  /**
   * The social and OpenID Connect accounts linked to the signed-in person (not the password),
   * oldest first, each with its email at the provider where the API can tell.
   */
  listConnectedAccounts?(options?: ListOptions): Promise<ConnectedAccount[]>;

  /**
   * Starts linking an account of `provider` (one of `capabilities.socialProviders`): resolves
   * with the provider's page to send the browser to; it comes back to `callbackURL` linked, or
   * to `errorURL` (default `callbackURL`) with better-auth's `error` parameter after a refusal.
   * An adapter that needs no round trip (memory) links at once and answers `callbackURL`.
   * Rejects with `unsupported` for a provider the API does not offer.
   */
  linkAccount?(provider: string, callbackURL: string, errorURL?: string): Promise<{redirectUrl: string}>;

  /**
   * Unlinks a connected account (`provider` and the `id` of a ConnectedAccount). Rejects with
   * `last_sign_in_method` when it is the account's only way in (no password, no other linked
   * account), `session_not_fresh`.
   */
  unlinkAccount?(provider: string, accountId: string): Promise<void>;
}

/*
 * The organization methods: the OrganizationAdapter part below, each optional like the account
 * methods (an adapter without them, or `capabilities.organizations` false, answers
 * `unsupported` through the client). Every one needs a session (`session_expired` without one)
 * and rejects like any request with `network`, `server`, `rate_limited`, `malformed_response`.
 * The API enforces roles, not the UI: a call the person's role does not allow rejects with
 * `forbidden`; an organization that does not exist, or one the person is not a member of,
 * with `organization_not_found`. Organizations are named by `id`; members by the membership's
 * `id` (`Member.id`), invitations by theirs. A list call given an aborted `signal` rejects
 * with the signal's reason.
 *
 * Roles grant these permissions (better-auth's defaults, plus the API's own such as
 * `reports:read`): `owner` every one; `admin` all but `organization:delete`; `member` none of
 * the kit's (`organization:*`, `member:*`, `invitation:*`).
 */
export interface OrganizationAdapter {
  /** The signed-in person's organizations (any role), by name. */
  listOrganizations?(options?: ListOptions): Promise<Organization[]>;

  /**
   * Creates an organization with the signed-in person as its owner, and makes it the active
   * one. Rejects with `slug_taken`, `invalid_slug` (not lower-case letters, digits and single
   * hyphens), `unknown` for a name the API refuses (empty).
   */
  createOrganization?(input: OrganizationInput): Promise<Membership>;

  /** Whether no organization has this slug yet (for "checked as you type"). Rejects with `invalid_slug`. */
  isSlugAvailable?(slug: string, options?: ListOptions): Promise<boolean>;

  /**
   * Makes one of the person's organizations the session's active one, or none (`null`: the
   * personal account); resolves with the membership there (null for none). Rejects with
   * `organization_not_found` for one the person is not a member of.
   */
  setActiveOrganization?(organizationId: string | null): Promise<Membership | null>;

  /** The session's active organization with the person's role and permissions there, or null (the personal account). */
  getActiveMembership?(options?: ListOptions): Promise<Membership | null>;

  /**
   * Renames, changes the slug or logo; resolves with the organization. Needs
   * `organization:update` (`forbidden`); rejects with `slug_taken`, `invalid_slug`.
   */
  updateOrganization?(organizationId: string, changes: OrganizationChanges): Promise<Organization>;

  /**
   * Deletes the organization with its members and invitations (`organization:delete`, the
   * owner's: `forbidden` otherwise). When it was the active one, none is active afterwards.
   */
  deleteOrganization?(organizationId: string): Promise<void>;

  /**
   * The signed-in person leaves the organization (none is active afterwards if it was).
   * Rejects with `last_owner` when they are its only owner.
   */
  leaveOrganization?(organizationId: string): Promise<void>;

  /** The organization's members, owners first, then by name. Any member may list them. */
  listMembers?(organizationId: string, options?: ListOptions): Promise<Member[]>;

  /**
   * Gives a member another role; resolves with the member. Needs `member:update`
   * (`forbidden`); only an owner may make or unmake an owner (`forbidden`); the only owner
   * cannot be demoted (`last_owner`). `member_not_found` for an id not of this organization.
   */
  updateMemberRole?(organizationId: string, memberId: string, role: OrganizationRole): Promise<Member>;

  /**
   * Removes a member (`member:delete`, `forbidden` otherwise; an owner only by an owner).
   * The only owner cannot be removed (`last_owner`); `member_not_found` for an unknown id.
   */
  removeMember?(organizationId: string, memberId: string): Promise<void>;

  /**
   * Invites each address with `role` and emails it a link to the invitation page. Needs
   * `invitation:create` (`forbidden`, rejecting the whole call); inviting as `owner` needs the
   * owner role (`forbidden`). Per address, in `failed`: `invalid_email`, `already_member`.
   * An address with a pending invitation gets it renewed and mailed again (listed in `invited`).
   * Once some are sent, a later refusal of any kind (a 429 part-way through a batch, the network)
   * never loses them: the addresses not sent are listed in `failed` with its code.
   */
  inviteMembers?(organizationId: string, input: InviteInput): Promise<InviteResult>;

  /**
   * The organization's pending invitations, newest first. Any member may list them (better-auth's
   * rule); the elements show them to those with `invitation:create`.
   */
  listInvitations?(organizationId: string, options?: ListOptions): Promise<Invitation[]>;

  /** The signed-in person's own pending invitations (to their email), newest first. */
  listMyInvitations?(options?: ListOptions): Promise<Invitation[]>;

  /**
   * Revokes a pending invitation (its link stops working: `invitation_revoked`); a revoked one
   * resolves without a change. Needs `invitation:cancel` (`forbidden`). Rejects with
   * `invitation_not_found`, `invitation_used` (accepted or declined).
   */
  revokeInvitation?(invitationId: string): Promise<void>;

  /**
   * Mails a pending (or expired) invitation again with a new expiry; resolves with it. Needs
   * `invitation:create` (`forbidden`); rejects with `invitation_not_found`, `invitation_used`,
   * `invitation_revoked`.
   */
  resendInvitation?(invitationId: string): Promise<Invitation>;

  /**
   * Accepts an invitation to the signed-in person's email: they become a member with its role
   * and the organization becomes the active one; resolves with the membership. Rejects with
   * `invitation_not_found`, `invitation_expired`, `invitation_revoked`, `invitation_used`,
   * `wrong_account` (another email is signed in), `already_member`.
   */
  acceptInvitation?(invitationId: string): Promise<Membership>;

  /** Declines an invitation to the signed-in person's email. Rejects like `acceptInvitation` (not `already_member`). */
  declineInvitation?(invitationId: string): Promise<void>;

  /**
   * One invitation, for the invitation link's page: the organization, inviter and role to
   * show before accepting. Needs a session; an invitation to another email rejects with
   * `wrong_account`; others with `invitation_not_found`, `invitation_expired`,
   * `invitation_revoked`, `invitation_used`.
   */
  getInvitation?(invitationId: string, options?: ListOptions): Promise<Invitation>;
}

/** Every adapter: the sign-in contract plus whatever account and organization methods its API has. */
export interface IdentityAdapter extends CoreAdapter, AccountAdapter, OrganizationAdapter {}

/** The kit's roles, most powerful first (a role select's options). */
export const ORGANIZATION_ROLES = ['owner', 'admin', 'member'] as const satisfies readonly OrganizationRole[];

/** The names of the organization methods (every one of OrganizationAdapter's). */
export const ORGANIZATION_METHODS = [
  'listOrganizations',
  'createOrganization',
  'isSlugAvailable',
  'setActiveOrganization',
  'getActiveMembership',
  'updateOrganization',
  'deleteOrganization',
  'leaveOrganization',
  'listMembers',
  'updateMemberRole',
  'removeMember',
  'inviteMembers',
  'listInvitations',
  'listMyInvitations',
  'revokeInvitation',
  'resendInvitation',
  'acceptInvitation',
  'declineInvitation',
  'getInvitation',
] as const satisfies readonly (keyof OrganizationAdapter)[];

/** Fails to compile when OrganizationAdapter gains a method ORGANIZATION_METHODS does not name. */
export type AllOrganizationMethodsNamed = Exclude<keyof OrganizationAdapter, (typeof ORGANIZATION_METHODS)[number]> extends never ? true : never;
const _allOrganizationMethodsNamed: AllOrganizationMethodsNamed = true;
void _allOrganizationMethodsNamed;

/** The names of the account methods (every one of AccountAdapter's), for code that wraps them all. */
export const ACCOUNT_METHODS = [
  'updateProfile',
  'uploadProfileImage',
  'removeProfileImage',
  'requestEmailChange',
  'confirmEmailChange',
  'changePassword',
  'setPassword',
  'getSignInMethods',
  'listSessions',
  'revokeSession',
  'revokeOtherSessions',
  'deleteAccount',
  'reauthenticate',
  'listDeviceAccounts',
  'switchAccount',
  'signOutAccount',
  'signOutAllAccounts',
  'startTotpSetup',
  'confirmTotpSetup',
  'disableTwoFactor',
  'regenerateBackupCodes',
  'listPasskeys',
  'addPasskey',
  'renamePasskey',
  'removePasskey',
  'listConnectedAccounts',
  'linkAccount',
  'unlinkAccount',
] as const satisfies readonly (keyof AccountAdapter)[];

/** Fails to compile when AccountAdapter gains a method ACCOUNT_METHODS does not name. */
export type AllAccountMethodsNamed = Exclude<keyof AccountAdapter, (typeof ACCOUNT_METHODS)[number]> extends never ? true : never;
const _allNamed: AllAccountMethodsNamed = true;
void _allNamed;
