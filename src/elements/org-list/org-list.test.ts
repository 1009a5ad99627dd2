import {expect, fixture} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {AuthError} from '../../client/errors.js';
import {MemoryAdapter, type MemoryAdapterOptions} from '../../client/adapters/memory.js';
import type {Invitation, ListOptions, Organization} from '../../client/types.js';
import {deepActiveElement} from '../../internal/focus.js';
import {ADA, clientFor, html, input, mount, nextEvent, settle, type, waitUntil} from '../../../test/helpers.js';
import '../../define/auth-org-list.js';
import type {AuthCreateOrg} from '../create-org/create-org.js';
import type {AuthOrgList} from './org-list.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const BOB = {name: 'Bob Babbage', email: 'bob@example.com', password: 'difference2'};

/** The memory adapter, its lists failing on demand. */
class TestAdapter extends MemoryAdapter {
  failLists: AuthError | null = null;
  override listOrganizations(options?: ListOptions): Promise<Organization[]> {
    return this.failLists ? Promise.reject(this.failLists) : super.listOrganizations(options);
  }
  override listMyInvitations(options?: ListOptions): Promise<Invitation[]> {
    return this.failLists ? Promise.reject(this.failLists) : super.listMyInvitations(options);
  }
}

function adapterFor(options: MemoryAdapterOptions = {}): TestAdapter {
  return new TestAdapter({
    users: [ADA, BOB],
    organizations: [
      {name: 'Babbage Engines', slug: 'engines', members: [{email: ADA.email, role: 'owner'}, {email: BOB.email, role: 'admin'}]},
      {name: 'Jacquard Looms', slug: 'looms', members: [{email: BOB.email, role: 'owner'}, {email: ADA.email, role: 'member'}]},
      {name: HOSTILE, slug: 'hostile', members: [{email: BOB.email, role: 'owner'}], invitations: [{email: ADA.email, role: 'admin', id: 'inv-hostile'}]},
      {name: 'Royal Society', slug: 'royal', members: [{email: BOB.email, role: 'owner'}], invitations: [{email: ADA.email, role: 'member', id: 'inv-royal'}]},
    ],
    ...options,
  });
}

async function orgList(adapter: MemoryAdapter = adapterFor(), template = html`<auth-org-list></auth-org-list>`): Promise<AuthOrgList> {
  await adapter.signInWithPassword({email: ADA.email, password: ADA.password});
  const el = await mount<AuthOrgList>(clientFor(adapter), template, 'auth-org-list');
  await waitUntil(() => el.shadowRoot!.querySelector('#organizations-title, [role="alert"]'), 'nothing listed');
  return el;
}

const rows = (el: AuthOrgList, list: 'organizations' | 'invitations') =>
  [...el.shadowRoot!.querySelectorAll(`#${list}-list > li`)].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
const rowButton = (el: AuthOrgList, list: string, row: string, label: string) => {
  const item = [...el.shadowRoot!.querySelectorAll(`#${list}-list > li`)].find((li) => li.querySelector('.row-list-title')!.textContent!.includes(row))!;
  return [...item.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent!.trim() === label)!;
};
const shadowButton = (el: AuthOrgList, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent!.trim() === label)!;

async function idle(el: AuthOrgList): Promise<void> {
  await waitUntil(() => !el.shadowRoot!.querySelector('button[aria-disabled="true"]'), 'still busy');
  await el.updateComplete;
}

describe('<auth-org-list>', () => {
  it('lists the personal account first, then the organizations with their logo or initials and the role, then the invitations', async () => {
    const el = await orgList();
    expect(rows(el, 'organizations')).to.deep.equal([
      `Personal account Current ${ADA.email} Open`,
      'Babbage Engines Owner Open',
      'Jacquard Looms Member Open',
    ]);
    const initials = el.shadowRoot!.querySelectorAll('#organizations-list [part~="organization-logo"]');
    expect([...initials].map((avatar) => avatar.getAttribute('data-initials'))).to.deep.equal(['BE', 'JL']);
    expect(rows(el, 'invitations')).to.have.length(2);
    expect(rows(el, 'invitations')).to.include('Royal Society Invited by Bob Babbage as Member Accept Decline');
    // Each Open is described by its row's name.
    const open = rowButton(el, 'organizations', 'Babbage Engines', 'Open');
    expect(el.shadowRoot!.getElementById(open.getAttribute('aria-describedby')!)!.textContent).to.contain('Babbage Engines');
    await expect(el).to.be.accessible();
  });

  it('shows a hostile organization name as text', async () => {
    const el = await orgList();
    expect(rows(el, 'invitations').join()).to.contain(HOSTILE);
    expect(el.shadowRoot!.querySelector('.row-list img')).to.equal(null);
  });

  it('hide-personal leaves the personal account out', async () => {
    const el = await orgList(adapterFor(), html`<auth-org-list hide-personal></auth-org-list>`);
    expect(rows(el, 'organizations').map((row) => row.split(' Open')[0])).to.deep.equal(['Babbage Engines Owner', 'Jacquard Looms Member']);
  });

  it('says when the person is in no organization yet', async () => {
    const el = await orgList(new MemoryAdapter({users: [ADA]}));
    expect(el.shadowRoot!.textContent).to.contain("You're not in any organization yet");
    expect(rows(el, 'organizations')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('#invitations-list')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a busy indicator while loading', async () => {
    const adapter = adapterFor({latency: 1500});
    await adapter.signInWithPassword({email: ADA.email, password: ADA.password});
    const el = await mount<AuthOrgList>(clientFor(adapter), html`<auth-org-list></auth-org-list>`, 'auth-org-list');
    await waitUntil(() => el.shadowRoot!.querySelector('[role="status"]'), 'no busy indicator');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Loading your organizations');
    await expect(el).to.be.accessible();
  });

  it('renders nothing while signed out', async () => {
    const el = await mount<AuthOrgList>(clientFor(adapterFor()), html`<auth-org-list></auth-org-list>`, 'auth-org-list');
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
  });

  it('says why the list could not load, and Try again loads it', async () => {
    const adapter = adapterFor();
    adapter.failLists = new AuthError('network');
    const el = await orgList(adapter);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain("We can't reach the server");
    await expect(el).to.be.accessible();
    adapter.failLists = null;
    shadowButton(el, 'Try again').click();
    await waitUntil(() => rows(el, 'organizations').length === 3, 'not listed after retry');
  });

  it('Open makes the organization the active one, then goes to after-select-org-url with its slug and id', async () => {
    const adapter = adapterFor();
    const el = await orgList(adapter, html`<auth-org-list after-select-org-url="#orgs/:slug?id=:id"></auth-org-list>`);
    const change = nextEvent(el.closest('auth-provider')!, 'auth-org-change');
    rowButton(el, 'organizations', 'Jacquard Looms', 'Open').click();
    const {membership} = await change;
    expect(membership!.organization.slug).to.equal('looms');
    await waitUntil(() => location.hash.startsWith('#orgs/'), 'did not navigate');
    expect(location.hash).to.equal(`#orgs/looms?id=${encodeURIComponent(membership!.organization.id)}`);
    history.replaceState(null, '', location.pathname + location.search);
    await idle(el);
    expect(rows(el, 'organizations')[2]).to.contain('Current');
    expect(rows(el, 'organizations')[0]).to.not.contain('Current');
    await expect(el).to.be.accessible();
  });

  it('only the row being opened is busy, and a second click sends nothing', async () => {
    const adapter = adapterFor();
    const el = await orgList(adapter);
    let calls = 0;
    const original = adapter.setActiveOrganization.bind(adapter);
    adapter.setActiveOrganization = (id) => {
      calls++;
      return new Promise((resolve) => setTimeout(resolve, 300)).then(() => original(id));
    };
    const open = rowButton(el, 'organizations', 'Jacquard Looms', 'Open');
    open.click();
    await waitUntil(() => open.getAttribute('aria-disabled') === 'true', 'not busy');
    expect(open.querySelector('.spinner')).to.not.equal(null);
    expect(rowButton(el, 'organizations', 'Babbage Engines', 'Open').getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
    open.click();
    rowButton(el, 'organizations', 'Babbage Engines', 'Open').click();
    await idle(el);
    expect(calls).to.equal(1);
  });

  it('a refused Open shows its error in that row', async () => {
    const adapter = adapterFor();
    const el = await orgList(adapter);
    adapter.setActiveOrganization = () => Promise.reject(new AuthError('organization_not_found'));
    rowButton(el, 'organizations', 'Babbage Engines', 'Open').click();
    const row = el.shadowRoot!.querySelectorAll('#organizations-list > li')[1];
    await waitUntil(() => row.querySelector('[role="alert"]'), 'no row error');
    expect(row.querySelector('[role="alert"]')!.textContent).to.contain("This organization doesn't exist");
    await expect(el).to.be.accessible();
  });

  it('Accept joins the organization, fires auth-invitation-accepted, and it moves into the list', async () => {
    const adapter = adapterFor();
    const el = await orgList(adapter);
    const accepted = nextEvent(el, 'auth-invitation-accepted');
    rowButton(el, 'invitations', 'Royal Society', 'Accept').click();
    const {membership} = await accepted;
    expect(membership).to.include({role: 'member'});
    await waitUntil(() => rows(el, 'organizations').length === 4, 'not moved into the list');
    await idle(el);
    expect(rows(el, 'organizations')).to.include('Royal Society Current Member Open');
    expect(rows(el, 'invitations').join()).to.not.contain('Royal Society');
    expect(el.shadowRoot!.querySelector('[role="status"].notice')!.textContent).to.contain('You joined Royal Society.');
    await expect(el).to.be.accessible();
  });

  it('Decline by keyboard takes the invitation away', async () => {
    const adapter = adapterFor();
    const el = await orgList(adapter);
    rowButton(el, 'invitations', 'Royal Society', 'Decline').focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => rows(el, 'invitations').length === 1, 'not declined');
    expect(rows(el, 'organizations')).to.have.length(3);
    expect(el.shadowRoot!.querySelector('[role="status"].notice')!.textContent).to.contain('You declined the invitation to Royal Society.');
    expect((await adapter.listMyInvitations()).map((each) => each.id)).to.deep.equal(['inv-hostile']);
    await expect(el).to.be.accessible();
  });

  it('an invitation that expired meanwhile says so in its row', async () => {
    const adapter = adapterFor();
    const el = await orgList(adapter);
    adapter.expireInvitation('inv-royal');
    rowButton(el, 'invitations', 'Royal Society', 'Accept').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#invitations-list [role="alert"]'), 'no row error');
    expect(el.shadowRoot!.querySelector('#invitations-list [role="alert"]')!.textContent).to.contain('This invitation has expired');
    await expect(el).to.be.accessible();
  });

  it('an invitation the API lists although it expired is marked so, and can only be declined', async () => {
    const adapter = adapterFor();
    const list = adapter.listMyInvitations.bind(adapter);
    adapter.listMyInvitations = async (options) =>
      (await list(options)).map((each) => (each.id === 'inv-royal' ? {...each, expiresAt: new Date(Date.now() - 1000)} : each));
    const el = await orgList(adapter);
    const royal = rows(el, 'invitations').find((row) => row.startsWith('Royal Society'))!;
    expect(royal).to.equal('Royal Society Expired Invited by Bob Babbage as Member Decline');
    await expect(el).to.be.accessible();
  });

  it('a revoked invitation says so in its row', async () => {
    const adapter = adapterFor();
    const el = await orgList(adapter);
    adapter.declineInvitation = () => Promise.reject(new AuthError('invitation_revoked'));
    rowButton(el, 'invitations', 'Royal Society', 'Decline').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#invitations-list [role="alert"]'), 'no row error');
    expect(el.shadowRoot!.querySelector('#invitations-list [role="alert"]')!.textContent).to.contain('This invitation was revoked.');
  });

  it('Create organization shows <auth-create-org> in place of the list, Back returns, and after creation the list shows it', async () => {
    const el = await orgList();
    shadowButton(el, 'Create organization').click();
    await waitUntil(() => el.shadowRoot!.querySelector('auth-create-org'), 'no create form');
    const create = el.shadowRoot!.querySelector<AuthCreateOrg>('auth-create-org')!;
    await waitUntil(() => create.querySelector('input[name="name"]'), 'create form empty');
    expect(el.shadowRoot!.querySelector('#organizations-list')).to.equal(null);
    await waitUntil(() => deepActiveElement() === input(create, 'name'), 'focus not in the form');
    await expect(el).to.be.accessible();

    shadowButton(el, 'Back to your organizations').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#organizations-list'), 'list not back');
    expect(deepActiveElement()).to.equal(shadowButton(el, 'Create organization'));

    shadowButton(el, 'Create organization').click();
    await waitUntil(() => el.shadowRoot!.querySelector('auth-create-org')?.querySelector('input[name="name"]'), 'no create form');
    const again = el.shadowRoot!.querySelector<AuthCreateOrg>('auth-create-org')!;
    type(input(again, 'name'), 'Analytical Society');
    again.querySelector('form')!.requestSubmit();
    await settle(again);
    await waitUntil(() => again.shadowRoot!.querySelector('h1')!.textContent === 'Invite members', 'not on invite');
    [...again.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Skip for now')!.click();
    await waitUntil(() => rows(el, 'organizations').some((row) => row.startsWith('Analytical Society')), 'new org not listed');
    expect(rows(el, 'organizations')).to.include('Analytical Society Current Owner Open');
    expect(el.shadowRoot!.querySelector('[role="status"].notice')!.textContent).to.contain('Analytical Society was created.');
    await expect(el).to.be.accessible();
  });

  it('registers and renders inside a plain provider too', async () => {
    const adapter = adapterFor();
    await adapter.signInWithPassword({email: ADA.email, password: ADA.password});
    const provider = await fixture(html`<auth-provider .client=${clientFor(adapter)}><auth-org-list></auth-org-list></auth-provider>`);
    const el = provider.querySelector<AuthOrgList>('auth-org-list')!;
    await waitUntil(() => rows(el, 'organizations').length === 3, 'not listed');
  });
});
