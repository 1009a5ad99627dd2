/**
 * Social and OpenID Connect sign-in for bearer-mode pages on another site, part of the kit's
 * better-auth plugin. Two things stand in the way of better-auth's own flow there, and this
 * module removes both:
 *
 * - The start: `POST /sign-in/social` from a page on another site sets the OAuth state cookie in
 *   a cross-site response, which browsers refuse (SameSite=Lax), so the callback fails with
 *   `state_mismatch`. `GET /auth-elements/social-start?provider&callbackURL&errorCallbackURL`
 *   starts the same flow as a top-level navigation to the API instead — its cookies are then
 *   first-party — and redirects to the provider. The URLs must be of trusted origins.
 * - The return: the callback sets the session cookie on the API's origin, which the page never
 *   sees. When the callback URL carries `auth-bearer` (the bearer-mode adapter adds it), the
 *   redirect back carries `auth-token` instead: a one-time token (3 minutes, used once) for that
 *   new session, which the page exchanges at `POST /one-time-token/verify` (better-auth's
 *   oneTimeToken plugin) for its bearer token. Clients cannot mint such tokens
 *   (`/one-time-token/generate` is refused to them).
 */
import {APIError, createAuthEndpoint, createAuthMiddleware} from 'better-auth/api';
import {generateIdTokenNonce, generateState, getOAuthCallbackPath} from 'better-auth/oauth2';
import * as z from 'zod';

export const SOCIAL_START_PATH = '/auth-elements/social-start';

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

/** @param {any} ctx @param {string} id */
async function providerOf(ctx, id) {
  for (const entry of ctx.context.socialProviders ?? []) {
    const provider = typeof entry === 'function' ? await entry() : entry;
    if (provider?.id === id) return provider;
  }
  return undefined;
}

/** `GET /auth-elements/social-start`: a social sign-in started by a top-level navigation (see above). */
export const socialStart = createAuthEndpoint(
  SOCIAL_START_PATH,
  {
    method: 'GET',
    query: z.object({provider: z.string(), callbackURL: z.string(), errorCallbackURL: z.string().optional()}),
  },
  async (ctx) => {
    const {provider: id, callbackURL, errorCallbackURL} = ctx.query;
    for (const url of [callbackURL, errorCallbackURL]) {
      if (url && !ctx.context.isTrustedOrigin(url, {allowRelativePaths: false})) {
        throw new APIError('FORBIDDEN', {code: 'INVALID_CALLBACK_URL', message: 'The page to come back to is not of a trusted origin'});
      }
    }
    const provider = await providerOf(ctx, id);
    if (!provider) throw new APIError('NOT_FOUND', {code: 'PROVIDER_NOT_FOUND', message: `No provider ${id}`});
    const idTokenNonce = generateIdTokenNonce(provider);
    // better-auth's state, as /sign-in/social makes it (it reads the URLs from the body).
    const {codeVerifier, state} = await generateState(/** @type {any} */ ({...ctx, body: {callbackURL, errorCallbackURL}}), {idTokenNonce});
    const url = await provider.createAuthorizationURL({
      state,
      codeVerifier,
      idTokenNonce,
      redirectURI: `${ctx.context.baseURL}${getOAuthCallbackPath(provider)}`,
    });
    throw ctx.redirect(url.toString());
  },
);

/** @param {string} list comma-separated domains @param {string} domain */
const domainIn = (list, domain) => list.split(',').map((entry) => entry.trim().toLowerCase()).some((entry) => entry && (domain === entry || domain.endsWith(`.${entry}`)));

/**
 * Before `POST /sign-in/sso` by an email: a domain without an enterprise provider is an answer,
 * not an error. The card asks on every Continue, so @better-auth/sso's 404 would mark each
 * ordinary sign-in as a failed request in the browser's console; it answers `{url: null}` instead.
 */
export const enterpriseLookup = {
  /** @param {{path?: string}} context */
  matcher: (context) => context.path === '/sign-in/sso',
  handler: createAuthMiddleware(async (ctx) => {
    const body = /** @type {Record<string, unknown> | undefined} */ (ctx.body);
    const domain = typeof body?.email === 'string' ? body.email.split('@')[1]?.trim().toLowerCase() : undefined;
    if (!domain || body?.providerId || body?.organizationSlug || body?.domain) return;
    const options = ctx.context.options.plugins?.find((/** @type {{id: string}} */ plugin) => plugin.id === 'sso')?.options;
    if ((options?.defaultSSO ?? []).some((/** @type {{domain: string}} */ provider) => domainIn(provider.domain, domain))) return;
    const registered = await ctx.context.adapter.findMany({model: 'ssoProvider'});
    if (registered.some((/** @type {{domain?: string}} */ provider) => provider.domain && domainIn(provider.domain, domain))) return;
    return ctx.json({url: null, redirect: false});
  }),
};
