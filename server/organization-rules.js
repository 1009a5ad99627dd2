/**
 * The kit's rules on top of better-auth's organization plugin (1.7), as before-hooks of a small
 * plugin that authElementsOptions adds when organizations are on:
 *
 * - A slug is lower-case letters and digits with single hyphens, 2–48 characters: create,
 *   update and check-slug answer 400 INVALID_SLUG otherwise (better-auth takes any string).
 * - Removing a member asks for `member:delete` before anything else: better-auth answers a
 *   member removing the only owner with 400 YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER
 *   and a member removing another member with 401; both are 403
 *   YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER here; so is an admin removing an owner (better-auth:
 *   400 "the only owner", even when there are two). Removing oneself (leaving) is unchanged.
 * - An invitation that is no longer pending says why: better-auth answers 400
 *   INVITATION_NOT_FOUND for a used, revoked, expired and unknown one alike; here get, accept
 *   and reject answer INVITATION_EXPIRED, INVITATION_CANCELED or INVITATION_ALREADY_USED for a
 *   known one (the invitation id is the link's secret), and cancelling an accepted or declined
 *   one is INVITATION_ALREADY_USED (better-auth would mark it canceled).
 */
import {APIError, createAuthMiddleware, getSessionFromCtx} from 'better-auth/api';

export const SLUG_PATTERN = /^(?=.{2,48}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether better-auth's role string (`"admin,member"`) names `role`. @param {unknown} roles @param {string} role */
const hasRole = (roles, role) => String(roles).split(',').some((name) => name.trim() === role);

const INVITATION_PATHS = new Set(['/organization/get-invitation', '/organization/accept-invitation', '/organization/reject-invitation', '/organization/cancel-invitation']);

/** The caller's session; bearer tokens are looked up here (before-hooks see the request's own headers). @param {any} ctx */
async function sessionOf(ctx) {
  const bearer = /^bearer\s+(.+)$/i.exec(ctx.headers?.get('authorization') ?? '')?.[1]?.trim();
  return bearer ? ctx.context.internalAdapter.findSession(decodeURIComponent(bearer).split('.')[0]) : getSessionFromCtx(ctx);
}

/**
 * @param {{roles: Record<string, {authorize: (request: Record<string, string[]>) => {success: boolean}}>}} options
 *   the organization plugin's roles
 */
export function organizationRules({roles}) {
  return {
    id: 'auth-elements-organization-rules',
    hooks: {
      before: [
        {
          /** @param {{path?: string}} context */
          matcher: (context) => context.path === '/organization/create' || context.path === '/organization/update' || context.path === '/organization/check-slug',
          handler: createAuthMiddleware(async (ctx) => {
            const slug = ctx.path === '/organization/update' ? ctx.body?.data?.slug : ctx.body?.slug;
            if (typeof slug === 'string' && !SLUG_PATTERN.test(slug)) {
              throw new APIError('BAD_REQUEST', {code: 'INVALID_SLUG', message: 'A slug is lower-case letters, digits and single hyphens, 2 to 48 characters'});
            }
          }),
        },
        {
          /** @param {{path?: string}} context */
          matcher: (context) => context.path === '/organization/remove-member',
          handler: createAuthMiddleware(async (ctx) => {
            const session = await sessionOf(ctx);
            const organizationId = ctx.body?.organizationId ?? session?.session.activeOrganizationId;
            const target = ctx.body?.memberIdOrEmail;
            if (!session || !organizationId || typeof target !== 'string') return; // better-auth answers
            const {adapter} = ctx.context;
            /** @type {any} */
            const me = await adapter.findOne({model: 'member', where: [{field: 'organizationId', value: organizationId}, {field: 'userId', value: session.user.id}]});
            if (!me || target === me.id || target.toLowerCase() === session.user.email.toLowerCase()) return;
            const allowed = String(me.role)
              .split(',')
              .some((role) => roles[role.trim()]?.authorize({member: ['delete']}).success);
            const forbidden = () => new APIError('FORBIDDEN', {code: 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER', message: 'You are not allowed to delete this member'});
            if (!allowed) throw forbidden();
            // Only an owner removes an owner (better-auth answers anyone else "the only owner", even with two).
            const creatorRole = ctx.context.orgOptions?.creatorRole || 'owner';
            if (hasRole(me.role, creatorRole)) return;
            const userId = target.includes('@') ? (await ctx.context.internalAdapter.findUserByEmail(target.toLowerCase()))?.user.id : undefined;
            /** @type {any} */
            const member = await adapter.findOne({
              model: 'member',
              where: target.includes('@') ? [{field: 'organizationId', value: organizationId}, {field: 'userId', value: userId ?? ''}] : [{field: 'id', value: target}],
            });
            if (member && member.organizationId === organizationId && hasRole(member.role, creatorRole)) throw forbidden();
          }),
        },
        {
          /** @param {{path?: string}} context */
          matcher: (context) => !!context.path && INVITATION_PATHS.has(context.path),
          handler: createAuthMiddleware(async (ctx) => {
            const id = ctx.path === '/organization/get-invitation' ? ctx.query?.id : ctx.body?.invitationId;
            if (typeof id !== 'string' || !(await sessionOf(ctx))) return; // better-auth answers
            /** @type {any} */
            const invitation = await ctx.context.adapter.findOne({model: 'invitation', where: [{field: 'id', value: id}]});
            if (!invitation) return;
            if (invitation.status === 'accepted' || invitation.status === 'rejected') {
              throw new APIError('BAD_REQUEST', {code: 'INVITATION_ALREADY_USED', message: 'The invitation was already accepted or declined'});
            }
            if (ctx.path === '/organization/cancel-invitation') return;
            if (invitation.status === 'canceled') throw new APIError('BAD_REQUEST', {code: 'INVITATION_CANCELED', message: 'The invitation was revoked'});
            if (new Date(invitation.expiresAt).getTime() <= Date.now()) throw new APIError('BAD_REQUEST', {code: 'INVITATION_EXPIRED', message: 'The invitation has expired'});
          }),
        },
      ],
    },
  };
}
