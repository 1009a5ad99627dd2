/**
 * One Node middleware for the reference API: better-auth under /api/auth, the dev mailbox
 * under /__mail (not in production), and optional CORS for trusted cross-origin pages.
 * It also tells better-auth who the client is (see client-ip.js), for its rate limits.
 */
import {toNodeHandler} from 'better-auth/node';
import {normalizeProxyHeader, stampClientAddress} from './client-ip.js';

const API_PREFIX = '/api/auth/';

/** @param {string} value */
const escapeHtml = (value) =>
  value.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c] ?? c);

/** @param {import('./mailbox.js').MailMessage[]} messages */
function renderMailPage(messages) {
  const items = messages
    .slice()
    .reverse()
    .map(
      (m) => `<article>
  <header><strong>${escapeHtml(m.subject)}</strong><br>To: ${escapeHtml(m.to)} · <time>${escapeHtml(m.createdAt)}</time></header>
  <pre>${escapeHtml(m.text)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5">
<title>Dev mailbox (${messages.length})</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
article{border:1px solid #d0d7de;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
header{color:#57606a}header strong{color:#1f2328}
pre{white-space:pre-wrap;word-break:break-all;font-size:1rem;margin:.5rem 0 0}
</style>
</head>
<body>
<h1>Dev mailbox</h1>
<p>Every email the development server would send, newest first. Refreshes every 5 seconds.</p>
${items || '<p><em>No messages yet.</em></p>'}
</body>
</html>
`;
}

/**
 * @param {{
 *   auth: {handler: (request: Request) => Promise<Response>},
 *   mailbox: import('./mailbox.js').Mailbox,
 *   production?: boolean,
 *   trustedOrigins?: string[],
 *   trustedProxyHeader?: string,
 * }} options
 *   `trustedProxyHeader` (default env TRUSTED_PROXY_HEADER, else none): the header a proxy in
 *   front of this server sets to the client's address, e.g. `x-forwarded-for`; its rightmost
 *   entry is taken. Without it the client is the socket's peer address, and forwarding headers
 *   are ignored. Set it only when every request comes through that proxy.
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: () => void) => void}
 */
export function createRequestHandler({
  auth,
  mailbox,
  production = process.env.NODE_ENV === 'production',
  trustedOrigins = [],
  trustedProxyHeader = process.env.TRUSTED_PROXY_HEADER,
}) {
  const authHandler = toNodeHandler(auth);
  const proxyHeader = normalizeProxyHeader(trustedProxyHeader);
  const allowed = new Set(trustedOrigins.map((origin) => new URL(origin).origin));

  return (req, res, next) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0];

    if (path.startsWith(API_PREFIX)) {
      const origin = req.headers.origin;
      if (origin && allowed.has(origin)) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Access-Control-Allow-Credentials', 'true');
        res.setHeader('Access-Control-Expose-Headers', 'set-auth-token, x-auth-elements-cookies, x-retry-after, retry-after');
        res.setHeader('Vary', 'Origin');
      }
      if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
        if (origin && allowed.has(origin)) {
          res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
          res.setHeader('Access-Control-Allow-Headers', 'content-type, authorization, x-auth-elements-cookies');
          res.setHeader('Access-Control-Max-Age', '600');
          res.statusCode = 204;
        } else {
          res.statusCode = 403;
        }
        res.end();
        return;
      }
      stampClientAddress(req, proxyHeader);
      authHandler(req, res).catch((error) => {
        console.error('[auth-server]', error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
      return;
    }

    if (!production && (path === '/__mail' || path === '/__mail.json')) {
      if (path === '/__mail.json' && req.method === 'GET') {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(mailbox.list()));
      } else if (path === '/__mail.json' && req.method === 'DELETE') {
        mailbox.clear();
        res.statusCode = 204;
        res.end();
      } else if (path === '/__mail' && req.method === 'GET') {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
        res.end(renderMailPage(mailbox.list()));
      } else {
        res.statusCode = 405;
        res.end();
      }
      return;
    }

    if (next) next();
    else {
      res.statusCode = 404;
      res.end();
    }
  };
}
