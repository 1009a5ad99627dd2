/**
 * The reference identity API: better-auth on SQLite, every email sent to the dev mailbox.
 */
import {mkdirSync} from 'node:fs';
import {dirname} from 'node:path';
import Database from 'better-sqlite3';
import {betterAuth} from 'better-auth';
import {APIError, createAuthMiddleware} from 'better-auth/api';
import {getMigrations} from 'better-auth/db/migration';
import * as z from 'zod';
import {bearer, emailOTP, jwt, magicLink, multiSession, organization, twoFactor} from 'better-auth/plugins';
import {CLIENT_IP_HEADER} from './client-ip.js';
import {checkSecret} from './config.js';
import {betterAuthRateLimit, createCounter, identifierRateLimit, resolveRateLimits} from './rate-limit.js';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const CODE_LENGTH = 6;
export {ConfigurationError, SECRET_MIN_LENGTH, checkSecret} from './config.js';

/** Endpoints that take a new password, and the body field that holds it. */
const PASSWORD_FIELDS = {
  '/sign-up/email': 'password',
  '/email-otp/reset-password': 'password',
  '/reset-password': 'newPassword',
  '/change-password': 'newPassword',
};

const OTP_SUBJECTS = {
  'email-verification': ['Verify your email', 'Your verification code is'],
  'sign-in': ['Your sign-in code', 'Your sign-in code is'],
  'forget-password': ['Reset your password', 'Your password reset code is'],
  'change-email': ['Confirm your new email', 'Your code to confirm the new email is'],
};

/**
 * @param {{
 *   databasePath: string,
 *   baseURL?: string,
 *   trustedOrigins?: string[],
 *   mailbox: import('./mailbox.js').Mailbox,
 *   secret?: string,
 *   revealExistingAccounts?: boolean,
 *   logLevel?: 'debug' | 'info' | 'warn' | 'error',
 *   socialProviders?: Record<string, {clientId: string, clientSecret: string}>,
 *   production?: boolean,
 *   rateLimit?: import('./rate-limit.js').RateLimitOptions,
 * }} options
 *   `production` (default NODE_ENV=production): requires a secret of SECRET_MIN_LENGTH
 *   characters (`secret` or BETTER_AUTH_SECRET) and selects the strict default rate limits.
 *   `rateLimit`: limits per client address and per email, always on (see rate-limit.js for the
 *   options and DEFAULT_RATE_LIMITS). The client address is read only from CLIENT_IP_HEADER,
 *   which createRequestHandler (http.js) sets; mount the handler through it.
 *   `socialProviders`: OAuth apps by provider id (`github`, `google`, …); by default GitHub
 *   when GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET are set.
 *   `revealExistingAccounts` (default true): sign-up with a taken email fails with
 *   USER_ALREADY_EXISTS instead of better-auth's silent generic success.
 */
export async function createAuth({
  databasePath,
  baseURL,
  trustedOrigins = [],
  mailbox,
  secret = process.env.BETTER_AUTH_SECRET,
  revealExistingAccounts = true,
  logLevel,
  socialProviders = socialProvidersFromEnv(),
  production = process.env.NODE_ENV === 'production',
  rateLimit,
}) {
  checkSecret({production, secret});
  const limits = resolveRateLimits(rateLimit, production);
  if (databasePath !== ':memory:') mkdirSync(dirname(databasePath), {recursive: true});
  const database = new Database(databasePath);
  database.pragma('journal_mode = WAL');
  const counter = createCounter(database);

  const auth = betterAuth({
    appName: 'Auth Elements',
    logger: logLevel ? {level: logLevel} : undefined,
    baseURL,
    secret,
    trustedOrigins,
    database,
    rateLimit: betterAuthRateLimit(limits, counter),
    advanced: {
      // Only the address http.js computed; never a header the client could have set.
      ipAddress: {ipAddressHeaders: [CLIENT_IP_HEADER]},
    },
    socialProviders,
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      requireEmailVerification: true,
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // Sign-up's body schema would answer VALIDATION_ERROR; answer like the other endpoints.
        if (ctx.path === '/sign-up/email' && typeof ctx.body?.email === 'string' && !z.email().safeParse(ctx.body.email.toLowerCase()).success) {
          throw new APIError('BAD_REQUEST', {code: 'INVALID_EMAIL', message: 'Invalid email'});
        }
        const field = PASSWORD_FIELDS[/** @type {keyof typeof PASSWORD_FIELDS} */ (ctx.path)];
        if (!field) return;
        const password = ctx.body?.[field];
        // Length is the endpoint's own check (PASSWORD_TOO_SHORT / _LONG); this adds the mix rule.
        if (typeof password === 'string' && password.length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH) {
          if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) {
            throw new APIError('BAD_REQUEST', {
              code: 'PASSWORD_TOO_WEAK',
              message: 'Password must contain at least one letter and one digit',
            });
          }
        }
        if (revealExistingAccounts && ctx.path === '/sign-up/email' && typeof ctx.body?.email === 'string') {
          const existing = await ctx.context.internalAdapter.findUserByEmail(ctx.body.email.toLowerCase());
          if (existing) {
            throw new APIError('UNPROCESSABLE_ENTITY', {
              code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL',
              message: 'User already exists. Use another email.',
            });
          }
        }
      }),
    },
    plugins: [
      emailOTP({
        otpLength: CODE_LENGTH,
        overrideDefaultEmailVerification: true,
        sendVerificationOnSignUp: true,
        async sendVerificationOTP({email, otp, type}) {
          const [subject, lead] = OTP_SUBJECTS[type] ?? ['Your code', 'Your code is'];
          await mailbox.send({to: email, subject, text: `${lead} ${otp}.\nIt expires in 5 minutes.`});
        },
      }),
      magicLink({
        async sendMagicLink({email, url}) {
          await mailbox.send({to: email, subject: 'Your sign-in link', text: `Sign in with this link:\n${url}`});
        },
      }),
      organization({
        async sendInvitationEmail({email, organization: org, inviter, id}) {
          await mailbox.send({
            to: email,
            subject: `You are invited to ${org.name}`,
            text: `${inviter.user.name} invited you to ${org.name}.\nInvitation id: ${id}`,
          });
        },
      }),
      twoFactor({
        issuer: 'Auth Elements',
        otpOptions: {
          async sendOTP({user, otp}) {
            await mailbox.send({to: user.email, subject: 'Your two-factor code', text: `Your two-factor code is ${otp}.`});
          },
        },
      }),
      multiSession(),
      identifierRateLimit({counter, window: limits.window, max: limits.identifierMax}),
      bearer(),
      jwt(),
    ],
  });

  const {toBeCreated, toBeAdded, runMigrations} = await getMigrations(auth.options);
  if (toBeCreated.length || toBeAdded.length) await runMigrations();
  return auth;
}

/** GitHub sign-in when the environment names an OAuth app for it. */
function socialProvidersFromEnv() {
  const {GITHUB_CLIENT_ID: clientId, GITHUB_CLIENT_SECRET: clientSecret} = process.env;
  return clientId && clientSecret ? {github: {clientId, clientSecret}} : {};
}
