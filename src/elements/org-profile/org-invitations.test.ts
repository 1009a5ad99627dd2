import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {settle, type, waitUntil} from '../../../test/helpers.js';
import {BOB, CLEO, alerts, button, goTo, inviteForm, orgProfile, opened, shadow, text} from '../../../test/org-profile.js';
import type {AuthDialog} from '../../internal/dialog.js';
import type {AuthOrgProfile} from './org-profile.js';

const tab = (el: AuthOrgProfile, label: string) => [...shadow(el).querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => text(t) === label)!;
const invitationRows = (el: AuthOrgProfile) => [...shadow(el).querySelectorAll<HTMLElement>('#invitations-list .row-list-item')];
const inviteDialog = (el: AuthOrgProfile) => shadow(el).querySelector<AuthDialog>('auth-dialog.invite-dialog')!;
const emails = (el: AuthOrgProfile) => inviteForm(el).querySelector<HTMLTextAreaElement>('textarea[name="emails"]')!;

async function invitationsTab(setup: Parameters<typeof orgProfile>[0] = {}) {
  const result = await orgProfile(setup);
  await goTo(result.el, 'Members');
  tab(result.el, 'Invitations').click();
  await settle(result.el);
  await waitUntil(() => !text(shadow(result.el)).includes('Loading invitations'), 'invitations still loading');
  return result;
}

async function openInvite(el: AuthOrgProfile): Promise<AuthDialog> {
  button(el, 'Invite')!.focus();
  button(el, 'Invite')!.click();
  await settle(el);
  const dialog = inviteDialog(el);
  await waitUntil(() => dialog.open && emails(el), 'the invite dialog does not open');
  await opened(dialog);
  return dialog;
}

describe('<auth-org-profile> Invitations and the invite dialog', () => {
  it('names what is no address before sending anything, with the invited ones sent', async () => {
    const {el, adapter} = await invitationsTab();
    let sent: string[] = [];
    const invite = adapter.inviteMembers.bind(adapter);
    adapter.inviteMembers = (id, input) => ((sent = input.emails), invite(id, input));
    await openInvite(el);
    type(emails(el) as unknown as HTMLInputElement, 'good@example.com not-an-address');
    inviteForm(el).requestSubmit();
    await waitUntil(() => alerts(inviteForm(el)).includes('not-an-address'), 'the bad address is not named');
    expect(alerts(inviteForm(el))).to.contain('Enter a valid email address.');
    expect(sent).to.deep.equal(['good@example.com']);
    expect(emails(el).value).to.equal('not-an-address');
    await expect(el).to.be.accessible();
  });

  it('shows an empty state when nothing is pending', async () => {
    const {el} = await invitationsTab();
    await waitUntil(() => text(shadow(el)).includes('No pending invitations.'), 'no empty state');
    await expect(el).to.be.accessible();
  });

  it('invites one good and one already-member address: the first confirmed, the second named with its reason', async () => {
    const {el} = await invitationsTab();
    await openInvite(el);
    expect(document.activeElement).to.equal(emails(el));
    await expect(el).to.be.accessible();
    type(emails(el) as unknown as HTMLInputElement, `new.person@example.com,\n${CLEO.email}`);
    const role = inviteForm(el).querySelector<HTMLSelectElement>('select[name="role"]')!;
    expect([...role.options].map((o) => o.value)).to.deep.equal(['owner', 'admin', 'member']);
    role.value = 'admin';
    inviteForm(el).requestSubmit();
    await waitUntil(() => alerts(inviteForm(el)).includes(CLEO.email), 'the refused address is not named');
    expect(alerts(inviteForm(el))).to.contain('This person is already a member.');
    expect(text(inviteForm(el))).to.contain('Invitations sent to new.person@example.com.');
    expect(emails(el).value).to.equal(CLEO.email);
    await expect(el).to.be.accessible();
    await waitUntil(() => invitationRows(el).length === 1, 'the invitations tab did not refresh');
    expect(text(invitationRows(el)[0]!)).to.contain('new.person@example.com').and.contain('Admin').and.match(/Expires/);
  });

  it('closes once every address is invited; focus goes back to Invite and the page says so', async () => {
    const {el} = await invitationsTab();
    const dialog = await openInvite(el);
    type(emails(el) as unknown as HTMLInputElement, 'one@example.com two@example.com');
    inviteForm(el).requestSubmit();
    await waitUntil(() => !dialog.open, 'the dialog stays open');
    await waitUntil(() => shadow(el).activeElement === button(el, 'Invite'), 'focus did not return to Invite');
    await waitUntil(() => invitationRows(el).length === 2, 'the invitations are not listed');
    expect(text(shadow(el))).to.contain('Invitations sent to one@example.com, two@example.com.');
    await expect(el).to.be.accessible();
  });

  it('asks for an address when none was typed', async () => {
    const {el} = await invitationsTab();
    await openInvite(el);
    inviteForm(el).requestSubmit();
    await settle(el);
    expect(alerts(inviteForm(el))).to.contain('Enter at least one email address.');
    expect(emails(el).getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('keeps what was typed when the network is down', async () => {
    const {el, adapter} = await invitationsTab();
    await openInvite(el);
    type(emails(el) as unknown as HTMLInputElement, 'kept@example.com');
    adapter.inviteMembers = () => Promise.reject(new TypeError('Failed to fetch'));
    inviteForm(el).requestSubmit();
    await waitUntil(() => alerts(inviteForm(el)) !== '', 'no error shown');
    expect(emails(el).value).to.equal('kept@example.com');
    expect(inviteDialog(el).open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('opens, fills and sends the dialog by keyboard only, and Escape returns to Invite', async () => {
    const {el} = await invitationsTab();
    button(el, 'Invite')!.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => inviteDialog(el).open && document.activeElement === emails(el), 'the dialog did not open on the textarea');
    await sendKeys({type: 'keyboard@example.com'});
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !inviteDialog(el).open, 'Escape did not close the dialog');
    await waitUntil(() => shadow(el).activeElement === button(el, 'Invite'), 'focus did not return to Invite');
  });

  it('an admin is not offered the owner role', async () => {
    const {el} = await invitationsTab({as: BOB});
    await openInvite(el);
    const role = inviteForm(el).querySelector<HTMLSelectElement>('select[name="role"]')!;
    expect([...role.options].map((o) => o.value)).to.deep.equal(['admin', 'member']);
  });

  it('resends and revokes a pending invitation', async () => {
    const {el, adapter, orgId} = await orgProfile();
    await adapter.inviteMembers(orgId!, {emails: ['pending@example.com'], role: 'member'});
    await goTo(el, 'Members');
    tab(el, 'Invitations').click();
    await waitUntil(() => invitationRows(el).length === 1, 'the invitation is not listed');
    await expect(el).to.be.accessible();
    [...invitationRows(el)[0]!.querySelectorAll('button')].find((b) => text(b) === 'Resend')!.click();
    await waitUntil(() => text(shadow(el)).includes('Invitation sent again to pending@example.com.'), 'no resent notice');
    [...invitationRows(el)[0]!.querySelectorAll('button')].find((b) => text(b) === 'Revoke')!.click();
    await waitUntil(() => invitationRows(el).length === 0, 'the invitation is still listed');
    expect(text(shadow(el))).to.contain('No pending invitations.');
    const pending = (await adapter.listInvitations(orgId!)).filter((i) => i.status === 'pending');
    expect(pending).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a refused revoke at its row', async () => {
    const {el, adapter, orgId} = await orgProfile();
    await adapter.inviteMembers(orgId!, {emails: ['pending@example.com'], role: 'member'});
    await goTo(el, 'Members');
    tab(el, 'Invitations').click();
    await waitUntil(() => invitationRows(el).length === 1, 'the invitation is not listed');
    const {AuthError} = await import('../../client/errors.js');
    adapter.revokeInvitation = () => Promise.reject(new AuthError('forbidden', 'forbidden', {status: 403}));
    let reported = '';
    el.addEventListener('auth-error', (event) => (reported = event.error.code));
    [...invitationRows(el)[0]!.querySelectorAll('button')].find((b) => text(b) === 'Revoke')!.click();
    await waitUntil(() => alerts(invitationRows(el)[0]!).includes("You don't have permission to do this."), 'no forbidden at the row');
    expect(reported).to.equal('forbidden');
    await expect(el).to.be.accessible();
  });
});
