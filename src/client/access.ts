import type {AccessCheck, AuthState, Membership} from './types.js';

const list = <T>(value: T | readonly T[] | undefined): readonly T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value as T]);

/**
 * Whether the state passes the check: someone is signed in and, for each condition given, their
 * membership of the active organization meets it (`role`: any of the roles named; `permission`:
 * every permission named). A role or permission asked for without an active organization fails.
 * This is what the UI shows; the API enforces the same rules on every call.
 */
export function hasAccess(state: AuthState, check: AccessCheck = {}): boolean {
  if (state.status !== 'signed-in') return false;
  const roles = list(check.role);
  const permissions = list(check.permission);
  if (roles.length === 0 && permissions.length === 0) return true;
  const {membership} = state;
  if (!membership) return false;
  return (roles.length === 0 || roles.includes(membership.role)) && permissions.every((permission) => membership.permissions.includes(permission));
}

/** Whether two memberships show the same thing (organization, its name and logo, role, permissions). */
export function sameMembership(a: Membership | null, b: Membership | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const [x, y] = [a.organization, b.organization];
  return (
    x.id === y.id &&
    x.name === y.name &&
    x.slug === y.slug &&
    x.logoUrl === y.logoUrl &&
    a.role === b.role &&
    a.permissions.length === b.permissions.length &&
    a.permissions.every((permission, i) => permission === b.permissions[i])
  );
}
