/**
 * The parameters a sign-in's landing comes in (landing.ts reads them), and whether the page
 * has one nobody took yet — the part the provider needs on every page, kept apart from the
 * reading itself, which loads with the sign-in card. Also the one mechanism every landing uses
 * (the sign-in's, a bearer-mode return, the profile's Connect): marking the page a provider comes
 * back to, taking parameters out of the address bar, and what a provider's `error` means.
 */
import {AuthError} from './errors.js';

export const SIGN_IN_LINK_PARAM = 'auth-link';
export const PROVIDER_PARAM = 'auth-provider';
/** The mark a bearer-mode page puts on a social callback URL, and the one-time token the API sends back instead (server/bearer-return.js). */
export const BEARER_RETURN_PARAM = 'auth-bearer';
export const RETURN_TOKEN_PARAM = 'auth-token';

/** A sign-in's landing parameters, once read; undefined until the kit first looks. */
let held: Map<string, string | null> | null | undefined;
let taken = false;

/**
 * The landing's parameters, taken out of the address bar the first time the kit looks (the
 * provider does when it connects): the page's own code may rewrite its address before the card
 * that reads them has loaded (a router, or a signed-out page going back to "/"), and a token
 * should not stay in the address bar meanwhile.
 */
function heldLanding(): Map<string, string | null> | null {
  if (held === undefined) held = takeParams([SIGN_IN_LINK_PARAM, PROVIDER_PARAM, 'error', 'error_description'], [SIGN_IN_LINK_PARAM, PROVIDER_PARAM]);
  return held;
}

/** Whether the page's address brought a landing nobody took yet (the provider opens a sign-in for it). */
export function hasLanding(): boolean {
  return !taken && typeof location !== 'undefined' && heldLanding() !== null;
}

/** The landing's parameters for the one card that takes them; null afterwards or when there are none. */
export function takeLandingParams(): Map<string, string | null> | null {
  if (!hasLanding()) return null;
  taken = true;
  return heldLanding();
}

/** Test seam: the next look reads the address again. */
export function resetLandingForTests(): void {
  held = undefined;
  taken = false;
}

/**
 * Takes `names` out of the page's address (history.replaceState: a reload or a shared URL does not
 * carry them) and answers their values; null, touching nothing, when `present` names none there.
 */
export function takeParams(names: readonly string[], present: readonly string[] = names): Map<string, string | null> | null {
  if (typeof location === 'undefined') return null;
  const url = new URL(location.href);
  if (!present.some((name) => url.searchParams.has(name))) return null;
  const values = new Map(names.map((name) => [name, url.searchParams.get(name)]));
  for (const name of names) url.searchParams.delete(name);
  history.replaceState(history.state, '', url.href);
  return values;
}

/**
 * The one-time token a social sign-in brought back to a bearer-mode page (server/bearer-return.js),
 * taken out of the address bar at once; null when there is none.
 */
export function takeReturnToken(): string | null {
  return takeParams([RETURN_TOKEN_PARAM, BEARER_RETURN_PARAM])?.get(RETURN_TOKEN_PARAM) || null;
}

/** `page` (default: this one) with `param=value`: the marker a provider comes back with (better-auth adds `error`). */
export function markedUrl(param: string, value: string, page = typeof location === 'undefined' ? '/' : location.href): string {
  const url = new URL(page, typeof location === 'undefined' ? undefined : location.href);
  url.searchParams.set(param, value);
  return url.href;
}

/** `page` with the marker a sign-in's provider refusal comes back with. */
export const providerReturnUrl = (page: string, provider: string) => markedUrl(PROVIDER_PARAM, provider, page);

/** What a provider's `error` means for the person (better-auth passes the provider's OAuth error on). */
export const providerError = (error: string) => new AuthError(error === 'access_denied' ? 'provider_denied' : 'provider_failed', error);
