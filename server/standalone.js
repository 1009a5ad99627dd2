/**
 * `npm run server`: the reference identity API on its own port, for pages on other origins.
 *
 *   PORT (3000)  HOST (127.0.0.1)  DATABASE_PATH (.data/auth.db)
 *   TRUSTED_ORIGINS  comma-separated origins allowed with CORS (e.g. http://localhost:5173)
 *   BETTER_AUTH_SECRET  required when NODE_ENV=production (≥ 32 characters: openssl rand -base64 32)
 *   TRUSTED_PROXY_HEADER  header a reverse proxy sets to the client address (e.g. x-forwarded-for);
 *                         unset, rate limits key on the socket's peer address
 */
import {createServer} from 'node:http';
import {pathToFileURL} from 'node:url';
import {createAuth} from './auth.js';
import {normalizeProxyHeader} from './client-ip.js';
import {ConfigurationError, checkSecret} from './config.js';
import {createRequestHandler} from './http.js';
import {createMailbox} from './mailbox.js';
import {resolveRateLimits} from './rate-limit.js';

/**
 * @param {{port?: number, host?: string, databasePath?: string, trustedOrigins?: string[],
 *   production?: boolean, log?: boolean, logLevel?: 'debug' | 'info' | 'warn' | 'error',
 *   secret?: string, trustedProxyHeader?: string,
 *   rateLimit?: import('./rate-limit.js').RateLimitOptions}} [options]
 *   Throws ConfigurationError (before binding the port) when production lacks a proper secret.
 * @returns {Promise<{url: string, close: () => Promise<void>, mailbox: import('./mailbox.js').Mailbox}>}
 */
export async function startServer({
  port = 3000,
  host = '127.0.0.1',
  databasePath = '.data/auth.db',
  trustedOrigins = [],
  production = process.env.NODE_ENV === 'production',
  log = true,
  logLevel,
  secret = process.env.BETTER_AUTH_SECRET,
  trustedProxyHeader = process.env.TRUSTED_PROXY_HEADER,
  rateLimit,
} = {}) {
  // Settings errors surface here, before the port is taken.
  checkSecret({production, secret});
  normalizeProxyHeader(trustedProxyHeader);
  resolveRateLimits(rateLimit, production);
  /** @type {ReturnType<typeof createRequestHandler> | undefined} */
  let handle;
  const server = createServer((req, res) => {
    if (handle) handle(req, res);
    else {
      res.statusCode = 503;
      res.end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  const mailbox = createMailbox({log});
  try {
    const auth = await createAuth({databasePath, baseURL: url, trustedOrigins, mailbox, logLevel, secret, production, rateLimit});
    handle = createRequestHandler({auth, mailbox, production, trustedOrigins, trustedProxyHeader});
  } catch (error) {
    server.close();
    throw error;
  }
  return {
    url,
    mailbox,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const trustedOrigins = (process.env.TRUSTED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  try {
    const {url} = await startServer({
      port: Number(process.env.PORT ?? 3000),
      host: process.env.HOST ?? '127.0.0.1',
      databasePath: process.env.DATABASE_PATH ?? '.data/auth.db',
      trustedOrigins,
    });
    console.log(`Auth API on ${url}/api/auth` + (process.env.NODE_ENV === 'production' ? '' : ` · dev mailbox ${url}/__mail`));
    if (trustedOrigins.length) console.log(`Trusted origins: ${trustedOrigins.join(', ')}`);
    if (process.env.TRUSTED_PROXY_HEADER) console.log(`Client address from: ${process.env.TRUSTED_PROXY_HEADER} (rightmost entry)`);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`auth-elements server: ${error.message}`);
    process.exit(1);
  }
}
