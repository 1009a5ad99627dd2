import {expect} from '@open-wc/testing';
import {runAdapterContract, expectAuthError} from './adapter-contract.js';
import {runAccountContract} from './adapter-contract-account.js';
import {MemoryAdapter} from './memory.js';

let counter = 0;
const uniqueEmail = () => `user${++counter}.${Date.now()}@example.com`;

runAdapterContract('memory', () => {
  const adapter = new MemoryAdapter({capabilities: {socialProviders: ['github']}});
  return {adapter, readLatestCode: async (email) => adapter.latestCode(email), uniqueEmail};
});

describe('MemoryAdapter', () => {
  it('signs in seeded users, verified by default', async () => {
    const adapter = new MemoryAdapter({users: [{name: 'Ada', email: 'Ada@Example.com', password: 'lovelace1', imageUrl: 'a.png'}]});
    const info = await adapter.signInWithPassword({email: 'ada@example.com', password: 'lovelace1'});
    expect(info.user.name).to.equal('Ada');
    expect(info.user.imageUrl).to.equal('a.png');
    expect(info.user.emailVerified).to.equal(true);
  });

  it('keeps the signed-in state per instance', async () => {
    const users = [{name: 'Bo', email: 'bo@example.com', password: 'secret123'}];
    const a = new MemoryAdapter({users});
    const b = new MemoryAdapter({users});
    await a.signInWithPassword({email: 'bo@example.com', password: 'secret123'});
    expect(await a.getSession()).to.not.equal(null);
    expect(await b.getSession()).to.equal(null);
  });

  it('expires codes after codeTtlMs', async () => {
    const adapter = new MemoryAdapter({codeTtlMs: 20});
    await adapter.signUp({name: 'E', email: 'e@example.com', password: 'secret123'});
    const code = adapter.latestCode('e@example.com')!;
    await new Promise((r) => setTimeout(r, 40));
    await expectAuthError(adapter.verifyEmail('e@example.com', code), 'code_expired');
  });

  it('waits `latency` ms per call', async () => {
    const adapter = new MemoryAdapter({latency: 50});
    const start = performance.now();
    await adapter.getSession();
    expect(performance.now() - start).to.be.at.least(45);
  });

  it('takes capability overrides', () => {
    const adapter = new MemoryAdapter({capabilities: {socialProviders: ['github'], organizations: false}});
    expect(adapter.capabilities.socialProviders).to.deep.equal(['github']);
    expect(adapter.capabilities.organizations).to.equal(false);
    expect(adapter.capabilities.passwordPolicy.minLength).to.equal(8);
  });

  it('signs in with a listed social provider as one verified user, created on first use', async () => {
    const adapter = new MemoryAdapter({capabilities: {socialProviders: ['github', 'google']}});
    const first = await adapter.signInWithSocial('github', 'http://localhost/');
    if (!('session' in first)) throw new Error('expected a session');
    expect(first.session.user.name).to.equal('Github User');
    expect(first.session.user.email).to.equal('github.user@example.com');
    expect(first.session.user.emailVerified).to.equal(true);
    await adapter.signOut();
    const again = await adapter.signInWithSocial('github', 'http://localhost/');
    expect('session' in again && again.session.user.id).to.equal(first.session.user.id);
    const google = await adapter.signInWithSocial('google', 'http://localhost/');
    expect('session' in google && google.session.user.email).to.equal('google.user@example.com');
    await expectAuthError(adapter.signInWithPassword({email: 'github.user@example.com', password: ''}), 'invalid_credentials');
    await expectAuthError(adapter.signInWithSocial('apple', 'http://localhost/'), 'unsupported');
  });

  it('records mail with the code', async () => {
    const adapter = new MemoryAdapter();
    await adapter.signUp({name: 'M', email: 'm@example.com', password: 'secret123'});
    const [mail] = adapter.mailbox;
    expect(mail.to).to.equal('m@example.com');
    expect(mail.text).to.contain(mail.code);
    expect(mail.code).to.match(/^\d{6}$/);
  });
});

runAccountContract('memory', () => {
  const adapter = new MemoryAdapter({capabilities: {socialProviders: ['github']}});
  return {
    adapter,
    readLatestCode: async (email) => adapter.latestCode(email),
    uniqueEmail,
    secondDevice: () => adapter.newDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile/15E148 Safari/604.1'),
    ageSession: async (device) => (device as MemoryAdapter).ageSession(2 * 86400),
  };
});
