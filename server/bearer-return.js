/**
 * Social and OpenID Connect sign-in for bearer-mode pages on another site, part of the kit's
 * better-auth plugin. A provider's callback lands on the API, which sets its session cookie on
 * its own origin — a cookie the page, on another site, never sees. So when the page's callback
 * URL carries `auth-bearer` (the bearer-mode adapter adds it), the callback's redirect back to
 * the page carries instead `auth-token`: a one-time token (3 minutes, used once) for that new
 * session, which the page exchanges at `POST /one-time-token/verify` (better-auth's
 * oneTimeToken plugin) for its bearer token. Clients cannot mint these tokens themselves
 * (`/one-time-token/generate` is refused to them).
 */
import {createAuthMiddleware} from 'better-auth/api';

export const BEARER_RETURN_PARAM = 'auth-bearer';
export const RETURN_TOKEN_PARAM = 'auth-token';
/** How long the page has to exchange the token (better-auth's oneTimeToken default). */
const RETURN_TOKEN_MS = 3 * 60_000;

/** @param {string | undefined} path */
const isCallback = (path) => !!path && (path.startsWith('/callback/') || path.startsWith('/oauth2/callback/'));

/** 32 random letters and digits. */
function randomToken() {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** After a provider's callback that signed in: the redirect back to a bearer-mode page carries a one-time token. */
export const bearerReturn = {
  /** @param {{path?: string}} context */
  matcher: (context) => isCallback(context.path),
  handler: createAuthMiddleware(async (ctx) => {
    const session = ctx.context.newSession;
    const returned = /** @type {{headers?: Headers} | undefined} */ (ctx.context.returned);
    const location = returned?.headers?.get?.('location') ?? ctx.context.responseHeaders?.get('location');
    if (!location) return;
    const url = new URL(location, ctx.context.baseURL);
    if (!url.searchParams.has(BEARER_RETURN_PARAM)) return;
    url.searchParams.delete(BEARER_RETURN_PARAM);
    if (session) {
      const token = randomToken();
      await ctx.context.internalAdapter.createVerificationValue({
        identifier: `one-time-token:${token}`,
        value: session.session.token,
        expiresAt: new Date(Date.now() + RETURN_TOKEN_MS),
      });
      url.searchParams.set(RETURN_TOKEN_PARAM, token);
    }
    throw ctx.redirect(url.href);
  }),
};
