/**
 * A development OpenID Connect provider (the `oidc-provider` package) on its own port, for
 * trying social and enterprise sign-in without a real identity provider: a sign-in page where
 * any email signs in (the account id derives from the email), a consent screen (Allow / Deny),
 * and plain pages with one stylesheet under a strict Content-Security-Policy. Everything is in
 * memory (oidc-provider's development adapter, a signing key made at start): never run it in
 * production. vite-plugin.js and standalone.js start it beside the API through dev-identity.js.
 */
import {readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import Provider from 'oidc-provider';
import {createAccounts} from './accounts.js';
import {providerConfiguration} from './configuration.js';
import {interactionRoutes} from './interactions.js';
import {STYLESHEET_PATH, pageCsp} from './views/layout.js';
import {errorPage} from './views/messages.js';

const STYLESHEET = readFileSync(new URL('./dev-oidc.css', import.meta.url));

/**
 * @param {{port?: number, host?: string, issuer?: string, clients: import('oidc-provider').ClientMetadata[], pageOrigins?: string[]}} options
 *   `port` (default 5180; 0 for any free port) and `host` (default 127.0.0.1): where it listens.
 *   `issuer`: its public URL when that is not `http://host:port` (behind a proxy).
 *   `clients`: the registered apps (client_id, client_secret, redirect_uris…).
 *   `pageOrigins`: the pages the apps send the browser back to after their callback (form-action
 *   covers the whole redirect chain of a form post, so those origins must be allowed too).
 * @returns {Promise<{issuer: string, discoveryUrl: string, close: () => Promise<void>}>}
 *   Rejects (with the listen error, e.g. EADDRINUSE) when the port cannot be taken.
 */
export async function startDevOidcProvider({port = 5180, host = '127.0.0.1', issuer, clients, pageOrigins = []}) {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const {port: boundPort} = /** @type {import('node:net').AddressInfo} */ (server.address());
  issuer ??= `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;

  const csp = pageCsp([...new Set([...clients.flatMap((client) => client.redirect_uris ?? []).map((uri) => new URL(uri).origin), ...pageOrigins])]);
  /** @param {import('node:http').ServerResponse} res @param {number} status @param {string} page */
  const sendPage = (res, status, page) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('Cache-Control', 'no-store');
    res.end(page);
  };

  const accounts = createAccounts();
  const provider = new Provider(
    issuer,
    providerConfiguration({
      clients,
      accounts,
      sendPage: (ctx, status, page) => {
        ctx.status = status;
        ctx.type = 'html';
        ctx.set('Content-Security-Policy', csp);
        ctx.set('Cache-Control', 'no-store');
        ctx.body = page;
      },
    }),
  );
  const handleProtocol = provider.callback();
  const handleInteraction = interactionRoutes({provider, accounts, sendPage});

  server.on('request', (req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', csp);
    if (req.url === STYLESHEET_PATH) {
      res.setHeader('Content-Type', 'text/css; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.end(STYLESHEET);
      return;
    }
    if (req.url === '/favicon.ico') {
      res.statusCode = 204; // no icon; and no 404 in the console
      res.end();
      return;
    }
    handleInteraction(req, res).then(
      (handled) => {
        if (!handled) handleProtocol(req, res);
      },
      (error) => {
        console.error('dev-oidc:', error);
        if (!res.headersSent) sendPage(res, 500, errorPage({message: 'The development provider failed; see the server log.'}));
      },
    );
  });

  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
