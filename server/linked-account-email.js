/**
 * The email of each linked social or OpenID Connect account, as the provider gave it when the
 * account was linked (or signed in with again): better-auth keeps the provider's id and tokens on
 * its `account` rows but not the address, and `/list-accounts` answers without one. This adds an
 * `email` column to `account`, which `/list-accounts` then returns, and fills it from the
 * provider's own user info (its id token or userinfo endpoint, through the provider better-auth
 * built — what better-auth itself read a moment before) when an account row is created (linked,
 * or made by a first sign-in with the provider). The password (`credential`) rows have none.
 *
 * Without it the kit's adapter asks `/account-info` (better-auth calls the provider then, with the
 * stored tokens, which expire); with it the connected accounts list without calling anyone.
 *
 * `linkedAccountEmail()` is a better-auth plugin on its own; `linkedAccountEmailSchema` and
 * `linkedAccountEmailHooks` are its parts, for a plugin that composes them.
 */
import {decryptOAuthToken} from 'better-auth/oauth2';

/** The `account` table's `email`: the address at the provider (null when it did not say). */
export const linkedAccountEmailSchema = {
  account: {fields: {email: {type: /** @type {const} */ ('string'), required: false, input: false}}},
};

/**
 * The address the provider gives for an account row's tokens, or undefined when there is nothing
 * to ask (the password row, no endpoint context, a provider better-auth does not run).
 * @param {{providerId?: string, idToken?: string | null, accessToken?: string | null}} account
 * @param {any} ctx  better-auth's endpoint context (null outside an endpoint)
 * @returns {Promise<string | null | undefined>}
 */
export async function providerEmail(account, ctx) {
  const {providerId, idToken, accessToken} = account;
  if (!ctx?.context || !providerId || providerId === 'credential' || (!idToken && !accessToken)) return undefined;
  const providers = (await ctx.context.socialProviders) ?? [];
  /** @type {any} */
  let provider;
  for (const entry of providers) {
    const value = typeof entry === 'function' ? await entry() : entry;
    if (value?.id === providerId) provider = value;
  }
  if (!provider?.getUserInfo) return undefined;
  try {
    const info = await provider.getUserInfo({
      idToken: idToken ?? undefined,
      // Stored encrypted when the server encrypts OAuth tokens.
      accessToken: accessToken ? await decryptOAuthToken(accessToken, ctx.context) : undefined,
    });
    const email = info?.user?.email;
    return typeof email === 'string' && email ? email.toLowerCase() : null;
  } catch (error) {
    ctx.context.logger?.warn?.(`linked-account-email: ${providerId} did not say the account's email`, error);
    return undefined;
  }
}

/** better-auth database hooks: the email recorded on a new account row, and again when its tokens change. */
export const linkedAccountEmailHooks = {
  account: {
    create: {
      /** @param {Record<string, any>} account @param {any} ctx */
      async before(account, ctx) {
        const email = await providerEmail(account, ctx);
        return email === undefined ? undefined : {data: {...account, email}};
      },
    },
    update: {
      /**
       * Tokens updated with the provider named (linking again by id token): the email follows.
       * better-auth's other token updates (a sign-in again, a refresh) do not say the row's
       * provider to the hook, so the address stays the one recorded at link time.
       * @param {Record<string, any>} changes @param {any} ctx
       */
      async before(changes, ctx) {
        if (!changes.providerId || (!changes.idToken && !changes.accessToken)) return undefined;
        const email = await providerEmail(changes, ctx);
        return email === undefined ? undefined : {data: {...changes, email}};
      },
    },
  },
};

/** The plugin: the column and the hooks. */
export function linkedAccountEmail() {
  return /** @type {const} */ ({
    id: 'auth-elements-linked-account-email',
    schema: linkedAccountEmailSchema,
    init: () => ({options: {databaseHooks: linkedAccountEmailHooks}}),
  });
}
