/**
 * What every form that invites people shares (`<auth-create-org>`'s invite step, the
 * organization profile's Invite dialog): the addresses in what was typed, and the roles the
 * inviting person may hand out.
 */
import {ORGANIZATION_ROLES} from '../client/adapters/adapter.js';
import type {OrganizationRole} from '../client/types.js';
import {isValidEmail} from '../client/validation.js';

/** The addresses in what was typed: split at commas, semicolons, spaces and new lines, each once. */
export function parseEmails(text: string): {valid: string[]; invalid: string[]} {
  const seen = new Set<string>();
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const address of text.split(/[\s,;]+/u).filter(Boolean)) {
    const key = address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    (isValidEmail(address) ? valid : invalid).push(address);
  }
  return {valid, invalid};
}

/** The roles a person of `role` may hand out: an owner any, anyone else all but owner. */
export function rolesOfferedBy(role: OrganizationRole): OrganizationRole[] {
  return ORGANIZATION_ROLES.filter((each) => each !== 'owner' || role === 'owner');
}
