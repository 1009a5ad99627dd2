import {test} from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import {betterAuth} from 'better-auth';
import {getMigrations} from 'better-auth/db/migration';
import {emailOTP, genericOAuth} from 'better-auth/plugins';
import {createAuth} from './auth.js';
import {authElements, authElementsOptions} from './better-auth-plugin.js';
import {ConfigurationError} from './config.js';
import {createMailbox} from './mailbox.js';

const base = 'http://127.0.0.1:1';
const quiet = {logger: {disabled: true}};

/** @param {{handler: (request: Request) => Promise<Response>}} auth */
const capabilities = (auth, path = '/api/auth/auth-elements/capabilities') => auth.handler(new Request(`${base}${path}`));

/** @param {{handler: (request: Request) => Promise<Response>}} auth @param {Record<string, unknown>} body */
const signUp = (auth, body, path = '/api/auth/sign-up/email') =>
  auth.handler(new Request(`${base}${path}`, {method: 'POST', headers: {'content-type': 'application/json', origin: base}, body: JSON.stringify(body)}));

/** betterAuth on a fresh in-memory database, migrated. @param {import('better-auth').BetterAuthOptions} options */
async function migrated(options) {
  const auth = betterAuth(options);
  await (await getMigrations(auth.options)).runMigrations();
  return auth;
}

test('the reference server tells its capabilities: public, cacheable, computed from its options', async () => {
  const auth = await createAuth({
    databasePath: ':memory:',
    baseURL: base,
    mailbox: createMailbox({log: false}),
    logLevel: 'error',
    production: false,
    socialProviders: {github: {clientId: 'id', clientSecret: 'secret'}},
  });
  const res = await capabilities(auth);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  assert.deepEqual(await res.json(), {
    version: 1,
    emailPassword: true,
    emailVerification: true,
    passwordResetByCode: true,
    codeLength: 6,
    passwordPolicy: {minLength: 8, maxLength: 128, requireLetterAndDigit: true},
    socialProviders: ['github'],
    socialProviderNames: {},
    emailCode: true,
    phoneNumber: true,
    enterpriseSSO: true,
    organizations: true,
    // The kit's access control: better-auth's roles, with the custom reports:read for owners and admins.
    organizationRoles: {
      owner: ['invitation:cancel', 'invitation:create', 'member:create', 'member:delete', 'member:update', 'organization:delete', 'organization:update', 'reports:read'],
      admin: ['invitation:cancel', 'invitation:create', 'member:create', 'member:delete', 'member:update', 'organization:update', 'reports:read'],
      member: [],
    },
    multiFactor: true,
    trustedDeviceDays: 30,
    passkeys: true,
    multiSession: true,
    magicLink: true,
    profileImage: {maxBytes: 2 * 1024 * 1024, types: ['image/png', 'image/jpeg', 'image/webp', 'image/gif']},
    changeEmail: true,
    deleteAccount: true,
    freshAge: 86400,
  });
  // Also through auth.api, for servers that render pages themselves.
  assert.equal((await auth.api.authElementsCapabilities()).codeLength, 6);
});

test('a minimal better-auth with only the plugin: capabilities follow its own settings', async () => {
  const auth = await migrated({
    ...quiet,
    baseURL: base,
    basePath: '/auth',
    database: new Database(':memory:'),
    emailAndPassword: {enabled: true, minPasswordLength: 10, maxPasswordLength: 64},
    socialProviders: {google: {clientId: 'id', clientSecret: 'secret'}, github: {clientId: 'id', clientSecret: 'secret', enabled: false}},
    plugins: [
      emailOTP({otpLength: 8, async sendVerificationOTP() {}}),
      genericOAuth({
        config: [{providerId: 'acme', clientId: 'id', clientSecret: 'secret', authorizationUrl: 'https://idp.example/authorize', tokenUrl: 'https://idp.example/token'}],
      }),
      // A name for the generic provider; one for a provider the API does not have is left out.
      authElements({requireLetterAndDigit: false, profileImage: {maxBytes: 1000}, providerNames: {acme: 'Acme SSO', gone: 'Gone'}}),
    ],
    session: {freshAge: 60},
  });
  const res = await capabilities(auth, '/auth/auth-elements/capabilities');
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.deepEqual({...body, socialProviders: body.socialProviders.toSorted()}, {
    version: 1,
    emailPassword: true,
    emailVerification: false,
    passwordResetByCode: true,
    codeLength: 8,
    passwordPolicy: {minLength: 10, maxLength: 64, requireLetterAndDigit: false},
    socialProviders: ['acme', 'google'],
    socialProviderNames: {acme: 'Acme SSO'},
    emailCode: true,
    phoneNumber: false,
    enterpriseSSO: false,
    organizations: false,
    organizationRoles: {},
    multiFactor: false,
    trustedDeviceDays: 0,
    passkeys: false,
    multiSession: false,
    magicLink: false,
    profileImage: {maxBytes: 1000, types: ['image/png', 'image/jpeg', 'image/webp', 'image/gif']},
    changeEmail: false,
    deleteAccount: false,
    freshAge: 60,
  });
  // The rule is off: letters only are fine; the length check is better-auth's, from its options.
  assert.equal((await signUp(auth, {name: 'A', email: 'a@example.com', password: 'onlyletters'}, '/auth/sign-up/email')).status, 200);
  const short = await signUp(auth, {name: 'B', email: 'b@example.com', password: 'abc123456'}, '/auth/sign-up/email');
  assert.equal((await short.json()).code, 'PASSWORD_TOO_SHORT');
});

test('without email and password or emailOTP the capabilities say so', async () => {
  const auth = await migrated({...quiet, baseURL: base, database: new Database(':memory:'), plugins: [authElements()]});
  const body = await (await capabilities(auth)).json();
  assert.equal(body.emailPassword, false);
  assert.equal(body.passwordResetByCode, false);
  assert.equal(body.codeLength, 6);
  assert.deepEqual(body.passwordPolicy, {minLength: 8, maxLength: 128, requireLetterAndDigit: true});
  assert.deepEqual(body.socialProviders, []);
});

test('the plugin alone adds the password rule, INVALID_EMAIL and the taken-email answer', async () => {
  const auth = await migrated({
    ...quiet,
    baseURL: base,
    database: new Database(':memory:'),
    emailAndPassword: {enabled: true, minPasswordLength: 10},
    plugins: [authElements()],
  });
  const weak = await signUp(auth, {name: 'W', email: 'w@example.com', password: 'onlyletters'});
  assert.equal(weak.status, 400);
  assert.equal((await weak.json()).code, 'PASSWORD_TOO_WEAK');
  // Within better-auth's own bounds only: a short password keeps its own code.
  assert.equal((await (await signUp(auth, {name: 'W', email: 'w@example.com', password: 'abc12'})).json()).code, 'PASSWORD_TOO_SHORT');
  const invalid = await signUp(auth, {name: 'W', email: 'not-an-email', password: 'letters123'});
  assert.equal(invalid.status, 400);
  assert.equal((await invalid.json()).code, 'INVALID_EMAIL');
  assert.equal((await signUp(auth, {name: 'W', email: 'w@example.com', password: 'letters123'})).status, 200);
  const taken = await signUp(auth, {name: 'W', email: 'W@Example.com', password: 'letters123'});
  assert.equal(taken.status, 422);
  assert.equal((await taken.json()).code, 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL');

  // Off: better-auth's own answer, a generic success when emails must be verified.
  const discreet = await migrated({
    ...quiet,
    baseURL: base,
    database: new Database(':memory:'),
    emailAndPassword: {enabled: true, requireEmailVerification: true},
    plugins: [authElements({revealExistingAccounts: false})],
  });
  assert.equal((await signUp(discreet, {name: 'D', email: 'd@example.com', password: 'letters123'})).status, 200);
  assert.equal((await signUp(discreet, {name: 'D', email: 'd@example.com', password: 'letters123'})).status, 200);
});

test('authElementsOptions: features can be left out, codes and policy changed, emails go to sendEmail', async () => {
  /** @type {import('./better-auth-plugin.js').AuthElementsEmail[]} */
  const sent = [];
  const options = authElementsOptions({
    ...quiet,
    baseURL: base,
    database: new Database(':memory:'),
    sendEmail: (email) => void sent.push(email),
    codeLength: 8,
    passwordPolicy: {minLength: 12},
    organization: false,
    twoFactor: false,
    passkey: false,
    magicLink: {expiresIn: 600},
  });
  assert.deepEqual(
    options.plugins?.map((plugin) => plugin.id),
    ['email-otp', 'magic-link', 'multi-session', 'sso', 'auth-elements-identifier-rate-limit', 'bearer', 'one-time-token', 'jwt', 'auth-elements'],
  );
  // The breach check is off unless asked for (it needs api.pwnedpasswords.com).
  const checked = authElementsOptions({...quiet, baseURL: base, database: new Database(':memory:'), sendEmail: () => {}, breachedPasswords: true});
  assert.ok(checked.plugins?.some((plugin) => plugin.id === 'have-i-been-pwned'));
  assert.equal(options.rateLimit?.enabled, true);
  const auth = await migrated(options);
  const body = await (await capabilities(auth)).json();
  assert.equal(body.codeLength, 8);
  assert.deepEqual(body.passwordPolicy, {minLength: 12, maxLength: 128, requireLetterAndDigit: true});
  assert.equal(body.emailVerification, true);
  assert.equal(body.organizations, false);
  assert.equal(body.multiFactor, false);
  assert.equal(body.trustedDeviceDays, 0);
  assert.equal(body.passkeys, false);
  assert.equal(body.magicLink, true);

  assert.equal((await signUp(auth, {name: 'E', email: 'e@example.com', password: 'letters12345'})).status, 200);
  assert.equal(sent.length, 1);
  assert.equal(sent[0].to, 'e@example.com');
  assert.equal(sent[0].kind, 'email-verification');
  assert.match(sent[0].code ?? '', /^\d{8}$/);
  assert.ok(sent[0].text.includes(sent[0].code ?? '-'));

  assert.deepEqual(authElementsOptions({sendEmail() {}, rateLimit: false}).rateLimit, undefined);
  assert.throws(() => authElementsOptions(/** @type {any} */ ({})), ConfigurationError);
  assert.throws(() => authElementsOptions({sendEmail() {}, codeLength: 2}), ConfigurationError);
});
