import type {AuthError} from './errors.js';

/**
 * The kit's own domain model. Adapters translate their API's shapes into these types;
 * nothing adapter-specific belongs here.
 */

export interface User {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  imageUrl: string | null;
  createdAt: Date;
  /**
   * The account's phone number (E.164, `+14155552671`), when it has one. An account made by
   * phone alone has no email: `email` is then '' (displays fall back to the number).
   */
  phoneNumber?: string | null;
}

export interface Session {
  id: string;
  userId: string;
  expiresAt: Date;
  /** The organization active in this session (null: the personal account); absent when the API has no organizations. */
  activeOrganizationId?: string | null;
}

/**
 * What the client knows about who is signed in: `loading` until the first answer;
 * `unavailable` while the API could not say (network down, 5xx, 429, an unreadable answer),
 * which is never mistaken for `signed-out` — the client keeps retrying meanwhile.
 */
export type AuthStatus = 'loading' | 'signed-in' | 'signed-out' | 'unavailable';

export interface AuthState {
  status: AuthStatus;
  user: User | null;
  session: Session | null;
  /** Why the status is `unavailable` (null in every other status). */
  error: AuthError | null;
  /**
   * The signed-in person's membership of the session's active organization: its name, their
   * role and permissions there. Null for the personal account, while signed out, and while it
   * loads after a switch of session.
   */
  membership: Membership | null;
}

/**
 * What `client.has()` and `<auth-show>` test, for the active organization. Each condition given
 * must hold; none given: someone is signed in.
 */
export interface AccessCheck {
  /** The person's role there is this one, or one of these. */
  role?: OrganizationRole | readonly OrganizationRole[];
  /** Their role grants this permission, or every one of these. */
  permission?: Permission | readonly Permission[];
}

/** A signed-in result: the user and the session the server opened. */
export interface SessionInfo {
  user: User;
  session: Session;
}

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  /** Must contain at least one letter and one digit. */
  requireLetterAndDigit: boolean;
}

/** What an identity API supports; elements show only what is supported. */
export interface Capabilities {
  emailPassword: boolean;
  /** Sign-up requires verifying the email with a code before the first session. */
  emailVerification: boolean;
  /** Password reset by a code sent to the email. */
  passwordResetByCode: boolean;
  /** Length of the one-time codes the API sends. */
  codeLength: number;
  passwordPolicy: PasswordPolicy;
  /** Social providers configured on the API (ids such as `github`). */
  socialProviders: string[];
  /**
   * Display names of social providers whose id alone does not say it (a generic OpenID Connect
   * provider: `{"dev-oidc": "Dev Identity"}`); the others go by their well-known names.
   */
  socialProviderNames: Record<string, string>;
  /** Sign-in with a one-time code emailed to the address, with or without a password. */
  emailCode: boolean;
  /**
   * Sign-in and sign-up by a code texted to a phone number (`sendPhoneCode`): the first step
   * takes a phone number beside an email, and sign-up can use one instead.
   */
  phoneNumber: boolean;
  organizations: boolean;
  /**
   * Two-step verification: an authenticator app (TOTP) asked for after the password, with
   * backup codes (`startTotpSetup`, `verifySecondFactor`).
   */
  multiFactor: boolean;
  /**
   * Days "Trust this device" skips the second step on a browser (better-auth's trusted device,
   * 30 by default); 0 when the API offers no trusted devices.
   */
  trustedDeviceDays: number;
  /** Passkeys (WebAuthn): added in the profile, used at sign-in and in the identifier's autofill. */
  passkeys: boolean;
  /**
   * Several accounts signed in on this device at once (better-auth's multiSession): signing in
   * while signed in adds the account instead of replacing it; see `listDeviceAccounts`.
   */
  multiSession: boolean;
  /** Sign-in with a link emailed to the address (it opens on the page that asked for it). */
  magicLink: boolean;
  /**
   * Enterprise sign-in by email domain: an address whose domain has an enterprise provider goes
   * there from the first step (`startEnterpriseSignIn`).
   */
  enterpriseSSO: boolean;
  /** Profile images the API stores and serves (upload and remove), or null when it has none. */
  profileImage: ProfileImageRules | null;
  /** The email address can be changed, with a code sent to the new address. */
  changeEmail: boolean;
  /** The signed-in person can delete their account. */
  deleteAccount: boolean;
  /**
   * Seconds a session stays "fresh" after sign-in: sensitive actions (change email, set a
   * password, delete the account without a password, list devices) on an older session reject
   * with `session_not_fresh` until `reauthenticate(password)`. 0: never asked.
   */
  freshAge: number;
}

/** What the API accepts as a profile image (the bytes are checked, not the name or type). */
export interface ProfileImageRules {
  /** Largest upload in bytes. */
  maxBytes: number;
  /** MIME types accepted (raster only: `image/png`, `image/jpeg`, `image/webp`, `image/gif`). */
  types: string[];
}

/** Changes to the signed-in user's profile; fields left out stay as they are. */
export interface ProfileChanges {
  name?: string;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  /** End every other session of the account (other browsers and devices). Default false. */
  signOutOtherDevices?: boolean;
}

export interface DeleteAccountInput {
  /** The current password; without it the session must be fresh (`capabilities.freshAge`). */
  password?: string;
}

/** Options for calls that list things: abort when the element goes away. */
export interface ListOptions {
  signal?: AbortSignal;
}

/**
 * A social or OpenID Connect account linked to the signed-in person (`listConnectedAccounts`):
 * they can sign in with it, and the profile lists it under "Connected accounts".
 */
export interface ConnectedAccount {
  /** The link's id in the API (what `unlinkAccount` takes). */
  id: string;
  /** The provider's id, as in `capabilities.socialProviders` (`github`, `dev-oidc`). */
  provider: string;
  /** The person's id at the provider. */
  accountId: string;
  /** The account's email address at the provider; null when the API cannot tell. */
  email: string | null;
  /** When the account was linked. */
  linkedAt: Date;
}

/** How the signed-in person can sign in (to offer "change password" or "set a password"). */
export interface SignInMethods {
  /** The account has a password. */
  password: boolean;
  /** Social providers linked to the account (ids such as `github`). */
  socialProviders: string[];
  /** Two-step verification is on: sign-in asks for a code from the authenticator app after the password. */
  twoFactor: boolean;
}

/**
 * Setting up an authenticator app (`startTotpSetup`): what the person sees until they confirm
 * with a code from the app (`confirmTotpSetup`), after which two-step verification is on.
 */
export interface TotpSetup {
  /** The `otpauth://totp/…` URI: what the QR code holds. */
  uri: string;
  /** The shared key, base32 (what "Can't scan it?" shows for typing into the app). */
  secret: string;
  /** Backup codes, each good for one sign-in once the setup is confirmed; shown once. */
  backupCodes: string[];
}

/** A passkey of the signed-in account (WebAuthn credential). */
export interface Passkey {
  id: string;
  /** The name the person gave it; null when it has none (show a default such as "Passkey"). */
  name: string | null;
  createdAt: Date;
  /** The last sign-in with it; null when never used or the API does not record it. */
  lastUsedAt: Date | null;
  /** Synced between devices (a password manager or platform account backs it up). */
  synced: boolean;
}

/** What the second step of a sign-in takes: a code from the authenticator app, or a backup code. */
export type SecondFactorKind = 'totp' | 'backup-code';

export interface SecondFactorInput {
  kind: SecondFactorKind;
  code: string;
  /** Skip the second step on this browser for `capabilities.trustedDeviceDays`. Default false. */
  trustDevice?: boolean;
}

export interface PasskeySignInOptions {
  /**
   * Conditional mediation: no dialog; the browser offers passkeys in the autofill list of the
   * input with `autocomplete="username webauthn"`, and the call resolves when the person picks
   * one. Abort it (`signal`) when that input goes away.
   */
  autofill?: boolean;
  signal?: AbortSignal;
}

export type DeviceType = 'desktop' | 'mobile' | 'tablet';

/**
 * One session of the signed-in user: a browser or device where the account is signed in
 * ("active devices"). Browser, OS and device type come from the user agent
 * (`parseUserAgent`); null when it does not say.
 */
export interface DeviceSession {
  id: string;
  /** The session this browser is using ("This device"). */
  current: boolean;
  createdAt: Date;
  /** When the session was last used or refreshed. */
  lastActiveAt: Date;
  expiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
  /** `Chrome`, `Firefox`, `Safari`, `Edge`, `Opera`, `Samsung Internet`…; null when unknown. */
  browser: string | null;
  /** `Windows`, `macOS`, `iOS`, `iPadOS`, `Android`, `Linux`, `ChromeOS`; null when unknown. */
  os: string | null;
  deviceType: DeviceType | null;
  /** Approximate place (a city or country) where the API gives one; null otherwise. */
  location: string | null;
}

/**
 * An account signed in on this device (multi-session). `sessionId` is this account's session
 * on this device: what `switchAccount` and `signOutAccount` take.
 */
export interface DeviceAccount {
  sessionId: string;
  user: User;
  /** The account the page is using now. */
  active: boolean;
}

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
}

export interface SignUpResult {
  user: User;
  /** Null when the email must be verified before a session opens. */
  session: Session | null;
  verificationRequired: boolean;
}

/**
 * What a social sign-in answers: a page to send the browser to (the provider's consent
 * screen, which comes back to the callback URL), or a session opened at once.
 */
export type SocialSignInResult = {redirectUrl: string} | {session: SessionInfo};

export interface PasswordCredentials {
  email: string;
  password: string;
}

/** The steps of the sign-in flow. */
export type SignInStep =
  | 'identifier'
  | 'password'
  | 'verify-email'
  /** The account has two-step verification: a code from the authenticator app. */
  | 'two-factor'
  /** Instead of the app's code, one of the backup codes. */
  | 'backup-code'
  | 'reset-code'
  | 'reset-password'
  /** "Use another method": every way this account and the API allow (SignInMethod). */
  | 'methods'
  /** A code emailed to the address (`capabilities.emailCode`). */
  | 'email-code'
  /** A sign-in link was emailed: open it (on this browser, or another). */
  | 'link-sent'
  /** The page opened from a sign-in link: signing in with it, or why it can't. */
  | 'link'
  /** The link was asked for on another browser: sign in on this one instead? */
  | 'link-elsewhere'
  /** A code texted to the phone number typed on the first step (`capabilities.phoneNumber`). */
  | 'phone-code'
  | 'complete';

/**
 * A way to sign in, as "Use another method" lists them and the "Last used" badge names the one
 * used last on this device: `social:<provider id>` for a social or enterprise provider.
 */
export type SignInMethod = 'password' | 'email-code' | 'email-link' | 'phone-code' | 'passkey' | `social:${string}`;

/** The steps of the sign-up flow: `verify-phone` after details with a phone number instead of an email. */
export type SignUpStep = 'details' | 'verify-email' | 'verify-phone' | 'complete';

/** What a code texted to a phone is for: signing in to its account, or making one. */
export type PhoneCodePurpose = 'sign-in' | 'sign-up';

/*
 * Organizations. The kit's own names: an API's roles and permissions are mapped to these in
 * its adapter (better-auth's organization plugin: roles `owner` / `admin` / `member`,
 * statements `resource → actions`).
 */

/** The kit's roles in an organization (`ORGANIZATION_ROLES` lists them, most powerful first). */
export type OrganizationRole = 'owner' | 'admin' | 'member';

/**
 * A permission key, `resource:action`: `organization:update`, `organization:delete`,
 * `member:create`, `member:update`, `member:delete`, `invitation:create`, `invitation:cancel`,
 * and the API's own (the reference server's `reports:read`).
 */
export type Permission = `${string}:${string}`;

export interface Organization {
  id: string;
  name: string;
  /** Unique across the API; what URLs use (`after-select-org-url="/orgs/:slug"`). */
  slug: string;
  logoUrl: string | null;
  createdAt: Date;
}

/** The signed-in person's place in one organization: what they may see and do there. */
export interface Membership {
  organization: Organization;
  role: OrganizationRole;
  /** Every permission the role grants, sorted (`client.has({permission})` reads this). */
  permissions: Permission[];
}

/** What a member list shows of a person. */
export interface MemberUser {
  id: string;
  name: string;
  email: string;
  imageUrl: string | null;
}

/** A member of an organization (the members tab). `id` is the membership's, not the user's. */
export interface Member {
  id: string;
  user: MemberUser;
  role: OrganizationRole;
  joinedAt: Date;
}

/**
 * `pending` until the invited person accepts or declines it, an admin revokes it, or it
 * expires (an API may report an expired one as still `pending` with `expiresAt` past).
 */
export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';

export interface Invitation {
  id: string;
  /** The invited address: accepting needs an account signed in with it. */
  email: string;
  /** The role the person gets on accepting. */
  role: OrganizationRole;
  status: InvitationStatus;
  expiresAt: Date;
  organization: Pick<Organization, 'id' | 'name' | 'slug' | 'logoUrl'>;
  /** The inviter's name, null when the API does not say. */
  inviterName: string | null;
}

export interface OrganizationInput {
  name: string;
  slug: string;
  logoUrl?: string | null;
}

/** Changes to an organization; fields left out stay as they are. */
export interface OrganizationChanges {
  name?: string;
  slug?: string;
  logoUrl?: string | null;
}

export interface InviteInput {
  /** One or several addresses (the invite dialog takes many at once). */
  emails: string[];
  role: OrganizationRole;
}

/**
 * What `inviteMembers` answers: each address either invited or refused with a code
 * (`already_member`, `invalid_email`, …), so one bad address does not undo the others.
 */
export interface InviteResult {
  invited: Invitation[];
  failed: Array<{email: string; code: AuthError['code']}>;
}
