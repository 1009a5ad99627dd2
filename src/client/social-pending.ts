/**
 * A social sign-in under way while the page is at the provider (sign-in-memory.ts keeps it):
 * what the client checks on every page, without loading the rest of what the browser remembers.
 */
export const SOCIAL_PENDING = 'auth-elements:social-sign-in';

/** Once the client knows whether someone is signed in: settles a social sign-in under way, if any. */
export function settleSocialSignIn(signedIn: boolean): void {
  let pending: string | null = null;
  try {
    pending = globalThis.localStorage?.getItem(SOCIAL_PENDING) ?? null;
  } catch {
    return;
  }
  if (pending !== null) void import('./sign-in-memory.js').then(({settleSocialPending}) => settleSocialPending(signedIn));
}
