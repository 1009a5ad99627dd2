/**
 * Account endpoints of the kit's better-auth plugin, for what better-auth keeps server-only or
 * does not have:
 *
 *   POST {basePath}/auth-elements/set-password {newPassword}  a password for an account without
 *        one (better-auth's setPassword, behind the session) → {status: true};
 *        400 PASSWORD_ALREADY_SET, PASSWORD_TOO_SHORT / _LONG / _WEAK; 403 SESSION_NOT_FRESH
 *   POST {basePath}/auth-elements/reauthenticate {password}  checks the password and replaces
 *        the session with a new (fresh) one → {status: true}, the new session's cookie (or
 *        set-auth-token); 400 INVALID_PASSWORD, CREDENTIAL_ACCOUNT_NOT_FOUND
 *
 * and `freshGuard`, which makes sensitive endpoints answer 403 SESSION_NOT_FRESH on a session
 * older than better-auth's `session.freshAge` (better-auth itself does so for /list-sessions and
 * the passkey plugin for registering one).
 */
import {APIError, createAuthEndpoint, createAuthMiddleware, getSessionFromCtx, sessionMiddleware} from 'better-auth/api';
import {setSessionCookie} from 'better-auth/cookies';
import * as z from 'zod';

export const SET_PASSWORD_PATH = '/auth-elements/set-password';
export const REAUTHENTICATE_PATH = '/auth-elements/reauthenticate';

/** Paths that need a fresh session. */
const FRESH_PATHS = new Set(['/email-otp/request-email-change', SET_PASSWORD_PATH]);
/**
 * …and these only without a password in the body: deleting the account, and two-step
 * verification's changes for an account without a password (better-auth's `allowPasswordless`
 * checks nothing else for those).
 */
const FRESH_WITHOUT_PASSWORD = new Set(['/delete-user', '/two-factor/enable', '/two-factor/disable', '/two-factor/generate-backup-codes']);

/** @param {any} ctx */
function passwordLengthCheck(ctx, /** @type {string} */ password) {
  const {minPasswordLength = 8, maxPasswordLength = 128} = ctx.context.options.emailAndPassword ?? {};
  if (password.length < minPasswordLength) throw new APIError('BAD_REQUEST', {code: 'PASSWORD_TOO_SHORT', message: 'Password too short'});
  if (password.length > maxPasswordLength) throw new APIError('BAD_REQUEST', {code: 'PASSWORD_TOO_LONG', message: 'Password too long'});
}

/** A before-hook: SESSION_NOT_FRESH for sensitive endpoints on an old session. */
export const freshGuard = {
  /** @param {{path?: string, body?: any}} context */
  matcher: (context) => !!context.path && (FRESH_PATHS.has(context.path) || (FRESH_WITHOUT_PASSWORD.has(context.path) && !context.body?.password)),
  handler: createAuthMiddleware(async (ctx) => {
    const freshAge = ctx.context.sessionConfig.freshAge;
    if (!freshAge) return;
    // Before-hooks all see the request's own headers: the bearer plugin's cookie is not there yet,
    // so a bearer token is looked up here. Only a refusal is decided; the endpoint still checks
    // the token (and its signature) itself.
    const bearer = /^bearer\s+(.+)$/i.exec(ctx.headers?.get('authorization') ?? '')?.[1]?.trim();
    const session = bearer ? await ctx.context.internalAdapter.findSession(decodeURIComponent(bearer).split('.')[0]) : await getSessionFromCtx(ctx);
    if (!session) return; // the endpoint answers 401 itself
    if (Date.now() - new Date(session.session.createdAt).getTime() >= freshAge * 1000) {
      throw new APIError('FORBIDDEN', {code: 'SESSION_NOT_FRESH', message: 'Session is not fresh: enter your password again'});
    }
  }),
};

export const accountEndpoints = {
  authElementsSetPassword: createAuthEndpoint(
    SET_PASSWORD_PATH,
    {method: 'POST', body: z.object({newPassword: z.string()}), use: [sessionMiddleware]},
    async (ctx) => {
      const {newPassword} = ctx.body;
      passwordLengthCheck(ctx, newPassword);
      const {user} = ctx.context.session;
      const account = await ctx.context.internalAdapter.findCredentialAccount(user.id);
      if (account?.password) throw new APIError('BAD_REQUEST', {code: 'PASSWORD_ALREADY_SET', message: 'The account already has a password'});
      const password = await ctx.context.password.hash(newPassword);
      if (account) await ctx.context.internalAdapter.updateAccount(account.id, {password});
      else await ctx.context.internalAdapter.linkAccount({userId: user.id, providerId: 'credential', accountId: user.id, password});
      return ctx.json({status: true});
    },
  ),
  authElementsReauthenticate: createAuthEndpoint(
    REAUTHENTICATE_PATH,
    {method: 'POST', body: z.object({password: z.string()}), use: [sessionMiddleware]},
    async (ctx) => {
      const {session, user} = ctx.context.session;
      const account = await ctx.context.internalAdapter.findCredentialAccount(user.id);
      if (!account?.password) throw new APIError('BAD_REQUEST', {code: 'CREDENTIAL_ACCOUNT_NOT_FOUND', message: 'The account has no password'});
      const {maxPasswordLength = 128} = ctx.context.options.emailAndPassword ?? {};
      const valid = ctx.body.password.length <= maxPasswordLength && (await ctx.context.password.verify({hash: account.password, password: ctx.body.password}));
      if (!valid) throw new APIError('BAD_REQUEST', {code: 'INVALID_PASSWORD', message: 'Invalid password'});
      const fresh = await ctx.context.internalAdapter.createSession(user.id);
      if (!fresh) throw new APIError('INTERNAL_SERVER_ERROR', {code: 'FAILED_TO_CREATE_SESSION', message: 'Could not create a session'});
      await ctx.context.internalAdapter.deleteSession(session.token);
      await setSessionCookie(ctx, {session: fresh, user});
      return ctx.json({status: true});
    },
  ),
};
