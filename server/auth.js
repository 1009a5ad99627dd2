/**
 * The reference identity API: better-auth with the kit's published options and plugin
 * (better-auth-plugin.js, `auth-elements/better-auth`), every email sent to the dev mailbox.
 * SQLite by default, PostgreSQL when `databaseUrl` is a postgres:// URL (database.js).
 */
import {betterAuth} from 'better-auth';
import {createAuthMiddleware} from 'better-auth/api';
import {getMigrations} from 'better-auth/db/migration';
import {genericOAuth} from 'better-auth/plugins';
import {authElementsOptions} from './better-auth-plugin.js';
import {CLIENT_IP_HEADER} from './client-ip.js';
import {ConfigurationError, checkSecret} from './config.js';
import {openDatabase} from './database.js';
import {resolveRateLimits} from './rate-limit.js';

export {CODE_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH} from './better-auth-plugin.js';
export {ConfigurationError, SECRET_MIN_LENGTH, checkSecret} from './config.js';

/**
 * An OpenID Connect provider the API signs in with (better-auth's genericOAuth plugin): its
 * discovery document, the client registered there (whose redirect URI is
 * `${baseURL}/api/auth/callback/${providerId}`), the scopes (default openid email profile) and
 * the name the sign-in card shows ("Continue with …", the kit plugin's providerNames).
 * @typedef {{providerId: string, discoveryUrl: string, clientId: string, clientSecret?: string, name?: string, scopes?: string[]}} OidcProviderOptions
 */

/**
 * An enterprise OpenID Connect provider for every email of `domain` (comma-separated domains for
 * several), through @better-auth/sso's `defaultSSO`: such an email signs in there from the
 * sign-in's first step. `issuer` is its OpenID Connect issuer.
 * @typedef {{providerId: string, domain: string, issuer: string, discoveryUrl: string, clientId: string, clientSecret: string}} EnterpriseProviderOptions
 */

/**
 * @param {{
 *   databasePath?: string,
 *   databaseUrl?: string,
 *   database?: import('./database.js').OpenDatabase['database'],
 *   baseURL?: string,
 *   trustedOrigins?: string[],
 *   mailbox: import('./mailbox.js').Mailbox,
 *   secret?: string,
 *   revealExistingAccounts?: boolean,
 *   logLevel?: 'debug' | 'info' | 'warn' | 'error',
 *   socialProviders?: Record<string, {clientId: string, clientSecret: string}>,
 *   oidcProviders?: OidcProviderOptions[],
 *   enterpriseProviders?: EnterpriseProviderOptions[],
 *   production?: boolean,
 *   rateLimit?: import('./rate-limit.js').RateLimitOptions,
 *   freshAge?: number,
 *   passkeyRpID?: string,
 *   passkeyOrigins?: string[],
 *   invitationUrl?: string,
 *   breachedPasswords?: boolean,
 * }} options
 *   The database: `database` (an open better-sqlite3 Database or `pg` Pool, which the caller
 *   closes), else `databaseUrl` (postgres://…), else the SQLite file `databasePath`
 *   (default .data/auth.db; `:memory:` for none). Tables are created or migrated on start.
 *   `production` (default NODE_ENV=production): requires a secret of SECRET_MIN_LENGTH
 *   characters (`secret` or BETTER_AUTH_SECRET) and selects the strict default rate limits.
 *   `rateLimit`: limits per client address and per email, always on (see rate-limit.js for the
 *   options and DEFAULT_RATE_LIMITS). The client address is read only from CLIENT_IP_HEADER,
 *   which createRequestHandler (http.js) sets; mount the handler through it.
 *   `socialProviders`: OAuth apps by provider id (`github`, `google`, …); by default GitHub
 *   when GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET are set.
 *   `breachedPasswords` (env PASSWORD_BREACH_CHECK=1): refuse new passwords known from data
 *   breaches (breached-passwords.js, Have I Been Pwned's range API); off by default, and off in
 *   the offline demo.
 *   `enterpriseProviders`: enterprise sign-in by email domain (EnterpriseProviderOptions; needs
 *   @better-auth/sso). Their issuers become trusted origins (the plugin reads only their
 *   discovery documents).
 *   `oidcProviders`: OpenID Connect providers (genericOAuth, with PKCE); by default one when
 *   OIDC_DISCOVERY_URL and OIDC_CLIENT_ID are set (oidcProvidersFromEnv). The development
 *   provider (dev-oidc/) comes in this way from vite-plugin.js and standalone.js. The
 *   discovery document is read when the API starts: start the provider first.
 *   A failed provider round trip (Deny, a state mismatch after the state was read) returns to
 *   the page that started it with `?error=…` (socialErrorsReturn).
 *   `freshAge`: seconds after sign-in during which sensitive actions need no password again
 *   (better-auth's `session.freshAge`; default FRESH_AGE, one day; env SESSION_FRESH_AGE).
 *   `passkeyRpID` (env PASSKEY_RP_ID): the WebAuthn relying party, the domain passkeys belong
 *   to; default the host of `baseURL`, or `localhost` when that is an IP address (browsers
 *   refuse IP addresses). `passkeyOrigins` (env PASSKEY_ORIGINS, comma-separated): the pages
 *   that may use them; default `baseURL`'s origin and `trustedOrigins`.
 *   `invitationUrl` (env INVITATION_URL): the page organization invitation emails link to, with
 *   an `{id}` placeholder, relative to `baseURL`; default `/invitation?id={id}`.
 *   `revealExistingAccounts` (default true): sign-up with a taken email fails with
 *   USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL instead of better-auth's silent generic success.
 */
export async function createAuth({
  databasePath = '.data/auth.db',
  databaseUrl,
  database,
  baseURL,
  trustedOrigins = [],
  mailbox,
  secret = process.env.BETTER_AUTH_SECRET,
  revealExistingAccounts = true,
  logLevel,
  socialProviders = socialProvidersFromEnv(),
  oidcProviders = oidcProvidersFromEnv(),
  enterpriseProviders = [],
  production = process.env.NODE_ENV === 'production',
  rateLimit,
  freshAge = process.env.SESSION_FRESH_AGE ? Number(process.env.SESSION_FRESH_AGE) : undefined,
  passkeyRpID = process.env.PASSKEY_RP_ID || undefined,
  passkeyOrigins = process.env.PASSKEY_ORIGINS ? process.env.PASSKEY_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean) : undefined,
  invitationUrl = process.env.INVITATION_URL || undefined,
  breachedPasswords = process.env.PASSWORD_BREACH_CHECK === '1',
}) {
  checkSecret({production, secret});
  if (freshAge !== undefined && !(Number.isFinite(freshAge) && freshAge >= 0)) {
    throw new ConfigurationError(`freshAge (SESSION_FRESH_AGE) must be a number of seconds, 0 or more (got ${freshAge})`);
  }
  resolveRateLimits(rateLimit, production); // settings errors before the database is opened
  database ??= (await openDatabase({databasePath, databaseUrl})).database;

  const auth = betterAuth(
    authElementsOptions({
      appName: 'Auth Elements',
      logger: logLevel ? {level: logLevel} : undefined,
      baseURL,
      secret,
      trustedOrigins: [...trustedOrigins, ...enterpriseProviders.map((provider) => new URL(provider.issuer).origin)],
      database,
      socialProviders,
      providerNames: Object.fromEntries(oidcProviders.filter((provider) => provider.name).map((provider) => [provider.providerId, provider.name])),
      plugins: [
        ...(oidcProviders.length ? [genericOAuth({config: oidcProviders.map(genericOAuthConfig)})] : []),
        socialErrorsReturn(),
      ],
      advanced: {
        // Only the address http.js computed; never a header the client could have set.
        ipAddress: {ipAddressHeaders: [CLIENT_IP_HEADER]},
      },
      sendEmail: ({to, subject, text}) => mailbox.send({to, subject, text}),
      // Text messages go to the dev mailbox too, with the number in `to`.
      sendSms: ({to, text}) => mailbox.send({to, subject: 'Text message', text}),
      revealExistingAccounts,
      production,
      rateLimit,
      session: freshAge === undefined ? undefined : {freshAge},
      invitationUrl,
      breachedPasswords,
      sso: enterpriseProviders.length ? {defaultSSO: enterpriseProviders.map(enterpriseSSOConfig)} : undefined,
      passkey: passkeyRpID || passkeyOrigins ? {...(passkeyRpID && {rpID: passkeyRpID}), ...(passkeyOrigins && {origin: passkeyOrigins})} : undefined,
    }),
  );

  const {toBeCreated, toBeAdded, runMigrations} = await getMigrations(auth.options);
  if (toBeCreated.length || toBeAdded.length) await runMigrations();
  // Ready when it answers: plugins initialized (genericOAuth has read its discovery documents).
  await auth.$context;
  return auth;
}

/** @param {EnterpriseProviderOptions} provider */
function enterpriseSSOConfig({providerId, domain, issuer, discoveryUrl, clientId, clientSecret}) {
  return {
    providerId,
    domain,
    oidcConfig: {issuer, discoveryEndpoint: discoveryUrl, clientId, clientSecret, pkce: true, scopes: ['openid', 'email', 'profile'], tokenEndpointAuthentication: /** @type {const} */ ('client_secret_post')},
  };
}

/** @param {OidcProviderOptions} provider @returns {import('better-auth/plugins').GenericOAuthConfig} */
const genericOAuthConfig = ({providerId, discoveryUrl, clientId, clientSecret, scopes = ['openid', 'email', 'profile']}) => ({
  providerId,
  discoveryUrl,
  clientId,
  clientSecret,
  scopes,
  pkce: true,
});

/**
 * One OpenID Connect provider from the environment: OIDC_DISCOVERY_URL and OIDC_CLIENT_ID (and
 * OIDC_CLIENT_SECRET; OIDC_PROVIDER_ID, default `oidc`; OIDC_PROVIDER_NAME for the button). None
 * when those two are unset.
 * @param {Record<string, string | undefined>} [env]
 * @returns {OidcProviderOptions[]}
 */
export function oidcProvidersFromEnv(env = process.env) {
  const discoveryUrl = env.OIDC_DISCOVERY_URL?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!discoveryUrl || !clientId) return [];
  return [
    {
      providerId: env.OIDC_PROVIDER_ID?.trim() || 'oidc',
      discoveryUrl,
      clientId,
      clientSecret: env.OIDC_CLIENT_SECRET || undefined,
      name: env.OIDC_PROVIDER_NAME?.trim() || undefined,
    },
  ];
}

/**
 * A failed provider round trip (the person chose Deny, the provider answered an error) sends the
 * browser back to the page that started it, `callbackURL` with `?error=…`, instead of
 * better-auth's own error page, when the client named no `errorCallbackURL`.
 */
export function socialErrorsReturn() {
  return {
    id: 'reference-social-errors-return',
    hooks: {
      before: [
        {
          /** @param {{path?: string}} context */
          matcher: (context) => context.path === '/sign-in/social' || context.path === '/link-social',
          handler: createAuthMiddleware(async (ctx) => {
            const body = /** @type {{callbackURL?: unknown, errorCallbackURL?: unknown} | undefined} */ (ctx.body);
            if (typeof body?.callbackURL !== 'string' || body.errorCallbackURL !== undefined) return;
            return {context: {body: {...body, errorCallbackURL: body.callbackURL}}};
          }),
        },
      ],
    },
  };
}

/** GitHub sign-in when the environment names an OAuth app for it. */
function socialProvidersFromEnv() {
  const {GITHUB_CLIENT_ID: clientId, GITHUB_CLIENT_SECRET: clientSecret} = process.env;
  return clientId && clientSecret ? {github: {clientId, clientSecret}} : {};
}
