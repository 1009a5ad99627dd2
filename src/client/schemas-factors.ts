/**
 * valibot schemas for the sign-in's two-factor and passkey answers. They load with the code
 * that calls them (a second step, a passkey sign-in), never with the sign-in page's first script;
 * the account's are in schemas-account.ts. Like schemas.ts: every success schema requires what
 * proves success.
 */
import * as v from 'valibot';
import {betterAuthUser, nonEmptyString} from './schemas.js';

/** POST /two-factor/verify-totp, /two-factor/verify-backup-code: the session opened (or kept). */
export const betterAuthTwoFactorVerified = v.object({token: nonEmptyString, user: betterAuthUser});

/** GET /passkey/generate-authenticate-options (passed to the browser as it is; the challenge is checked). */
export const betterAuthPasskeyRequestOptions = v.looseObject({challenge: nonEmptyString});

/** POST /passkey/verify-authentication: the session opened. */
export const betterAuthPasskeySignedIn = v.object({session: v.object({id: nonEmptyString}), user: betterAuthUser});

