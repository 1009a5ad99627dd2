import {expect, waitUntil} from '@open-wc/testing';
import {AuthClient, type OrganizationSwitch} from './auth-client.js';
import {MemoryAdapter} from './adapters/memory.js';
import {AuthError} from './errors.js';
import type {AuthState} from './types.js';

const ADA = {name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical1'};
const BOB = {name: 'Bob Babbage', email: 'bob@example.com', password: 'difference2'};
const ENGINES = {name: 'Analytical Engines', slug: 'engines', members: [{email: ADA.email, role: 'owner' as const}, {email: BOB.email, role: 'member' as const}]};

describe('AuthClient.organizations', () => {
  const clients: AuthClient[] = [];
  afterEach(() => clients.splice(0).forEach((client) => client.dispose()));

  /** A client of `adapter` with `person` signed in, recording its states, errors and organization switches. */
  async function signedInClient(person = ADA, adapter = new MemoryAdapter({users: [ADA, BOB], organizations: [ENGINES]})) {
    await adapter.signInWithPassword(person);
    const client = new AuthClient({adapter, syncTabs: false, retry: false});
    clients.push(client);
    await client.ready;
    const states: AuthState[] = [];
    const errors: AuthError[] = [];
    const switches: OrganizationSwitch[] = [];
    client.subscribe((state) => states.push(state));
    client.onError((error) => errors.push(error));
    client.onOrganizationChange((change) => switches.push(change));
    return {adapter, client, states, errors, switches};
  }

  it('has() is false signed out, and true signed in only for what the active organization grants', async () => {
    const adapter = new MemoryAdapter({users: [ADA, BOB], organizations: [ENGINES]});
    const signedOut = new AuthClient({adapter, syncTabs: false, retry: false});
    clients.push(signedOut);
    await signedOut.ready;
    expect(signedOut.has()).to.equal(false);
    expect(signedOut.has({role: 'member'})).to.equal(false);

    const {client} = await signedInClient(ADA, adapter);
    // The personal account: signed in, but no role or permission anywhere.
    expect(client.membership).to.equal(null);
    expect(client.has()).to.equal(true);
    expect(client.has({role: ['owner', 'admin', 'member']})).to.equal(false);
    expect(client.has({permission: 'reports:read'})).to.equal(false);
  });

  it('switching to an organization puts the membership in the state, and has() follows the role', async () => {
    const {client, switches} = await signedInClient(BOB);
    const [engines] = await client.organizations.listOrganizations();
    await client.organizations.setActiveOrganization(engines.id);
    expect(client.membership?.organization.slug).to.equal('engines');
    expect(client.session?.activeOrganizationId).to.equal(engines.id);
    expect(client.has({role: 'member'})).to.equal(true);
    expect(client.has({role: 'admin'})).to.equal(false);
    expect(client.has({role: ['admin', 'member']})).to.equal(true);
    expect(client.has({permission: 'member:create'})).to.equal(false);
    // Both conditions must hold.
    expect(client.has({role: 'member', permission: 'reports:read'})).to.equal(false);
    expect(switches.map(({membership, previous}) => [previous?.organization.slug ?? null, membership?.organization.slug ?? null])).to.deep.equal([[null, 'engines']]);

    await client.organizations.setActiveOrganization(null);
    expect(client.membership).to.equal(null);
    expect(switches.at(-1)?.previous?.organization.slug).to.equal('engines');
  });

  it('creating an organization makes the person its owner there, with every permission', async () => {
    const {client} = await signedInClient(BOB);
    await client.organizations.createOrganization({name: '<img src=x onerror=alert(1)>', slug: 'bobs-shop'});
    expect(client.membership?.organization.name).to.equal('<img src=x onerror=alert(1)>');
    expect(client.has({role: 'owner', permission: ['organization:delete', 'member:create', 'reports:read']})).to.equal(true);
  });

  it('a client started on a session with an active organization has the membership in its first answer', async () => {
    const adapter = new MemoryAdapter({users: [ADA, BOB], organizations: [ENGINES]});
    const {client: first} = await signedInClient(ADA, adapter);
    const [engines] = await first.organizations.listOrganizations();
    await first.organizations.setActiveOrganization(engines.id);

    const reloaded = new AuthClient({adapter, syncTabs: false, retry: false});
    clients.push(reloaded);
    const seen: AuthState[] = [];
    reloaded.subscribe((state) => seen.push(state));
    await reloaded.ready;
    // Never signed in without it, then with it: content shown by role does not flip.
    expect(seen.map((state) => [state.status, state.membership?.role ?? null])).to.deep.equal([['signed-in', 'owner']]);
  });

  it("a role changed by someone else shows after the next session check; the person's own change at once", async () => {
    const adapter = new MemoryAdapter({users: [ADA, BOB], organizations: [ENGINES]});
    const {client: bob} = await signedInClient(BOB, adapter.newDevice());
    const [engines] = await bob.organizations.listOrganizations();
    await bob.organizations.setActiveOrganization(engines.id);
    const {client: ada} = await signedInClient(ADA, adapter);
    await ada.organizations.setActiveOrganization(engines.id);

    const members = await ada.organizations.listMembers(engines.id);
    const bobMember = members.find((member) => member.user.email === BOB.email)!;
    await ada.organizations.updateMemberRole(engines.id, bobMember.id, 'admin');
    expect(bob.has({permission: 'member:create'})).to.equal(false);
    await bob.refresh();
    expect(bob.has({role: 'admin', permission: 'member:create'})).to.equal(true);

    // Ada makes Bob an owner, and Bob demotes himself back to admin: his own state follows at once.
    await ada.organizations.updateMemberRole(engines.id, bobMember.id, 'owner');
    await bob.refresh();
    await bob.organizations.updateMemberRole(engines.id, bobMember.id, 'admin');
    expect(bob.membership?.role).to.equal('admin');
  });

  it('asks the adapter to forget a kept token whenever the organization or the role in it changes', async () => {
    const adapter = new MemoryAdapter({users: [ADA, BOB], organizations: [ENGINES]});
    const {client: bob, adapter: bobDevice} = await signedInClient(BOB, adapter.newDevice());
    let forgotten = 0;
    Object.assign(bobDevice, {forgetToken: () => void forgotten++});
    const [engines] = await bob.organizations.listOrganizations();
    await bob.organizations.setActiveOrganization(engines.id);
    expect(forgotten).to.equal(1);
    await bob.refresh();
    expect(forgotten, 'the same membership read again keeps the token').to.equal(1);

    const {client: ada} = await signedInClient(ADA, adapter);
    const bobMember = (await ada.organizations.listMembers(engines.id)).find((member) => member.user.email === BOB.email)!;
    await ada.organizations.updateMemberRole(engines.id, bobMember.id, 'admin');
    await bob.refresh();
    expect(forgotten).to.equal(2);
  });

  it('a role changed elsewhere shows when the tab is shown again (refreshOnShow), not sooner than asked', async () => {
    const adapter = new MemoryAdapter({users: [ADA, BOB], organizations: [ENGINES]});
    const bobDevice = adapter.newDevice();
    await bobDevice.signInWithPassword(BOB);
    const [engines] = await bobDevice.listOrganizations();
    await bobDevice.setActiveOrganization(engines.id);
    const bob = new AuthClient({adapter: bobDevice, syncTabs: false, retry: false, refreshOnShow: 0});
    const patient = new AuthClient({adapter: bobDevice, syncTabs: false, retry: false, refreshOnShow: 3600});
    clients.push(bob, patient);
    await Promise.all([bob.ready, patient.ready]);
    const {client: ada} = await signedInClient(ADA, adapter);
    const bobMember = (await ada.organizations.listMembers(engines.id)).find((member) => member.user.email === BOB.email)!;
    await ada.organizations.updateMemberRole(engines.id, bobMember.id, 'admin');

    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => bob.membership?.role === 'admin', 'the shown tab never read the new role');
    expect(patient.membership?.role, 'checked a moment ago: no new check yet').to.equal('member');
  });

  it('leaving or deleting the active organization goes back to the personal account', async () => {
    const adapter = new MemoryAdapter({users: [ADA, BOB], organizations: [ENGINES]});
    const {client: bob, switches} = await signedInClient(BOB, adapter.newDevice());
    const [engines] = await bob.organizations.listOrganizations();
    await bob.organizations.setActiveOrganization(engines.id);
    await bob.organizations.leaveOrganization(engines.id);
    expect(bob.membership).to.equal(null);
    expect(switches.map((change) => change.membership?.organization.slug ?? null)).to.deep.equal(['engines', null]);

    const {client: ada} = await signedInClient(ADA, adapter);
    const created = await ada.organizations.createOrganization({name: 'Short-lived', slug: 'short-lived'});
    await ada.organizations.deleteOrganization(created.organization.id);
    expect(ada.membership).to.equal(null);
  });

  it('renaming the active organization shows the new name in the state', async () => {
    const {client, states} = await signedInClient(ADA);
    const [engines] = await client.organizations.listOrganizations();
    await client.organizations.setActiveOrganization(engines.id);
    await client.organizations.updateOrganization(engines.id, {name: 'Difference Engines'});
    expect(client.membership?.organization.name).to.equal('Difference Engines');
    expect(states.at(-1)?.membership?.organization.name).to.equal('Difference Engines');
  });

  it('a refused call is reported and rejected with its code, and the state keeps what it had', async () => {
    const {client, errors} = await signedInClient(BOB);
    const [engines] = await client.organizations.listOrganizations();
    await client.organizations.setActiveOrganization(engines.id);
    const members = await client.organizations.listMembers(engines.id);
    const ada = members.find((member) => member.user.email === ADA.email)!;
    const error = await client.organizations.removeMember(engines.id, ada.id).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(AuthError);
    expect((error as AuthError).code).to.equal('forbidden');
    expect(errors.map((reported) => reported.code)).to.deep.equal(['forbidden']);
    expect(client.membership?.role).to.equal('member');
  });

  it('seeded invitations (for stories) are pending from the first owner; an expired one is refused', async () => {
    const seeded = {...ENGINES, members: [ENGINES.members[0]], invitations: [{id: 'welcome-bob', email: BOB.email, role: 'admin' as const}, {id: 'late-bob', email: BOB.email, role: 'member' as const, expired: true}]};
    const {client} = await signedInClient(BOB, new MemoryAdapter({users: [ADA, BOB], organizations: [seeded]}));
    const invitation = await client.organizations.getInvitation('welcome-bob');
    expect([invitation.role, invitation.inviterName, invitation.organization.slug]).to.deep.equal(['admin', ADA.name, 'engines']);
    const late = await client.organizations.getInvitation('late-bob').catch((caught: unknown) => caught);
    expect((late as AuthError).code).to.equal('invitation_expired');
  });

  it('signing out clears the membership; an adapter without organizations answers unsupported', async () => {
    const {client, switches} = await signedInClient(ADA);
    const [engines] = await client.organizations.listOrganizations();
    await client.organizations.setActiveOrganization(engines.id);
    await client.signOut();
    expect(client.membership).to.equal(null);
    expect(switches.at(-1)?.membership).to.equal(null);

    const adapter = new MemoryAdapter({users: [ADA]});
    Object.defineProperty(adapter, 'listOrganizations', {value: undefined});
    const bare = new AuthClient({adapter, syncTabs: false, retry: false});
    clients.push(bare);
    const error = await bare.organizations.listOrganizations().catch((caught: unknown) => caught);
    expect((error as AuthError).code).to.equal('unsupported');
  });
});
