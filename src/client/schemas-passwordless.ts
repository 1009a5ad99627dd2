/**
 * valibot schemas for sign-in by an emailed code or link: they load with the code that calls
 * them (better-auth-passwordless.ts), never with the sign-in page's first script.
 */
import * as v from 'valibot';
import {betterAuthUser, nonEmptyString} from './schemas.js';

/** POST /sign-in/email-otp, GET /magic-link/verify (without a callbackURL): the session opened. */
export const betterAuthPasswordlessSignedIn = v.object({token: nonEmptyString, user: betterAuthUser});

/** POST /sign-in/magic-link: the link is sent (or, for an address without an account, silently not). */
export const betterAuthLinkSent = v.object({status: v.literal(true)});

/** POST /one-time-token/verify: the session the token stood for. */
export const betterAuthReturnTokenSignedIn = v.object({session: v.object({token: nonEmptyString}), user: betterAuthUser});

/** POST /sign-in/sso (with the kit's plugin): the enterprise provider's page, or null for a domain without one. */
export const betterAuthEnterpriseStart = v.object({
  url: v.nullable(v.pipe(v.string(), v.check((value) => /^https?:\/\//.test(value)))),
});

/** POST /phone-number/send-otp: the code is texted (or, for a sign-in to a number without an account, silently not). */
export const betterAuthCodeTexted = v.object({message: v.string()});

/** POST /phone-number/verify: the session opened (a token; null only when asked for none, which the kit never does). */
export const betterAuthPhoneVerified = v.object({status: v.literal(true), token: nonEmptyString, user: betterAuthUser});
