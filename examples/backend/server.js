// A backend of your own behind the elements, in plain Node: it trusts a request only after
// verifying its bearer token (the page's `client.getToken()`) against the identity API's JWKS,
// and only then reads the token's `org` claim (docs/backend.md, "Tokens for your own API").
//
//   GET /api/reports   200 with the active organization's reports when org.permissions has
//                      reports:read; 403 without it (or for the personal account, org: null);
//                      401 without a token, or with one that does not verify (malformed,
//                      expired, another issuer or audience, signed by another key); 503
//                      when the JWKS cannot be fetched.
//
// Run it: node server.js (JWKS_URL, ISSUER, AUDIENCE, PORT, ALLOWED_ORIGINS; see README.md).
import {createServer} from 'node:http';
import {pathToFileURL} from 'node:url';
import {createRemoteJWKSet, errors, jwtVerify} from 'jose';

export const PERMISSION = 'reports:read';

/**
 * The request handler.
 * @param {{jwksUrl: string | URL, issuer: string, audience: string, allowedOrigins?: string[]}} options
 *   `jwksUrl`: the identity API's JWKS (`{basePath}/jwks`); `issuer`, `audience`: what the
 *   tokens must say (better-auth: the API's baseURL, unless its jwt options say otherwise);
 *   `allowedOrigins`: pages on other origins that may call this backend (CORS).
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function createBackend({jwksUrl, issuer, audience, allowedOrigins = []}) {
  if (!jwksUrl || !issuer || !audience) throw new TypeError('createBackend needs jwksUrl, issuer and audience');
  // Fetched on first use and cached; fetched again for a key id it does not know (rotation).
  const jwks = createRemoteJWKSet(new URL(jwksUrl));

  return async function handle(req, res) {
    const origin = req.headers.origin;
    if (origin && allowedOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {'Access-Control-Allow-Methods': 'GET', 'Access-Control-Allow-Headers': 'authorization', 'Access-Control-Max-Age': '600'});
        return void res.end();
      }
    }
    const {pathname} = new URL(req.url ?? '/', 'http://backend');
    if (pathname !== '/api/reports') return send(res, 404, {error: 'not_found'});
    if (req.method !== 'GET') return send(res, 405, {error: 'method_not_allowed'}, {Allow: 'GET'});

    const token = /^Bearer +([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return send(res, 401, {error: 'unauthenticated'}, {'WWW-Authenticate': 'Bearer'});
    /** @type {import('jose').JWTPayload} */
    let claims;
    try {
      // Signature (a key of the JWKS), expiry, issuer and audience; nothing is read before this.
      ({payload: claims} = await jwtVerify(token, jwks, {issuer, audience}));
    } catch (error) {
      // The JWKS could not be fetched: the token may be fine, the identity API is not.
      if (!(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout) return send(res, 503, {error: 'jwks_unavailable'});
      return send(res, 401, {error: 'invalid_token'}, {'WWW-Authenticate': 'Bearer error="invalid_token"'});
    }
    const org = /** @type {{id?: unknown, slug?: unknown, permissions?: unknown} | null | undefined} */ (claims.org);
    if (!org || !Array.isArray(org.permissions) || !org.permissions.includes(PERMISSION)) {
      return send(res, 403, {error: 'forbidden', permission: PERMISSION});
    }
    return send(res, 200, {
      organization: {id: org.id, slug: org.slug},
      reports: [
        {id: 'revenue', title: 'Revenue by month'},
        {id: 'signups', title: 'New accounts by week'},
      ],
    });
  };
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
function send(res, status, body, headers = {}) {
  res.writeHead(status, {'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers});
  res.end(JSON.stringify(body));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const api = process.env.AUTH_ORIGIN ?? 'http://127.0.0.1:3000';
  const handler = createBackend({
    jwksUrl: process.env.JWKS_URL ?? `${api}/api/auth/jwks`,
    issuer: process.env.ISSUER ?? api,
    audience: process.env.AUDIENCE ?? api,
    allowedOrigins: (process.env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
  });
  const port = Number(process.env.PORT ?? 4000);
  createServer(handler).listen(port, '127.0.0.1', () => console.log(`Example backend on http://127.0.0.1:${port}/api/reports`));
}
