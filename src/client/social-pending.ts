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

/** Reads a remembered value; null where the browser refuses storage (a private window, a sandboxed frame). */
export function readStored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Remembers a value (null: forgets it); a browser that refuses storage remembers nothing. */
export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage refused: nothing is remembered.
  }
}

/** Notes a social sign-in leaving for the provider (settled by the page it comes back to). */
export function rememberSocialPending(provider: string): void {
  writeStored(SOCIAL_PENDING, `${Date.now()}|${provider}`);
}

/**
 * Once the client knows whether someone is signed in: a social sign-in under way becomes the
 * method used last when it opened a session, and is forgotten either way.
 */
export function settleSocialSignIn(signedIn: boolean): void {
  const pending = readStored(SOCIAL_PENDING);
  if (pending === null) return;
  writeStored(SOCIAL_PENDING, null);
  const [at, provider] = pending.split('|');
  if (signedIn && provider && Date.now() - Number(at) < SOCIAL_PENDING_FOR_MS) writeStored(LAST_METHOD, `social:${provider}`);
}
