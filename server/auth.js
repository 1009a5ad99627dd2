/**
 * The reference identity API: better-auth with the kit's published options and plugin
 * (better-auth-plugin.js, `auth-elements/better-auth`), every email sent to the dev mailbox.
 * SQLite by default, PostgreSQL when `databaseUrl` is a postgres:// URL (database.js).
 */
import {betterAuth} from 'better-auth';
import {getMigrations} from 'better-auth/db/migration';
import {authElementsOptions} from './better-auth-plugin.js';
import {CLIENT_IP_HEADER} from './client-ip.js';
import {ConfigurationError, checkSecret} from './config.js';
import {openDatabase} from './database.js';
import {resolveRateLimits} from './rate-limit.js';

export {CODE_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH} from './better-auth-plugin.js';
export {ConfigurationError, SECRET_MIN_LENGTH, checkSecret} from './config.js';

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
 *   production?: boolean,
 *   rateLimit?: import('./rate-limit.js').RateLimitOptions,
 *   freshAge?: number,
 *   passkeyRpID?: string,
 *   passkeyOrigins?: string[],
 *   invitationUrl?: string,
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
  production = process.env.NODE_ENV === 'production',
  rateLimit,
  freshAge = process.env.SESSION_FRESH_AGE ? Number(process.env.SESSION_FRESH_AGE) : undefined,
  passkeyRpID = process.env.PASSKEY_RP_ID || undefined,
  passkeyOrigins = process.env.PASSKEY_ORIGINS ? process.env.PASSKEY_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean) : undefined,
  invitationUrl = process.env.INVITATION_URL || undefined,
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
      trustedOrigins,
      database,
      socialProviders,
      advanced: {
        // Only the address http.js computed; never a header the client could have set.
        ipAddress: {ipAddressHeaders: [CLIENT_IP_HEADER]},
      },
      sendEmail: ({to, subject, text}) => mailbox.send({to, subject, text}),
      revealExistingAccounts,
      production,
      rateLimit,
      session: freshAge === undefined ? undefined : {freshAge},
      invitationUrl,
      passkey: passkeyRpID || passkeyOrigins ? {...(passkeyRpID && {rpID: passkeyRpID}), ...(passkeyOrigins && {origin: passkeyOrigins})} : undefined,
    }),
  );

  const {toBeCreated, toBeAdded, runMigrations} = await getMigrations(auth.options);
  if (toBeCreated.length || toBeAdded.length) await runMigrations();
  return auth;
}

/** GitHub sign-in when the environment names an OAuth app for it. */
function socialProvidersFromEnv() {
  const {GITHUB_CLIENT_ID: clientId, GITHUB_CLIENT_SECRET: clientSecret} = process.env;
  return clientId && clientSecret ? {github: {clientId, clientSecret}} : {};
}
