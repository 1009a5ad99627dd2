/**
 * What the organization profile's pages (General, Members) are handed: the page context the
 * user profile's pages have (profile-page.ts) with the active membership, and one way to run a
 * change — busy meanwhile, its failure fired as `auth-error`, and a refusal that says the
 * person's place changed (`forbidden`: demoted or removed elsewhere) reading the membership
 * again, so what they may do follows at once.
 */
import type {AuthError} from '../../client/errors.js';
import type {Membership, Organization, Permission, User} from '../../client/types.js';
import type {Task} from '../../internal/async-action.js';
import type {BuiltInPage, PageContext} from '../user-profile/profile-page.js';

export interface OrgContext extends PageContext {
  user: User;
  membership: Membership;
  organization: Organization;
  /** The active membership grants `permission`. */
  can(permission: Permission): boolean;
  /** A change failed: told to listeners, and the membership read again when it was refused. */
  failed(error: AuthError): void;
  /** Leaving or deleting the organization is done: the element goes where `after-leave-org-url` says. */
  left(organization: Organization): void;
}

export type OrgPage = BuiltInPage<OrgContext>;

/** The codes that mean the person's place in the organization is not what the page showed. */
const STALE = new Set(['forbidden', 'member_not_found', 'organization_not_found']);

export function isStale(error: AuthError | null): boolean {
  return !!error && STALE.has(error.code);
}

/** Runs `work` as `action`, reporting its failure; true when it succeeded. */
export async function runChange(context: OrgContext, action: Task, work: () => Promise<unknown>): Promise<boolean> {
  const done = await action.run(work);
  if (!done && action.error) context.failed(action.error);
  return done;
}
