/**
 * Vite plugin: mounts the reference identity API (and the dev mailbox) in the dev and
 * preview servers, so `npm start` serves the demo and its API on one origin. Unless
 * NODE_ENV=production (or DEV_OIDC=0), it also runs Dev Identity, the development OpenID
 * Connect provider (dev-oidc/), on its own port (DEV_OIDC_PORT, default 5180, else any free
 * one), registered with the API as the genericOAuth provider `dev-oidc`; both start with the
 * API, on the first request to it, and stop with the server.
 */
import {createAuth, oidcProvidersFromEnv} from './auth.js';
import {devIdentityFromEnv, startDevIdentity} from './dev-oidc/dev-identity.js';
import {createRequestHandler} from './http.js';
import {createMailbox} from './mailbox.js';

/**
 * @param {{databasePath?: string, databaseUrl?: string, trustedOrigins?: string[], trustedProxyHeader?: string,
 *   rateLimit?: import('./rate-limit.js').RateLimitOptions,
 *   devIdentity?: {port?: number, host?: string, strictPort?: boolean} | false}} [options]
 *   `databaseUrl` (default env DATABASE_URL): a postgres:// URL puts the data in PostgreSQL
 *   instead of the SQLite file `databasePath` (default env DATABASE_PATH, else .data/auth.db).
 *   `trustedProxyHeader` (default env TRUSTED_PROXY_HEADER) and `rateLimit`: see http.js and
 *   rate-limit.js; limits are on, with the development defaults unless NODE_ENV=production.
 *   `devIdentity`: where Dev Identity listens, or false for none; default from the environment
 *   (DEV_OIDC, DEV_OIDC_PORT, DEV_OIDC_HOST; see dev-oidc/dev-identity.js), never in production.
 * @returns {import('vite').Plugin}
 */
export function authServer({
  databasePath = process.env.DATABASE_PATH ?? '.data/auth.db',
  databaseUrl = process.env.DATABASE_URL || undefined,
  trustedOrigins = [],
  trustedProxyHeader = process.env.TRUSTED_PROXY_HEADER,
  rateLimit,
  devIdentity = devIdentityFromEnv(process.env, {byDefault: true}),
} = {}) {
  const mailbox = createMailbox();
  /** @type {Promise<ReturnType<typeof createRequestHandler>> | undefined} */
  let handler;
  /** @type {Promise<Awaited<ReturnType<typeof startDevIdentity>> | undefined> | undefined} */
  let identity;
  let closed = false;

  /**
   * @param {{config: import('vite').ResolvedConfig, resolvedUrls: import('vite').ResolvedServerUrls | null}} server
   * @param {number | undefined} configuredPort
   */
  const getHandler = (server, configuredPort) =>
    (handler ??= (async () => {
      const local = server.resolvedUrls?.local[0];
      const port = local ? Number(new URL(local).port) : (configuredPort ?? Number(process.env.PORT ?? 5173));
      const origins = ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${port}`);
      const baseURL = local ? new URL(local).origin : origins[0];
      // The provider first: the API reads its discovery document when it starts.
      // Without it (its port taken, say) the API still serves, without the dev-oidc button.
      identity =
        devIdentity && !closed
          ? startDevIdentity({...devIdentity, baseURL}).catch((error) => {
              server.config.logger.error(`  Dev Identity did not start (${error.code ?? error.message}); set DEV_OIDC_PORT to a free port, or DEV_OIDC=0`);
              return undefined;
            })
          : Promise.resolve(undefined);
      const dev = await identity;
      if (dev) server.config.logger.info(`  Dev Identity (OpenID Connect, development only): ${dev.issuer}`);
      const auth = await createAuth({
        databasePath,
        databaseUrl,
        baseURL,
        trustedOrigins: [...new Set([baseURL, ...origins, ...trustedOrigins])],
        mailbox,
        rateLimit,
        oidcProviders: [...oidcProvidersFromEnv(), ...(dev ? [dev.oidcProvider] : [])],
        // Dev Identity is also the enterprise provider of every @enterprise.test address.
        enterpriseProviders: dev ? [dev.enterpriseProvider] : [],
      });
      return createRequestHandler({auth, mailbox, trustedOrigins, trustedProxyHeader});
    })());

  /** @type {(server: any, port: number | undefined) => import('vite').Connect.NextHandleFunction} */
  const middleware = (server, port) => (req, res, next) => {
    const path = req.url?.split('?')[0] ?? '';
    if (!path.startsWith('/api/auth/') && path !== '/__mail' && path !== '/__mail.json') return next();
    getHandler(server, port).then(
      (handle) => handle(req, res, next),
      (error) => next(error),
    );
  };

  /** Stops Dev Identity with the server (when the API started it). */
  const stopWith = (/** @type {import('node:http').Server | import('node:http2').Http2SecureServer | null} */ httpServer) =>
    httpServer?.once('close', () => {
      closed = true;
      identity?.then((dev) => dev?.close()).catch(() => {});
    });

  return {
    name: 'auth-elements:server',
    configureServer(server) {
      stopWith(server.httpServer);
      server.middlewares.use(middleware(server, server.config.server.port));
    },
    configurePreviewServer(server) {
      stopWith(server.httpServer);
      server.middlewares.use(middleware(server, server.config.preview.port));
    },
  };
}
