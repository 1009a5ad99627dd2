/**
 * What the page's address brings back to a sign-in: a sign-in link's token (`auth-link`, the
 * page a sign-in link opened) or a social provider's refusal (`auth-provider` with better-auth's
 * `error`, the page the provider sent the browser back to). Taken once per page: the parameters
 * are removed from the address bar at once (history.replaceState), so a reload or a shared URL
 * does not carry them.
 */

import {PROVIDER_PARAM, SIGN_IN_LINK_PARAM, landingTaken, takingLanding} from './landing-params.js';

export {PROVIDER_PARAM, SIGN_IN_LINK_PARAM} from './landing-params.js';

export type Landing =
  | {kind: 'link'; token: string}
  | {kind: 'provider'; provider: string; error: string | null};

/** The landing the page's address carries, once; null afterwards or when there is none. */
export function takeLanding(): Landing | null {
  if (landingTaken() || typeof location === 'undefined') return null;
  const url = new URL(location.href);
  const token = url.searchParams.get(SIGN_IN_LINK_PARAM);
  const provider = url.searchParams.get(PROVIDER_PARAM);
  if (token === null && provider === null) return null;
  takingLanding(true);
  const error = url.searchParams.get('error');
  for (const name of [SIGN_IN_LINK_PARAM, PROVIDER_PARAM, ...(provider !== null ? ['error', 'error_description'] : [])]) url.searchParams.delete(name);
  history.replaceState(history.state, '', url.href);
  if (token !== null) return {kind: 'link', token};
  return {kind: 'provider', provider: provider ?? '', error};
}

/** Test seam: lets the next takeLanding() read the address again. */
export function resetLandingForTests(): void {
  takingLanding(false);
}
