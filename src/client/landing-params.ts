/**
 * The parameters a sign-in's landing comes in (landing.ts reads them), and whether the page
 * has one nobody took yet — the part the provider needs on every page, kept apart from the
 * reading itself, which loads with the sign-in card.
 */

export const SIGN_IN_LINK_PARAM = 'auth-link';
export const PROVIDER_PARAM = 'auth-provider';
/** The mark a bearer-mode page puts on a social callback URL, and the one-time token the API sends back instead (server/bearer-return.js). */
export const BEARER_RETURN_PARAM = 'auth-bearer';
export const RETURN_TOKEN_PARAM = 'auth-token';

let taken = false;

export const landingTaken = () => taken;
export const takingLanding = (value: boolean) => void (taken = value);

/** Whether the page's address carries a landing nobody took yet (the provider opens a sign-in for it). */
export function hasLanding(): boolean {
  if (taken || typeof location === 'undefined') return false;
  const params = new URL(location.href).searchParams;
  return params.has(SIGN_IN_LINK_PARAM) || params.has(PROVIDER_PARAM);
}

/**
 * The one-time token a social sign-in brought back to a bearer-mode page (server/bearer-return.js),
 * taken out of the address bar at once; null when there is none.
 */
export function takeReturnToken(): string | null {
  if (typeof location === 'undefined') return null;
  const url = new URL(location.href);
  const token = url.searchParams.get(RETURN_TOKEN_PARAM);
  if (token === null && !url.searchParams.has(BEARER_RETURN_PARAM)) return null;
  url.searchParams.delete(RETURN_TOKEN_PARAM);
  url.searchParams.delete(BEARER_RETURN_PARAM);
  history.replaceState(history.state, '', url.href);
  return token || null;
}

/** `page` with the marker a provider's refusal comes back with (better-auth adds `error`). */
export function providerReturnUrl(page: string, provider: string): string {
  const url = new URL(page, typeof location === 'undefined' ? undefined : location.href);
  url.searchParams.set(PROVIDER_PARAM, provider);
  return url.href;
}
