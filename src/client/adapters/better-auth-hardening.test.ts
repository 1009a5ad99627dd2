// What the better-auth adapter must never mistake for success, and how it keeps a session it
// could not yet end.
import {expect} from '@open-wc/testing';
import {createUser, uniqueEmail} from '../../../test/real-server.js';
import {AuthClient} from '../auth-client.js';
import {expectAuthError} from './adapter-contract.js';
import {BetterAuthAdapter} from './better-auth.js';
import {apiSession, apiUser, credentials, json, stubbed} from './better-auth-stub.js';

type Call = (adapter: BetterAuthAdapter) => Promise<unknown>;

/** Successful (200) answers of the wrong shape, per endpoint: each is `malformed_response`. */
const WRONG_SHAPES: Array<[endpoint: string, body: unknown, call: Call]> = [
  ['/sign-out', {data: {success: true}}, (a) => a.signOut()],
  ['/sign-out', {success: false}, (a) => a.signOut()],
  ['/sign-out', {}, (a) => a.signOut()],
  ['/sign-in/email', {}, (a) => a.signInWithPassword(credentials)],
  ['/sign-in/email', {user: apiUser}, (a) => a.signInWithPassword(credentials)],
  ['/sign-in/email', {token: 'tok'}, (a) => a.signInWithPassword(credentials)],
  ['/sign-in/email', {twoFactorRedirect: false}, (a) => a.signInWithPassword(credentials)],
  ['/sign-up/email', {}, (a) => a.signUp({name: 'A', ...credentials})],
  ['/sign-up/email', {token: null}, (a) => a.signUp({name: 'A', ...credentials})],
  ['/email-otp/verify-email', {}, (a) => a.verifyEmail(credentials.email, '123456')],
  ['/email-otp/verify-email', {status: false}, (a) => a.verifyEmail(credentials.email, '123456')],
  ['/email-otp/send-verification-otp', {}, (a) => a.sendVerificationCode(credentials.email)],
  ['/email-otp/send-verification-otp', {success: 'yes'}, (a) => a.sendVerificationCode(credentials.email)],
  ['/email-otp/request-password-reset', {ok: true}, (a) => a.requestPasswordReset(credentials.email)],
  ['/email-otp/check-verification-otp', {}, (a) => a.checkPasswordResetCode(credentials.email, '123456')],
  ['/email-otp/reset-password', {status: true}, (a) => a.resetPassword(credentials.email, '123456', 'newpass123')],
];

describe('BetterAuthAdapter: a wrong-shaped success is an error', () => {
  for (const [endpoint, body, call] of WRONG_SHAPES) {
    it(`${endpoint} answering ${JSON.stringify(body)} is malformed_response`, async () => {
      const {adapter} = stubbed((url) => (url.endsWith('/get-session') ? json({session: apiSession, user: apiUser}) : json(body)));
      await expectAuthError(call(adapter), 'malformed_response');
    });
  }

  it('a wrong-shaped sign-out leaves the client signed in and says so', async () => {
    const {adapter} = stubbed((url) => (url.endsWith('/get-session') ? json({session: apiSession, user: apiUser}) : json({data: {success: true}})));
    const client = new AuthClient({adapter, syncTabs: false, retry: false});
    await client.ready;
    expect(client.state.status).to.equal('signed-in');
    const reported: string[] = [];
    client.onError((error) => reported.push(error.code));
    await expectAuthError(client.signOut(), 'malformed_response');
    expect(client.state.status).to.equal('signed-in');
    expect(reported).to.deep.equal(['malformed_response']);
  });
});

describe('BetterAuthAdapter: sessions the browser cannot keep', () => {
  it('cookie mode: a sign-in whose cookie was not kept is cookies_blocked, suggesting bearer mode', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const {adapter} = stubbed((url) => (url.endsWith('/get-session') ? json(null) : json({token: 'tok', user: apiUser})));
      const error = await expectAuthError(adapter.signInWithPassword(credentials), 'cookies_blocked');
      expect(error.message).to.contain('mode="bearer"');
      expect(warnings.join(' ')).to.contain('another site');
    } finally {
      console.warn = warn;
    }
  });

  it('bearer mode: the same answer is malformed_response (the token came with it)', async () => {
    const {adapter} = stubbed((url) => (url.endsWith('/get-session') ? json(null) : json({token: 'tok', user: apiUser})), 'bearer');
    await expectAuthError(adapter.signInWithPassword(credentials), 'malformed_response');
  });
});

describe('BetterAuthAdapter: bearer sign-out', () => {
  it('a sign-out retried after a network failure still revokes the server session', async () => {
    const email = uniqueEmail('bearer-retry');
    await createUser('Retry Rita', email, 'retrying123');
    let offline = false;
    let token: string | null = null;
    const adapter = new BetterAuthAdapter({
      baseURL: '/api/auth',
      mode: 'bearer',
      fetch: async (input, init) => {
        if (offline) throw new TypeError('Failed to fetch');
        const response = await fetch(input, init);
        token = response.headers.get('set-auth-token') ?? token;
        return response;
      },
    });
    await adapter.signInWithPassword({email, password: 'retrying123'});
    expect(token).to.be.a('string');
    offline = true;
    await expectAuthError(adapter.signOut(), 'network');
    offline = false;
    await adapter.signOut();
    expect(await adapter.getSession()).to.equal(null);
    // The server no longer knows the session: the token opens nothing.
    const check = await fetch('/api/auth/get-session', {headers: {authorization: `Bearer ${token}`}});
    expect(await check.json()).to.equal(null);
  });

  it('a 429 on sign-out keeps the session and says how long to wait', async () => {
    let limited = true;
    const {adapter, calls} = stubbed((url) => {
      if (url.endsWith('/sign-in/email')) return json({token: 'tok', user: apiUser}, {headers: {'set-auth-token': 'bearer-tok'}});
      if (url.endsWith('/get-session')) return json({session: apiSession, user: apiUser});
      if (limited) return new Response('', {status: 429, headers: {'x-retry-after': '42'}});
      return json({success: true});
    }, 'bearer');
    await adapter.signInWithPassword(credentials);
    const error = await expectAuthError(adapter.signOut(), 'rate_limited');
    expect(error.retryAfter).to.equal(42);
    limited = false;
    await adapter.signOut();
    const retried = calls.filter((call) => call.url.endsWith('/sign-out')).at(-1)!;
    expect((retried.init.headers as Record<string, string>).authorization).to.equal('Bearer bearer-tok');
  });
});

describe('BetterAuthAdapter: tokenStorage', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  const api = (url: string) => {
    if (url.endsWith('/sign-in/email')) return json({token: 'tok', user: apiUser}, {headers: {'set-auth-token': 'kept-token'}});
    if (url.endsWith('/get-session')) return json({session: apiSession, user: apiUser});
    return json({success: true});
  };

  it('"session" keeps the bearer token across a reload of the tab, and forgets it on sign-out', async () => {
    const {adapter} = stubbed(api, 'bearer', [], {tokenStorage: 'session'});
    await adapter.signInWithPassword(credentials);
    expect(Object.values({...sessionStorage})).to.deep.equal(['kept-token']);
    // A reload: a new adapter on the same API finds the session.
    const {adapter: reloaded, calls} = stubbed(api, 'bearer', [], {tokenStorage: 'session'});
    expect((await reloaded.getSession())?.user.email).to.equal(apiUser.email);
    expect((calls[0].init.headers as Record<string, string>).authorization).to.equal('Bearer kept-token');
    await reloaded.signOut();
    expect(sessionStorage.length).to.equal(0);
  });

  it('the default keeps it in memory only', async () => {
    const {adapter} = stubbed(api, 'bearer');
    await adapter.signInWithPassword(credentials);
    expect(sessionStorage.length).to.equal(0);
    const {adapter: reloaded, calls} = stubbed(api, 'bearer');
    expect(await reloaded.getSession()).to.equal(null);
    expect(calls).to.have.length(0);
  });

  it('cookie mode never stores a token, whatever tokenStorage says', async () => {
    const {adapter} = stubbed(api, 'cookie', [], {tokenStorage: 'session'});
    await adapter.signInWithPassword(credentials);
    expect(sessionStorage.length).to.equal(0);
  });
});

describe('BetterAuthAdapter: a batch of invitations refused part-way', () => {
  const organization = {id: 'o1', name: 'Engines', slug: 'engines', logo: null, createdAt: '2025-01-01T00:00:00.000Z'};
  const invitation = (email: string) => ({id: `i-${email}`, organizationId: 'o1', email, role: 'member', status: 'pending', expiresAt: '2099-01-01T00:00:00.000Z', inviterId: 'u1'});

  /** The API invites the first `allowed` addresses, then answers `refusal`. */
  function api(allowed: number, refusal: () => Response) {
    let sent = 0;
    return stubbed(async (url, init) => {
      if (url.endsWith('/get-session')) return json({session: apiSession, user: apiUser});
      if (url.endsWith('/organization/list')) return json([organization]);
      if (url.endsWith('/organization/invite-member')) {
        const {email} = JSON.parse(String(init.body)) as {email: string};
        return sent++ < allowed ? json(invitation(email)) : refusal();
      }
      return json({});
    });
  }
  const emails = ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com'];

  it('a 429 keeps the invitations sent and lists the rest as rate_limited, without trying them', async () => {
    const {adapter, calls} = api(2, () => json({message: 'Too many requests'}, {status: 429, headers: {'retry-after': '30'}}));
    const result = await adapter.inviteMembers('o1', {emails, role: 'member'});
    expect(result.invited.map((i) => i.email)).to.deep.equal(['a@example.com', 'b@example.com']);
    expect(result.failed).to.deep.equal([
      {email: 'c@example.com', code: 'rate_limited'},
      {email: 'd@example.com', code: 'rate_limited'},
    ]);
    expect(calls.filter((call) => call.url.endsWith('/invite-member')).length).to.equal(3);
  });

  it('a failure before anything was sent fails the whole call', async () => {
    const {adapter} = api(0, () => json({message: 'boom'}, {status: 500}));
    await expectAuthError(adapter.inviteMembers('o1', {emails, role: 'member'}), 'server');
  });
});
