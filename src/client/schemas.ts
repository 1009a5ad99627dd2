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

/** POST /sign-in/email, /sign-up/email, /email-otp/verify-email. */
export const betterAuthUserResponse = z.object({
  token: z.optional(z.nullable(z.string())),
  user: z.optional(betterAuthUser),
  twoFactorRedirect: z.optional(z.boolean()),
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

/** GET /token (jwt plugin). */
export const betterAuthTokenResponse = z.object({token: z.string().check(z.minLength(1))});

/** Endpoints that answer `{success: true}` or `{status: true}`. */
export const betterAuthOkResponse = z.object({
  success: z.optional(z.boolean()),
  status: z.optional(z.boolean()),
});

/** An error body: better-auth sends `{code, message}`; some errors have no body. */
export const betterAuthErrorBody = z.object({
  code: z.optional(z.string()),
  message: z.optional(z.string()),
});

/** The part of a JWT payload the adapter reads. */
export const jwtPayload = z.object({exp: z.optional(z.number())});

export type BetterAuthUser = z.infer<typeof betterAuthUser>;
export type BetterAuthSession = z.infer<typeof betterAuthSession>;
