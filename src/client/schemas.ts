/**
 * valibot schemas for what identity APIs answer. Import from 'zod/mini' only: the full
 * 'zod' build doubles the bundle.
 */
import * as v from 'valibot';

/** A string `Date.parse` reads. */
export const dateString = v.pipe(v.string(), v.check((value) => !Number.isNaN(Date.parse(value))));

/** better-auth's user object (extra plugin fields are dropped). */
export const betterAuthUser = v.object({
  id: v.string(),
  email: v.string(),
  name: v.string(),
  emailVerified: v.boolean(),
  image: v.nullish(v.string()),
  createdAt: dateString,
  /** The phoneNumber plugin's field (E.164), when the API has it. */
  phoneNumber: v.nullish(v.string()),
});

export const betterAuthSession = v.object({
  id: v.string(),
  userId: v.string(),
  expiresAt: dateString,
  /** Present when the API has the organization plugin. */
  activeOrganizationId: v.nullish(v.string()),
});

/** GET /get-session: null when signed out. */
export const betterAuthSessionResponse = v.nullable(
  v.object({session: betterAuthSession, user: betterAuthUser}),
);

/*
 * Every success schema requires the fields that prove success: a 200 with any other body is
 * `malformed_response`, never a success.
 */

export const nonEmptyString = v.pipe(v.string(), v.minLength(1));

/** POST /sign-in/email: a session opened (its token), or a second factor is due. */
export const betterAuthSignInResponse = v.union([
  v.object({token: nonEmptyString, user: betterAuthUser}),
  v.object({twoFactorRedirect: v.literal(true)}),
]);

/** POST /sign-up/email: the new user; a token only when a session opened at once. */
export const betterAuthSignUpResponse = v.object({
  token: v.nullable(nonEmptyString),
  user: betterAuthUser,
});

/** POST /email-otp/verify-email: `status: true`; a token when the API signs in on verification. */
export const betterAuthVerifyEmailResponse = v.object({
  status: v.literal(true),
  token: v.nullish(nonEmptyString),
  user: v.optional(betterAuthUser),
});

/** POST /sign-in/social: the provider's authorization URL, which must be http(s). */
export const betterAuthSocialResponse = v.object({
  url: v.pipe(
    v.string(),
    v.check((value) => {
      try {
        return /^https?:$/.test(new URL(value).protocol);
      } catch {
        return false;
      }
    }),
  ),
});

/** GET /auth-elements/capabilities (the kit's better-auth plugin): what the API supports. */
export const betterAuthCapabilitiesResponse = v.object({
  version: v.number(),
  emailPassword: v.boolean(),
  emailVerification: v.boolean(),
  passwordResetByCode: v.boolean(),
  codeLength: v.pipe(v.number(), v.integer(), v.minValue(4), v.maxValue(12)),
  passwordPolicy: v.object({
    minLength: v.pipe(v.number(), v.integer(), v.minValue(1)),
    maxLength: v.pipe(v.number(), v.integer(), v.minValue(1)),
    requireLetterAndDigit: v.boolean(),
  }),
  socialProviders: v.array(v.string()),
  organizations: v.boolean(),
  multiFactor: v.boolean(),
  multiSession: v.boolean(),
  magicLink: v.boolean(),
  // Added within version 1: absent from an older plugin, which did not have these features.
  profileImage: v.nullish(
    v.object({maxBytes: v.pipe(v.number(), v.integer(), v.minValue(1)), types: v.array(v.pipe(v.string(), v.regex(/^image\/[a-z0-9.+-]+$/)))}),
  ),
  changeEmail: v.optional(v.boolean()),
  deleteAccount: v.optional(v.boolean()),
  freshAge: v.optional(v.pipe(v.number(), v.minValue(0))),
  trustedDeviceDays: v.optional(v.pipe(v.number(), v.minValue(0))),
  passkeys: v.optional(v.boolean()),
  socialProviderNames: v.optional(v.record(v.string(), v.pipe(v.string(), v.minLength(1), v.maxLength(64)))),
  emailCode: v.optional(v.boolean()),
  phoneNumber: v.optional(v.boolean()),
  enterpriseSSO: v.optional(v.boolean()),
});

/** GET /token (jwt plugin). */
export const betterAuthTokenResponse = v.object({token: nonEmptyString});

/** Endpoints that answer `{success: true}` (sign-out, sending and checking codes, reset). */
export const betterAuthOkResponse = v.object({success: v.literal(true)});

/** An error body: better-auth sends `{code, message}`; some errors have no body. */
export const betterAuthErrorBody = v.object({
  code: v.optional(v.string()),
  message: v.optional(v.string()),
});

/** The part of a JWT payload the adapter reads. */
export const jwtPayload = v.object({exp: v.optional(v.number())});

export type BetterAuthUser = v.InferOutput<typeof betterAuthUser>;
export type BetterAuthSession = v.InferOutput<typeof betterAuthSession>;

/**
 * Checks `value` against `schema`: what the adapter calls once this module has loaded (the
 * transport only imports this module lazily, and valibot with it).
 */
export function validate<T>(schema: v.GenericSchema<unknown, T>, value: unknown): v.SafeParseResult<v.GenericSchema<unknown, T>> {
  return v.safeParse(schema, value);
}
