import {expect} from '@open-wc/testing';
import type {AuthClient} from '../../client/auth-client.js';
import {MemoryAdapter} from '../../client/adapters/memory.js';
import type {AuthProvider} from '../provider/provider.js';
import type {AuthShow} from './show.js';
import '../../define/auth-show.js';
import '../../define/auth-signed-in.js';
import {ADA, clientFor, fixture, html, waitUntil} from '../../../test/helpers.js';

const BOB = {name: 'Bob Babbage', email: 'bob@example.com', password: 'difference2'};
const ENGINES = {name: 'Analytical Engines', slug: 'engines', members: [{email: ADA.email, role: 'owner' as const}, {email: BOB.email, role: 'member' as const}]};

/** Whether the light-DOM child is rendered (slotted into a shown slot). */
const shown = (element: Element) => element.getClientRects().length > 0;

async function page(client: AuthClient) {
  const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}>
    <auth-show permission="member:create"><p id="invite">Invite people</p><p slot="fallback" id="ask">Ask an admin</p></auth-show>
    <auth-show role="owner admin"><p id="manage">Manage</p></auth-show>
    <auth-show role="member" permission="reports:read"><p id="both">Members who read reports</p></auth-show>
    <auth-show when="signed-out"><p id="out">Sign in</p><p slot="fallback" id="welcome">Welcome back</p></auth-show>
    <auth-show><p id="in">Signed in</p></auth-show>
  </auth-provider>`);
  const node = (id: string) => provider.querySelector(`#${id}`)!;
  const visible = () => ['invite', 'ask', 'manage', 'both', 'out', 'welcome', 'in'].filter((id) => shown(node(id)));
  return {provider, visible};
}

async function signedIn(person: {email: string; password: string}, adapter: MemoryAdapter, organization?: string) {
  await adapter.signInWithPassword(person);
  if (organization) {
    const found = (await adapter.listOrganizations()).find((o) => o.slug === organization)!;
    await adapter.setActiveOrganization(found.id);
  }
  const client = clientFor(adapter);
  await client.ready;
  return client;
}

describe('<auth-show>', () => {
  it('shows nothing at all while the session loads', async () => {
    const client = clientFor(new MemoryAdapter({latency: 300}));
    const {provider, visible} = await page(client);
    expect(visible()).to.deep.equal([]);
    await expect(provider).to.be.accessible();
  });

  it('signed out: only the signed-out content and the fallbacks', async () => {
    const client = clientFor(new MemoryAdapter({users: [ADA]}));
    await client.ready;
    const {provider, visible} = await page(client);
    await waitUntil(() => visible().length > 0);
    expect(visible()).to.deep.equal(['ask', 'out']);
    await expect(provider).to.be.accessible();
  });

  it('the personal account: signed in, but no role or permission', async () => {
    const client = await signedIn(ADA, new MemoryAdapter({users: [ADA, BOB], organizations: [ENGINES]}));
    const {visible} = await page(client);
    await waitUntil(() => visible().length > 0);
    expect(visible()).to.deep.equal(['ask', 'welcome', 'in']);
  });

  it('an owner sees what their role and permissions allow; a member the fallback', async () => {
    const adapter = new MemoryAdapter({users: [ADA, BOB], organizations: [ENGINES]});
    const owner = await signedIn(ADA, adapter, 'engines');
    const {provider, visible} = await page(owner);
    await waitUntil(() => visible().length > 0);
    expect(visible()).to.deep.equal(['invite', 'manage', 'welcome', 'in']);
    await expect(provider).to.be.accessible();

    const member = await signedIn(BOB, adapter.newDevice(), 'engines');
    const other = await page(member);
    await waitUntil(() => other.visible().length > 0);
    // Bob is a member, but a member's role does not grant reports:read: both must hold.
    expect(other.visible()).to.deep.equal(['ask', 'welcome', 'in']);
  });

  it('follows a switch of organization and a role change, without a reload', async () => {
    const adapter = new MemoryAdapter({users: [ADA, BOB], organizations: [ENGINES]});
    const bob = await signedIn(BOB, adapter.newDevice(), 'engines');
    const {visible} = await page(bob);
    await waitUntil(() => visible().includes('ask'));

    const ada = await signedIn(ADA, adapter, 'engines');
    const [engines] = await ada.organizations.listOrganizations();
    const bobMember = (await ada.organizations.listMembers(engines.id)).find((m) => m.user.email === BOB.email)!;
    await ada.organizations.updateMemberRole(engines.id, bobMember.id, 'admin');
    await bob.refresh();
    await waitUntil(() => visible().includes('invite'), 'the admin never saw the invite content');
    expect(visible()).to.include('manage');

    await bob.organizations.setActiveOrganization(null);
    await waitUntil(() => !visible().includes('invite'));
    expect(visible()).to.deep.equal(['ask', 'welcome', 'in']);
  });

  it('moves the role attribute to data-role (no invalid ARIA role), and reads it from there or the property', async () => {
    const client = await signedIn(ADA, new MemoryAdapter({users: [ADA, BOB], organizations: [ENGINES]}), 'engines');
    const {provider} = await page(client);
    const show = provider.querySelector<AuthShow>('auth-show[data-role="owner admin"]')!;
    expect(show.hasAttribute('role')).to.equal(false);
    expect(show.role).to.equal('owner admin');
    show.setAttribute('role', 'member');
    expect(show.getAttribute('data-role')).to.equal('member');
    await show.updateComplete;
    expect(shown(provider.querySelector('#manage')!)).to.equal(false);
    show.role = 'owner';
    await show.updateComplete;
    expect(shown(provider.querySelector('#manage')!)).to.equal(true);
    expect(show.check).to.deep.equal({role: ['owner'], permission: []});
  });
});
