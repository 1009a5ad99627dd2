// examples/backend (an integrator's own API behind the elements) against the reference
// server's real JWKS: it serves GET /api/reports only for a verified token whose org claim
// grants reports:read, and never believes a claim it could not verify.
import {test, mock} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair} from 'jose';
import {createBackend} from '../examples/backend/server.js';
import {httpServer} from './fixtures/http-people.js';

/** The backend on a port of its own. @param {Parameters<typeof createBackend>[0]} options */
async function backend(options) {
  const server = createServer(createBackend(options));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const {port} = /** @type {import('node:net').AddressInfo} */ (server.address());
  /** @param {string | null} token @param {{path?: string, method?: string, origin?: string}} [init] */
  const call = async (token, {path = '/api/reports', method = 'GET', origin} = {}) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {...(token !== null ? {authorization: `Bearer ${token}`} : {}), ...(origin ? {origin} : {})},
    });
    const text = await response.text();
    return {status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null};
  };
  return {call, close: () => new Promise((resolve) => server.close(() => resolve(undefined)))};
}

test('owner 200, member 403, personal account 403, no token or a forged one 401', async (t) => {
  const api = await httpServer();
  t.after(() => api.close());
  const reports = await backend({jwksUrl: `${api.api}/jwks`, issuer: api.url, audience: api.url, allowedOrigins: ['http://app.example']});
  t.after(() => reports.close());
  const member = await api.person('Max Member');
  const {owner, organizationId, slug} = await api.organization(member);
  const ownerToken = await owner.token();

  const allowed = await reports.call(ownerToken);
  assert.equal(allowed.status, 200);
  assert.deepEqual(allowed.body.organization, {id: organizationId, slug});
  assert.ok(allowed.body.reports.length > 0);
  assert.deepEqual(await reports.call(await member.token()).then((r) => [r.status, r.body]), [403, {error: 'forbidden', permission: 'reports:read'}]);

  const none = await reports.call(null);
  assert.deepEqual([none.status, none.body.error, none.headers.get('www-authenticate')], [401, 'unauthenticated', 'Bearer']);
  for (const bad of ['', 'not-a-jwt', 'aaa.bbb.ccc', `${ownerToken}x`]) assert.equal((await reports.call(bad)).status, 401, bad);

  // Forged: the owner's claims (reports:read) and the API's key id, signed by another key.
  const {privateKey} = await generateKeyPair('EdDSA');
  const forged = await new SignJWT(decodeJwt(ownerToken)).setProtectedHeader(decodeProtectedHeader(ownerToken)).sign(privateKey);
  assert.deepEqual(await reports.call(forged).then((r) => [r.status, r.body.error]), [401, 'invalid_token']);
  // Unsigned (alg: none) with the same claims.
  const encode = (/** @type {unknown} */ part) => Buffer.from(JSON.stringify(part)).toString('base64url');
  assert.equal((await reports.call(`${encode({alg: 'none', typ: 'JWT'})}.${encode(decodeJwt(ownerToken))}.`)).status, 401);
  // Another identity API's real token (its own keys), a member of its own organization's owner.
  const other = await httpServer();
  t.after(() => other.close());
  assert.equal((await reports.call(await (await other.organization()).owner.token())).status, 401);

  // The personal account (org: null) has no reports.
  await owner.call('/organization/set-active', {organizationId: null});
  assert.equal((await reports.call(await owner.token())).status, 403);

  // CORS for an allowed page; other routes and methods.
  const preflight = await reports.call(null, {method: 'OPTIONS', origin: 'http://app.example'});
  assert.deepEqual([preflight.status, preflight.headers.get('access-control-allow-origin'), preflight.headers.get('access-control-allow-headers')], [204, 'http://app.example', 'authorization']);
  assert.equal((await reports.call(ownerToken, {origin: 'http://evil.example'})).headers.get('access-control-allow-origin'), null);
  assert.equal((await reports.call(ownerToken, {path: '/api/other'})).status, 404);
  assert.equal((await reports.call(ownerToken, {method: 'POST'})).status, 405);
});

test('an expired token, or one for another audience, is 401; a JWKS that cannot be fetched is 503', async (t) => {
  const api = await httpServer();
  t.after(() => api.close());
  const reports = await backend({jwksUrl: `${api.api}/jwks`, issuer: api.url, audience: api.url});
  t.after(() => reports.close());
  const token = await (await api.organization()).owner.token();
  assert.equal((await reports.call(token)).status, 200);
  const elsewhere = await backend({jwksUrl: `${api.api}/jwks`, issuer: api.url, audience: 'https://other-api.example'});
  t.after(() => elsewhere.close());
  assert.equal((await elsewhere.call(token)).status, 401);

  // 16 minutes later (better-auth's tokens last 15).
  mock.timers.enable({apis: ['Date'], now: Date.now() + 16 * 60_000});
  t.after(() => mock.timers.reset());
  assert.deepEqual(await reports.call(token).then((r) => [r.status, r.body.error]), [401, 'invalid_token']);
  mock.timers.reset();

  const unreachable = await backend({jwksUrl: 'http://127.0.0.1:9/api/auth/jwks', issuer: api.url, audience: api.url});
  t.after(() => unreachable.close());
  assert.deepEqual(await unreachable.call(token).then((r) => [r.status, r.body.error]), [503, 'jwks_unavailable']);
});

test('createBackend wants the JWKS, the issuer and the audience', () => {
  assert.throws(() => createBackend(/** @type {any} */ ({jwksUrl: 'http://127.0.0.1/jwks', issuer: 'http://127.0.0.1'})), TypeError);
});
