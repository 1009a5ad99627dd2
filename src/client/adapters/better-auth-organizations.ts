/**
 * The better-auth adapter's organization methods: the organization plugin's routes (1.7) and the
 * reference server's rules (server/organization-rules.js, docs/backend.md "Organizations").
 * Loaded on first use, with their schemas: a sign-in page never fetches them. Roles come as
 * better-auth names them (several as `"admin,member"`); the permissions of each role come from
 * the capabilities' `organizationRoles` (better-auth's defaults when the API does not say).
 */
import {AuthError, type AuthErrorCode} from '../errors.js';
import {
  betterAuthAny,
  betterAuthInvitation,
  betterAuthInvitationList,
  betterAuthMember,
  betterAuthMemberList,
  betterAuthOrganization,
  betterAuthOrganizationList,
  betterAuthOrganizationRoles,
  betterAuthSetActiveOrganization,
  betterAuthSlugFree,
} from '../schemas-organizations.js';
import type {
  Invitation,
  InvitationStatus,
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
import type {AccountTransport} from './better-auth-account.js';
import type * as v from 'valibot';

type BetterAuthOrganization = v.InferOutput<typeof betterAuthOrganization>;
type BetterAuthInvitation = v.InferOutput<typeof betterAuthInvitation>;
type BetterAuthMemberWithUser = v.InferOutput<typeof betterAuthMemberList>['members'][number];

/** better-auth's default roles without teams and dynamic access control (an API without the kit's plugin). */
const DEFAULT_ROLES: Record<string, string[]> = {
  owner: ['invitation:cancel', 'invitation:create', 'member:create', 'member:delete', 'member:update', 'organization:delete', 'organization:update'],
  admin: ['invitation:cancel', 'invitation:create', 'member:create', 'member:delete', 'member:update', 'organization:update'],
  member: [],
};

const FORBIDDEN_CODES = [
  'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER',
  'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER',
  'YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION',
  'YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE',
  'YOU_ARE_NOT_ALLOWED_TO_CANCEL_THIS_INVITATION',
  'YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_ORGANIZATION',
  'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION',
];

/** better-auth's organization codes (docs/backend.md pins each) and the kit's. */
const CODES: Record<string, AuthErrorCode> = {
  ...Object.fromEntries(FORBIDDEN_CODES.map((code) => [code, 'forbidden' as const])),
  ORGANIZATION_ALREADY_EXISTS: 'slug_taken',
  ORGANIZATION_SLUG_ALREADY_TAKEN: 'slug_taken',
  INVALID_SLUG: 'invalid_slug',
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER: 'last_owner',
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER: 'last_owner',
  USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION: 'already_member',
  YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION: 'wrong_account',
  INVITATION_NOT_FOUND: 'invitation_not_found',
  'message:Invitation not found!': 'invitation_not_found',
  INVITATION_EXPIRED: 'invitation_expired',
  INVITATION_CANCELED: 'invitation_revoked',
  INVITATION_ALREADY_USED: 'invitation_used',
  USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION: 'organization_not_found',
  YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION: 'organization_not_found',
  ORGANIZATION_NOT_FOUND: 'organization_not_found',
  MEMBER_NOT_FOUND: 'member_not_found',
  VALIDATION_ERROR: 'unknown',
};

const KIT_ROLES: OrganizationRole[] = ['owner', 'admin', 'member'];
const STATUS: Record<string, InvitationStatus> = {pending: 'pending', accepted: 'accepted', rejected: 'declined', canceled: 'revoked'};

export class BetterAuthOrganizations implements Required<OrganizationAdapter> {
  #roles?: Promise<Record<string, string[]>>;

  constructor(private readonly api: AccountTransport) {}

  async listOrganizations(options?: ListOptions): Promise<Organization[]> {
    const list = await this.call('/organization/list', betterAuthOrganizationList, options);
    return list.map(toOrganization).sort((a, b) => a.name.localeCompare(b.name));
  }

  async createOrganization({name, slug, logoUrl}: OrganizationInput): Promise<Membership> {
    const organization = await this.post('/organization/create', betterAuthOrganization, {name, slug, ...(logoUrl ? {logo: logoUrl} : {})});
    this.api.sessionSwitched(true);
    return this.membership(toOrganization(organization), 'owner');
  }

  async isSlugAvailable(slug: string, options?: ListOptions): Promise<boolean> {
    try {
      await this.post('/organization/check-slug', betterAuthSlugFree, {slug}, options);
      return true;
    } catch (error) {
      if (error instanceof AuthError && error.code === 'slug_taken') return false;
      throw error;
    }
  }

  async setActiveOrganization(organizationId: string | null): Promise<Membership | null> {
    await this.post('/organization/set-active', betterAuthSetActiveOrganization, {organizationId});
    this.api.sessionSwitched(true);
    return organizationId === null ? null : this.getActiveMembership();
  }

  async getActiveMembership(options?: ListOptions): Promise<Membership | null> {
    let member;
    try {
      member = await this.call('/organization/get-active-member', betterAuthMember, options, {NO_ACTIVE_ORGANIZATION: 'organization_not_found'});
    } catch (error) {
      // None active, or the active one was deleted or left (better-auth's MEMBER_NOT_FOUND).
      if (error instanceof AuthError && (error.code === 'organization_not_found' || error.code === 'member_not_found')) return null;
      throw error;
    }
    const organization = (await this.listOrganizations(options)).find((o) => o.id === member.organizationId);
    return organization ? this.membership(organization, member.role) : null;
  }

  async updateOrganization(organizationId: string, changes: OrganizationChanges): Promise<Organization> {
    const data: Record<string, unknown> = {};
    if (changes.name !== undefined) data.name = changes.name;
    if (changes.slug !== undefined) data.slug = changes.slug;
    if (changes.logoUrl !== undefined) data.logo = changes.logoUrl ?? '';
    return toOrganization(await this.post('/organization/update', betterAuthOrganization, {organizationId, data}));
  }

  async deleteOrganization(organizationId: string): Promise<void> {
    await this.post('/organization/delete', betterAuthAny, {organizationId});
    this.api.sessionSwitched(true);
  }

  async leaveOrganization(organizationId: string): Promise<void> {
    await this.post('/organization/leave', betterAuthAny, {organizationId});
    this.api.sessionSwitched(true);
  }

  async listMembers(organizationId: string, options?: ListOptions): Promise<Member[]> {
    const {members} = await this.call(`/organization/list-members?organizationId=${encodeURIComponent(organizationId)}`, betterAuthMemberList, options);
    const rank = (m: Member) => KIT_ROLES.indexOf(m.role);
    return members.map(toMember).sort((a, b) => rank(a) - rank(b) || a.user.name.localeCompare(b.user.name));
  }

  async updateMemberRole(organizationId: string, memberId: string, role: OrganizationRole): Promise<Member> {
    await this.post('/organization/update-member-role', betterAuthMember, {organizationId, memberId, role});
    const member = (await this.listMembers(organizationId)).find((m) => m.id === memberId);
    if (!member) throw new AuthError('member_not_found');
    return member;
  }

  async removeMember(organizationId: string, memberId: string): Promise<void> {
    await this.post('/organization/remove-member', betterAuthAny, {organizationId, memberIdOrEmail: memberId});
  }

  async inviteMembers(organizationId: string, {emails, role}: InviteInput): Promise<InviteResult> {
    const result: InviteResult = {invited: [], failed: []};
    const invitations: BetterAuthInvitation[] = [];
    for (const [index, email] of emails.entries()) {
      try {
        invitations.push(await this.post('/organization/invite-member', betterAuthInvitation, {organizationId, email: email.trim(), role, resend: true}));
      } catch (error) {
        if (error instanceof AuthError && (error.code === 'invalid_email' || error.code === 'already_member')) {
          result.failed.push({email, code: error.code});
          continue;
        }
        // Nothing sent yet: the whole call failed. Some sent (and mailed) already: they are kept,
        // and the rest is listed with the reason; after a 429 the others are not tried.
        if (!invitations.length) throw error;
        const code = error instanceof AuthError ? error.code : 'unknown';
        const rest = code === 'rate_limited' ? emails.slice(index) : [email];
        result.failed.push(...rest.map((address) => ({email: address, code})));
        if (code === 'rate_limited') break;
      }
    }
    if (invitations.length) {
      const [organization, session] = await Promise.all([this.organization(organizationId), this.api.getSession()]);
      result.invited = invitations.map((i) => toInvitation(i, organization, session?.user.name ?? null));
    }
    return result;
  }

  async listInvitations(organizationId: string, options?: ListOptions): Promise<Invitation[]> {
    const list = await this.call(`/organization/list-invitations?organizationId=${encodeURIComponent(organizationId)}`, betterAuthInvitationList, options);
    const pending = newestPending(list);
    if (!pending.length) return [];
    const [organization, members] = await Promise.all([this.organization(organizationId, options), this.listMembers(organizationId, options)]);
    return pending.map((i) => toInvitation(i, organization, members.find((m) => m.user.id === i.inviterId)?.user.name ?? null));
  }

  async listMyInvitations(options?: ListOptions): Promise<Invitation[]> {
    let answer;
    try {
      answer = await this.call('/organization/list-user-invitations', betterAuthInvitationList, options);
    } catch (error) {
      // Invitations go to an email the account has verified; one without (made by phone alone) has none.
      if (error instanceof AuthError && error.apiCode === 'EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION') return [];
      throw error;
    }
    const list = newestPending(answer);
    return Promise.all(list.map((i) => this.getInvitation(i.id, options)));
  }

  async revokeInvitation(invitationId: string): Promise<void> {
    await this.post('/organization/cancel-invitation', betterAuthAny, {invitationId});
  }

  async resendInvitation(invitationId: string): Promise<Invitation> {
    const found = (await this.findInvitation(invitationId)) ?? null;
    if (!found) throw new AuthError('invitation_not_found', 'invitation_not_found', {status: 400});
    if (found.status === 'canceled') throw new AuthError('invitation_revoked', 'invitation_revoked', {status: 400});
    if (found.status !== 'pending') throw new AuthError('invitation_used', 'invitation_used', {status: 400});
    const [invitation] = (await this.inviteMembers(found.organizationId, {emails: [found.email], role: toRole(found.role)})).invited;
    if (!invitation) throw new AuthError('already_member', 'already_member', {status: 400});
    return invitation;
  }

  async acceptInvitation(invitationId: string): Promise<Membership> {
    const invitation = await this.getInvitation(invitationId);
    await this.post('/organization/accept-invitation', betterAuthAny, {invitationId});
    await this.post('/organization/set-active', betterAuthSetActiveOrganization, {organizationId: invitation.organization.id});
    this.api.sessionSwitched(true);
    const membership = await this.getActiveMembership();
    if (!membership) throw new AuthError('organization_not_found');
    return membership;
  }

  async declineInvitation(invitationId: string): Promise<void> {
    await this.post('/organization/reject-invitation', betterAuthAny, {invitationId});
  }

  async getInvitation(invitationId: string, options?: ListOptions): Promise<Invitation> {
    const invitation = await this.call(`/organization/get-invitation?id=${encodeURIComponent(invitationId)}`, betterAuthInvitation, options);
    const organization = {id: invitation.organizationId, name: invitation.organizationName ?? '', slug: invitation.organizationSlug ?? '', logoUrl: null};
    // better-auth tells the invited person the inviter's email only, not their name.
    return toInvitation(invitation, organization, null);
  }

  /** An invitation of one of the person's organizations they may manage, from its list. */
  private async findInvitation(invitationId: string): Promise<BetterAuthInvitation | undefined> {
    for (const organization of await this.listOrganizations()) {
      const list = await this.call(`/organization/list-invitations?organizationId=${encodeURIComponent(organization.id)}`, betterAuthInvitationList);
      const found = list.find((i) => i.id === invitationId);
      if (found) return found;
    }
    return undefined;
  }

  private async organization(organizationId: string, options?: ListOptions): Promise<Invitation['organization']> {
    const found = (await this.listOrganizations(options)).find((o) => o.id === organizationId);
    if (!found) throw new AuthError('organization_not_found', 'organization_not_found', {status: 403});
    const {id, name, slug, logoUrl} = found;
    return {id, name, slug, logoUrl};
  }

  private async membership(organization: Organization, roles: string): Promise<Membership> {
    const byRole = await this.roles();
    const names = roles.split(',').map((r) => r.trim());
    const permissions = [...new Set(names.flatMap((name) => byRole[name] ?? []))].sort() as Permission[];
    return {organization, role: toRole(roles), permissions};
  }

  /** Each role's permissions: the capabilities' `organizationRoles`, read once. */
  private roles(): Promise<Record<string, string[]>> {
    return (this.#roles ??= this.api
      .request('/auth-elements/capabilities', betterAuthOrganizationRoles)
      .then(({organizationRoles}) => (organizationRoles && Object.keys(organizationRoles).length ? organizationRoles : DEFAULT_ROLES))
      .catch((error: unknown) => {
        this.#roles = undefined;
        if (error instanceof AuthError && error.status === 404) return DEFAULT_ROLES;
        throw error;
      }));
  }

  private call<T>(path: string, schema: v.GenericSchema<unknown, T>, options?: ListOptions, codes?: Record<string, AuthErrorCode>): Promise<T> {
    return this.api.request(path, schema, {authenticated: true, signal: options?.signal, codes: {...CODES, ...codes}});
  }

  private post<T>(path: string, schema: v.GenericSchema<unknown, T>, body: unknown, options?: ListOptions): Promise<T> {
    return this.api.request(path, schema, {method: 'POST', body, authenticated: true, signal: options?.signal, codes: CODES});
  }
}

/** The strongest kit role among better-auth's (`"admin,member"` is admin); a custom one counts as member. */
function toRole(roles: string): OrganizationRole {
  const names = roles.split(',').map((r) => r.trim());
  return KIT_ROLES.find((role) => names.includes(role)) ?? 'member';
}

const toOrganization = ({id, name, slug, logo, createdAt}: BetterAuthOrganization): Organization => ({id, name, slug, logoUrl: logo || null, createdAt: new Date(createdAt)});

const toMember = ({id, role, createdAt, user}: BetterAuthMemberWithUser): Member => ({
  id,
  role: toRole(role),
  joinedAt: new Date(createdAt),
  user: {id: user.id, name: user.name, email: user.email, imageUrl: user.image ?? null},
});

function toInvitation(invitation: BetterAuthInvitation, organization: Invitation['organization'], inviterName: string | null): Invitation {
  const expiresAt = new Date(invitation.expiresAt);
  const status = STATUS[invitation.status] ?? 'pending';
  return {
    id: invitation.id,
    email: invitation.email,
    role: toRole(invitation.role),
    status: status === 'pending' && expiresAt.getTime() <= Date.now() ? 'expired' : status,
    expiresAt,
    organization,
    inviterName,
  };
}

/** Pending, unexpired invitations, newest first. */
function newestPending(list: BetterAuthInvitation[]): BetterAuthInvitation[] {
  const now = Date.now();
  return list
    .filter((i) => i.status === 'pending' && Date.parse(i.expiresAt) > now)
    .sort((a, b) => Date.parse(b.createdAt ?? b.expiresAt) - Date.parse(a.createdAt ?? a.expiresAt));
}
