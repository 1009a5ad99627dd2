/**
 * What this browser remembers about signing in — never a secret, never who:
 * - the way of signing in used last on this device (the "Last used" badge of "Use another method");
 * - that it asked for a sign-in link, and when (a link opened in another browser is told so);
 * - a social sign-in under way while the page is at the provider (social-pending.ts: it becomes
 *   the method used last once the client finds the session it opened).
 * In localStorage under `auth-elements:*`; a browser that refuses storage simply remembers nothing.
 */
import type {SignInMethod} from './types.js';

const LINK_ASKED = 'auth-elements:sign-in-link-asked';
import {LAST_METHOD, readStored, writeStored} from './social-pending.js';
/** A sign-in link lives 5 minutes on the reference server; a request older than a day is forgotten. */
const LINK_ASKED_FOR_MS = 86400_000;

const METHOD = /^(password|email-code|email-link|phone-code|passkey|social:[a-z0-9][a-z0-9_-]{0,63})$/i;

/** A stored time, if it is no older than `maxAge`. */
function recent(key: string, maxAge: number): string | null {
  const [at, value = ''] = (readStored(key) ?? '').split('|');
  const time = Number(at);
  return Number.isFinite(time) && time > 0 && Date.now() - time < maxAge ? value : null;
}

/** The way of signing in used last on this device, or null. */
export function lastSignInMethod(): SignInMethod | null {
  const value = readStored(LAST_METHOD);
  return value && METHOD.test(value) ? (value as SignInMethod) : null;
}

export function rememberSignInMethod(method: SignInMethod): void {
  if (METHOD.test(method)) writeStored(LAST_METHOD, method);
}

/** Notes that this browser asked for a sign-in link (now). */
export function rememberLinkAsked(): void {
  writeStored(LINK_ASKED, `${Date.now()}|`);
}

/** Whether this browser asked for a sign-in link lately; forgets it (a link is opened once). */
export function takeLinkAsked(): boolean {
  const asked = recent(LINK_ASKED, LINK_ASKED_FOR_MS) !== null;
  writeStored(LINK_ASKED, null);
  return asked;
}
