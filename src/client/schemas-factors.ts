/**
 * zod/mini schemas for better-auth's two-factor and passkey endpoints. They load with the code
 * that calls them (a second step, a passkey), never with the sign-in page's first script.
 * Like schemas.ts: every success schema requires what proves success.
 */
import * as z from 'zod/mini';
import {betterAuthUser} from './schemas.js';

const dateString = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value))));
const nonEmptyString = z.string().check(z.minLength(1));

/** POST /two-factor/verify-totp, /two-factor/verify-backup-code: the session opened (or kept). */
export const betterAuthTwoFactorVerified = z.object({token: nonEmptyString, user: betterAuthUser});

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

/** WebAuthn options (passed to the browser as they are; only what every ceremony needs is checked). */
const webAuthnOptions = {challenge: nonEmptyString};

/** GET /passkey/generate-authenticate-options. */
export const betterAuthPasskeyRequestOptions = z.looseObject(webAuthnOptions);

/** GET /passkey/generate-register-options. */
export const betterAuthPasskeyCreationOptions = z.looseObject({
  ...webAuthnOptions,
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

/** POST /passkey/verify-authentication: the session opened. */
export const betterAuthPasskeySignedIn = z.object({session: z.object({id: nonEmptyString}), user: betterAuthUser});
