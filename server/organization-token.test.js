// getToken()'s JWT (GET /api/auth/token) checked the way an integrator's backend checks it:
// verified against the API's JWKS over HTTP with jose (better-auth's own dependency), issuer and
// audience required, and then the `org` claim trusted (organization-claims.js).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createRemoteJWKSet, decodeJwt, jwtVerify} from 'jose';
import {betterAuth} from 'better-auth';
import Database from 'better-sqlite3';
import {getMigrations} from 'better-auth/db/migration';
import {authElementsOptions} from './better-auth-plugin.js';
import {httpServer} from './fixtures/http-people.js';

test('the token names the active organization, the role and its permissions, as the JWKS vouches', async (t) => {
  const server = await httpServer();
  t.after(() => server.close());
  const jwks = createRemoteJWKSet(new URL(`${server.api}/jwks`));
  /** What a backend reads from a token it verified. @param {string} token */
  const claims = async (token) => (await jwtVerify(token, jwks, {issuer: server.url, audience: server.url})).payload;

  const member = await server.person('Max Member');
  const personal = await claims(await member.token());
  assert.equal(personal.org, null, 'the personal account: org is null');
  assert.equal(personal.email, member.email, 'better-auth\'s payload (the user) is kept');

  const {owner, organizationId, slug, memberId} = await server.organization(member);
  const owners = await claims(await owner.token());
  assert.deepEqual(owners.org, {
    id: organizationId,
    slug,
    role: 'owner',
    permissions: ['invitation:cancel', 'invitation:create', 'member:create', 'member:delete', 'member:update', 'organization:delete', 'organization:update', 'reports:read'],
  });
  assert.equal(typeof owners.sub, 'string');
  assert.ok(typeof owners.exp === 'number' && owners.exp > Date.now() / 1000);
  // The same permissions the capabilities give the client (client.has()).
  const capabilities = (await owner.call('/auth-elements/capabilities')).body;
  assert.deepEqual(owners.org.permissions, capabilities.organizationRoles.owner);
  assert.deepEqual((await claims(await member.token())).org, {id: organizationId, slug, role: 'member', permissions: []});

  // A role change by the owner: the member's next token says admin.
  assert.equal((await owner.call('/organization/update-member-role', {memberId: memberId(member), role: 'admin', organizationId})).status, 200);
  const promoted = await claims(await member.token());
  assert.deepEqual(promoted.org, {id: organizationId, slug, role: 'admin', permissions: capabilities.organizationRoles.admin});
  assert.ok(promoted.org.permissions.includes('reports:read'));

  // Removed: the member's session still points at the organization, the token no longer names it.
  assert.equal((await owner.call('/organization/remove-member', {memberIdOrEmail: memberId(member), organizationId})).status, 200);
  assert.equal((await claims(await member.token())).org, null);

  // Switching to the personal account.
  assert.equal((await owner.call('/organization/set-active', {organizationId: null})).status, 200);
  assert.equal((await claims(await owner.token())).org, null);
});

test('a token for another issuer or audience, or signed by another key, does not verify', async (t) => {
  const server = await httpServer();
  t.after(() => server.close());
  const other = await httpServer();
  t.after(() => other.close());
  const jwks = createRemoteJWKSet(new URL(`${server.api}/jwks`));
  const {owner} = await server.organization();
  const token = await owner.token();
  await assert.rejects(jwtVerify(token, jwks, {issuer: 'https://elsewhere.example', audience: server.url}), {code: 'ERR_JWT_CLAIM_VALIDATION_FAILED'});
  await assert.rejects(jwtVerify(token, jwks, {issuer: server.url, audience: 'https://elsewhere.example'}), {code: 'ERR_JWT_CLAIM_VALIDATION_FAILED'});
  // Another API's token, whatever it claims, fails this API's keys.
  const foreign = await (await other.organization()).owner.token();
  assert.ok(decodeJwt(foreign).org);
  await assert.rejects(jwtVerify(foreign, jwks, {issuer: other.url, audience: other.url}));
});

test('an integrator\'s own jwt options stay in force: their payload gets org beside it, their issuer and expiry apply', async () => {
  const origin = 'http://localhost:3000';
  const auth = betterAuth(
    authElementsOptions({
      sendEmail() {},
      baseURL: origin,
      database: new Database(':memory:'),
      logger: {disabled: true},
      emailAndPassword: {requireEmailVerification: false},
      jwt: {jwt: {issuer: 'https://issuer.example', expirationTime: '5m', definePayload: ({user}) => ({uid: user.id, plan: 'pro'})}},
    }),
  );
  await (await getMigrations(auth.options)).runMigrations();
  const {headers} = await auth.api.signUpEmail({body: {name: 'Ivy', email: 'ivy@example.com', password: 'correct horse 1'}, returnHeaders: true});
  const cookie = headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = async () => (await auth.api.getToken({headers: new Headers({cookie})})).token;
  const personal = decodeJwt(await token());
  assert.deepEqual([personal.iss, personal.plan, personal.org, personal.email], ['https://issuer.example', 'pro', null, undefined]);
  assert.equal(/** @type {number} */ (personal.exp) - /** @type {number} */ (personal.iat), 300);
  const organization = await auth.api.createOrganization({body: {name: 'Mine', slug: 'mine'}, headers: new Headers({cookie})});
  assert.deepEqual(/** @type {any} */ (decodeJwt(await token())).org?.id, organization?.id);
});
