/**
 * zod/mini schemas for better-auth's account endpoints (profile, sessions, multi-session, two-step
 * verification, passkeys) and the kit's plugin endpoints. Like schemas.ts: every success schema requires what proves success.
 */
import * as z from 'zod/mini';
import {betterAuthSession, betterAuthUser} from './schemas.js';

const dateString = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value))));
const nonEmptyString = z.string().check(z.minLength(1));

/** `{status: true}`: update-user, revoke-session(s), set-password, reauthenticate, multi-session revoke. */
export const betterAuthStatusResponse = z.object({status: z.literal(true)});

/** POST /email-otp/request-email-change, /email-otp/change-email. */
export const betterAuthSuccessResponse = z.object({success: z.literal(true)});

/** POST /delete-user: `User deleted` (a verification-email flow is not what the kit configures). */
export const betterAuthDeleteUserResponse = z.object({success: z.literal(true), message: z.literal('User deleted')});

/** POST /change-password: a new session token when the other sessions were revoked. */
export const betterAuthChangePasswordResponse = z.object({token: z.nullable(z.string()), user: betterAuthUser});

/** The kit's profile-image endpoints: the updated user. */
export const betterAuthUserResponse = z.object({user: betterAuthUser});

/** GET /list-sessions: one record per session of the user (tokens stay inside the adapter). */
export const betterAuthSessionList = z.array(
  z.object({
    id: nonEmptyString,
    token: nonEmptyString,
    createdAt: dateString,
    updatedAt: dateString,
    expiresAt: dateString,
    ipAddress: z.optional(z.nullable(z.string())),
    userAgent: z.optional(z.nullable(z.string())),
  }),
);

/** GET /list-accounts: how the user can sign in (`credential` is the password). */
export const betterAuthAccountList = z.array(z.object({providerId: nonEmptyString}));

/** GET /multi-session/list-device-sessions: one session per signed-in user of this browser. */
export const betterAuthDeviceSessions = z.array(
  z.object({session: z.extend(betterAuthSession, {token: nonEmptyString}), user: betterAuthUser}),
);

/** POST /multi-session/set-active: the session now active, and its user. */
export const betterAuthSetActiveResponse = z.object({session: betterAuthSession, user: betterAuthUser});

/** POST /two-factor/verify-totp with a session: the setup is confirmed. */
export const betterAuthTotpConfirmed = z.object({token: nonEmptyString, user: betterAuthUser});

/** POST /two-factor/enable (method totp): the app's URI and the backup codes. */
export const betterAuthTotpEnabled = z.object({
  totpURI: z.string().check(z.startsWith('otpauth://totp/')),
  backupCodes: z.array(nonEmptyString).check(z.minLength(1)),
});

/** POST /two-factor/disable. */
export const betterAuthTwoFactorDisabled = z.object({status: z.literal(true)});

/** POST /two-factor/generate-backup-codes. */
export const betterAuthBackupCodes = z.object({status: z.literal(true), backupCodes: z.array(nonEmptyString).check(z.minLength(1))});

/** GET /get-session, for whether two-step verification is on (better-auth's `twoFactorEnabled`). */
export const betterAuthTwoFactorUser = z.nullable(z.object({user: z.object({twoFactorEnabled: z.optional(z.nullable(z.boolean()))})}));

/** GET /passkey/generate-register-options (passed to the browser as it is; what every ceremony needs is checked). */
export const betterAuthPasskeyCreationOptions = z.looseObject({
  challenge: nonEmptyString,
  rp: z.looseObject({name: z.string()}),
  user: z.looseObject({id: nonEmptyString, name: z.string(), displayName: z.string()}),
  pubKeyCredParams: z.array(z.looseObject({type: z.string(), alg: z.number()})),
});

/** A row of better-auth's passkey table (the public key and counter are not needed here). */
export const betterAuthPasskey = z.object({
  id: nonEmptyString,
  name: z.optional(z.nullable(z.string())),
  createdAt: dateString,
  backedUp: z.optional(z.nullable(z.boolean())),
  /** Added by the kit's plugin; absent on a server without it. */
  lastUsedAt: z.optional(z.nullable(dateString)),
});
export type BetterAuthPasskey = z.infer<typeof betterAuthPasskey>;

/** GET /passkey/list-user-passkeys. */
export const betterAuthPasskeyList = z.array(betterAuthPasskey);

/** POST /passkey/update-passkey. */
export const betterAuthPasskeyUpdated = z.object({passkey: betterAuthPasskey});

/** POST /passkey/delete-passkey. */
export const betterAuthPasskeyDeleted = z.object({status: z.literal(true)});
