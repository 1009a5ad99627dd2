import {expect} from '@open-wc/testing';
import {AuthClient, type AccountSwitch} from './auth-client.js';
import {MemoryAdapter} from './adapters/memory.js';
import {AuthError} from './errors.js';
import type {AuthState} from './types.js';
import {parseUserAgent} from './user-agent.js';

const ADA = {name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical1'};
const BOB = {name: 'Bob Babbage', email: 'bob@example.com', password: 'difference2'};

describe('AuthClient.account', () => {
  const clients: AuthClient[] = [];
  afterEach(() => clients.splice(0).forEach((client) => client.dispose()));

  /** A client with Ada signed in, recording its states, errors and switches. */
  async function signedInClient(adapter = new MemoryAdapter({users: [ADA, BOB]})) {
    await adapter.signInWithPassword(ADA);
    const client = new AuthClient({adapter, syncTabs: false, retry: false});
    clients.push(client);
    await client.ready;
    const states: AuthState[] = [];
    const errors: AuthError[] = [];
    const switches: AccountSwitch[] = [];
    client.subscribe((state) => states.push(state));
    client.onError((error) => errors.push(error));
    client.onAccountSwitch((change) => switches.push(change));
    return {adapter, client, states, errors, switches};
  }

  it('a rename updates state.user at once, and subscribers hear it', async () => {
    const {client, states} = await signedInClient();
    const sessionId = client.session!.id;
    const user = await client.account.updateProfile({name: '<b>Ada</b>'});
    expect(user.name).to.equal('<b>Ada</b>');
    expect(client.user?.name).to.equal('<b>Ada</b>');
    expect(client.session?.id).to.equal(sessionId);
    expect(states.map((state) => state.user?.name)).to.deep.equal(['<b>Ada</b>']);
  });

  it('an image upload and removal update state.user.imageUrl', async () => {
    const {client} = await signedInClient();
    const canvas = new OffscreenCanvas(20, 20);
    canvas.getContext('2d')!.fillRect(0, 0, 20, 20);
    await client.account.uploadProfileImage(await canvas.convertToBlob({type: 'image/png'}));
    expect(client.user?.imageUrl).to.match(/^blob:/);
    await client.account.removeProfileImage();
    expect(client.user?.imageUrl).to.equal(null);
  });

  it('switching accounts emits the new state, then onAccountSwitch', async () => {
    const {adapter, client, switches, states} = await signedInClient();
    const [ada] = await client.account.listDeviceAccounts();
    // "Add account": a sign-in while signed in adds Bob and makes him active.
    await adapter.signInWithPassword(BOB);
    await client.refresh();
    expect(client.user?.email).to.equal(BOB.email);
    expect(switches.map((change) => [change.previous.email, change.user.email])).to.deep.equal([[ADA.email, BOB.email]]);

    await client.account.switchAccount(ada.sessionId);
    expect(client.user?.email).to.equal(ADA.email);
    expect(states.at(-1)?.user?.email).to.equal(ADA.email);
    expect(switches.at(-1)).to.deep.include({previous: switches[0].user});

    // Signing the active account out makes the other one active.
    await client.account.signOutAccount(ada.sessionId);
    expect(client.user?.email).to.equal(BOB.email);
    await client.account.signOutAllAccounts();
    expect(client.state.status).to.equal('signed-out');
  });

  it('deleting the account, or revoking the current session, signs the client out', async () => {
    const {client} = await signedInClient();
    await client.account.deleteAccount({password: ADA.password});
    expect(client.state.status).to.equal('signed-out');

    const other = await signedInClient(new MemoryAdapter({users: [ADA]}));
    await other.client.account.revokeSession(other.client.session!.id);
    expect(other.client.state.status).to.equal('signed-out');
  });

  it('failures reach onError and reject with the code; a stale session signs out', async () => {
    const {client, errors, adapter} = await signedInClient();
    let caught: unknown;
    await client.account.changePassword({currentPassword: 'nope nope 1', newPassword: 'another one 2'}).catch((error) => (caught = error));
    expect((caught as AuthError).code).to.equal('wrong_password');
    expect(errors.map((error) => error.code)).to.deep.equal(['wrong_password']);

    adapter.ageSession(3 * 86400);
    await client.account.requestEmailChange('new@example.com').catch(() => {});
    expect(errors.at(-1)?.code).to.equal('session_not_fresh');
    await client.account.reauthenticate(ADA.password);
    await client.account.requestEmailChange('new@example.com');
    const code = adapter.latestCode('new@example.com')!;
    await client.account.confirmEmailChange('new@example.com', code);
    expect(client.user?.email).to.equal('new@example.com');

    // Signed out elsewhere: the next call says session_expired and the client follows.
    await adapter.revokeSession(client.session!.id);
    await client.account.updateProfile({name: 'X'}).catch(() => {});
    expect(errors.at(-1)?.code).to.equal('session_expired');
    expect(client.state.status).to.equal('signed-out');
  });

  it('two-step verification: set up with a code from the app; the client follows a session the API replaced', async () => {
    /** Like better-auth: confirming and turning off open a new session for the changed account. */
    class ReplacingAdapter extends MemoryAdapter {
      override async confirmTotpSetup(code: string) {
        await super.confirmTotpSetup(code);
        await this.reauthenticate(ADA.password);
      }
      override async disableTwoFactor(password?: string) {
        await super.disableTwoFactor(password);
        await this.reauthenticate(ADA.password);
      }
    }
    const {client, adapter, errors} = await signedInClient(new ReplacingAdapter({users: [ADA]}));
    const setup = await client.account.startTotpSetup(ADA.password);
    expect(setup.uri).to.match(/^otpauth:\/\/totp\//);
    const before = client.session!.id;
    await client.account.confirmTotpSetup((await adapter.totpCode(ADA.email))!);
    expect((await client.account.getSignInMethods()).twoFactor).to.equal(true);
    expect(client.session!.id, 'a new session').to.not.equal(before);
    expect(client.session!.id, "the API's session").to.equal((await adapter.getSession())!.session.id);
    expect(await client.account.regenerateBackupCodes(ADA.password)).to.have.length(10);
    const confirmed = client.session!.id;
    await client.account.disableTwoFactor(ADA.password);
    expect(client.session!.id).to.not.equal(confirmed);
    expect(client.session!.id).to.equal((await adapter.getSession())!.session.id);
    expect(client.state.status).to.equal('signed-in');
    expect(errors).to.deep.equal([]);
  });

  it('passkeys: a closed prompt rejects with cancelled without reaching onError; other failures do', async () => {
    class ClosedPrompt extends MemoryAdapter {
      override async addPasskey(): Promise<never> {
        throw new AuthError('cancelled', 'NotAllowedError');
      }
    }
    const {client, errors} = await signedInClient(new ClosedPrompt({users: [{...ADA, passkeys: [{name: 'Laptop'}]}]}));
    let caught: unknown;
    await client.account.addPasskey('Phone').catch((error) => (caught = error));
    expect((caught as AuthError).code).to.equal('cancelled');
    expect(errors).to.deep.equal([]);
    const [laptop] = await client.account.listPasskeys();
    expect((await client.account.renamePasskey(laptop.id, 'Work')).name).to.equal('Work');
    await client.account.removePasskey(laptop.id);
    expect(await client.account.listPasskeys()).to.deep.equal([]);
    await client.account.renamePasskey(laptop.id, 'Gone').catch(() => {});
    expect(errors.map((error) => error.code)).to.deep.equal(['passkey_not_found']);
  });

  it('answers unsupported for a method the adapter lacks', async () => {
    const adapter = new MemoryAdapter({users: [ADA]});
    Object.defineProperty(adapter, 'listDeviceAccounts', {value: undefined});
    const {client, errors} = await signedInClient(adapter);
    let caught: unknown;
    await client.account.listDeviceAccounts().catch((error) => (caught = error));
    expect((caught as AuthError).code).to.equal('unsupported');
    expect(errors).to.have.length(1);
  });
});

describe('parseUserAgent', () => {
  const cases: Array<[string, string | null, string | null, string | null]> = [
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 'Chrome', 'Windows', 'desktop'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0', 'Edge', 'Windows', 'desktop'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari', 'macOS', 'desktop'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari', 'iOS', 'mobile'],
    ['Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1', 'Chrome', 'iPadOS', 'tablet'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36', 'Chrome', 'Android', 'mobile'],
    ['Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Safari/537.36', 'Samsung Internet', 'Android', 'tablet'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0', 'Firefox', 'Linux', 'desktop'],
    ['curl/8.5.0', null, null, null],
  ];
  for (const [ua, browser, os, deviceType] of cases) {
    it(`${browser ?? 'unknown'} on ${os ?? 'unknown'}`, () => {
      expect(parseUserAgent(ua)).to.deep.equal({browser, os, deviceType});
    });
  }
  it('says nothing for no user agent', () => expect(parseUserAgent(null)).to.deep.equal({browser: null, os: null, deviceType: null}));
});
