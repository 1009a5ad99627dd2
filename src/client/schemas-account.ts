/**
 * valibot schemas for better-auth's account endpoints (profile, sessions, multi-session, two-step
 * verification, passkeys) and the kit's plugin endpoints. Like schemas.ts: every success schema
 * requires what proves success.
 */
import * as v from 'valibot';
import {betterAuthSession, betterAuthUser, dateString, nonEmptyString} from './schemas.js';

/** `{status: true}`: update-user, revoke-session(s), set-password, reauthenticate, multi-session revoke. */
export const betterAuthStatusResponse = v.object({status: v.literal(true)});

/** POST /email-otp/request-email-change, /email-otp/change-email. */
export const betterAuthSuccessResponse = v.object({success: v.literal(true)});

/** POST /delete-user: `User deleted` (a verification-email flow is not what the kit configures). */
export const betterAuthDeleteUserResponse = v.object({success: v.literal(true), message: v.literal('User deleted')});

/** POST /change-password: a new session token when the other sessions were revoked. */
export const betterAuthChangePasswordResponse = v.object({token: v.nullable(v.string()), user: betterAuthUser});

/** The kit's profile-image endpoints: the updated user. */
export const betterAuthUserResponse = v.object({user: betterAuthUser});

/** GET /list-sessions: one record per session of the user (tokens stay inside the adapter). */
export const betterAuthSessionList = v.array(
  v.object({
    id: nonEmptyString,
    token: nonEmptyString,
    createdAt: dateString,
    updatedAt: dateString,
    expiresAt: dateString,
    ipAddress: v.nullish(v.string()),
    userAgent: v.nullish(v.string()),
  }),
);

/** GET /list-accounts: how the user can sign in (`credential` is the password). */
export const betterAuthAccountList = v.array(v.object({providerId: nonEmptyString}));

/**
 * GET /list-accounts, read for the connected accounts: each link's id, the provider, the
 * person's id there and when it was linked; `email` where the kit's server recorded the
 * provider's address (server/linked-account-email.js), absent on a server without it.
 */
export const betterAuthLinkedAccountList = v.array(
  v.object({
    id: nonEmptyString,
    providerId: nonEmptyString,
    accountId: nonEmptyString,
    createdAt: dateString,
    email: v.nullish(v.string()),
  }),
);

/** GET /account-info: what the provider says of the account now (its userinfo, or the stored id token). */
export const betterAuthAccountInfo = v.object({user: v.object({email: v.nullish(v.string())})});

/** POST /link-social without an id token: the provider's page to send the browser to. */
export const betterAuthLinkSocialResponse = v.object({url: v.pipe(nonEmptyString, v.url()), redirect: v.boolean()});

/** GET /multi-session/list-device-sessions: one session per signed-in user of this browser. */
export const betterAuthDeviceSessions = v.array(
  v.object({session: v.object({...betterAuthSession.entries, token: nonEmptyString}), user: betterAuthUser}),
);

/** POST /multi-session/set-active: the session now active, and its user. */
export const betterAuthSetActiveResponse = v.object({session: betterAuthSession, user: betterAuthUser});

/** POST /two-factor/verify-totp with a session: the setup is confirmed. */
export const betterAuthTotpConfirmed = v.object({token: nonEmptyString, user: betterAuthUser});

/** POST /two-factor/enable (method totp): the app's URI and the backup codes. */
export const betterAuthTotpEnabled = v.object({
  totpURI: v.pipe(v.string(), v.startsWith('otpauth://totp/')),
  backupCodes: v.pipe(v.array(nonEmptyString), v.minLength(1)),
});

/** POST /two-factor/disable. */
export const betterAuthTwoFactorDisabled = v.object({status: v.literal(true)});

/** POST /two-factor/generate-backup-codes. */
export const betterAuthBackupCodes = v.object({status: v.literal(true), backupCodes: v.pipe(v.array(nonEmptyString), v.minLength(1))});

/** GET /get-session, for whether two-step verification is on (better-auth's `twoFactorEnabled`). */
export const betterAuthTwoFactorUser = v.nullable(v.object({user: v.object({twoFactorEnabled: v.nullish(v.boolean())})}));

/** GET /passkey/generate-register-options (passed to the browser as it is; what every ceremony needs is checked). */
export const betterAuthPasskeyCreationOptions = v.looseObject({
  challenge: nonEmptyString,
  rp: v.looseObject({name: v.string()}),
  user: v.looseObject({id: nonEmptyString, name: v.string(), displayName: v.string()}),
  pubKeyCredParams: v.array(v.looseObject({type: v.string(), alg: v.number()})),
});

/** A row of better-auth's passkey table (the public key and counter are not needed here). */
export const betterAuthPasskey = v.object({
  id: nonEmptyString,
  name: v.nullish(v.string()),
  createdAt: dateString,
  backedUp: v.nullish(v.boolean()),
  /** Added by the kit's plugin; absent on a server without it. */
  lastUsedAt: v.nullish(dateString),
});
export type BetterAuthPasskey = v.InferOutput<typeof betterAuthPasskey>;

/** GET /passkey/list-user-passkeys. */
export const betterAuthPasskeyList = v.array(betterAuthPasskey);

/** POST /passkey/update-passkey. */
export const betterAuthPasskeyUpdated = v.object({passkey: betterAuthPasskey});

/** POST /passkey/delete-passkey. */
export const betterAuthPasskeyDeleted = v.object({status: v.literal(true)});
