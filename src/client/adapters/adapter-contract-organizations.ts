/**
 * The contract suite's organization part: every IdentityAdapter with `organizations` must pass
 * it. Runs in the browser under web-test-runner, like adapter-contract.ts. Two people, each
 * with an adapter of their own (their own session): an owner and the person they invite.
 * What a role may do is the API's to enforce, so the member's refusals are asked of the
 * adapter directly, as no UI would. The two people sign up once for the suite (sign-ups are
 * rate limited); each test makes its own organization, so lists are checked for what that test
 * added or took away.
 */
import {expect} from '@open-wc/testing';
import type {IdentityAdapter} from './adapter.js';
import {expectAuthError, signOutEverywhere, signUpVerified, type ContractSetup} from './adapter-contract.js';
import type {Membership} from '../types.js';

export interface OrganizationsContractSetup extends ContractSetup {
  /** A fresh adapter for another person: its own session, apart from `adapter`'s. */
  otherPerson(): IdentityAdapter;
  /** The newest invitation link the API mailed to this address, or null. */
  readInvitationUrl(email: string): Promise<string | null>;
  /** Makes the invitation's time run out now. */
  expireInvitation(invitationId: string): Promise<void>;
}

const password = 'correct horse 1';

/** What the kit's roles grant (the reference server's, with its custom `reports:read`). */
const OWNER = ['invitation:cancel', 'invitation:create', 'member:create', 'member:delete', 'member:update', 'organization:delete', 'organization:update', 'reports:read'];
const ADMIN = OWNER.filter((permission) => permission !== 'organization:delete');

let slugs = 0;
const uniqueSlug = () => `team-${Date.now().toString(36)}-${++slugs}`;

export function runOrganizationsContract(label: string, setup: () => Promise<OrganizationsContractSetup> | OrganizationsContractSetup): void {
  describe(`IdentityAdapter organization contract: ${label}`, () => {
    let ctx: OrganizationsContractSetup;
    /** The owner's adapter. */
    let owner: IdentityAdapter;
    /** The other person's adapter (invited, then a member; a stranger to each new organization). */
    let other: IdentityAdapter;
    let ownerPerson: {email: string; name: string};
    let otherPerson: {email: string; name: string};

    before(async () => {
      ctx = await setup();
      owner = ctx.adapter;
      other = ctx.otherPerson();
      await owner.loadCapabilities?.();
      await other.loadCapabilities?.();
      ownerPerson = await signIn(owner, 'Olivia Owner');
      otherPerson = await signIn(other, 'Max Member');
    });

    after(async () => {
      // Cookie-mode adapters share the browser's cookies: leave no account signed in.
      for (const adapter of [owner, other]) await signOutEverywhere(adapter);
    });

    const ids = (list: Array<{id: string}>) => list.map((item) => item.id);

    /** A verified user signed in on `adapter`: their email and name. */
    const signIn = async (adapter: IdentityAdapter, name: string) => ({email: (await signUpVerified(ctx, adapter, {name, password})).email, name});

    /** A new organization of the owner's (the active one). */
    const withOrganization = async () => {
      const person = ownerPerson;
      const slug = uniqueSlug();
      const membership = await owner.createOrganization!({name: 'Acme Research', slug});
      return {...person, slug, membership, organizationId: membership.organization.id};
    };

    /** The invitation id in a link the API mailed (`…?id=<id>` or `…/<id>`). */
    const invitationIdIn = (url: string) => new URL(url, location.href).searchParams.get('id') ?? new URL(url, location.href).pathname.split('/').pop()!;

    /** The owner's organization with the other person in it as `role` (joined through the mailed invitation). */
    const withMember = async (role: 'member' | 'admin' = 'member') => {
      const org = await withOrganization();
      const person = otherPerson;
      const {invited, failed} = await owner.inviteMembers!(org.organizationId, {emails: [person.email], role});
      expect(failed).to.deep.equal([]);
      const membership = await other.acceptInvitation!(invited[0].id);
      const members = await owner.listMembers!(org.organizationId);
      const memberId = members.find((m) => m.user.email === person.email)!.id;
      const ownerMemberId = members.find((m) => m.user.email === org.email)!.id;
      return {...org, member: person, memberId, ownerMemberId, memberMembership: membership};
    };

    it('has organizations', () => {
      expect(owner.capabilities.organizations).to.equal(true);
    });

    describe('create, list and the active organization', () => {
      it('creates an organization with its creator as owner, active at once and listed', async () => {
        const {membership, slug} = await withOrganization();
        expect(membership.role).to.equal('owner');
        expect(membership.organization).to.include({name: 'Acme Research', slug, logoUrl: null});
        expect(membership.organization.id).to.be.a('string').and.not.equal('');
        expect(membership.organization.createdAt).to.be.instanceOf(Date);
        expect([...membership.permissions].sort()).to.deep.equal(OWNER);
        expect(await owner.getActiveMembership!()).to.deep.equal(membership);
        expect((await owner.listOrganizations!()).map((o) => o.slug)).to.include(slug);
      });

      it('refuses a taken slug, and says so when asked before', async () => {
        const {slug, organizationId} = await withOrganization();
        expect(await other.isSlugAvailable!(slug)).to.equal(false);
        const free = uniqueSlug();
        expect(await other.isSlugAvailable!(free)).to.equal(true);
        const before = ids(await other.listOrganizations!());
        await expectAuthError(other.createOrganization!({name: 'Copycat', slug}), 'slug_taken');
        expect(ids(await other.listOrganizations!())).to.deep.equal(before);
        expect(before).to.not.include(organizationId);
      });

      it('refuses a slug that is not lower-case letters, digits and hyphens', async () => {
        await expectAuthError(owner.createOrganization!({name: 'Bad', slug: 'Not A Slug'}), 'invalid_slug');
        await expectAuthError(owner.isSlugAvailable!('x/../y'), 'invalid_slug');
      });

      it('switches to the personal account and back; not to an organization the person is not in', async () => {
        const {organizationId, membership} = await withOrganization();
        expect(await owner.setActiveOrganization!(null)).to.equal(null);
        expect(await owner.getActiveMembership!()).to.equal(null);
        expect((await owner.getSession())?.session.activeOrganizationId).to.equal(null);
        expect(await owner.setActiveOrganization!(organizationId)).to.deep.equal(membership);
        expect((await owner.getActiveMembership!())?.organization.id).to.equal(organizationId);
        // The session says which one is active: the client reads the membership only then.
        expect((await owner.getSession())?.session.activeOrganizationId).to.equal(organizationId);
        await expectAuthError(other.setActiveOrganization!(organizationId), 'organization_not_found');
        await expectAuthError(other.listMembers!(organizationId), 'organization_not_found');
        expect((await other.getActiveMembership!())?.organization.id).to.not.equal(organizationId);
      });

      it('needs a session', async () => {
        const signedOut = ctx.otherPerson();
        await expectAuthError(signedOut.listOrganizations!(), 'session_expired');
        await expectAuthError(signedOut.createOrganization!({name: 'Nobody', slug: uniqueSlug()}), 'session_expired');
      });
    });

    describe('invitations', () => {
      it('invites several addresses with a role, mails each a link, and refuses a malformed one alone', async () => {
        const {organizationId, name} = await withOrganization();
        const [first, second] = [ctx.uniqueEmail(), ctx.uniqueEmail()];
        const {invited, failed} = await owner.inviteMembers!(organizationId, {emails: [first, 'not an email', second], role: 'admin'});
        expect(invited.map((i) => [i.email, i.role, i.status])).to.deep.equal([
          [first, 'admin', 'pending'],
          [second, 'admin', 'pending'],
        ]);
        expect(failed).to.deep.equal([{email: 'not an email', code: 'invalid_email'}]);
        expect(invited[0].organization).to.include({id: organizationId, name: 'Acme Research'});
        expect(invited[0].inviterName).to.equal(name);
        expect(invited[0].expiresAt.getTime()).to.be.greaterThan(Date.now());
        const url = await ctx.readInvitationUrl(first);
        expect(url, `an invitation was mailed to ${first}`).to.be.a('string');
        expect(invitationIdIn(url!)).to.equal(invited[0].id);
        const pending = await owner.listInvitations!(organizationId);
        expect(pending.map((i) => i.email).sort()).to.deep.equal([first, second].sort());
      });

      it('shows the invited person the invitation, and lets them join with its role', async () => {
        const {organizationId, email: ownerEmail} = await withOrganization();
        const person = otherPerson;
        const {invited} = await owner.inviteMembers!(organizationId, {emails: [person.email], role: 'member'});
        const id = invitationIdIn((await ctx.readInvitationUrl(person.email))!);
        const shown = await other.getInvitation!(id);
        expect(shown).to.include({id, email: person.email, role: 'member', status: 'pending'});
        // An API may not tell the invited person the inviter's name (better-auth tells only their email).
        expect([null, 'Olivia Owner']).to.include(shown.inviterName);
        expect(shown.organization.name).to.equal('Acme Research');
        expect(ids(await other.listMyInvitations!())).to.include(invited[0].id);
        const membership = await other.acceptInvitation!(id);
        expect(membership.role).to.equal('member');
        expect(membership.organization.id).to.equal(organizationId);
        expect(membership.permissions.filter((p) => /^(organization|member|invitation):/.test(p))).to.deep.equal([]);
        expect(await other.getActiveMembership!()).to.deep.equal(membership);
        expect(ids(await other.listOrganizations!())).to.include(organizationId);
        expect(ids(await other.listMyInvitations!())).to.not.include(id);
        const members = await owner.listMembers!(organizationId);
        expect(members.map((m) => [m.user.email, m.role])).to.deep.equal([
          [ownerEmail, 'owner'],
          [person.email, 'member'],
        ]);
        expect(members[1].user.name).to.equal('Max Member');
        expect(members[1].joinedAt).to.be.instanceOf(Date);
        expect(await owner.listInvitations!(organizationId)).to.deep.equal([]);
        // Used once.
        await expectAuthError(other.acceptInvitation!(id), 'invitation_used');
      });

      it('refuses an invitation for an address that is already a member', async () => {
        const {organizationId, member, email} = await withMember();
        const {invited, failed} = await owner.inviteMembers!(organizationId, {emails: [member.email, email], role: 'member'});
        expect(invited).to.deep.equal([]);
        expect(failed).to.deep.equal([
          {email: member.email, code: 'already_member'},
          {email, code: 'already_member'},
        ]);
      });

      it('tells a wrong account signed in so, and leaves the invitation pending', async () => {
        const {organizationId} = await withOrganization();
        const invitedEmail = ctx.uniqueEmail();
        const {invited} = await owner.inviteMembers!(organizationId, {emails: [invitedEmail], role: 'member'});
        await expectAuthError(other.getInvitation!(invited[0].id), 'wrong_account');
        await expectAuthError(other.acceptInvitation!(invited[0].id), 'wrong_account');
        await expectAuthError(other.declineInvitation!(invited[0].id), 'wrong_account');
        expect((await owner.listInvitations!(organizationId)).map((i) => i.id)).to.deep.equal([invited[0].id]);
      });

      it('a revoked invitation stops working', async () => {
        const {organizationId} = await withOrganization();
        const person = otherPerson;
        const {invited} = await owner.inviteMembers!(organizationId, {emails: [person.email], role: 'member'});
        await owner.revokeInvitation!(invited[0].id);
        expect(await owner.listInvitations!(organizationId)).to.deep.equal([]);
        await expectAuthError(other.getInvitation!(invited[0].id), 'invitation_revoked');
        await expectAuthError(other.acceptInvitation!(invited[0].id), 'invitation_revoked');
        await owner.revokeInvitation!(invited[0].id); // again: no change
        await expectAuthError(owner.resendInvitation!(invited[0].id), 'invitation_revoked');
        expect(ids(await other.listOrganizations!())).to.not.include(organizationId);
      });

      it('an expired invitation cannot be accepted; resending renews it', async () => {
        const {organizationId} = await withOrganization();
        const person = otherPerson;
        const {invited} = await owner.inviteMembers!(organizationId, {emails: [person.email], role: 'member'});
        await ctx.expireInvitation(invited[0].id);
        await expectAuthError(other.getInvitation!(invited[0].id), 'invitation_expired');
        await expectAuthError(other.acceptInvitation!(invited[0].id), 'invitation_expired');
        const renewed = await owner.resendInvitation!(invited[0].id);
        expect(renewed.expiresAt.getTime()).to.be.greaterThan(Date.now());
        expect(invitationIdIn((await ctx.readInvitationUrl(person.email))!)).to.equal(renewed.id);
        expect((await other.acceptInvitation!(renewed.id)).organization.id).to.equal(organizationId);
      });

      it('a declined invitation is used up', async () => {
        const {organizationId} = await withOrganization();
        const person = otherPerson;
        const {invited} = await owner.inviteMembers!(organizationId, {emails: [person.email], role: 'member'});
        await other.declineInvitation!(invited[0].id);
        expect(ids(await other.listMyInvitations!())).to.not.include(invited[0].id);
        expect(await owner.listInvitations!(organizationId)).to.deep.equal([]);
        await expectAuthError(other.acceptInvitation!(invited[0].id), 'invitation_used');
        await expectAuthError(owner.revokeInvitation!(invited[0].id), 'invitation_used');
        expect(ids(await other.listOrganizations!())).to.not.include(organizationId);
      });

      it('an unknown invitation is not found', async () => {
        await expectAuthError(other.getInvitation!('no-such-invitation'), 'invitation_not_found');
        await expectAuthError(other.acceptInvitation!('no-such-invitation'), 'invitation_not_found');
      });
    });

    describe('roles, enforced by the API', () => {
      it('a member cannot change roles, remove members, invite, update or delete', async () => {
        const {organizationId, ownerMemberId, memberId} = await withMember();
        await expectAuthError(other.updateMemberRole!(organizationId, memberId, 'admin'), 'forbidden');
        await expectAuthError(other.updateMemberRole!(organizationId, ownerMemberId, 'member'), 'forbidden');
        await expectAuthError(other.removeMember!(organizationId, ownerMemberId), 'forbidden');
        await expectAuthError(other.inviteMembers!(organizationId, {emails: [ctx.uniqueEmail()], role: 'member'}), 'forbidden');
        const {invited} = await owner.inviteMembers!(organizationId, {emails: [ctx.uniqueEmail()], role: 'member'});
        await expectAuthError(other.revokeInvitation!(invited[0].id), 'forbidden');
        await expectAuthError(other.resendInvitation!(invited[0].id), 'forbidden');
        await expectAuthError(other.updateOrganization!(organizationId, {name: 'Taken over'}), 'forbidden');
        await expectAuthError(other.deleteOrganization!(organizationId), 'forbidden');
        // Nothing changed.
        const members = await owner.listMembers!(organizationId);
        expect(members.map((m) => m.role)).to.deep.equal(['owner', 'member']);
        expect((await owner.getActiveMembership!())?.organization.name).to.equal('Acme Research');
      });

      it('the owner makes a member admin: their permissions follow, but not the owner\'s', async () => {
        const {organizationId, memberId, ownerMemberId} = await withMember();
        const updated = await owner.updateMemberRole!(organizationId, memberId, 'admin');
        expect(updated).to.include({id: memberId, role: 'admin'});
        const membership = (await other.getActiveMembership!()) as Membership;
        expect(membership.role).to.equal('admin');
        expect([...membership.permissions].sort()).to.deep.equal(ADMIN);
        // An admin may invite and rename, not delete, and not touch the owner.
        const {invited} = await other.inviteMembers!(organizationId, {emails: [ctx.uniqueEmail()], role: 'member'});
        expect(invited).to.have.length(1);
        await expectAuthError(other.updateMemberRole!(organizationId, ownerMemberId, 'member'), 'forbidden');
        await expectAuthError(other.updateMemberRole!(organizationId, memberId, 'owner'), 'forbidden');
        await expectAuthError(other.deleteOrganization!(organizationId), 'forbidden');
      });

      it('the last owner can neither leave nor be demoted, until there is another owner', async () => {
        const {organizationId, ownerMemberId, memberId} = await withMember();
        await expectAuthError(owner.leaveOrganization!(organizationId), 'last_owner');
        await expectAuthError(owner.updateMemberRole!(organizationId, ownerMemberId, 'admin'), 'last_owner');
        await owner.updateMemberRole!(organizationId, memberId, 'owner');
        await owner.leaveOrganization!(organizationId);
        expect(ids(await owner.listOrganizations!())).to.not.include(organizationId);
        expect(await owner.getActiveMembership!()).to.equal(null);
        const members = await other.listMembers!(organizationId);
        expect(members.map((m) => [m.id, m.role])).to.deep.equal([[memberId, 'owner']]);
      });

      it('removing a member takes their access away', async () => {
        const {organizationId, memberId} = await withMember();
        await owner.removeMember!(organizationId, memberId);
        expect((await owner.listMembers!(organizationId)).map((m) => m.role)).to.deep.equal(['owner']);
        expect(await other.getActiveMembership!()).to.equal(null);
        expect(ids(await other.listOrganizations!())).to.not.include(organizationId);
        await expectAuthError(other.listMembers!(organizationId), 'organization_not_found');
        await expectAuthError(owner.removeMember!(organizationId, memberId), 'member_not_found');
      });

      it('a member leaves', async () => {
        const {organizationId} = await withMember();
        await other.leaveOrganization!(organizationId);
        expect(ids(await other.listOrganizations!())).to.not.include(organizationId);
        expect((await owner.listMembers!(organizationId)).map((m) => m.role)).to.deep.equal(['owner']);
      });
    });

    describe('update and delete', () => {
      it('the owner renames and moves the slug; a taken slug is refused', async () => {
        const {organizationId} = await withOrganization();
        const slug = uniqueSlug();
        const updated = await owner.updateOrganization!(organizationId, {name: 'Acme Labs', slug});
        expect(updated).to.include({id: organizationId, name: 'Acme Labs', slug});
        expect((await owner.getActiveMembership!())?.organization.name).to.equal('Acme Labs');
        const second = await owner.createOrganization!({name: 'Second', slug: uniqueSlug()});
        await expectAuthError(owner.updateOrganization!(second.organization.id, {slug}), 'slug_taken');
      });

      it('deleting an organization takes it away from every member', async () => {
        const {organizationId} = await withMember();
        await owner.deleteOrganization!(organizationId);
        expect(ids(await owner.listOrganizations!())).to.not.include(organizationId);
        expect(await owner.getActiveMembership!()).to.equal(null);
        expect(ids(await other.listOrganizations!())).to.not.include(organizationId);
        expect(await other.getActiveMembership!()).to.equal(null);
      });
    });
  });
}
