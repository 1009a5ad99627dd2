import type {IdentityAdapter, OrganizationAdapter} from './adapters/adapter.js';
import {callAdapter, type AdapterCallContext} from './adapter-call.js';
import type {
  AuthState,
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
} from './types.js';

/** What the organization methods need from AuthClient (kept private to it). */
export interface OrganizationContext extends AdapterCallContext {
  state(): AuthState;
  /** Makes `membership` the active one in the client's state (null: the personal account) and tells other tabs. */
  setMembership(membership: Membership | null): void;
  /** Reads the active membership from the API again (after the person's own role changed). */
  reloadMembership(): Promise<void>;
}

/**
 * The signed-in person's organizations: create, switch, manage members and invitations.
 * `AuthClient.organizations` holds one; its code loads on first use. Each method calls the
 * adapter (see OrganizationAdapter for what each needs and the codes it rejects with), then
 * updates the client's state, so the switcher, `<auth-show>` and `client.has()` follow at once:
 * creating, switching to or joining an organization makes it the active one; renaming it shows
 * the new name; leaving or deleting the active one goes back to the personal account.
 *
 * Failures reject with an AuthError after going to `client.onError` listeners; `unsupported` when
 * the adapter lacks the method. An aborted list call rejects with the signal's reason, unreported.
 */
export class OrganizationClient {
  readonly #context: OrganizationContext;

  constructor(context: OrganizationContext) {
    this.#context = context;
  }

  listOrganizations(options?: ListOptions): Promise<Organization[]> {
    return this.#call('listOrganizations', (a) => a.listOrganizations!(options), options);
  }

  /** Creates an organization owned by the person; it becomes the active one. */
  async createOrganization(input: OrganizationInput): Promise<Membership> {
    return this.#activates(await this.#call('createOrganization', (a) => a.createOrganization!(input)));
  }

  isSlugAvailable(slug: string, options?: ListOptions): Promise<boolean> {
    return this.#call('isSlugAvailable', (a) => a.isSlugAvailable!(slug, options), options);
  }

  /** Makes one of the person's organizations the active one, or with null the personal account. */
  async setActiveOrganization(organizationId: string | null): Promise<Membership | null> {
    return this.#activates(await this.#call('setActiveOrganization', (a) => a.setActiveOrganization!(organizationId)));
  }

  /** Reads the active organization's membership from the API again (the role may have changed elsewhere); the state follows. */
  async getActiveMembership(options?: ListOptions): Promise<Membership | null> {
    const membership = await this.#call('getActiveMembership', (a) => a.getActiveMembership!(options), options);
    if (!options?.signal?.aborted) this.#context.setMembership(membership);
    return membership;
  }

  async updateOrganization(organizationId: string, changes: OrganizationChanges): Promise<Organization> {
    const organization = await this.#call('updateOrganization', (a) => a.updateOrganization!(organizationId, changes));
    const {membership} = this.#context.state();
    if (membership?.organization.id === organization.id) this.#context.setMembership({...membership, organization});
    return organization;
  }

  async deleteOrganization(organizationId: string): Promise<void> {
    await this.#call('deleteOrganization', (a) => a.deleteOrganization!(organizationId));
    this.#leftOrganization(organizationId);
  }

  async leaveOrganization(organizationId: string): Promise<void> {
    await this.#call('leaveOrganization', (a) => a.leaveOrganization!(organizationId));
    this.#leftOrganization(organizationId);
  }

  listMembers(organizationId: string, options?: ListOptions): Promise<Member[]> {
    return this.#call('listMembers', (a) => a.listMembers!(organizationId, options), options);
  }

  /** Gives a member another role; when it is the person's own, their permissions follow. */
  async updateMemberRole(organizationId: string, memberId: string, role: OrganizationRole): Promise<Member> {
    const member = await this.#call('updateMemberRole', (a) => a.updateMemberRole!(organizationId, memberId, role));
    const {user, membership} = this.#context.state();
    if (member.user.id === user?.id && membership?.organization.id === organizationId) await this.#context.reloadMembership();
    return member;
  }

  removeMember(organizationId: string, memberId: string): Promise<void> {
    return this.#call('removeMember', (a) => a.removeMember!(organizationId, memberId));
  }

  inviteMembers(organizationId: string, input: InviteInput): Promise<InviteResult> {
    return this.#call('inviteMembers', (a) => a.inviteMembers!(organizationId, input));
  }

  listInvitations(organizationId: string, options?: ListOptions): Promise<Invitation[]> {
    return this.#call('listInvitations', (a) => a.listInvitations!(organizationId, options), options);
  }

  /** The invitations waiting for the signed-in person (to their email). */
  listMyInvitations(options?: ListOptions): Promise<Invitation[]> {
    return this.#call('listMyInvitations', (a) => a.listMyInvitations!(options), options);
  }

  revokeInvitation(invitationId: string): Promise<void> {
    return this.#call('revokeInvitation', (a) => a.revokeInvitation!(invitationId));
  }

  resendInvitation(invitationId: string): Promise<Invitation> {
    return this.#call('resendInvitation', (a) => a.resendInvitation!(invitationId));
  }

  /** Joins the organization; it becomes the active one. */
  async acceptInvitation(invitationId: string): Promise<Membership> {
    return this.#activates(await this.#call('acceptInvitation', (a) => a.acceptInvitation!(invitationId)));
  }

  declineInvitation(invitationId: string): Promise<void> {
    return this.#call('declineInvitation', (a) => a.declineInvitation!(invitationId));
  }

  /** One invitation, for the page its link opens (needs the invited person signed in). */
  getInvitation(invitationId: string, options?: ListOptions): Promise<Invitation> {
    return this.#call('getInvitation', (a) => a.getInvitation!(invitationId, options), options);
  }

  #activates<M extends Membership | null>(membership: M): M {
    this.#context.setMembership(membership);
    return membership;
  }

  #leftOrganization(organizationId: string): void {
    if (this.#context.state().membership?.organization.id === organizationId) this.#context.setMembership(null);
  }

  #call<T>(method: keyof OrganizationAdapter, run: (adapter: IdentityAdapter) => Promise<T>, options?: ListOptions): Promise<T> {
    return callAdapter(this.#context, method, run, options);
  }
}

