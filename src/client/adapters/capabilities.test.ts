// Capabilities come from the API (the kit's better-auth plugin), with safe defaults without it.
import {expect} from '@open-wc/testing';
import {clientFor, html, mount} from '../../../test/helpers.js';
import type {AuthSignUp} from '../../elements/sign-up/sign-up.js';
import {AuthClient} from '../auth-client.js';
import {expectAuthError} from './adapter-contract.js';
import {BetterAuthAdapter} from './better-auth.js';
import {json, stubbed} from './better-auth-stub.js';

const API_CAPABILITIES = {
  version: 1,
  emailPassword: true,
  emailVerification: true,
  passwordResetByCode: true,
  codeLength: 8,
  passwordPolicy: {minLength: 12, maxLength: 64, requireLetterAndDigit: false},
  socialProviders: ['github', 'google'],
  organizations: false,
  multiFactor: false,
  multiSession: true,
  magicLink: false,
};

/** An API that answers its capabilities with `answer` (a body, or a Response) and nobody is signed in. */
const api = (answer: unknown) => (url: string) => {
  if (url.endsWith('/auth-elements/capabilities')) return answer instanceof Response ? answer : json(answer);
  return json(null);
};

describe('capabilities from the API', () => {
  it('reads them from GET /auth-elements/capabilities', async () => {
    const {adapter, calls} = stubbed(api(API_CAPABILITIES));
    await adapter.loadCapabilities();
    expect(calls[0].url).to.equal('https://auth.example.test/api/auth/auth-elements/capabilities');
    const {version: _version, ...expected} = API_CAPABILITIES;
    // A plugin from before the account fields, trusted devices, passkeys, sign-in codes,
    // texted codes, enterprise sign-in and provider names: those features are off.
    expect(adapter.capabilities).to.deep.equal({
      ...expected,
      profileImage: null,
      changeEmail: false,
      deleteAccount: false,
      freshAge: 86400,
      trustedDeviceDays: 0,
      passkeys: false,
      emailCode: false,
      phoneNumber: false,
      enterpriseSSO: false,
      socialProviderNames: {},
    });
  });

  it('reads texted codes', async () => {
    const {adapter} = stubbed(api({...API_CAPABILITIES, phoneNumber: true}));
    await adapter.loadCapabilities();
    expect(adapter.capabilities.phoneNumber).to.equal(true);
    const {adapter: bad} = stubbed(api({...API_CAPABILITIES, phoneNumber: 'yes'}));
    await expectAuthError(bad.loadCapabilities(), 'malformed_response');
  });

  it('reads sign-in codes and the names of providers', async () => {
    const {adapter} = stubbed(api({...API_CAPABILITIES, emailCode: true, socialProviders: ['dev-oidc'], socialProviderNames: {'dev-oidc': 'Dev Identity'}}));
    await adapter.loadCapabilities();
    expect(adapter.capabilities).to.deep.include({emailCode: true, socialProviderNames: {'dev-oidc': 'Dev Identity'}});
    const {adapter: bad} = stubbed(api({...API_CAPABILITIES, socialProviderNames: {'dev-oidc': ''}}));
    await expectAuthError(bad.loadCapabilities(), 'malformed_response');
  });

  it('reads trusted devices and passkeys', async () => {
    const {adapter} = stubbed(api({...API_CAPABILITIES, multiFactor: true, trustedDeviceDays: 7, passkeys: true}));
    await adapter.loadCapabilities();
    expect(adapter.capabilities).to.deep.include({multiFactor: true, trustedDeviceDays: 7, passkeys: true});
    const {adapter: bad} = stubbed(api({...API_CAPABILITIES, trustedDeviceDays: -1}));
    await expectAuthError(bad.loadCapabilities(), 'malformed_response');
  });

  it('reads the account fields: profile images, change of email, deletion, fresh-session age', async () => {
    const account = {profileImage: {maxBytes: 1000, types: ['image/png']}, changeEmail: true, deleteAccount: true, freshAge: 300};
    const {adapter} = stubbed(api({...API_CAPABILITIES, ...account}));
    await adapter.loadCapabilities();
    expect(adapter.capabilities).to.deep.include(account);
    const {adapter: bad} = stubbed(api({...API_CAPABILITIES, profileImage: {maxBytes: 1000, types: ['text/html; x']}}));
    await expectAuthError(bad.loadCapabilities(), 'malformed_response');
  });

  it('has no multi-session in bearer mode (the accounts live in cookies)', async () => {
    const {adapter} = stubbed(api(API_CAPABILITIES), 'bearer');
    await adapter.loadCapabilities();
    expect(adapter.capabilities.multiSession).to.equal(false);
  });

  it('offers only the social providers the page names, when it names them', async () => {
    const {adapter} = stubbed(api(API_CAPABILITIES), 'cookie', ['github']);
    await adapter.loadCapabilities();
    expect(adapter.capabilities.socialProviders).to.deep.equal(['github']);
    expect(adapter.capabilities.codeLength).to.equal(8);
  });

  it('keeps the defaults when the API has no capabilities endpoint (404)', async () => {
    const {adapter} = stubbed(api(new Response('', {status: 404})));
    const before = adapter.capabilities;
    await adapter.loadCapabilities();
    expect(adapter.capabilities).to.deep.equal(before);
    expect(adapter.capabilities.codeLength).to.equal(6);
  });

  it('refuses an answer of the wrong shape', async () => {
    const {adapter} = stubbed(api({...API_CAPABILITIES, codeLength: 'six'}));
    await expectAuthError(adapter.loadCapabilities(), 'malformed_response');
    expect(adapter.capabilities.codeLength).to.equal(6);
  });

  it('the client knows them by the time it knows who is signed in, and elements show them', async () => {
    const {adapter} = stubbed(api(API_CAPABILITIES));
    const el = await mount<AuthSignUp>(clientFor(adapter), html`<auth-sign-up></auth-sign-up>`, 'auth-sign-up');
    const rules = [...el.querySelectorAll('form li > span:first-of-type')].map((rule) => rule.textContent!.trim());
    expect(rules, 'the API asks for 12 characters and no letter-and-digit mix').to.deep.equal(['At least 12 characters']);
  });

  it('a failed answer keeps the defaults, and the client asks again on its next check', async () => {
    let down = true;
    const {adapter, calls} = stubbed((url) => {
      if (url.endsWith('/auth-elements/capabilities')) return down ? new Response('', {status: 502}) : json(API_CAPABILITIES);
      return json(null);
    });
    const warn = console.warn;
    console.warn = () => {};
    try {
      const client = new AuthClient({adapter, syncTabs: false, retry: false});
      await client.ready;
      expect(client.state.status).to.equal('signed-out');
      expect(client.capabilities.codeLength).to.equal(6);
      down = false;
      await client.refresh();
      expect(client.capabilities.codeLength).to.equal(8);
      await client.refresh();
      expect(calls.filter((call) => call.url.endsWith('/capabilities'))).to.have.length(2);
      client.dispose();
    } finally {
      console.warn = warn;
    }
  });
});

describe('capabilities of the reference server', () => {
  it('come from the real API through its endpoint', async () => {
    const adapter = new BetterAuthAdapter({baseURL: '/api/auth'});
    await adapter.loadCapabilities();
    expect(adapter.capabilities).to.deep.include({
      emailPassword: true,
      emailVerification: true,
      passwordResetByCode: true,
      codeLength: 6,
      socialProviders: ['github'],
      organizations: true,
      multiFactor: true,
      trustedDeviceDays: 30,
      passkeys: true,
      multiSession: true,
      magicLink: true,
    });
    expect(adapter.capabilities.passwordPolicy).to.deep.equal({minLength: 8, maxLength: 128, requireLetterAndDigit: true});
  });
});
