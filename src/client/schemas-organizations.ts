/**
 * valibot schemas for better-auth's organization plugin (1.7) and the kit's capabilities'
 * `organizationRoles`. Loaded with the organization methods only (never on a sign-in page).
 */
import * as v from 'valibot';
import {dateString, nonEmptyString} from './schemas.js';

/** An organization as create / list / update / set-active answer it (`metadata` varies: object or JSON string). */
export const betterAuthOrganization = v.object({
  id: nonEmptyString,
  name: v.string(),
  slug: v.string(),
  logo: v.nullish(v.string()),
  createdAt: dateString,
});

export const betterAuthOrganizationList = v.array(betterAuthOrganization);

/** POST /organization/set-active: the organization, or null for none. */
export const betterAuthSetActiveOrganization = v.nullable(betterAuthOrganization);

/** A member; `role` may list several (`"admin,member"`). */
export const betterAuthMember = v.object({
  id: nonEmptyString,
  organizationId: nonEmptyString,
  userId: nonEmptyString,
  role: v.string(),
  createdAt: dateString,
});

const memberUser = v.object({id: nonEmptyString, name: v.string(), email: v.string(), image: v.nullish(v.string())});

export const betterAuthMemberWithUser = v.object({...betterAuthMember.entries, user: memberUser});

/** GET /organization/list-members. */
export const betterAuthMemberList = v.object({members: v.array(betterAuthMemberWithUser)});

/** An invitation as invite-member / list-invitations / list-user-invitations / get-invitation answer it. */
export const betterAuthInvitation = v.object({
  id: nonEmptyString,
  organizationId: nonEmptyString,
  email: v.string(),
  role: v.string(),
  status: v.string(),
  expiresAt: dateString,
  createdAt: v.optional(dateString),
  inviterId: v.string(),
  organizationName: v.optional(v.string()),
  organizationSlug: v.optional(v.string()),
  inviterEmail: v.optional(v.string()),
});

export const betterAuthInvitationList = v.array(betterAuthInvitation);

/** POST /organization/check-slug: a free slug (a taken one is a 400). */
export const betterAuthSlugFree = v.object({status: v.literal(true)});

/** Anything (answers whose body the kit does not read). */
export const betterAuthAny = v.unknown();

/** The capabilities' `organizationRoles` (the kit's plugin). */
export const betterAuthOrganizationRoles = v.object({organizationRoles: v.optional(v.record(v.string(), v.array(v.string())))});
