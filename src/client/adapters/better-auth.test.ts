import {expect} from '@open-wc/testing';
import {runAdapterContract, expectAuthError} from './adapter-contract.js';
import {runAccountContract} from './adapter-contract-account.js';
import {runConnectedAccountsContract} from './adapter-contract-connected.js';
import {runPasswordlessContract} from './adapter-contract-passwordless.js';
import {runPhoneContract} from './adapter-contract-phone.js';
import {runFactorsContract} from './adapter-contract-factors.js';
import {runOrganizationsContract} from './adapter-contract-organizations.js';
import {BetterAuthAdapter} from './better-auth.js';
import {apiSession, apiUser, credentials, json, stubbed} from './better-auth-stub.js';

/** The reference server is mounted in web-test-runner's dev server (web-test-runner.config.mjs). */
const baseURL = '/api/auth';

let counter = 0;
const uniqueEmail = () => `ba${++counter}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.com`;

async function readLatestCode(email: string): Promise<string | null> {
  const mail: Array<{to: string; text: string}> = await (await fetch('/__mail.json')).json();
  const last = mail.filter((m) => m.to === email.toLowerCase()).at(-1);
  return last?.text.match(/\b\d{6}\b/)?.[0] ?? null;
}

// Social providers and the rest come from the server's capabilities endpoint.
runAdapterContract('better-auth (cookie)', () => ({
  adapter: new BetterAuthAdapter({baseURL}),
  readLatestCode,
  uniqueEmail,
}));

runAdapterContract('better-auth (bearer)', () => ({
  adapter: new BetterAuthAdapter({baseURL, mode: 'bearer'}),
  readLatestCode,
  uniqueEmail,
}));

/** Another device: a bearer-mode adapter keeps its own token, apart from this browser's cookies. */
const secondDevice = () => new BetterAuthAdapter({baseURL, mode: 'bearer'});

/** Ages the adapter's session on the server (web-test-runner.config.mjs mounts /__test/age-session). */
async function ageSession(adapter: unknown) {
  const token = (adapter as {tokenStore: {token: string | null}}).tokenStore.token;
  const response = await fetch('/__test/age-session', {method: 'POST', headers: token ? {authorization: `Bearer ${token}`} : {}, credentials: token ? 'omit' : 'include'});
  expect(response.status, 'the session was aged').to.equal(204);
}

runAccountContract('better-auth (cookie)', () => ({adapter: new BetterAuthAdapter({baseURL}), readLatestCode, uniqueEmail, secondDevice, ageSession}));
runAccountContract('better-auth (bearer)', () => ({adapter: new BetterAuthAdapter({baseURL, mode: 'bearer'}), readLatestCode, uniqueEmail, secondDevice, ageSession}));

// The server's GitHub app builds an authorization URL; nothing can complete the round trip here (test/e2e does, with Dev Identity).
runConnectedAccountsContract('better-auth (cookie)', () => ({adapter: new BetterAuthAdapter({baseURL}), readLatestCode, uniqueEmail, provider: 'github'}), {linksAtOnce: false});
runConnectedAccountsContract('better-auth (bearer)', () => ({adapter: new BetterAuthAdapter({baseURL, mode: 'bearer'}), readLatestCode, uniqueEmail, provider: 'github'}), {linksAtOnce: false});

/** The newest sign-in link mailed to `email` (the reference server's dev mailbox). */
async function readLatestLink(email: string): Promise<string | null> {
  const mail: Array<{to: string; subject: string; text: string}> = await (await fetch('/__mail.json')).json();
  const last = mail.filter((message) => message.to === email.toLowerCase() && message.subject === 'Your sign-in link').at(-1);
  return last?.text.match(/https?:\/\/\S+/)?.[0] ?? null;
}

/** Makes a verification row (a sign-in code's `sign-in-otp-<email>`, a link's token) expire (web-test-runner.config.mjs). */
async function expireVerification(identifier: string) {
  const response = await fetch(`/__test/expire-verification?identifier=${encodeURIComponent(identifier)}`, {method: 'POST'});
  expect(response.status, 'it expired').to.equal(204);
}

for (const mode of ['cookie', 'bearer'] as const) {
  runPasswordlessContract(`better-auth (${mode})`, () => ({
    adapter: new BetterAuthAdapter({baseURL, mode}),
    readLatestCode,
    readLatestLink,
    uniqueEmail,
    expireCode: (_adapter, email) => expireVerification(`sign-in-otp-${email.toLowerCase()}`),
    expireLink: (_adapter, token) => expireVerification(token),
  }));
}

for (const mode of ['cookie', 'bearer'] as const) {
  runPhoneContract(`better-auth (${mode})`, () => ({
    adapter: new BetterAuthAdapter({baseURL, mode}),
    readLatestCode,
    uniqueEmail,
    // The phoneNumber plugin's verification row is named by the number.
    expirePhoneCode: (_adapter, phoneNumber) => expireVerification(phoneNumber),
  }));
}

/** Expires the half-done sign-in of this browser's two-factor cookie (web-test-runner.config.mjs). */
async function expireSecondFactor() {
  const response = await fetch('/__test/expire-two-factor', {method: 'POST', credentials: 'include'});
  expect(response.status, 'the sign-in was expired').to.equal(204);
}

/** The newest invitation link mailed to `email` (the reference server's dev mailbox). */
async function readInvitationUrl(email: string): Promise<string | null> {
  const mail: Array<{to: string; text: string}> = await (await fetch('/__mail.json')).json();
  for (const message of mail.toReversed()) {
    const url = message.to === email && /Accept the invitation: (\S+)/.exec(message.text)?.[1];
    if (url) return url;
  }
  return null;
}

const expireInvitation = async (id: string) => {
  const response = await fetch(`/__test/expire-invitation?id=${encodeURIComponent(id)}`, {method: 'POST'});
  expect(response.status, 'the invitation expired').to.equal(204);
};

// The owner in this browser's cookies, the other person in bearer mode (their own session).
runOrganizationsContract('better-auth (cookie + bearer)', () => ({adapter: new BetterAuthAdapter({baseURL}), readLatestCode, uniqueEmail, otherPerson: secondDevice, readInvitationUrl, expireInvitation}));

runFactorsContract('better-auth (cookie)', () => ({
  adapter: new BetterAuthAdapter({baseURL}),
  readLatestCode,
  uniqueEmail,
  ageSession,
  expireSecondFactor,
  issuer: 'Auth Elements',
}));

// Bearer mode: the plugins' cookies travel in the kit's relay header, never in the browser's jar.
runFactorsContract('better-auth (bearer)', () => {
  const adapter = new BetterAuthAdapter({baseURL, mode: 'bearer'});
  return {
    adapter,
    readLatestCode,
    uniqueEmail,
    ageSession,
    expireSecondFactor: async () => {
      const relayed = (adapter as unknown as {relayed: string}).relayed;
      const response = await fetch('/__test/expire-two-factor', {method: 'POST', credentials: 'omit', headers: {'x-auth-elements-cookies': relayed}});
      expect(response.status, 'the sign-in was expired').to.equal(204);
    },
    issuer: 'Auth Elements',
  };
});

describe('BetterAuthAdapter', () => {
  it('maps a network failure to `network`', async () => {
    const {adapter} = stubbed(() => Promise.reject(new TypeError('Failed to fetch')));
    await expectAuthError(adapter.signInWithPassword(credentials), 'network');
    await expectAuthError(adapter.getSession(), 'network');
  });

  it('maps a 5xx to `server`', async () => {
    const {adapter} = stubbed(() => new Response('<h1>Bad gateway</h1>', {status: 502}));
    const error = await expectAuthError(adapter.signInWithPassword(credentials), 'server');
    expect(error.status).to.equal(502);
    const {adapter: a500} = stubbed(() => json({code: 'INTERNAL'}, {status: 500}));
    await expectAuthError(a500.getSession(), 'server');
  });

  it('maps a body that is not JSON, or not the expected shape, to `malformed_response`', async () => {
    const {adapter} = stubbed(() => new Response('{"user": ', {status: 200}));
    await expectAuthError(adapter.signInWithPassword(credentials), 'malformed_response');
    const {adapter: wrongShape} = stubbed(() => json({session: {id: 1}, user: 'nobody'}));
    await expectAuthError(wrongShape.getSession(), 'malformed_response');
    const {adapter: noToken} = stubbed(() => json({token: ''}));
    await expectAuthError(noToken.getToken(), 'malformed_response');
  });

  it('maps a 429 to `rate_limited` with retryAfter', async () => {
    const {adapter} = stubbed(() => new Response('', {status: 429, headers: {'X-Retry-After': '42'}}));
    const error = await expectAuthError(adapter.requestPasswordReset('a@example.com'), 'rate_limited');
    expect(error.retryAfter).to.equal(42);
    const {adapter: standard} = stubbed(() => new Response('', {status: 429, headers: {'Retry-After': '7'}}));
    expect((await expectAuthError(standard.signInWithPassword(credentials), 'rate_limited')).retryAfter).to.equal(7);
  });

  it('maps API error codes and keeps the API code', async () => {
    const cases: Array<[string, number, string]> = [
      ['INVALID_EMAIL_OR_PASSWORD', 401, 'invalid_credentials'],
      ['EMAIL_NOT_VERIFIED', 403, 'email_not_verified'],
      ['USER_ALREADY_EXISTS', 422, 'email_taken'],
      ['USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL', 422, 'email_taken'],
      ['PASSWORD_TOO_SHORT', 400, 'password_too_short'],
      ['PASSWORD_TOO_LONG', 400, 'password_too_long'],
      ['PASSWORD_TOO_WEAK', 400, 'password_too_weak'],
      ['PASSWORD_COMPROMISED', 400, 'password_compromised'],
      ['INVALID_OTP', 400, 'invalid_code'],
      ['OTP_EXPIRED', 400, 'code_expired'],
      ['TOO_MANY_ATTEMPTS', 403, 'too_many_attempts'],
      ['INVALID_EMAIL', 400, 'invalid_email'],
      ['SOMETHING_NEW', 400, 'unknown'],
    ];
    for (const [apiCode, status, code] of cases) {
      const {adapter} = stubbed(() => json({code: apiCode, message: 'x'}, {status}));
      const error = await expectAuthError(adapter.signUp({name: 'A', ...credentials}), code as never);
      expect(error.apiCode).to.equal(apiCode);
      expect(error.status).to.equal(status);
    }
  });

  it('maps a 401 on an authenticated call to `session_expired`', async () => {
    let expired = false;
    const {adapter} = stubbed((url) => {
      if (url.endsWith('/get-session')) return json({session: apiSession, user: apiUser});
      if (url.endsWith('/token')) return expired ? new Response('', {status: 401}) : json({token: 'not.a.jwt'});
      return json({});
    });
    expect(await adapter.getSession()).to.not.equal(null);
    expired = true;
    await expectAuthError(adapter.getToken(), 'session_expired');
    // Once known to be signed out, a 401 from /token just means "no token".
    expect(await adapter.getToken()).to.equal(null);
  });

  it('starts a social sign-in with POST /sign-in/social and answers the redirect URL', async () => {
    const authorize = 'https://github.com/login/oauth/authorize?client_id=abc&state=xyz';
    const {adapter, calls} = stubbed(() => json({url: authorize, redirect: true}, {headers: {location: authorize}}), 'cookie', ['github']);
    const callbackURL = 'https://app.example.test/dashboard';
    expect(await adapter.signInWithSocial('github', callbackURL)).to.deep.equal({redirectUrl: authorize});
    expect(calls).to.have.length(1);
    const [{url, init}] = calls;
    expect(url).to.equal('https://auth.example.test/api/auth/sign-in/social');
    expect(init.method).to.equal('POST');
    expect((init.headers as Record<string, string>)['content-type']).to.equal('application/json');
    expect(init.credentials).to.equal('include');
    // A refusal comes back to the same page unless the caller names another.
    expect(JSON.parse(init.body as string)).to.deep.equal({provider: 'github', callbackURL, errorCallbackURL: callbackURL});
  });

  it('in bearer mode, starts at the API\'s social-start, the callback marked for a one-time token', async () => {
    const capabilities = {version: 1, emailPassword: true, emailVerification: true, passwordResetByCode: true, codeLength: 6, passwordPolicy: {minLength: 8, maxLength: 128, requireLetterAndDigit: true}, socialProviders: ['github'], organizations: false, multiFactor: false, multiSession: false, magicLink: false};
    const {adapter, calls} = stubbed((url) => json(url.endsWith('/auth-elements/capabilities') ? capabilities : null), 'bearer');
    await adapter.loadCapabilities();
    const {redirectUrl} = (await adapter.signInWithSocial('github', 'https://app.example.test/dashboard?tab=1', 'https://app.example.test/sign-in?auth-provider=github')) as {redirectUrl: string};
    const start = new URL(redirectUrl);
    expect(start.origin + start.pathname).to.equal('https://auth.example.test/api/auth/auth-elements/social-start');
    expect(Object.fromEntries(start.searchParams)).to.deep.equal({
      provider: 'github',
      callbackURL: 'https://app.example.test/dashboard?tab=1&auth-bearer=1',
      errorCallbackURL: 'https://app.example.test/sign-in?auth-provider=github',
    });
    // A navigation, not a request: only the capabilities were asked.
    expect(calls).to.have.length(1);
  });

  it('refuses a social redirect that is not http(s) as `malformed_response`', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'not a url', '']) {
      const {adapter} = stubbed(() => json({url, redirect: true}), 'cookie', ['github']);
      await expectAuthError(adapter.signInWithSocial('github', 'https://app.example.test/'), 'malformed_response');
    }
    const {adapter} = stubbed(() => json({redirect: true}), 'cookie', ['github']);
    await expectAuthError(adapter.signInWithSocial('github', 'https://app.example.test/'), 'malformed_response');
  });

  it('maps an unknown social provider to `unsupported`', async () => {
    const {adapter, calls} = stubbed(
      () => json({code: 'PROVIDER_NOT_FOUND', message: 'Provider not found'}, {status: 404}),
      'cookie',
      ['github'],
    );
    const error = await expectAuthError(adapter.signInWithSocial('github', 'https://app.example.test/'), 'unsupported');
    expect(error.apiCode).to.equal('PROVIDER_NOT_FOUND');
    expect(error.status).to.equal(404);
    // A provider the adapter was not configured with never reaches the API.
    await expectAuthError(adapter.signInWithSocial('gitlab', 'https://app.example.test/'), 'unsupported');
    expect(calls).to.have.length(1);
  });

  it('gets `unsupported` from the real server for a provider the server has not configured', async () => {
    // The adapter is told of google, but the test server has only a GitHub app.
    const adapter = new BetterAuthAdapter({baseURL, socialProviders: ['google']});
    const error = await expectAuthError(adapter.signInWithSocial('google', new URL('/', location.href).href), 'unsupported');
    expect(error.apiCode).to.equal('PROVIDER_NOT_FOUND');
  });

  it('sends cookies in cookie mode', async () => {
    const {adapter, calls} = stubbed(() => json(null));
    expect(await adapter.getSession()).to.equal(null);
    expect(calls[0].url).to.equal('https://auth.example.test/api/auth/get-session');
    expect(calls[0].init.credentials).to.equal('include');
  });

  it('caches the JWT until shortly before it expires, and forgets it on sign-out', async () => {
    const payload = (exp: number) => btoa(JSON.stringify({sub: 'u1', exp})).replace(/=+$/, '');
    let exp = Math.floor(Date.now() / 1000) + 900;
    const {adapter, calls} = stubbed((url) => {
      if (url.endsWith('/token')) return json({token: `h.${payload(exp)}.s`});
      if (url.endsWith('/get-session')) return json({session: apiSession, user: apiUser});
      return json({success: true});
    });
    const first = await adapter.getToken();
    expect(await adapter.getToken()).to.equal(first);
    expect(calls.filter((c) => c.url.endsWith('/token'))).to.have.length(1);

    exp = Math.floor(Date.now() / 1000) + 10; // within the refresh margin: not cached
    await adapter.signOut();
    const second = await adapter.getToken();
    expect(second).to.not.equal(first);
    await adapter.getToken();
    expect(calls.filter((c) => c.url.endsWith('/token'))).to.have.length(3);
  });

  it('keeps the bearer token in memory only', async () => {
    localStorage.clear();
    sessionStorage.clear();
    const cookiesBefore = document.cookie;
    const {adapter, calls} = stubbed((url) => {
      if (url.endsWith('/sign-in/email')) {
        return json({token: 'session-token', user: apiUser}, {headers: {'set-auth-token': 'signed.session-token'}});
      }
      if (url.endsWith('/get-session')) return json({session: apiSession, user: apiUser});
      if (url.endsWith('/token')) return json({token: 'jwt'});
      return json({success: true});
    }, 'bearer');

    expect(await adapter.getSession()).to.equal(null);
    expect(calls, 'no request without a token').to.have.length(0);

    await adapter.signInWithPassword(credentials);
    const sessionCall = calls.find((c) => c.url.endsWith('/get-session'))!;
    expect((sessionCall.init.headers as Record<string, string>).authorization).to.equal('Bearer signed.session-token');
    expect(sessionCall.init.credentials).to.equal('omit');
    expect(await adapter.getToken()).to.equal('jwt');

    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(0);
    expect(document.cookie).to.equal(cookiesBefore);

    await adapter.signOut();
    expect(await adapter.getSession()).to.equal(null);
    expect(await adapter.getToken()).to.equal(null);
  });

  it('says unsupported for two-step verification and passkeys when the API has neither', async () => {
    const {adapter, calls} = stubbed((url) =>
      url.endsWith('/auth-elements/capabilities')
        ? json({version: 1, emailPassword: true, emailVerification: true, passwordResetByCode: true, codeLength: 6, passwordPolicy: {minLength: 8, maxLength: 128, requireLetterAndDigit: true}, socialProviders: [], organizations: false, multiFactor: false, multiSession: false, magicLink: false})
        : json(null),
    );
    await adapter.loadCapabilities();
    calls.length = 0;
    await expectAuthError(adapter.verifySecondFactor({kind: 'totp', code: '123456'}), 'unsupported');
    await expectAuthError(adapter.signInWithPasskey(), 'unsupported');
    await expectAuthError(adapter.startTotpSetup('secret123'), 'unsupported');
    await expectAuthError(adapter.listPasskeys(), 'unsupported');
    await expectAuthError(adapter.addPasskey(), 'unsupported');
    expect(calls, 'nothing was asked of the API').to.deep.equal([]);
  });

  it('maps the two-factor plugin\'s answers to the kit\'s codes', async () => {
    const cases: Array<[string, number, string]> = [
      ['INVALID_CODE', 401, 'invalid_code'],
      ['INVALID_BACKUP_CODE', 401, 'invalid_code'],
      ['TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE', 400, 'too_many_attempts'],
      ['INVALID_TWO_FACTOR_COOKIE', 401, 'code_expired'],
    ];
    for (const [code, status, expected] of cases) {
      const {adapter} = stubbed(() => json({code, message: code}, {status}));
      await expectAuthError(adapter.verifySecondFactor({kind: 'backup-code', code: 'abcde-12345'}), expected as never);
    }
    // The account-wide lock after ten failures is a 429.
    const {adapter: locked} = stubbed(() => json({code: 'ACCOUNT_TEMPORARILY_LOCKED'}, {status: 429}));
    await expectAuthError(locked.verifySecondFactor({kind: 'totp', code: '123456'}), 'rate_limited');
    const {adapter: twoStep} = stubbed(() => json({twoFactorRedirect: true, twoFactorMethods: ['totp']}));
    await expectAuthError(twoStep.signInWithPassword(credentials), 'two_factor_required');
  });
});

describe('BetterAuthAdapter: organizations on an API without the kit plugin', () => {
  const org = {id: 'o1', name: 'Acme', slug: 'acme', logo: '', createdAt: '2025-01-01T00:00:00.000Z', metadata: '{}'};
  const answers = (role: string) => (url: string) => {
    const path = new URL(url).pathname.replace('/api/auth', '');
    if (path === '/auth-elements/capabilities') return new Response('', {status: 404});
    if (path === '/organization/get-active-member') return json({id: 'm1', organizationId: 'o1', userId: 'u1', role, createdAt: '2025-01-02T00:00:00.000Z'});
    if (path === '/organization/list') return json([org]);
    return json({code: 'NOT_STUBBED'}, {status: 500});
  };

  it('several roles count as the strongest, with the permissions of each (better-auth\'s defaults)', async () => {
    const {adapter} = stubbed(answers('member,admin'));
    const membership = await adapter.getActiveMembership();
    expect(membership?.role).to.equal('admin');
    expect(membership?.organization).to.deep.equal({id: 'o1', name: 'Acme', slug: 'acme', logoUrl: null, createdAt: new Date('2025-01-01T00:00:00.000Z')});
    expect(membership?.permissions).to.deep.equal(['invitation:cancel', 'invitation:create', 'member:create', 'member:delete', 'member:update', 'organization:update']);
  });

  it('a custom role the kit does not name counts as member, with no permissions it does not know', async () => {
    const {adapter} = stubbed(answers('billing'));
    expect(await adapter.getActiveMembership()).to.deep.include({role: 'member', permissions: []});
  });

  it('an unreadable answer is malformed_response', async () => {
    const {adapter} = stubbed((url) => (url.includes('/organization/list') ? json([{id: 'o1'}]) : json({code: 'NOT_STUBBED'}, {status: 500})));
    await expectAuthError(adapter.listOrganizations(), 'malformed_response');
  });
});
