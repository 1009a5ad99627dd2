/**
 * The reference identity API on its own port, for pages on other origins: `startServer()` from
 * code, `main()` from the environment. `npm run server` and the `auth-elements-server` bin
 * (cli.js) both run `main()`:
 *
 *   PORT (3000)  HOST (127.0.0.1)
 *   DATABASE_PATH (.data/auth.db)  SQLite file (better-sqlite3), the default
 *   DATABASE_URL  postgres://user:password@host:5432/db — PostgreSQL (pg) instead of SQLite
 *   TRUSTED_ORIGINS  comma-separated origins allowed with CORS (e.g. http://localhost:5173)
 *   BETTER_AUTH_SECRET  required when NODE_ENV=production (≥ 32 characters: openssl rand -base64 32)
 *   TRUSTED_PROXY_HEADER  header a reverse proxy sets to the client address (e.g. x-forwarded-for);
 *                         unset, rate limits key on the socket's peer address
 *   PASSKEY_RP_ID, PASSKEY_ORIGINS  passkeys' domain and pages (auth.js; with @better-auth/passkey)
 *   OIDC_DISCOVERY_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_PROVIDER_ID (oidc), OIDC_PROVIDER_NAME
 *                 an OpenID Connect provider to sign in with (auth.js, oidcProvidersFromEnv)
 *   DEV_OIDC=1    also run Dev Identity, the development OpenID Connect provider (dev-oidc/), on
 *                 DEV_OIDC_PORT (5180, else any free port; set, it must be free) at DEV_OIDC_HOST
 *                 (127.0.0.1), registered as `dev-oidc` with this server's callback; never in production
 *   NODE_ENV=production  strict rate limits, a secret required, no dev mailbox, no Dev Identity
 */
import {createServer} from 'node:http';
import {pathToFileURL} from 'node:url';
import {createAuth, oidcProvidersFromEnv} from './auth.js';
import {normalizeProxyHeader} from './client-ip.js';
import {ConfigurationError, checkSecret} from './config.js';
import {openDatabase} from './database.js';
import {devIdentityFromEnv, startDevIdentity} from './dev-oidc/dev-identity.js';
import {createRequestHandler} from './http.js';
import {createMailbox} from './mailbox.js';
import {resolveRateLimits} from './rate-limit.js';

/**
 * @param {{port?: number, host?: string, databasePath?: string, databaseUrl?: string, trustedOrigins?: string[],
 *   production?: boolean, log?: boolean, logLevel?: 'debug' | 'info' | 'warn' | 'error',
 *   secret?: string, trustedProxyHeader?: string,
 *   rateLimit?: import('./rate-limit.js').RateLimitOptions,
 *   oidcProviders?: import('./auth.js').OidcProviderOptions[],
 *   devIdentity?: {port?: number, host?: string, strictPort?: boolean}}} [options]
 *   `databaseUrl` (postgres://…) selects PostgreSQL, else SQLite at `databasePath`.
 *   `devIdentity`: also start Dev Identity (dev-oidc/dev-identity.js) for this server; refused in production.
 *   Throws ConfigurationError (before binding the port) when production lacks a proper secret,
 *   asks for Dev Identity, or the database cannot be opened.
 * @returns {Promise<{url: string, database: string, close: () => Promise<void>, mailbox: import('./mailbox.js').Mailbox, devIdentity?: string}>}
 *   `devIdentity`: Dev Identity's issuer URL, when it runs.
 */
export async function startServer({
  port = 3000,
  host = '127.0.0.1',
  databasePath = '.data/auth.db',
  databaseUrl,
  trustedOrigins = [],
  production = process.env.NODE_ENV === 'production',
  log = true,
  logLevel,
  secret = process.env.BETTER_AUTH_SECRET,
  trustedProxyHeader = process.env.TRUSTED_PROXY_HEADER,
  rateLimit,
  oidcProviders = oidcProvidersFromEnv(),
  devIdentity,
} = {}) {
  // Settings errors (and a database that cannot be opened) surface here, before the port is taken.
  checkSecret({production, secret});
  if (production && devIdentity) throw new ConfigurationError('Dev Identity (DEV_OIDC) is for development only: it signs in anyone; unset DEV_OIDC in production');
  normalizeProxyHeader(trustedProxyHeader);
  resolveRateLimits(rateLimit, production);
  const db = await openDatabase({databasePath, databaseUrl});
  /** @type {ReturnType<typeof createRequestHandler> | undefined} */
  let handle;
  const server = createServer((req, res) => {
    if (handle) handle(req, res);
    else {
      res.statusCode = 503;
      res.end();
    }
  });
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve(undefined));
    });
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  const mailbox = createMailbox({log});
  /** @type {Awaited<ReturnType<typeof startDevIdentity>> | undefined} */
  let dev;
  try {
    // The provider first: the API reads its discovery document when it starts.
    // The pages on other origins come back there from the API's callback.
    if (devIdentity) dev = await startDevIdentity({...devIdentity, baseURL: url, pageOrigins: trustedOrigins});
    const providers = [...oidcProviders, ...(dev ? [dev.oidcProvider] : [])];
    const auth = await createAuth({
      database: db.database,
      baseURL: url,
      trustedOrigins,
      mailbox,
      logLevel,
      secret,
      production,
      rateLimit,
      oidcProviders: providers,
      enterpriseProviders: dev ? [dev.enterpriseProvider] : [],
    });
    handle = createRequestHandler({auth, mailbox, production, trustedOrigins, trustedProxyHeader});
  } catch (error) {
    server.close();
    await dev?.close().catch(() => {});
    await db.close().catch(() => {});
    throw error;
  }
  const {close: closeDatabase, description} = db;
  return {
    url,
    mailbox,
    database: description,
    devIdentity: dev?.issuer,
    close: async () => {
      await new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve(undefined)));
        server.closeAllConnections();
      });
      await dev?.close();
      await closeDatabase();
    },
  };
}

/**
 * startServer's options from environment variables (see the top of this file).
 * @param {Record<string, string | undefined>} env
 */
export function optionsFromEnv(env) {
  const port = env.PORT?.trim() ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigurationError(`PORT must be a port number from 0 to 65535 (got "${env.PORT}")`);
  const trustedOrigins = (env.TRUSTED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      /** @type {URL | undefined} */
      let parsed;
      try {
        parsed = new URL(origin);
      } catch {}
      if (!parsed || !/^https?:$/.test(parsed.protocol)) {
        throw new ConfigurationError(`TRUSTED_ORIGINS: "${origin}" is not an origin (write it like https://app.example.com or http://localhost:5173)`);
      }
      return parsed.origin;
    });
  if (env.NODE_ENV === 'production' && env.DEV_OIDC?.trim() && !['0', 'false', 'off', 'no'].includes(env.DEV_OIDC.trim().toLowerCase())) {
    throw new ConfigurationError('DEV_OIDC: Dev Identity is for development only (it signs in anyone); unset it when NODE_ENV=production');
  }
  return {
    port,
    devIdentity: devIdentityFromEnv(env, {byDefault: false}),
    host: env.HOST?.trim() || '127.0.0.1',
    databasePath: env.DATABASE_PATH?.trim() || '.data/auth.db',
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    trustedOrigins,
    production: env.NODE_ENV === 'production',
    secret: env.BETTER_AUTH_SECRET,
    trustedProxyHeader: env.TRUSTED_PROXY_HEADER,
  };
}

/**
 * Starts the server from the environment, says where it listens, and stops cleanly on SIGINT or
 * SIGTERM. A configuration error (or a port in use) is printed without a stack trace and the
 * process exits with status 1.
 * @param {Record<string, string | undefined>} [env]
 */
export async function main(env = process.env) {
  try {
    const options = optionsFromEnv(env);
    const server = await startServer(options);
    console.log(`Auth API on ${server.url}/api/auth` + (options.production ? '' : ` · dev mailbox ${server.url}/__mail`));
    console.log(`Database: ${server.database}`);
    if (options.trustedOrigins.length) console.log(`Trusted origins: ${options.trustedOrigins.join(', ')}`);
    if (server.devIdentity) console.log(`Dev Identity (development OpenID Connect provider): ${server.devIdentity} · provider id dev-oidc`);
    if (options.trustedProxyHeader?.trim()) console.log(`Client address from: ${options.trustedProxyHeader.trim()} (rightmost entry)`);
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      server.close().then(
        () => process.exit(0),
        (error) => {
          console.error('auth-elements-server:', error);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return server;
  } catch (error) {
    const code = /** @type {{code?: string}} */ (error).code;
    if (error instanceof ConfigurationError) console.error(`auth-elements-server: ${error.message}`);
    else if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      console.error(`auth-elements-server: cannot listen on ${env.HOST || '127.0.0.1'}:${env.PORT || 3000} (${code}); set PORT (and HOST) to a free address`);
    } else throw error;
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
