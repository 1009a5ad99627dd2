/**
 * What a role may do, as the kit names it, in one place: the capabilities' `organizationRoles`
 * (which the client reads for `client.has()`) and the `org` claim of the JWTs `GET /token`
 * signs are both computed here, so the two cannot disagree.
 *
 * - `permissionsByRole(roles)`: each role's permissions, `resource:action`, sorted.
 * - `membershipOf(role, byRole)`: a member's kit role and permissions from better-auth's role
 *   string (several roles as `"admin,member"`: the strongest kit role, every role's permissions).
 * - `organizationClaims({roles})`: a tiny plugin (it keeps better-auth's context, for the
 *   database) and `jwt(options)`, the jwt plugin's options with a `definePayload` that adds
 *   `org` — `{id, slug, role, permissions}` of the session's active organization, or `null`
 *   for the personal account (none active, or no longer a member of it) — to the payload the
 *   integrator's own `definePayload` returns (better-auth's default: the user).
 */
import {defaultRoles} from 'better-auth/plugins/organization/access';

/** The kit's roles, strongest first. */
export const KIT_ROLES = /** @type {const} */ (['owner', 'admin', 'member']);

/** better-auth resources that are no permission of the kit's (teams and dynamic access control are not offered). */
const HIDDEN_RESOURCES = new Set(['team', 'ac']);

/**
 * Each role's permissions as the kit names them (`resource:action`, sorted), from the
 * organization plugin's roles (better-auth's defaults when it was given none).
 * @param {Record<string, {statements: Record<string, readonly string[]>}> | undefined} roles
 * @returns {Record<string, string[]>}
 */
export function permissionsByRole(roles = defaultRoles) {
  return Object.fromEntries(
    Object.entries(roles).map(([name, role]) => [
      name,
      Object.entries(role.statements)
        .filter(([resource]) => !HIDDEN_RESOURCES.has(resource))
        .flatMap(([resource, actions]) => actions.map((action) => `${resource}:${action}`))
        .sort(),
    ]),
  );
}

/**
 * A member's kit role (the strongest kit role named; a custom one alone counts as member) and
 * the permissions of every role named, sorted (as the client adapter computes them).
 * @param {string} role  better-auth's role string, e.g. `"admin,member"`
 * @param {Record<string, string[]>} byRole  permissionsByRole's answer
 * @returns {{role: 'owner' | 'admin' | 'member', permissions: string[]}}
 */
export function membershipOf(role, byRole) {
  const names = String(role)
    .split(',')
    .map((name) => name.trim());
  return {
    role: KIT_ROLES.find((kit) => names.includes(kit)) ?? 'member',
    permissions: [...new Set(names.flatMap((name) => byRole[name] ?? []))].sort(),
  };
}

/**
 * @typedef {{id: string, slug: string, role: 'owner' | 'admin' | 'member', permissions: string[]}} OrganizationClaim
 */

/**
 * @param {{roles?: Record<string, {statements: Record<string, readonly string[]>}>}} options
 *   the organization plugin's roles
 */
export function organizationClaims({roles}) {
  const byRole = permissionsByRole(roles);
  /** @type {{adapter: {findOne(query: {model: string, where: {field: string, value: unknown}[]}): Promise<any>}} | undefined} */
  let context;

  /**
   * The `org` claim of a session.
   * @param {{user: {id: string}, session: {activeOrganizationId?: string | null}}} session
   * @returns {Promise<OrganizationClaim | null>}
   */
  async function claimOf({user, session}) {
    const organizationId = session.activeOrganizationId;
    if (!organizationId || !context) return null;
    const {adapter} = context;
    const [member, organization] = await Promise.all([
      adapter.findOne({model: 'member', where: [{field: 'organizationId', value: organizationId}, {field: 'userId', value: user.id}]}),
      adapter.findOne({model: 'organization', where: [{field: 'id', value: organizationId}]}),
    ]);
    if (!member || !organization) return null;
    return {id: organization.id, slug: organization.slug, ...membershipOf(member.role, byRole)};
  }

  return {
    claimOf,
    plugin: {
      id: 'auth-elements-organization-claims',
      /** @param {any} ctx better-auth's context */
      init(ctx) {
        context = ctx;
      },
    },
    /**
     * The jwt plugin's options with `org` in the payload; the integrator's `definePayload` still
     * decides the rest (and may set `org` itself).
     * @template {{jwt?: {definePayload?: (session: any) => any}}} T
     * @param {T | undefined} options
     * @returns {T}
     */
    jwt(options) {
      const own = options?.jwt?.definePayload;
      return /** @type {T} */ ({
        ...options,
        jwt: {
          ...options?.jwt,
          /** @param {{user: Record<string, any> & {id: string}, session: Record<string, any>}} session */
          definePayload: async (session) => {
            const org = await claimOf(session);
            // better-auth's payload without a definePayload of the integrator's is the user.
            return own ? {org, ...(await own(session))} : {...session.user, org};
          },
        },
      });
    },
  };
}
