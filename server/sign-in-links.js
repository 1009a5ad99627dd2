/**
 * Sign-in links (better-auth's magicLink plugin), as the kit's elements use them, part of the
 * kit's better-auth plugin:
 *
 * - The emailed link opens **the page that asked for it** (the request's `callbackURL`, checked
 *   against the trusted origins by better-auth) with the token in its `auth-link` parameter,
 *   instead of the API's own verify URL. The page's `<auth-sign-in>` verifies it with
 *   `GET /magic-link/verify?token=…` (no callbackURL: a JSON answer and the session, as a cookie
 *   or, for a bearer-mode page on another site, its `set-auth-token`).
 * - That verify answers each failure with its own JSON error instead of better-auth's redirect
 *   to `?error=INVALID_TOKEN`: LINK_EXPIRED (410), LINK_USED (410, the kit remembers a used
 *   link's token for a week), INVALID_TOKEN (400).
 * - No link is sent to an address without an account (the answer is the same, so the request
 *   does not tell who has one); accounts are made by sign-up.
 */
import {APIError, createAuthMiddleware, isAPIError} from 'better-auth/api';

export const SIGN_IN_LINK_PARAM = 'auth-link';
const SEND = '/sign-in/magic-link';
const VERIFY = '/magic-link/verify';
/** How long a used link's token is remembered, to say "already used" rather than "not valid". */
const USED_FOR_MS = 7 * 86400_000;

/** @param {string} token */
async function sha256(token) {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  return Buffer.from(bytes).toString('base64url');
}

/**
 * The token as the magicLink plugin stores it (its `storeToken`: plain by default, or hashed).
 * @param {any} ctx @param {string} token
 */
async function storedToken(ctx, token) {
  const storeToken = ctx.context.options.plugins?.find((/** @type {{id: string}} */ plugin) => plugin.id === 'magic-link')?.options?.storeToken;
  if (storeToken === 'hashed') return sha256(token);
  if (storeToken && typeof storeToken === 'object' && storeToken.type === 'custom-hasher') return storeToken.hash(token);
  return token;
}

/** @param {string} stored */
const usedIdentifier = (stored) => `used-sign-in-link:${stored}`;

/**
 * The link the email carries: the asking page with the token, from the verify URL the plugin built.
 * @param {string} verifyUrl
 * @param {string | undefined} baseURL  what a relative callbackURL is relative to
 */
export function signInLinkUrl(verifyUrl, baseURL) {
  const verify = new URL(verifyUrl);
  const page = new URL(verify.searchParams.get('callbackURL') || '/', baseURL ?? verify.origin);
  page.searchParams.set(SIGN_IN_LINK_PARAM, verify.searchParams.get('token') ?? '');
  return page.href;
}

/** @param {string} code @param {string} message @param {'BAD_REQUEST' | 'GONE'} status */
const refuse = (code, message, status = 'GONE') => new APIError(status, {code, message});

/** Before the plugin's endpoints: say why a link fails, and send none to unknown addresses. */
export const signInLinkChecks = {
  /** @param {{path?: string}} context */
  matcher: (context) => context.path === SEND || context.path === VERIFY,
  handler: createAuthMiddleware(async (ctx) => {
    if (ctx.path === SEND) {
      const email = /** @type {{email?: unknown} | undefined} */ (ctx.body)?.email;
      if (typeof email === 'string' && !(await ctx.context.internalAdapter.findUserByEmail(email.toLowerCase()))) {
        return ctx.json({status: true});
      }
      return;
    }
    // A link opened on the API itself (with a callbackURL) keeps better-auth's redirects.
    const token = ctx.query?.token;
    if (ctx.query?.callbackURL || typeof token !== 'string') return;
    const stored = await storedToken(ctx, token);
    const found = await ctx.context.internalAdapter.findVerificationValue(stored);
    if (found && new Date(found.expiresAt).getTime() > Date.now()) return;
    if (found) {
      await ctx.context.internalAdapter.deleteVerificationByIdentifier(stored);
      throw refuse('LINK_EXPIRED', 'This sign-in link has expired');
    }
    const used = await ctx.context.internalAdapter.findVerificationValue(usedIdentifier(stored));
    if (used && new Date(used.expiresAt).getTime() > Date.now()) throw refuse('LINK_USED', 'This sign-in link was already used');
    throw refuse('INVALID_TOKEN', 'This is not a sign-in link', 'BAD_REQUEST');
  }),
};

/** After a link signed in: remember its token as used. */
export const signInLinkUsed = {
  /** @param {{path?: string}} context */
  matcher: (context) => context.path === VERIFY,
  handler: createAuthMiddleware(async (ctx) => {
    const token = ctx.query?.token;
    if (typeof token !== 'string' || isAPIError(ctx.context.returned) || !ctx.context.newSession) return;
    await ctx.context.internalAdapter.createVerificationValue({
      identifier: usedIdentifier(await storedToken(ctx, token)),
      value: '1',
      expiresAt: new Date(Date.now() + USED_FOR_MS),
    });
  }),
};
