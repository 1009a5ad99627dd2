/**
 * The memory adapter's organizations, with the reference server's rules (better-auth's
 * organization plugin and the kit's access control): roles and permissions enforced here, not
 * by the UI (a member changing a role is `forbidden`), only an owner makes or removes owners,
 * the last owner can neither leave nor be demoted (`last_owner`), unique slugs
 * (`slug_taken`), invitations mailed with a link, expiring, accepted or declined once, and
 * only by the invited address (`wrong_account`). The active organization belongs to the
 * session, like better-auth's `activeOrganizationId`.
 */
import {AuthError} from '../errors.js';
import {SLUG_PATTERN} from '../slug.js';
import {isValidEmail} from '../validation.js';
import type {
  Invitation,
  InviteInput,
  InviteResult,
  ListOptions,
  Member,
  Membership,
  Organization,
  OrganizationChanges,
  OrganizationInput,
  OrganizationRole,
  Permission,
} from '../types.js';
import type {OrganizationAdapter} from './adapter.js';
import {MemoryFactors} from './memory-factors.js';
import {randomId, type MemoryStore} from './memory-store.js';

/** What each role may do: better-auth's default statements (without teams) plus the reference server's `reports:read`. */
export const MEMORY_ROLE_PERMISSIONS: Record<OrganizationRole, readonly Permission[]> = {
  owner: ['invitation:cancel', 'invitation:create', 'member:create', 'member:delete', 'member:update', 'organization:delete', 'organization:update', 'reports:read'],
  admin: ['invitation:cancel', 'invitation:create', 'member:create', 'member:delete', 'member:update', 'organization:update', 'reports:read'],
  member: [],
};

/** Slugs the reference server accepts (src/client/slug.ts, where the elements read it too). */
export {SLUG_PATTERN};

/** better-auth's default: an invitation is good for 48 hours. */
const INVITATION_TTL_MS = 48 * 3600_000;

export interface MemoryOrganizationSeed {
  name: string;
  slug: string;
  logoUrl?: string | null;
  /** Seeded users (by email) and their roles; give at least one owner. */
  members: Array<{email: string; role: OrganizationRole}>;
  /**
   * Pending invitations from its first owner (not mailed). `id` fixes the invitation's id, for a
   * story's `<auth-org-invitation invitation-id>`; `expired` makes its time already up.
   */
  invitations?: Array<{email: string; role: OrganizationRole; id?: string; expired?: boolean}>;
}

export interface MemoryOrganizationOptions {
  organizations?: MemoryOrganizationSeed[];
  /** The invitation page the mail links to; `{id}` is replaced. Default `/invitation?id={id}`. */
  invitationUrl?: string;
  /** How long an invitation stays valid. Default 48 hours. */
  invitationTtlMs?: number;
}

interface StoredOrganization {
  id: string;
  name: string;
  slug: string;
  logoUrl: string | null;
  createdAt: number;
}

interface StoredMember {
  id: string;
  organizationId: string;
  userId: string;
  role: OrganizationRole;
  joinedAt: number;
}

interface StoredInvitation {
  id: string;
  organizationId: string;
  email: string;
  role: OrganizationRole;
  status: 'pending' | 'accepted' | 'declined' | 'revoked';
  expiresAt: number;
  inviterId: string;
}

interface OrganizationData {
  organizations: Map<string, StoredOrganization>;
  members: Map<string, StoredMember>;
  invitations: Map<string, StoredInvitation>;
  /** The active organization of each session. */
  active: Map<string, string>;
}

/** One store's organizations, shared by all its devices (`newDevice()`). */
const data = new WeakMap<MemoryStore, OrganizationData>();

const ROLE_ORDER: Record<OrganizationRole, number> = {owner: 0, admin: 1, member: 2};

export abstract class MemoryOrganizations extends MemoryFactors implements OrganizationAdapter {
  protected organizationOptions: MemoryOrganizationOptions = {};

  /** The newest invitation link mailed to `email`, or null. */
  latestInvitationUrl(email: string): string | null {
    const to = email.toLowerCase();
    const {mailbox} = this.store;
    for (let i = mailbox.length - 1; i >= 0; i--) if (mailbox[i].to === to && mailbox[i].url) return mailbox[i].url!;
    return null;
  }

  /** Test support: the invitation's time is up now. */
  expireInvitation(invitationId: string) {
    const invitation = this.orgData.invitations.get(invitationId);
    if (invitation) invitation.expiresAt = Date.now() - 1000;
  }

  protected override activeOrganizationOf(sessionId: string): string | null {
    return this.orgData.active.get(sessionId) ?? null;
  }

  /** Adds the seeded organizations (called once by the constructor, after the users). */
  protected seedOrganizations(seeds: MemoryOrganizationSeed[]) {
    for (const seed of seeds) {
      const organization: StoredOrganization = {id: randomId(), name: seed.name, slug: seed.slug, logoUrl: seed.logoUrl ?? null, createdAt: Date.now()};
      this.orgData.organizations.set(organization.id, organization);
      for (const {email, role} of seed.members) {
        const stored = this.store.users.get(email.toLowerCase());
        if (!stored) throw new Error(`MemoryAdapter: organization ${seed.slug} names ${email}, who is not among the seeded users`);
        this.addMember(organization.id, stored.user.id, role);
      }
      const owner = this.membersOf({organizationId: organization.id}).find((member) => member.role === 'owner');
      for (const {email, role, id = randomId(), expired} of seed.invitations ?? []) {
        if (!owner) throw new Error(`MemoryAdapter: organization ${seed.slug} has invitations but no owner to send them`);
        const expiresAt = expired ? Date.now() - 1000 : Date.now() + this.invitationTtl;
        this.orgData.invitations.set(id, {id, organizationId: organization.id, email: email.toLowerCase(), role, status: 'pending', expiresAt, inviterId: owner.userId});
      }
    }
  }

  async listOrganizations(options?: ListOptions): Promise<Organization[]> {
    await this.delay();
    options?.signal?.throwIfAborted();
    const {stored} = this.orgSignedIn();
    return this.membersOf({userId: stored.user.id})
      .map((member) => this.organization(member.organizationId))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async createOrganization({name, slug, logoUrl = null}: OrganizationInput): Promise<Membership> {
    await this.delay();
    const {stored, session} = this.orgSignedIn();
    if (!name.trim()) throw new AuthError('unknown', 'The organization needs a name', {status: 400});
    this.checkSlug(slug);
    const organization: StoredOrganization = {id: randomId(), name: name.trim(), slug, logoUrl, createdAt: Date.now()};
    this.orgData.organizations.set(organization.id, organization);
    const member = this.addMember(organization.id, stored.user.id, 'owner');
    this.orgData.active.set(session.id, organization.id);
    return this.membership(member);
  }

  async isSlugAvailable(slug: string, options?: ListOptions): Promise<boolean> {
    await this.delay();
    options?.signal?.throwIfAborted();
    this.orgSignedIn();
    if (!SLUG_PATTERN.test(slug)) throw new AuthError('invalid_slug', 'invalid_slug', {status: 400});
    return !this.slugTaken(slug);
  }

  async setActiveOrganization(organizationId: string | null): Promise<Membership | null> {
    await this.delay();
    const {session} = this.orgSignedIn();
    if (organizationId === null) {
      this.orgData.active.delete(session.id);
      return null;
    }
    const member = this.myMember(organizationId);
    this.orgData.active.set(session.id, organizationId);
    return this.membership(member);
  }

  async getActiveMembership(options?: ListOptions): Promise<Membership | null> {
    await this.delay();
    options?.signal?.throwIfAborted();
    const {stored, session} = this.orgSignedIn();
    const organizationId = this.orgData.active.get(session.id);
    const member = organizationId ? this.membersOf({organizationId, userId: stored.user.id})[0] : undefined;
    if (!member) {
      this.orgData.active.delete(session.id);
      return null;
    }
    return this.membership(member);
  }

  async updateOrganization(organizationId: string, changes: OrganizationChanges): Promise<Organization> {
    await this.delay();
    this.require(this.myMember(organizationId), 'organization:update');
    const organization = this.orgData.organizations.get(organizationId)!;
    if (changes.name !== undefined && !changes.name.trim()) throw new AuthError('unknown', 'The organization needs a name', {status: 400});
    if (changes.slug !== undefined && changes.slug !== organization.slug) this.checkSlug(changes.slug);
    if (changes.name !== undefined) organization.name = changes.name.trim();
    if (changes.slug !== undefined) organization.slug = changes.slug;
    if (changes.logoUrl !== undefined) organization.logoUrl = changes.logoUrl;
    return this.organization(organizationId);
  }

  async deleteOrganization(organizationId: string): Promise<void> {
    await this.delay();
    this.require(this.myMember(organizationId), 'organization:delete');
    const {organizations, members, invitations, active} = this.orgData;
    organizations.delete(organizationId);
    for (const [id, member] of members) if (member.organizationId === organizationId) members.delete(id);
    for (const [id, invitation] of invitations) if (invitation.organizationId === organizationId) invitations.delete(id);
    for (const [sessionId, id] of active) if (id === organizationId) active.delete(sessionId);
  }

  async leaveOrganization(organizationId: string): Promise<void> {
    await this.delay();
    const member = this.myMember(organizationId);
    this.checkNotLastOwner(member);
    this.dropMember(member);
  }

  async listMembers(organizationId: string, options?: ListOptions): Promise<Member[]> {
    await this.delay();
    options?.signal?.throwIfAborted();
    this.myMember(organizationId);
    return this.membersOf({organizationId})
      .map((member) => this.member(member))
      .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.user.name.localeCompare(b.user.name));
  }

  async updateMemberRole(organizationId: string, memberId: string, role: OrganizationRole): Promise<Member> {
    await this.delay();
    const me = this.require(this.myMember(organizationId), 'member:update');
    const target = this.targetMember(organizationId, memberId);
    if ((role === 'owner' || target.role === 'owner') && me.role !== 'owner') throw forbidden();
    if (target.role === 'owner' && role !== 'owner') this.checkNotLastOwner(target);
    target.role = role;
    return this.member(target);
  }

  async removeMember(organizationId: string, memberId: string): Promise<void> {
    await this.delay();
    const me = this.require(this.myMember(organizationId), 'member:delete');
    const target = this.targetMember(organizationId, memberId);
    if (target.role === 'owner' && me.role !== 'owner') throw forbidden();
    this.checkNotLastOwner(target);
    this.dropMember(target);
  }

  async inviteMembers(organizationId: string, {emails, role}: InviteInput): Promise<InviteResult> {
    await this.delay();
    const me = this.require(this.myMember(organizationId), 'invitation:create');
    if (role === 'owner' && me.role !== 'owner') throw forbidden();
    const result: InviteResult = {invited: [], failed: []};
    for (const raw of emails) {
      const email = raw.trim().toLowerCase();
      if (!isValidEmail(email)) {
        result.failed.push({email: raw, code: 'invalid_email'});
        continue;
      }
      const user = this.store.users.get(email)?.user;
      if (user && this.membersOf({organizationId, userId: user.id}).length) {
        result.failed.push({email, code: 'already_member'});
        continue;
      }
      let invitation = [...this.orgData.invitations.values()].find((i) => i.organizationId === organizationId && i.email === email && i.status === 'pending');
      if (invitation) {
        invitation.role = role;
        invitation.expiresAt = Date.now() + this.invitationTtl;
        invitation.inviterId = me.userId;
      } else {
        invitation = {id: randomId(), organizationId, email, role, status: 'pending', expiresAt: Date.now() + this.invitationTtl, inviterId: me.userId};
        this.orgData.invitations.set(invitation.id, invitation);
      }
      this.mailInvitation(invitation);
      result.invited.push(this.invitation(invitation));
    }
    return result;
  }

  async listInvitations(organizationId: string, options?: ListOptions): Promise<Invitation[]> {
    await this.delay();
    options?.signal?.throwIfAborted();
    this.myMember(organizationId);
    return this.pendingInvitations((i) => i.organizationId === organizationId);
  }

  async listMyInvitations(options?: ListOptions): Promise<Invitation[]> {
    await this.delay();
    options?.signal?.throwIfAborted();
    const {stored} = this.orgSignedIn();
    return this.pendingInvitations((i) => i.email === stored.user.email);
  }

  async revokeInvitation(invitationId: string): Promise<void> {
    await this.delay();
    const invitation = this.manageableInvitation(invitationId, 'invitation:cancel', true);
    invitation.status = 'revoked';
  }

  async resendInvitation(invitationId: string): Promise<Invitation> {
    await this.delay();
    const invitation = this.manageableInvitation(invitationId, 'invitation:create');
    invitation.expiresAt = Date.now() + this.invitationTtl;
    this.mailInvitation(invitation);
    return this.invitation(invitation);
  }

  async acceptInvitation(invitationId: string): Promise<Membership> {
    await this.delay();
    const {stored, session} = this.orgSignedIn();
    const invitation = this.myInvitation(invitationId, stored.user.email);
    if (this.membersOf({organizationId: invitation.organizationId, userId: stored.user.id}).length) {
      throw new AuthError('already_member', 'already_member', {status: 400});
    }
    invitation.status = 'accepted';
    const member = this.addMember(invitation.organizationId, stored.user.id, invitation.role);
    this.orgData.active.set(session.id, invitation.organizationId);
    return this.membership(member);
  }

  async declineInvitation(invitationId: string): Promise<void> {
    await this.delay();
    const {stored} = this.orgSignedIn();
    this.myInvitation(invitationId, stored.user.email).status = 'declined';
  }

  async getInvitation(invitationId: string, options?: ListOptions): Promise<Invitation> {
    await this.delay();
    options?.signal?.throwIfAborted();
    const {stored} = this.orgSignedIn();
    return this.invitation(this.myInvitation(invitationId, stored.user.email));
  }

  private get orgData(): OrganizationData {
    let found = data.get(this.store);
    if (!found) data.set(this.store, (found = {organizations: new Map(), members: new Map(), invitations: new Map(), active: new Map()}));
    return found;
  }

  private get invitationTtl() {
    return this.organizationOptions.invitationTtlMs ?? INVITATION_TTL_MS;
  }

  /** Signed in, and the API has organizations. */
  private orgSignedIn() {
    if (!this.capabilities.organizations) throw new AuthError('unsupported');
    return this.signedIn();
  }

  private membersOf({organizationId, userId}: {organizationId?: string; userId?: string}): StoredMember[] {
    return [...this.orgData.members.values()].filter(
      (m) => (!organizationId || m.organizationId === organizationId) && (!userId || m.userId === userId) && this.store.userById(m.userId) && this.orgData.organizations.has(m.organizationId),
    );
  }

  /** The signed-in person's membership of the organization, or `organization_not_found`. */
  private myMember(organizationId: string): StoredMember {
    const {stored} = this.orgSignedIn();
    const member = this.membersOf({organizationId, userId: stored.user.id})[0];
    if (!member) throw new AuthError('organization_not_found', 'organization_not_found', {status: 400});
    return member;
  }

  private targetMember(organizationId: string, memberId: string): StoredMember {
    const member = this.orgData.members.get(memberId);
    if (!member || member.organizationId !== organizationId || !this.store.userById(member.userId)) {
      throw new AuthError('member_not_found', 'member_not_found', {status: 400});
    }
    return member;
  }

  private require(member: StoredMember, permission: Permission): StoredMember {
    if (!MEMORY_ROLE_PERMISSIONS[member.role].includes(permission)) throw forbidden();
    return member;
  }

  private checkNotLastOwner(member: StoredMember) {
    if (member.role !== 'owner') return;
    const owners = this.membersOf({organizationId: member.organizationId}).filter((m) => m.role === 'owner');
    if (owners.length <= 1) throw new AuthError('last_owner', 'last_owner', {status: 400});
  }

  private checkSlug(slug: string) {
    if (!SLUG_PATTERN.test(slug)) throw new AuthError('invalid_slug', 'invalid_slug', {status: 400});
    if (this.slugTaken(slug)) throw new AuthError('slug_taken', 'slug_taken', {status: 400});
  }

  private slugTaken(slug: string) {
    return [...this.orgData.organizations.values()].some((o) => o.slug === slug);
  }

  private addMember(organizationId: string, userId: string, role: OrganizationRole): StoredMember {
    const member: StoredMember = {id: randomId(), organizationId, userId, role, joinedAt: Date.now()};
    this.orgData.members.set(member.id, member);
    return member;
  }

  /** Removes a membership; the sessions of that person with it active have none active afterwards. */
  private dropMember(member: StoredMember) {
    this.orgData.members.delete(member.id);
    for (const [sessionId, organizationId] of this.orgData.active) {
      if (organizationId === member.organizationId && this.store.sessions.get(sessionId)?.userId === member.userId) this.orgData.active.delete(sessionId);
    }
  }

  /** A pending invitation the signed-in person may revoke or resend. */
  private manageableInvitation(invitationId: string, permission: Permission, revoking = false): StoredInvitation {
    const invitation = this.orgData.invitations.get(invitationId);
    if (!invitation || !this.orgData.organizations.has(invitation.organizationId)) throw notFound();
    this.require(this.myMember(invitation.organizationId), permission);
    // Revoking a revoked invitation changes nothing (better-auth's answer too).
    if (!(revoking && invitation.status === 'revoked')) checkPending(invitation, false);
    return invitation;
  }

  /** A pending, unexpired invitation to `email`. */
  private myInvitation(invitationId: string, email: string): StoredInvitation {
    const invitation = this.orgData.invitations.get(invitationId);
    if (!invitation || !this.orgData.organizations.has(invitation.organizationId)) throw notFound();
    checkPending(invitation, true);
    if (invitation.email !== email) throw new AuthError('wrong_account', 'wrong_account', {status: 403});
    return invitation;
  }

  private pendingInvitations(filter: (invitation: StoredInvitation) => boolean): Invitation[] {
    return [...this.orgData.invitations.values()]
      .filter((i) => i.status === 'pending' && i.expiresAt > Date.now() && this.orgData.organizations.has(i.organizationId) && filter(i))
      .reverse()
      .map((i) => this.invitation(i));
  }

  private mailInvitation(invitation: StoredInvitation) {
    const organization = this.orgData.organizations.get(invitation.organizationId)!;
    const inviter = this.store.userById(invitation.inviterId)?.user.name ?? 'Someone';
    const url = (this.organizationOptions.invitationUrl ?? '/invitation?id={id}').replace('{id}', encodeURIComponent(invitation.id));
    this.store.mailbox.push({
      to: invitation.email,
      subject: `You are invited to ${organization.name}`,
      text: `${inviter} invited you to ${organization.name}.\nAccept the invitation: ${url}`,
      code: '',
      url,
      createdAt: new Date().toISOString(),
    });
  }

  private organization(organizationId: string): Organization {
    const {id, name, slug, logoUrl, createdAt} = this.orgData.organizations.get(organizationId)!;
    return {id, name, slug, logoUrl, createdAt: new Date(createdAt)};
  }

  private membership(member: StoredMember): Membership {
    return {organization: this.organization(member.organizationId), role: member.role, permissions: [...MEMORY_ROLE_PERMISSIONS[member.role]]};
  }

  private member(member: StoredMember): Member {
    const {id, name, email, imageUrl} = this.store.userById(member.userId)!.user;
    return {id: member.id, user: {id, name, email, imageUrl}, role: member.role, joinedAt: new Date(member.joinedAt)};
  }

  private invitation(invitation: StoredInvitation): Invitation {
    const {id, name, slug, logoUrl} = this.organization(invitation.organizationId);
    const expired = invitation.status === 'pending' && invitation.expiresAt <= Date.now();
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      status: expired ? 'expired' : invitation.status,
      expiresAt: new Date(invitation.expiresAt),
      organization: {id, name, slug, logoUrl},
      inviterName: this.store.userById(invitation.inviterId)?.user.name ?? null,
    };
  }
}

const forbidden = () => new AuthError('forbidden', 'forbidden', {status: 403});
const notFound = () => new AuthError('invitation_not_found', 'invitation_not_found', {status: 400});

/** Rejects an invitation that is no longer pending (or, when `expiry`, whose time is up). */
function checkPending(invitation: StoredInvitation, expiry: boolean) {
  if (invitation.status === 'revoked') throw new AuthError('invitation_revoked', 'invitation_revoked', {status: 400});
  if (invitation.status !== 'pending') throw new AuthError('invitation_used', 'invitation_used', {status: 400});
  if (expiry && invitation.expiresAt <= Date.now()) throw new AuthError('invitation_expired', 'invitation_expired', {status: 400});
}
