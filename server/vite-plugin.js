/**
 * Vite plugin: mounts the reference identity API (and the dev mailbox) in the dev and
 * preview servers, so `npm start` serves the demo and its API on one origin.
 */
import {createAuth} from './auth.js';
import {createRequestHandler} from './http.js';
import {createMailbox} from './mailbox.js';

/**
 * @param {{databasePath?: string, databaseUrl?: string, trustedOrigins?: string[], trustedProxyHeader?: string,
 *   rateLimit?: import('./rate-limit.js').RateLimitOptions}} [options]
 *   `databaseUrl` (default env DATABASE_URL): a postgres:// URL puts the data in PostgreSQL
 *   instead of the SQLite file `databasePath` (default env DATABASE_PATH, else .data/auth.db).
 *   `trustedProxyHeader` (default env TRUSTED_PROXY_HEADER) and `rateLimit`: see http.js and
 *   rate-limit.js; limits are on, with the development defaults unless NODE_ENV=production.
 * @returns {import('vite').Plugin}
 */
export function authServer({
  databasePath = process.env.DATABASE_PATH ?? '.data/auth.db',
  databaseUrl = process.env.DATABASE_URL || undefined,
  trustedOrigins = [],
  trustedProxyHeader = process.env.TRUSTED_PROXY_HEADER,
  rateLimit,
} = {}) {
  const mailbox = createMailbox();
  /** @type {Promise<ReturnType<typeof createRequestHandler>> | undefined} */
  let handler;

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
      const auth = await createAuth({
        databasePath,
        databaseUrl,
        baseURL,
        trustedOrigins: [...new Set([baseURL, ...origins, ...trustedOrigins])],
        mailbox,
        rateLimit,
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

  return {
    name: 'auth-elements:server',
    configureServer(server) {
      server.middlewares.use(middleware(server, server.config.server.port));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(server, server.config.preview.port));
    },
  };
}
