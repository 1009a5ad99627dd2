import {expect} from '@open-wc/testing';
import {runAdapterContract, expectAuthError} from './adapter-contract.js';
import {runAccountContract} from './adapter-contract-account.js';
import {runConnectedAccountsContract} from './adapter-contract-connected.js';
import {runFactorsContract} from './adapter-contract-factors.js';
import {runOrganizationsContract} from './adapter-contract-organizations.js';
import {runPasswordlessContract} from './adapter-contract-passwordless.js';
import {runPhoneContract} from './adapter-contract-phone.js';
import {Secret, TOTP} from 'otpauth';
import {MemoryAdapter} from './memory.js';

let counter = 0;
const uniqueEmail = () => `user${++counter}.${Date.now()}@example.com`;

runPhoneContract('memory', () => {
  const adapter = new MemoryAdapter({capabilities: {phoneNumber: true}});
  return {
    adapter,
    readLatestCode: async (to) => adapter.latestCode(to),
    uniqueEmail,
    expirePhoneCode: async (_adapter, phoneNumber) => adapter.expireSignIn({phoneNumber}),
  };
});

runAdapterContract('memory', () => {
  const adapter = new MemoryAdapter({capabilities: {socialProviders: ['github']}});
  return {adapter, readLatestCode: async (email) => adapter.latestCode(email), uniqueEmail};
});

runPasswordlessContract('memory', () => {
  const adapter = new MemoryAdapter();
  return {
    adapter,
    readLatestCode: async (email) => adapter.latestCode(email),
    readLatestLink: async (email) => adapter.latestLink(email),
    uniqueEmail,
    expireCode: async (_adapter, email) => adapter.expireSignIn({email}),
    expireLink: async (_adapter, token) => adapter.expireSignIn({token}),
  };
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

runConnectedAccountsContract(
  'memory',
  () => {
    const adapter = new MemoryAdapter({capabilities: {socialProviders: ['github']}});
    return {adapter, readLatestCode: async (email) => adapter.latestCode(email), uniqueEmail, provider: 'github'};
  },
  {linksAtOnce: true},
);

runFactorsContract('memory', () => {
  const adapter = new MemoryAdapter();
  return {
    adapter,
    readLatestCode: async (email) => adapter.latestCode(email),
    uniqueEmail,
    issuer: 'Auth Elements',
    ageSession: async (device) => (device as MemoryAdapter).ageSession(2 * 86400),
    expireSecondFactor: async (device) => (device as MemoryAdapter).expireSecondFactor(),
  };
});

runOrganizationsContract('memory', () => {
  const adapter = new MemoryAdapter();
  return {
    adapter,
    readLatestCode: async (email) => adapter.latestCode(email),
    uniqueEmail,
    otherPerson: () => adapter.newDevice(),
    readInvitationUrl: async (email) => adapter.latestInvitationUrl(email),
    expireInvitation: async (id) => adapter.expireInvitation(id),
  };
});

describe('MemoryAdapter: two-step verification and passkeys', () => {
  const SECRET = 'JBSWY3DPEHPK3PXP';
  const TESS = {name: 'Tess', email: 'tess@example.com', password: 'twostep12', twoFactor: {secret: SECRET, backupCodes: ['aaaaa-11111', 'bbbbb-22222']}};

  it('seeds a user with two-step on: a known key, its backup codes, and code_used for a reused one', async () => {
    const adapter = new MemoryAdapter({users: [TESS]});
    await expectAuthError(adapter.signInWithPassword(TESS), 'two_factor_required');
    const code = await adapter.totpCode(TESS.email);
    expect(code).to.equal(TOTP.generate({secret: Secret.fromBase32(SECRET)}));
    expect((await adapter.verifySecondFactor({kind: 'totp', code: code!})).user.email).to.equal(TESS.email);
    expect((await adapter.getSignInMethods()).twoFactor).to.equal(true);
    await adapter.signOut();
    await expectAuthError(adapter.signInWithPassword(TESS), 'two_factor_required');
    await adapter.verifySecondFactor({kind: 'backup-code', code: 'aaaaa-11111'});
    expect(adapter.backupCodes(TESS.email)).to.deep.equal(['bbbbb-22222']);
    await adapter.signOut();
    await expectAuthError(adapter.signInWithPassword(TESS), 'two_factor_required');
    await expectAuthError(adapter.verifySecondFactor({kind: 'backup-code', code: 'aaaaa-11111'}), 'code_used');
  });

  it('trusts a device, not another one', async () => {
    const adapter = new MemoryAdapter({users: [TESS]});
    await expectAuthError(adapter.signInWithPassword(TESS), 'two_factor_required');
    await adapter.verifySecondFactor({kind: 'totp', code: (await adapter.totpCode(TESS.email))!, trustDevice: true});
    await adapter.signOut();
    await adapter.signInWithPassword(TESS);
    await expectAuthError(adapter.newDevice().signInWithPassword(TESS), 'two_factor_required');
  });

  it('without trustedDeviceDays, trustDevice changes nothing', async () => {
    const adapter = new MemoryAdapter({users: [TESS], capabilities: {trustedDeviceDays: 0}});
    await expectAuthError(adapter.signInWithPassword(TESS), 'two_factor_required');
    await adapter.verifySecondFactor({kind: 'totp', code: (await adapter.totpCode(TESS.email))!, trustDevice: true});
    await adapter.signOut();
    await expectAuthError(adapter.signInWithPassword(TESS), 'two_factor_required');
  });

  it('a half-done sign-in expires after codeTtlMs', async () => {
    const adapter = new MemoryAdapter({users: [TESS], codeTtlMs: 20});
    await expectAuthError(adapter.signInWithPassword(TESS), 'two_factor_required');
    await new Promise((resolve) => setTimeout(resolve, 40));
    await expectAuthError(adapter.verifySecondFactor({kind: 'totp', code: (await adapter.totpCode(TESS.email))!}), 'code_expired');
  });

  it('an account without a password sets up two-step on a fresh session', async () => {
    const adapter = new MemoryAdapter({capabilities: {socialProviders: ['github']}});
    await adapter.signInWithSocial('github', 'http://localhost/');
    const setup = await adapter.startTotpSetup();
    await adapter.confirmTotpSetup(TOTP.generate({secret: Secret.fromBase32(setup.secret)}));
    adapter.ageSession(2 * 86400);
    await expectAuthError(adapter.regenerateBackupCodes(), 'session_not_fresh');
    await expectAuthError(adapter.disableTwoFactor(), 'session_not_fresh');
    await adapter.reauthenticate('').catch(() => {});
    expect((await adapter.getSignInMethods()).twoFactor).to.equal(true);
  });

  it('a new setup while two-step is on is refused; new backup codes while it is off are unsupported', async () => {
    const adapter = new MemoryAdapter({users: [TESS, {name: 'Off', email: 'off@example.com', password: 'plain1234'}]});
    await adapter.signInWithPassword({email: 'off@example.com', password: 'plain1234'});
    await expectAuthError(adapter.regenerateBackupCodes('plain1234'), 'unsupported');
    await expectAuthError(adapter.signInWithPassword(TESS), 'two_factor_required');
    await adapter.verifySecondFactor({kind: 'totp', code: (await adapter.totpCode(TESS.email))!});
    await expectAuthError(adapter.startTotpSetup(TESS.password), 'unknown');
  });

  it('says unsupported when the capabilities are off', async () => {
    const adapter = new MemoryAdapter({users: [TESS], capabilities: {multiFactor: false, passkeys: false}});
    await expectAuthError(adapter.verifySecondFactor({kind: 'totp', code: '123456'}), 'unsupported');
    await expectAuthError(adapter.signInWithPasskey(), 'unsupported');
    await expectAuthError(adapter.signInWithPassword(TESS), 'two_factor_required');
    await adapter.newDevice().signInWithPassword({email: TESS.email, password: TESS.password}).catch(() => {});
  });

  it('seeds passkeys for the profile list, newest first', async () => {
    const adapter = new MemoryAdapter({
      users: [{name: 'P', email: 'p@example.com', password: 'passkey12', passkeys: [{name: 'MacBook', synced: true, lastUsedAt: new Date('2026-01-02')}, {name: null}]}],
    });
    await adapter.signInWithPassword({email: 'p@example.com', password: 'passkey12'});
    const list = await adapter.listPasskeys();
    expect(list.map((p) => [p.name, p.synced, p.lastUsedAt?.toISOString() ?? null])).to.deep.equal([
      ['MacBook', true, '2026-01-02T00:00:00.000Z'],
      [null, false, null],
    ]);
    await expectAuthError(adapter.renamePasskey('no-such-id', 'x'), 'passkey_not_found');
  });
});

describe('MemoryAdapter: organizations', () => {
  const OWNER = {name: 'Olga', email: 'olga@example.com', password: 'owner1234'};
  const MEMBER = {name: 'Mick', email: 'mick@example.com', password: 'member123'};

  it('seeds organizations with members and their roles', async () => {
    const adapter = new MemoryAdapter({users: [OWNER, MEMBER], organizations: [{name: 'Acme', slug: 'acme', members: [{email: OWNER.email, role: 'owner'}, {email: 'Mick@example.com', role: 'member'}]}]});
    await adapter.signInWithPassword(MEMBER);
    const [acme] = await adapter.listOrganizations();
    expect(acme).to.include({name: 'Acme', slug: 'acme'});
    expect(await adapter.getActiveMembership()).to.equal(null);
    const membership = await adapter.setActiveOrganization(acme.id);
    expect(membership).to.deep.include({role: 'member', permissions: []});
    expect((await adapter.listMembers(acme.id)).map((m) => [m.user.name, m.role])).to.deep.equal([['Olga', 'owner'], ['Mick', 'member']]);
  });

  it('refuses a seed that names someone who is not a seeded user', () => {
    expect(() => new MemoryAdapter({users: [OWNER], organizations: [{name: 'Acme', slug: 'acme', members: [{email: 'ghost@example.com', role: 'owner'}]}]})).to.throw(/ghost@example.com/);
  });

  it('mails invitations with a link to the page named by invitationUrl, and expires them after invitationTtlMs', async () => {
    const adapter = new MemoryAdapter({users: [OWNER, MEMBER], invitationUrl: 'https://app.example/join/{id}', invitationTtlMs: 20});
    await adapter.signInWithPassword(OWNER);
    const {organization} = await adapter.createOrganization({name: 'Acme', slug: 'acme'});
    const {invited} = await adapter.inviteMembers(organization.id, {emails: [MEMBER.email], role: 'admin'});
    expect(adapter.latestInvitationUrl(MEMBER.email)).to.equal(`https://app.example/join/${invited[0].id}`);
    expect(adapter.latestCode(MEMBER.email)).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 40));
    const invitee = adapter.newDevice();
    await invitee.signInWithPassword(MEMBER);
    await expectAuthError(invitee.acceptInvitation(invited[0].id), 'invitation_expired');
    expect(await invitee.listMyInvitations()).to.deep.equal([]);
  });

  it('only an owner invites an owner', async () => {
    const adapter = new MemoryAdapter({users: [OWNER, MEMBER], organizations: [{name: 'Acme', slug: 'acme', members: [{email: OWNER.email, role: 'owner'}, {email: MEMBER.email, role: 'admin'}]}]});
    await adapter.signInWithPassword(MEMBER);
    const [acme] = await adapter.listOrganizations();
    await expectAuthError(adapter.inviteMembers(acme.id, {emails: ['new@example.com'], role: 'owner'}), 'forbidden');
    expect((await adapter.inviteMembers(acme.id, {emails: ['new@example.com'], role: 'admin'})).invited).to.have.length(1);
  });

  it('says unsupported without capabilities.organizations', async () => {
    const adapter = new MemoryAdapter({users: [OWNER], capabilities: {organizations: false}});
    await adapter.signInWithPassword(OWNER);
    await expectAuthError(adapter.listOrganizations(), 'unsupported');
    await expectAuthError(adapter.createOrganization({name: 'Acme', slug: 'acme'}), 'unsupported');
  });
});
