/**
 * A social sign-in under way while the page is at the provider, and what it becomes: the part
 * of what the browser remembers (sign-in-memory.ts) that the client needs on every page, kept
 * small because every page carries it.
 */
export const SOCIAL_PENDING = 'auth-elements:social-sign-in';
/** The way of signing in used last on this device (sign-in-memory.ts reads it). */
export const LAST_METHOD = 'auth-elements:last-sign-in-method';
/** A social round trip takes minutes at most. */
const SOCIAL_PENDING_FOR_MS = 15 * 60_000;

/** localStorage, or null where the browser refuses it (a private window, a sandboxed frame). */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Notes a social sign-in leaving for the provider (settled by the page it comes back to). */
export function rememberSocialPending(provider: string): void {
  try {
    storage()?.setItem(SOCIAL_PENDING, `${Date.now()}|${provider}`);
  } catch {
    // Storage refused: no "Last used" for it.
  }
}

/**
 * Once the client knows whether someone is signed in: a social sign-in under way becomes the
 * method used last when it opened a session, and is forgotten either way.
 */
export function settleSocialSignIn(signedIn: boolean): void {
  const store = storage();
  const pending = store?.getItem(SOCIAL_PENDING);
  if (!store || pending == null) return;
  store.removeItem(SOCIAL_PENDING);
  const [at, provider] = pending.split('|');
  if (signedIn && provider && Date.now() - Number(at) < SOCIAL_PENDING_FOR_MS) {
    try {
      store.setItem(LAST_METHOD, `social:${provider}`);
    } catch {
      // Storage refused: nothing remembered.
    }
  }
}
