/**
 * zod/mini schemas for what identity APIs answer. Import from 'zod/mini' only: the full
 * 'zod' build doubles the bundle.
 */
import * as z from 'zod/mini';

const dateString = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value))));

/** better-auth's user object (extra plugin fields are dropped). */
export const betterAuthUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  emailVerified: z.boolean(),
  image: z.optional(z.nullable(z.string())),
  createdAt: dateString,
});

export const betterAuthSession = z.object({
  id: z.string(),
  userId: z.string(),
  expiresAt: dateString,
});

/** GET /get-session: null when signed out. */
export const betterAuthSessionResponse = z.nullable(
  z.object({session: betterAuthSession, user: betterAuthUser}),
);

/*
 * Every success schema requires the fields that prove success: a 200 with any other body is
 * `malformed_response`, never a success.
 */

const nonEmptyString = z.string().check(z.minLength(1));

/** POST /sign-in/email: a session opened (its token), or a second factor is due. */
export const betterAuthSignInResponse = z.union([
  z.object({token: nonEmptyString, user: betterAuthUser}),
  z.object({twoFactorRedirect: z.literal(true)}),
]);

/** POST /sign-up/email: the new user; a token only when a session opened at once. */
export const betterAuthSignUpResponse = z.object({
  token: z.nullable(nonEmptyString),
  user: betterAuthUser,
});

/** POST /email-otp/verify-email: `status: true`; a token when the API signs in on verification. */
export const betterAuthVerifyEmailResponse = z.object({
  status: z.literal(true),
  token: z.optional(z.nullable(nonEmptyString)),
  user: z.optional(betterAuthUser),
});

/** POST /sign-in/social: the provider's authorization URL, which must be http(s). */
export const betterAuthSocialResponse = z.object({
  url: z.string().check(
    z.refine((value) => {
      try {
        return /^https?:$/.test(new URL(value).protocol);
      } catch {
        return false;
      }
    }),
  ),
});

/** GET /auth-elements/capabilities (the kit's better-auth plugin): what the API supports. */
export const betterAuthCapabilitiesResponse = z.object({
  version: z.number(),
  emailPassword: z.boolean(),
  emailVerification: z.boolean(),
  passwordResetByCode: z.boolean(),
  codeLength: z.int().check(z.gte(4), z.lte(12)),
  passwordPolicy: z.object({
    minLength: z.int().check(z.gte(1)),
    maxLength: z.int().check(z.gte(1)),
    requireLetterAndDigit: z.boolean(),
  }),
  socialProviders: z.array(z.string()),
  organizations: z.boolean(),
  multiFactor: z.boolean(),
  multiSession: z.boolean(),
  magicLink: z.boolean(),
  // Added within version 1: absent from an older plugin, which did not have these features.
  profileImage: z.optional(
    z.nullable(z.object({maxBytes: z.int().check(z.gte(1)), types: z.array(z.string().check(z.regex(/^image\/[a-z0-9.+-]+$/)))})),
  ),
  changeEmail: z.optional(z.boolean()),
  deleteAccount: z.optional(z.boolean()),
  freshAge: z.optional(z.number().check(z.gte(0))),
  trustedDeviceDays: z.optional(z.number().check(z.gte(0))),
  passkeys: z.optional(z.boolean()),
});

/** GET /token (jwt plugin). */
export const betterAuthTokenResponse = z.object({token: nonEmptyString});

/** Endpoints that answer `{success: true}` (sign-out, sending and checking codes, reset). */
export const betterAuthOkResponse = z.object({success: z.literal(true)});

/** An error body: better-auth sends `{code, message}`; some errors have no body. */
export const betterAuthErrorBody = z.object({
  code: z.optional(z.string()),
  message: z.optional(z.string()),
});

/** The part of a JWT payload the adapter reads. */
export const jwtPayload = z.object({exp: z.optional(z.number())});

export type BetterAuthUser = z.infer<typeof betterAuthUser>;
export type BetterAuthSession = z.infer<typeof betterAuthSession>;
