// Organizations against the real server (better-auth's organization plugin, SQLite): the owner in
// this browser's cookies, the invited person on a bearer-mode client of their own (a second
// device). The invitation page joins them; <auth-show> and the token's org claim follow their
// role as the owner changes it, and removal takes both away.
import {expect} from '@open-wc/testing';
import {BetterAuthAdapter} from '../../src/client/adapters/better-auth.js';
import type {AuthClient} from '../../src/client/auth-client.js';
import type {AuthOrgInvitation} from '../../src/elements/org-invitation/org-invitation.js';
import {clientFor, fixture, html, title, waitUntil} from '../helpers.js';
import {API, latestCode, uniqueEmail} from '../real-server.js';
import type {AuthProvider} from '../../src/elements/provider/provider.js';

const PASSWORD = 'babbage1834';

async function signedUp(adapter: BetterAuthAdapter, name: string): Promise<string> {
  const email = uniqueEmail('org');
  await adapter.signUp({name, email, password: PASSWORD});
  await adapter.verifyEmail(email, await latestCode(email));
  return email;
}

/** The invitation id of the newest link mailed to `email`. */
async function mailedInvitationId(email: string): Promise<string> {
  const mail: Array<{to: string; text: string}> = await (await fetch('/__mail.json')).json();
  const url = mail.filter((message) => message.to === email.toLowerCase()).map((message) => /Accept the invitation: (\S+)/.exec(message.text)?.[1]).filter(Boolean).at(-1);
  if (!url) throw new Error(`no invitation mailed to ${email}`);
  return new URL(url, location.href).searchParams.get('id')!;
}

/** The `org` claim of the client's token, decoded (the backend test verifies the signature). */
async function orgClaim(client: AuthClient): Promise<{slug: string; role: string; permissions: string[]} | null> {
  const token = (await client.getToken())!;
  const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {org: {slug: string; role: string; permissions: string[]} | null};
  return payload.org;
}

const shown = (element: Element | null) => !!element && element.getClientRects().length > 0;

describe('organizations against the real server', () => {
  let ownerClient: AuthClient;
  let memberClient: AuthClient;
  let memberEmail: string;

  before(async () => {
    const ownerAdapter = new BetterAuthAdapter({baseURL: API});
    const memberAdapter = new BetterAuthAdapter({baseURL: API, mode: 'bearer'});
    await signedUp(ownerAdapter, 'Olivia Owner');
    memberEmail = await signedUp(memberAdapter, 'Max <img src=x onerror=alert(1)> Member');
    ownerClient = clientFor(ownerAdapter);
    memberClient = clientFor(memberAdapter);
    await Promise.all([ownerClient.ready, memberClient.ready]);
  });

  after(async () => {
    await ownerClient.signOut().catch(() => {});
    await memberClient.signOut().catch(() => {});
    ownerClient.dispose();
    memberClient.dispose();
  });

  it('an invitation joins through its page; the role shows in <auth-show> and the token; removal takes it away', async () => {
    const slug = `engines-${Date.now()}`;
    const created = await ownerClient.organizations.createOrganization({name: 'Analytical Engines', slug});
    expect(ownerClient.has({role: 'owner', permission: 'reports:read'})).to.equal(true);
    expect((await orgClaim(ownerClient))?.role).to.equal('owner');
    const organizationId = created.organization.id;
    const {invited, failed} = await ownerClient.organizations.inviteMembers(organizationId, {emails: [memberEmail], role: 'member'});
    expect(failed).to.deep.equal([]);
    expect(invited).to.have.length(1);

    // The invited person opens the mailed link's page, signed in on their own device.
    const provider = await fixture<AuthProvider>(html`<auth-provider .client=${memberClient}>
      <auth-org-invitation invitation-id=${await mailedInvitationId(memberEmail)}></auth-org-invitation>
      <auth-show permission="reports:read"><p id="reports">Reports</p><p slot="fallback" id="no-reports">Ask an admin</p></auth-show>
    </auth-provider>`);
    const invitation = provider.querySelector<AuthOrgInvitation>('auth-org-invitation')!;
    await waitUntil(() => invitation.shadowRoot?.querySelector('h1') && title(invitation) === 'Join Analytical Engines', 'the invitation did not show');
    await expect(invitation).to.be.accessible();
    [...invitation.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Accept invitation')!.click();
    await waitUntil(() => title(invitation) === "You've joined Analytical Engines");
    expect(memberClient.membership?.organization.slug).to.equal(slug);
    await waitUntil(() => shown(provider.querySelector('#no-reports')));
    expect(shown(provider.querySelector('#reports'))).to.equal(false);
    const asMember = await orgClaim(memberClient);
    expect([asMember?.slug, asMember?.role, asMember?.permissions]).to.deep.equal([slug, 'member', []]);

    // The owner makes them admin: after their next session check, the content and the token follow.
    const members = await ownerClient.organizations.listMembers(organizationId);
    const member = members.find((m) => m.user.email === memberEmail)!;
    expect(member.user.name).to.equal('Max <img src=x onerror=alert(1)> Member');
    await ownerClient.organizations.updateMemberRole(organizationId, member.id, 'admin');
    await memberClient.refresh();
    await waitUntil(() => shown(provider.querySelector('#reports')), 'the admin never saw the reports');
    const asAdmin = await orgClaim(memberClient);
    expect(asAdmin?.role).to.equal('admin');
    expect(asAdmin?.permissions).to.include('reports:read');

    // The API, not the UI, decides: as admin they still cannot remove the owner.
    const ownerMember = members.find((m) => m.role === 'owner')!;
    const refused = await memberClient.organizations.removeMember(organizationId, ownerMember.id).catch((error: unknown) => error);
    expect((refused as {code: string}).code).to.equal('forbidden');

    // Removed: no membership, no reports, and a token without the organization.
    await ownerClient.organizations.removeMember(organizationId, member.id);
    await memberClient.refresh();
    expect(memberClient.membership).to.equal(null);
    await waitUntil(() => shown(provider.querySelector('#no-reports')));
    expect(await orgClaim(memberClient)).to.equal(null);

    // The owner deletes it: back to the personal account.
    await ownerClient.organizations.deleteOrganization(organizationId);
    expect(ownerClient.membership).to.equal(null);
    expect(await orgClaim(ownerClient)).to.equal(null);
  });
});
