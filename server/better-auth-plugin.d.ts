// Types of better-auth-plugin.js (kept by hand; server/exports.test.js checks the names match).
import type {BetterAuthOptions, BetterAuthPlugin} from 'better-auth';
import type {createAccessControl} from 'better-auth/plugins/access';
import type {bearer, emailOTP, jwt, magicLink, multiSession, organization, twoFactor} from 'better-auth/plugins';
import type {PasskeyOptions} from '@better-auth/passkey';

type OptionsOf<F extends (...args: any) => any> = NonNullable<Parameters<F>[0]>;

export declare const PASSWORD_MIN_LENGTH: 8;
export declare const PASSWORD_MAX_LENGTH: 128;
export declare const CODE_LENGTH: 6;
export declare const CAPABILITIES_VERSION: 1;
/** The capabilities endpoint's path under better-auth's base path. */
export declare const CAPABILITIES_PATH: '/auth-elements/capabilities';
/** Seconds a session stays fresh for sensitive actions unless `session.freshAge` says otherwise. */
export declare const FRESH_AGE: 86400;
/** Days "Trust this device" skips the second step (the twoFactor plugin's trustDeviceMaxAge). */
export declare const TRUSTED_DEVICE_DAYS: 30;

/** What `GET {basePath}/auth-elements/capabilities` answers. */
/** Where invitation emails link to unless `invitationUrl` says otherwise. */
export declare const INVITATION_URL: '/invitation?id={id}';
/** The reference server's access control: better-auth's statements plus `reports: ['read']`. */
export declare const organizationAccess: ReturnType<typeof createAccessControl>;
/** owner, admin (both with `reports:read`) and member, on `organizationAccess`. */
export declare const organizationRoles: {owner: OrganizationRole; admin: OrganizationRole; member: OrganizationRole};
type OrganizationRole = ReturnType<ReturnType<typeof createAccessControl>['newRole']>;

export interface AuthElementsCapabilities {
  version: 1;
  /** Sign-in and sign-up with email and password (`emailAndPassword.enabled`). */
  emailPassword: boolean;
  /** A new account must verify its email before it gets a session (`requireEmailVerification`). */
  emailVerification: boolean;
  /** "Forgot password" sends a code (the emailOTP plugin with email and password on). */
  passwordResetByCode: boolean;
  /** Digits in every emailed code (the emailOTP plugin's `otpLength`). */
  codeLength: number;
  passwordPolicy: {minLength: number; maxLength: number; requireLetterAndDigit: boolean};
  /** Ids for `/sign-in/social`: `socialProviders` keys and genericOAuth `providerId`s. */
  socialProviders: string[];
  /** Display names of providers whose id does not say it (the plugin's `providerNames`), e.g. `{"dev-oidc": "Dev Identity"}`. */
  socialProviderNames: Record<string, string>;
  /** Sign-in with a code emailed to the address (the emailOTP plugin). */
  emailCode: boolean;
  organizations: boolean;
  /**
   * Each organization role's permissions (`resource:action`, sorted; teams and dynamic access
   * control left out), e.g. `{owner: […], admin: […], member: []}`; `{}` without organizations.
   */
  organizationRoles: Record<string, string[]>;
  /** The twoFactor plugin: an authenticator app (TOTP) and backup codes after the password. */
  multiFactor: boolean;
  /** The twoFactor plugin's `trustDeviceMaxAge` in days; 0 without the plugin. */
  trustedDeviceDays: number;
  /** The passkey plugin (@better-auth/passkey). */
  passkeys: boolean;
  multiSession: boolean;
  magicLink: boolean;
  /** The sso plugin (@better-auth/sso): an email whose domain has an enterprise provider signs in there. */
  enterpriseSSO: boolean;
  /** Upload rules of `POST /auth-elements/profile-image`; null when the plugin's images are off. */
  profileImage: {maxBytes: number; types: string[]} | null;
  /** The emailOTP plugin's `changeEmail.enabled`: a code sent to the new address changes the email. */
  changeEmail: boolean;
  /** `user.deleteUser.enabled`. */
  deleteAccount: boolean;
  /** `session.freshAge` (seconds; 0: sessions never go stale for sensitive actions). */
  freshAge: number;
}

export interface AuthElementsPluginOptions {
  /**
   * Display names for social providers whose id does not say it, e.g. a genericOAuth
   * `{"dev-oidc": "Dev Identity"}`: the sign-in card's "Continue with Dev Identity".
   */
  providerNames?: Record<string, string>;
  /**
   * Refuse a new password (sign-up, reset, change) without at least one letter and one digit,
   * with `PASSWORD_TOO_WEAK`; lengths stay better-auth's own checks. Default true.
   */
  requireLetterAndDigit?: boolean;
  /**
   * Sign-up with a taken email fails with `USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL` (422) instead
   * of better-auth's generic success, so the form can say so. Default true. Turn it off to keep
   * which emails have accounts private (the elements then show "check your email").
   */
  revealExistingAccounts?: boolean;
  /**
   * Profile images stored in the database (table `profileImage`; needs the `sharp` package):
   * `POST /auth-elements/profile-image` (the bytes, application/octet-stream; raster PNG, JPEG,
   * WebP or GIF, re-encoded to a square WebP of at most 512 px without metadata),
   * `POST /auth-elements/profile-image/remove`, `GET /auth-elements/profile-image/:id`.
   * `maxBytes` default 2 MB. `false` leaves them out.
   */
  profileImage?: {maxBytes?: number} | false;
  /**
   * The passkey plugin is registered: the kit adds `lastUsedAt` to its `passkey` table and sets
   * it on every passkey sign-in (`/passkey/verify-authentication`). Default false (the column
   * would make a `passkey` table of its own without the plugin).
   */
  passkeys?: boolean;
  /**
   * The twoFactor plugin is registered: the kit remembers used backup codes (their SHA-256, in
   * `twoFactor.usedBackupCodes`) and answers a second use with 401 `BACKUP_CODE_USED` instead of
   * better-auth's `INVALID_BACKUP_CODE`. Default false (the column needs the plugin's table).
   */
  twoFactor?: boolean;
}

/**
 * The kit's better-auth plugin: the password rule, sign-up's `INVALID_EMAIL`, the taken-email
 * answer, `GET {basePath}/auth-elements/capabilities` (public, cacheable for 5 minutes),
 * profile images, `POST /auth-elements/set-password {newPassword}` (an account without a
 * password), `POST /auth-elements/reauthenticate {password}` (a fresh session), and 403
 * `SESSION_NOT_FRESH` from `/email-otp/request-email-change`, `/auth-elements/set-password` and
 * `/delete-user` without a password when the session is older than `session.freshAge`.
 */
export declare function authElements(options?: AuthElementsPluginOptions): BetterAuthPlugin & {id: 'auth-elements'};

/** One email for `sendEmail`: `subject` and `text` are ready to send; the rest is for templates. */
export interface AuthElementsEmail {
  to: string;
  subject: string;
  text: string;
  kind: 'email-verification' | 'sign-in' | 'forget-password' | 'change-email' | 'magic-link' | 'invitation' | 'two-factor';
  /** The code, for the kinds that send one. */
  code?: string;
  /** The link, for `magic-link` and `invitation` (the invitation page, `invitationUrl`). */
  url?: string;
  /** For `invitation`. */
  invitationId?: string;
}

/** One text message for `sendSms`: `text` is ready to send. */
export interface AuthElementsSms {
  /** The number, E.164 (`+14155552671`). */
  to: string;
  text: string;
  code: string;
}

/** Fixed-window limits (seconds and counts), on in every mode; see docs/backend.md. */
export interface AuthElementsRateLimitOptions {
  /** Seconds every limit counts over. Default 60. */
  window?: number;
  /** Requests per client address per endpoint. Default 100 in production, 1000 otherwise. */
  max?: number;
  /** The same for endpoints that take credentials or codes, or send email. Default 10 / 100. */
  authMax?: number;
  /** Attempts per email per group of endpoints, from any address. Default 5 / 50. */
  identifierMax?: number;
  /** better-auth rules by path (wildcards allowed), taking precedence over the kit's. */
  customRules?: Record<string, {window: number; max: number} | false>;
}

export interface AuthElementsOptions
  extends Omit<BetterAuthOptions, 'rateLimit' | 'emailAndPassword' | 'emailVerification' | 'plugins' | 'user' | 'session'> {
  /** Delivers every email the flows send (codes, links, invitations). Required. */
  sendEmail: (email: AuthElementsEmail) => Promise<void> | void;
  /**
   * Delivers the texted codes of sign-in and sign-up by phone (better-auth's phoneNumber plugin,
   * on when this is given): an account made by phone alone has no email (a placeholder on the
   * reserved `.invalid` domain, which the kit's adapter shows as none). See phone-sign-in.js.
   */
  sendSms?: (message: AuthElementsSms) => Promise<void> | void;
  /** Merged into the phoneNumber plugin's options; `false` leaves it out even with `sendSms`. */
  phoneNumber?: boolean | Record<string, unknown>;
  /** Default {minLength: 8, maxLength: 128, requireLetterAndDigit: true}. */
  passwordPolicy?: {minLength?: number; maxLength?: number; requireLetterAndDigit?: boolean};
  /** Digits in emailed codes, 4 to 12. Default 6. */
  codeLength?: number;
  /** See AuthElementsPluginOptions. Default true. */
  revealExistingAccounts?: boolean;
  /** See AuthElementsPluginOptions. */
  providerNames?: Record<string, string>;
  /**
   * Refuse new passwords found in known data breaches (better-auth's haveIBeenPwned on sign-up,
   * both resets, change and set password): `PASSWORD_COMPROMISED`. It sends the first five hex
   * digits of the password's SHA-1 to api.pwnedpasswords.com (k-anonymity) and fails those
   * requests while that service cannot be reached, so it is off by default. Default false.
   */
  breachedPasswords?: boolean;
  /** Merged into the emailOTP plugin's options (it is always on). */
  emailOTP?: Partial<OptionsOf<typeof emailOTP>>;
  /** Optional features: on by default; `false` leaves the plugin out, an object adds options. */
  magicLink?: boolean | Partial<OptionsOf<typeof magicLink>>;
  /**
   * Organizations: on by default with the kit's access control (`organizationRoles`: better-auth's
   * owner / admin / member plus `reports:read` for owners and admins); an object adds or replaces
   * the plugin's options (`roles` and `ac` of your own, `invitationExpiresIn`, …).
   */
  organization?: boolean | OptionsOf<typeof organization>;
  /**
   * The page invitation emails link to, with an `{id}` placeholder for the invitation's id;
   * relative to `baseURL`. Default `/invitation?id={id}`.
   */
  invitationUrl?: string;
  /**
   * Two-step verification: issuer = `appName`, trusted devices for TRUSTED_DEVICE_DAYS,
   * `allowPasswordless` (an account without a password needs a fresh session instead).
   */
  twoFactor?: boolean | OptionsOf<typeof twoFactor>;
  /**
   * Passkeys (needs @better-auth/passkey, the same version as better-auth): on when the package
   * is installed. Default `rpName` = `appName`, `rpID` = the host of `baseURL` (`localhost` for
   * an IP address), `origin` = `baseURL`'s origin and `trustedOrigins`.
   */
  passkey?: boolean | Partial<PasskeyOptions>;
  /**
   * Enterprise sign-in by email domain (needs @better-auth/sso): on when the package is
   * installed; an object is the plugin's options (`defaultSSO` for providers in code, or
   * providers registered with `/sso/register`). An email whose domain has a provider goes there
   * from the sign-in's first step (`POST /sign-in/sso`).
   */
  sso?: boolean | Record<string, unknown>;
  multiSession?: boolean | OptionsOf<typeof multiSession>;
  /** See AuthElementsPluginOptions.profileImage. Default on (2 MB). */
  profileImage?: boolean | {maxBytes?: number};
  /** Options of the bearer plugin (always on). */
  bearer?: OptionsOf<typeof bearer>;
  /**
   * Options of the jwt plugin (always on). With organizations on, the token's payload gets an
   * `org` claim: `{id, slug, role, permissions}` of the active organization, or null; a
   * `jwt.definePayload` of yours still makes the rest (docs/backend.md, "Tokens for your own API").
   */
  jwt?: OptionsOf<typeof jwt>;
  /**
   * The kit's limits, counted in `database` when it is a better-sqlite3 Database or a `pg` Pool
   * (table `rateLimitBucket`), else in memory. `false`: better-auth's own rate limiting applies.
   */
  rateLimit?: AuthElementsRateLimitOptions | false;
  /** Selects the strict default limits. Default `NODE_ENV === 'production'`. */
  production?: boolean;
  /** Merged over {enabled, min/maxPasswordLength from passwordPolicy, requireEmailVerification: true}. */
  emailAndPassword?: Partial<NonNullable<BetterAuthOptions['emailAndPassword']>>;
  /** Merged over {sendOnSignUp, sendOnSignIn, autoSignInAfterVerification: true}. */
  emailVerification?: BetterAuthOptions['emailVerification'];
  /** Merged over {deleteUser: {enabled: true}}. */
  user?: BetterAuthOptions['user'];
  /** Merged over {freshAge: FRESH_AGE}. */
  session?: BetterAuthOptions['session'];
  /** More plugins, after the kit's. */
  plugins?: BetterAuthPlugin[];
}

/**
 * better-auth options with everything the kit uses: pass the result to `betterAuth()`.
 * Other better-auth options (`database`, `baseURL`, `secret`, `trustedOrigins`,
 * `socialProviders`, `advanced`, …) pass through unchanged.
 */
export declare function authElementsOptions(options: AuthElementsOptions): BetterAuthOptions;
