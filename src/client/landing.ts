/**
 * What the page's address brings back to a sign-in: a sign-in link's token (`auth-link`, the
 * page a sign-in link opened) or a social provider's refusal (`auth-provider` with better-auth's
 * `error`, the page the provider sent the browser back to). Taken once per page: the parameters
 * are removed from the address bar at once (history.replaceState), so a reload or a shared URL
 * does not carry them.
 */

import {PROVIDER_PARAM, SIGN_IN_LINK_PARAM, landingTaken, takeParams, takingLanding} from './landing-params.js';

export {PROVIDER_PARAM, SIGN_IN_LINK_PARAM} from './landing-params.js';

export type Landing =
  | {kind: 'link'; token: string}
  | {kind: 'provider'; provider: string; error: string | null};

/** The landing the page's address carries, once; null afterwards or when there is none. */
export function takeLanding(): Landing | null {
  if (landingTaken()) return null;
  const params = takeParams([SIGN_IN_LINK_PARAM, PROVIDER_PARAM, 'error', 'error_description'], [SIGN_IN_LINK_PARAM, PROVIDER_PARAM]);
  if (!params) return null;
  takingLanding(true);
  const token = params.get(SIGN_IN_LINK_PARAM);
  if (token != null) return {kind: 'link', token};
  return {kind: 'provider', provider: params.get(PROVIDER_PARAM) ?? '', error: params.get('error') ?? null};
}

/** Test seam: lets the next takeLanding() read the address again. */
export function resetLandingForTests(): void {
  takingLanding(false);
}
