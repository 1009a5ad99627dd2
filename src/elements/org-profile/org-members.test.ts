import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {settle, waitUntil} from '../../../test/helpers.js';
import {ADA, BOB, CLEO, alerts, button, goTo, orgAdapter, orgProfile, opened, shadow, signIn, text} from '../../../test/org-profile.js';
import type {AuthDialog} from '../../internal/dialog.js';
import type {AuthOrgProfile} from './org-profile.js';

const rows = (el: AuthOrgProfile) => [...shadow(el).querySelectorAll<HTMLElement>('#members-list .row-list-item')];
const row = (el: AuthOrgProfile, name: string) => rows(el).find((r) => text(r.querySelector('.row-list-title')!).startsWith(name))!;
const roleSelect = (r: HTMLElement) => r.querySelector<HTMLSelectElement>('select');
const rowButton = (r: HTMLElement, label: string) => [...r.querySelectorAll('button')].find((b) => text(b) === label);
const tabs = (el: AuthOrgProfile) => [...shadow(el).querySelectorAll<HTMLElement>('[role="tab"]')];

async function membersPage(setup: Parameters<typeof orgProfile>[0] = {}) {
  const result = await orgProfile(setup);
  await goTo(result.el, 'Members');
  await waitUntil(() => rows(result.el).length > 0, 'no members listed');
  return result;
}

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  select.value = value;
  select.dispatchEvent(new Event('change', {bubbles: true}));
}

describe('<auth-org-profile> Members page', () => {
  it("lists the owner's organization: names, emails, roles, joined dates, own row marked You", async () => {
    const {el} = await membersPage();
    expect(rows(el)).to.have.length(3);
    const ada = row(el, ADA.name);
    expect(text(ada)).to.contain('You').and.contain(ADA.email);
    expect(text(ada)).to.match(/Joined \w{3} \d{1,2}, \d{4}/);
    expect(rowButton(ada, 'Remove')).to.equal(undefined);
    const cleo = row(el, CLEO.name);
    expect(roleSelect(cleo)!.value).to.equal('member');
    expect([...roleSelect(cleo)!.options].map((o) => o.value)).to.deep.equal(['owner', 'admin', 'member']);
    expect(rowButton(cleo, 'Remove')).to.not.equal(undefined);
    expect(button(el, 'Invite')).to.not.equal(undefined);
    expect(tabs(el).map(text)).to.deep.equal(['Members', 'Invitations']);
    await expect(el).to.be.accessible();
  });

  it("shows a hostile member name as text", async () => {
    const {el} = await membersPage();
    expect(text(row(el, CLEO.name).querySelector('.row-list-title')!)).to.equal(CLEO.name);
    expect(shadow(el).querySelector('#members-list img:not([alt=""])')).to.equal(null);
  });

  it("gives an admin role selects without the owner option, and leaves the owner's row alone", async () => {
    const {el} = await membersPage({as: BOB});
    const ada = row(el, ADA.name);
    expect(roleSelect(ada)).to.equal(null);
    expect(text(ada)).to.contain('Owner');
    expect(rowButton(ada, 'Remove')).to.equal(undefined);
    const cleo = row(el, CLEO.name);
    expect([...roleSelect(cleo)!.options].map((o) => o.value)).to.deep.equal(['admin', 'member']);
    expect(rowButton(cleo, 'Remove')).to.not.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows a member the list without role selects, Remove, Invite or the Invitations tab', async () => {
    const {el} = await membersPage({as: CLEO});
    expect(rows(el)).to.have.length(3);
    expect(shadow(el).querySelector('select')).to.equal(null);
    expect(button(el, 'Remove')).to.equal(undefined);
    expect(button(el, 'Invite')).to.equal(undefined);
    expect(tabs(el).map(text)).to.deep.equal(['Members']);
    expect(text(row(el, BOB.name))).to.contain('Admin');
    await expect(el).to.be.accessible();
  });

  it('filters by name or email as you type, with an empty result', async () => {
    const {el} = await membersPage();
    const search = shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'bob@';
    search.dispatchEvent(new InputEvent('input'));
    await settle(el);
    expect(rows(el).map((r) => text(r.querySelector('.row-list-title')!))).to.deep.equal([BOB.name]);
    search.value = 'lovelace';
    search.dispatchEvent(new InputEvent('input'));
    await settle(el);
    expect(rows(el)).to.have.length(1);
    search.value = 'nobody';
    search.dispatchEvent(new InputEvent('input'));
    await settle(el);
    expect(rows(el)).to.have.length(0);
    expect(text(shadow(el))).to.contain('No members match “nobody”.');
    await expect(el).to.be.accessible();
  });

  it('changes a role; the API holds it', async () => {
    const {el, adapter, orgId} = await membersPage();
    await choose(roleSelect(row(el, CLEO.name))!, 'admin');
    await waitUntil(() => text(shadow(el)).includes('changed to Admin'), 'no role-changed notice');
    const cleo = (await adapter.listMembers(orgId!)).find((m) => m.user.email === CLEO.email)!;
    expect(cleo.role).to.equal('admin');
    await expect(el).to.be.accessible();
  });

  it('marks the row busy while its change runs, and takes one change at a time', async () => {
    const {el, adapter, orgId} = await membersPage({options: {latency: 300}});
    let calls = 0;
    const update = adapter.updateMemberRole.bind(adapter);
    adapter.updateMemberRole = (...args) => (calls++, update(...args));
    await choose(roleSelect(row(el, CLEO.name))!, 'admin');
    await settle(el);
    expect(roleSelect(row(el, CLEO.name))!.getAttribute('aria-busy')).to.equal('true');
    expect(row(el, CLEO.name).querySelector('.spinner')).to.not.equal(null);
    expect(roleSelect(row(el, BOB.name))!.getAttribute('aria-busy')).to.equal('false');
    expect(roleSelect(row(el, BOB.name))!.getAttribute('aria-disabled')).to.equal('true');
    await choose(roleSelect(row(el, BOB.name))!, 'member');
    expect(roleSelect(row(el, BOB.name))!.value).to.equal('admin');
    await expect(el).to.be.accessible();
    await waitUntil(() => roleSelect(row(el, CLEO.name))!.getAttribute('aria-busy') === 'false', 'the row stays busy');
    expect(calls).to.equal(1);
    expect((await adapter.listMembers(orgId!)).find((m) => m.user.email === BOB.email)!.role).to.equal('admin');
  });

  it('refuses to demote the last owner at the row, keeping the role shown', async () => {
    const {el} = await membersPage();
    await choose(roleSelect(row(el, ADA.name))!, 'member');
    await waitUntil(() => alerts(row(el, ADA.name)).includes('Make someone else owner first.'), 'no last_owner at the row');
    await settle(el);
    expect(roleSelect(row(el, ADA.name))!.value).to.equal('owner');
    await expect(el).to.be.accessible();
  });

  it('shows forbidden at the row when demoted elsewhere, then takes the controls away', async () => {
    const {el, adapter, orgId} = await membersPage({as: BOB});
    const ada = adapter.newDevice();
    await signIn(ada, ADA);
    const bob = (await ada.listMembers(orgId!)).find((m) => m.user.email === BOB.email)!;
    await ada.updateMemberRole(orgId!, bob.id, 'member');
    await choose(roleSelect(row(el, CLEO.name))!, 'admin');
    await waitUntil(() => shadow(el).querySelector('select') === null, 'the role selects stay');
    expect(button(el, 'Invite')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('removes a member after confirming in a dialog', async () => {
    const {el, adapter, orgId} = await membersPage();
    rowButton(row(el, CLEO.name), 'Remove')!.click();
    await settle(el);
    const dialog = shadow(el).querySelector<AuthDialog>('auth-dialog:not(.invite-dialog)')!;
    await waitUntil(() => dialog.open, 'no confirmation');
    await opened(dialog);
    expect(text(dialog)).to.contain(`Remove ${CLEO.name} from Analytical Engines?`);
    await expect(el).to.be.accessible();
    [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Remove')!.click();
    await waitUntil(() => rows(el).length === 2, 'Cleo is still listed');
    expect((await adapter.listMembers(orgId!)).map((m) => m.user.email)).to.not.include(CLEO.email);
    expect(text(shadow(el))).to.contain('was removed');
    await expect(el).to.be.accessible();
  });

  it('removes by keyboard: Enter opens the confirmation, Escape returns to Remove, then Tab and Enter confirm', async () => {
    const {el} = await membersPage();
    const remove = rowButton(row(el, CLEO.name), 'Remove')!;
    remove.focus();
    await sendKeys({press: 'Enter'});
    const dialog = shadow(el).querySelector<AuthDialog>('auth-dialog:not(.invite-dialog)')!;
    await waitUntil(() => dialog.open, 'Enter did not open the confirmation');
    await opened(dialog);
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !dialog.open, 'Escape did not close it');
    await waitUntil(() => shadow(el).activeElement === remove, 'focus did not return to Remove');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => dialog.open, 'Enter did not open it again');
    await opened(dialog);
    // The close button first, then Cancel, then Remove.
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Tab'});
    expect(text(shadow(el).activeElement!)).to.equal('Remove');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => rows(el).length === 2, 'Cleo is still listed');
    await waitUntil(() => shadow(el).activeElement === shadow(el).querySelector('#members-list'), 'focus is not on the list');
  });

  it('keeps the member when the confirmation is cancelled', async () => {
    const {el, adapter, orgId} = await membersPage();
    rowButton(row(el, CLEO.name), 'Remove')!.click();
    await settle(el);
    const dialog = shadow(el).querySelector<AuthDialog>('auth-dialog:not(.invite-dialog)')!;
    await waitUntil(() => dialog.open, 'no confirmation');
    [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Cancel')!.click();
    await waitUntil(() => !dialog.open, 'the dialog stays');
    expect(await adapter.listMembers(orgId!)).to.have.length(3);
  });

  it('moves between the tabs with the arrow keys', async () => {
    const {el} = await membersPage();
    tabs(el)[0]!.focus();
    expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([0, -1]);
    await sendKeys({press: 'ArrowRight'});
    await waitUntil(() => tabs(el)[1]!.getAttribute('aria-selected') === 'true', 'Invitations not selected');
    await settle(el);
    expect(shadow(el).activeElement).to.equal(tabs(el)[1]);
    const panel = shadow(el).querySelector('[role="tabpanel"]')!;
    expect(panel.getAttribute('aria-labelledby')).to.equal(tabs(el)[1]!.id);
    await waitUntil(() => text(panel).includes('No pending invitations.'), 'no invitations empty state');
    await expect(el).to.be.accessible();
    await sendKeys({press: 'ArrowRight'});
    await waitUntil(() => tabs(el)[0]!.getAttribute('aria-selected') === 'true', 'Members not selected again');
    await sendKeys({press: 'End'});
    await waitUntil(() => tabs(el)[1]!.getAttribute('aria-selected') === 'true', 'End did not select the last tab');
  });

  it('shows loading, then an error with Try again that loads the list', async () => {
    const adapter = orgAdapter({latency: 500});
    const list = adapter.listMembers.bind(adapter);
    let fail = true;
    adapter.listMembers = (...args) => (fail ? Promise.reject(new TypeError('Failed to fetch')) : list(...args));
    const {el} = await orgProfile({adapter});
    await goTo(el, 'Members');
    const retry = await waitUntil(() => button(el, 'Try again'), 'no Try again');
    await expect(el).to.be.accessible();
    fail = false;
    button(el, 'Try again')!.click();
    await waitUntil(() => text(shadow(el)).includes('Loading members…'), 'no loading state');
    await expect(el).to.be.accessible();
    await waitUntil(() => rows(el).length === 3, 'no list after Try again', {timeout: 5000});
    void retry;
  });

  it('aborts the list request when the element leaves the page', async () => {
    const adapter = orgAdapter();
    let signal: AbortSignal | undefined;
    adapter.listMembers = (_id, options) => {
      signal = options?.signal;
      return new Promise(() => {});
    };
    const {el} = await orgProfile({adapter});
    await goTo(el, 'Members');
    await waitUntil(() => signal, 'no request');
    el.closest('auth-provider')!.remove();
    await waitUntil(() => signal!.aborted, 'the request was not aborted');
  });

  it("shows the other organization's members after switching, nothing of the first", async () => {
    const {el, client} = await membersPage();
    const looms = (await client.organizations.listOrganizations()).find((o) => o.slug === 'looms')!;
    await client.organizations.setActiveOrganization(looms.id);
    await waitUntil(() => rows(el).length === 1, 'still the first organization listed');
    expect(text(shadow(el))).to.not.contain(BOB.name);
  });
});
