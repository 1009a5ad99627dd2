import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {AuthClient} from '../../client/auth-client.js';
import {MemoryAdapter} from '../../client/adapters/memory.js';
import {AuthError} from '../../client/errors.js';
import type {AuthOrgInvitation} from './org-invitation.js';
import '../../define/auth-org-invitation.js';
import {ADA, clientFor, html, mount, nextEvent, title, waitUntil} from '../../../test/helpers.js';

const BOB = {name: 'Bob Babbage', email: 'bob@example.com', password: 'difference2'};
const HOSTILE = '<img src=x onerror=alert(1)>';
const ENGINES = {name: HOSTILE, slug: 'engines', members: [{email: ADA.email, role: 'owner' as const}]};

/** Ada's organization invites Bob as admin; the id from the mailed link. */
async function invitedBob() {
  const adapter = new MemoryAdapter({users: [ADA, BOB], organizations: [ENGINES]});
  await adapter.signInWithPassword(ADA);
  const [engines] = await adapter.listOrganizations();
  await adapter.inviteMembers(engines.id, {emails: [BOB.email], role: 'admin'});
  const url = new URL(adapter.latestInvitationUrl(BOB.email)!, location.href);
  const id = url.searchParams.get('id')!;
  await adapter.signOut();
  return {adapter, id, engines};
}

async function invitationPage(client: AuthClient, id: string | null, attributes: {afterAcceptUrl?: string} = {}) {
  const el = await mount<AuthOrgInvitation>(
    client,
    html`<auth-org-invitation invitation-id=${id ?? ''} after-accept-url=${attributes.afterAcceptUrl ?? ''}></auth-org-invitation>`,
    'auth-org-invitation',
  );
  await waitUntil(() => el.shadowRoot!.querySelector('h1'), 'no card rendered');
  return el;
}

const buttonNamed = (el: Element, text: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text);
const cardText = (el: Element) => el.shadowRoot!.querySelector('.card')!.textContent!.replace(/\s+/g, ' ');

describe('<auth-org-invitation>', () => {
  it('without an invitation id says the link is incomplete', async () => {
    const el = await invitationPage(clientFor(new MemoryAdapter({users: [ADA]})), null);
    expect(title(el)).to.equal("This invitation can't be used");
    expect(cardText(el)).to.contain('Open the link from the invitation email again');
    await expect(el).to.be.accessible();
  });

  it('signed out, asks to sign in or sign up with the invited address, then shows the invitation', async () => {
    const {adapter, id} = await invitedBob();
    const client = clientFor(adapter);
    const el = await invitationPage(client, id);
    expect(title(el)).to.equal("You're invited");
    const buttons = [...el.shadowRoot!.querySelectorAll('auth-sign-in-button, auth-sign-up-button')];
    expect(buttons.map((b) => b.localName)).to.deep.equal(['auth-sign-in-button', 'auth-sign-up-button']);
    await expect(el).to.be.accessible();

    // Signing in (the modal keeps the page) shows the invitation at once.
    await adapter.signInWithPassword(BOB);
    await client.refresh();
    await waitUntil(() => title(el).startsWith('Join'), 'the invitation never showed after signing in');
  });

  it('shows the invited person the organization, their role and who invited them — a hostile name as text', async () => {
    const {adapter, id} = await invitedBob();
    await adapter.signInWithPassword(BOB);
    const el = await invitationPage(clientFor(adapter), id);
    await waitUntil(() => title(el).startsWith('Join'));
    expect(title(el)).to.equal(`Join ${HOSTILE}`);
    expect(el.shadowRoot!.querySelector('img[src="x"]')).to.equal(null);
    expect(cardText(el)).to.match(/invited you to join as Admin\.|You're invited to join as Admin\./);
    expect(cardText(el)).to.contain(`Signed in as ${BOB.email}`);
    await expect(el).to.be.accessible();
  });

  it('accepting by keyboard joins: the organization is active, the event fires, the card says so', async () => {
    const {adapter, id, engines} = await invitedBob();
    await adapter.signInWithPassword(BOB);
    const client = clientFor(adapter);
    const el = await invitationPage(client, id);
    await waitUntil(() => buttonNamed(el, 'Accept invitation'));
    buttonNamed(el, 'Accept invitation')!.focus();
    const accepted = nextEvent(el, 'auth-invitation-accepted');
    await sendKeys({press: 'Enter'});
    const event = await accepted;
    expect(event.membership.organization.id).to.equal(engines.id);
    expect(event.membership.role).to.equal('admin');
    expect(client.membership?.organization.id).to.equal(engines.id);
    await waitUntil(() => title(el).startsWith("You've joined"));
    expect(cardText(el)).to.contain("You're a member now, as Admin.");
    // The new state's title takes the focus from the button that went away.
    expect(el.shadowRoot!.activeElement?.id).to.equal('title');
    await expect(el).to.be.accessible();
  });

  it('after-accept-url gets the organization slug and is followed; an unsafe one is refused', async () => {
    const {adapter, id} = await invitedBob();
    await adapter.signInWithPassword(BOB);
    const el = await invitationPage(clientFor(adapter), id, {afterAcceptUrl: '#/orgs/:slug'});
    await waitUntil(() => buttonNamed(el, 'Accept invitation'));
    buttonNamed(el, 'Accept invitation')!.click();
    await waitUntil(() => location.hash === '#/orgs/engines', 'never went to the organization page');
    history.replaceState(null, '', location.pathname + location.search);

    const second = await invitedBob();
    await second.adapter.signInWithPassword(BOB);
    const unsafe = await invitationPage(clientFor(second.adapter), second.id, {afterAcceptUrl: 'https://evil.example/:slug'});
    await waitUntil(() => buttonNamed(unsafe, 'Accept invitation'));
    buttonNamed(unsafe, 'Accept invitation')!.click();
    await waitUntil(() => title(unsafe).startsWith("You've joined"));
    expect(location.href).to.not.contain('evil');
  });

  it('declining says so, and the invitation is used up', async () => {
    const {adapter, id} = await invitedBob();
    await adapter.signInWithPassword(BOB);
    const el = await invitationPage(clientFor(adapter), id);
    await waitUntil(() => buttonNamed(el, 'Decline'));
    buttonNamed(el, 'Decline')!.click();
    await waitUntil(() => title(el) === 'Invitation declined');
    expect(cardText(el)).to.contain(`You won't join ${HOSTILE}.`);
    await expect(el).to.be.accessible();
    const again = await invitationPage(clientFor(adapter), id);
    await waitUntil(() => title(again) === "This invitation can't be used");
  });

  it('tells another account signed in that the invitation is not theirs, and offers to sign out', async () => {
    const {adapter, id} = await invitedBob();
    await adapter.signInWithPassword(ADA);
    const el = await invitationPage(clientFor(adapter), id);
    await waitUntil(() => title(el) === 'This invitation is for someone else');
    expect(cardText(el)).to.contain('This invitation is for another email address');
    expect(cardText(el)).to.contain(`Signed in as ${ADA.email}`);
    expect(el.shadowRoot!.querySelector('auth-sign-out-button')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an expired or revoked invitation gets its own message', async () => {
    const {adapter, id} = await invitedBob();
    adapter.expireInvitation(id);
    await adapter.signInWithPassword(BOB);
    const el = await invitationPage(clientFor(adapter), id);
    await waitUntil(() => title(el) === "This invitation can't be used");
    expect(cardText(el)).to.contain('This invitation has expired');

    const revoked = await invitedBob();
    await revoked.adapter.signInWithPassword(ADA);
    await revoked.adapter.revokeInvitation(revoked.id);
    await revoked.adapter.signOut();
    await revoked.adapter.signInWithPassword(BOB);
    const other = await invitationPage(clientFor(revoked.adapter), revoked.id);
    await waitUntil(() => title(other) === "This invitation can't be used");
    expect(cardText(other)).to.not.contain('expired');
    await expect(other).to.be.accessible();
  });

  it('the network down while loading: a retry; while accepting: the error, and Accept works again', async () => {
    const {adapter, id} = await invitedBob();
    await adapter.signInWithPassword(BOB);
    const getInvitation = adapter.getInvitation.bind(adapter);
    const acceptInvitation = adapter.acceptInvitation.bind(adapter);
    let down = true;
    adapter.getInvitation = (...args) => (down ? Promise.reject(new AuthError('network')) : getInvitation(...args));
    adapter.acceptInvitation = (...args) => (down ? Promise.reject(new AuthError('network')) : acceptInvitation(...args));
    const el = await invitationPage(clientFor(adapter), id);
    await waitUntil(() => buttonNamed(el, 'Try again'));
    await expect(el).to.be.accessible();
    down = false;
    buttonNamed(el, 'Try again')!.click();
    await waitUntil(() => buttonNamed(el, 'Accept invitation'));

    down = true;
    buttonNamed(el, 'Accept invitation')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'));
    expect(buttonNamed(el, 'Accept invitation')).to.not.equal(undefined);
    await expect(el).to.be.accessible();
    down = false;
    buttonNamed(el, 'Accept invitation')!.click();
    await waitUntil(() => title(el).startsWith("You've joined"));
  });

  it('accepts once, however often Accept is pressed', async () => {
    const {adapter, id} = await invitedBob();
    await adapter.signInWithPassword(BOB);
    let calls = 0;
    const acceptInvitation = adapter.acceptInvitation.bind(adapter);
    adapter.acceptInvitation = (...args) => (calls++, acceptInvitation(...args));
    const el = await invitationPage(clientFor(adapter), id);
    await waitUntil(() => buttonNamed(el, 'Accept invitation'));
    const button = buttonNamed(el, 'Accept invitation')!;
    button.click();
    await el.updateComplete;
    buttonNamed(el, 'Joining…')?.click();
    await waitUntil(() => title(el).startsWith("You've joined"));
    expect(calls).to.equal(1);
  });

  it('reads the id from the page URL when no attribute names it', async () => {
    const {adapter, id} = await invitedBob();
    await adapter.signInWithPassword(BOB);
    const before = location.href;
    history.replaceState(null, '', `?invite=${encodeURIComponent(id)}`);
    try {
      const client = clientFor(adapter);
      const el = await mount<AuthOrgInvitation>(client, html`<auth-org-invitation invitation-param="invite"></auth-org-invitation>`, 'auth-org-invitation');
      await waitUntil(() => el.shadowRoot!.querySelector('h1')?.textContent?.startsWith('Join'));
      expect(el.resolvedInvitationId).to.equal(id);
    } finally {
      history.replaceState(null, '', before);
    }
  });
});
