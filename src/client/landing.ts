/**
 * What the page's address brings back to a sign-in: a sign-in link's token (`auth-link`, the
 * page a sign-in link opened) or a social provider's refusal (`auth-provider` with better-auth's
 * `error`, the page the provider sent the browser back to). Taken once per page; the parameters
 * left the address bar when the kit first looked (landing-params.ts), so a reload or a shared
 * URL does not carry them, and the page's own code rewriting its address loses nothing.
 */

import {PROVIDER_PARAM, SIGN_IN_LINK_PARAM, takeLandingParams} from './landing-params.js';

export {PROVIDER_PARAM, SIGN_IN_LINK_PARAM, resetLandingForTests} from './landing-params.js';

export type Landing =
  | {kind: 'link'; token: string}
  | {kind: 'provider'; provider: string; error: string | null};

/** The landing the page's address brought, once; null afterwards or when there is none. */
export function takeLanding(): Landing | null {
  const params = takeLandingParams();
  if (!params) return null;
  const token = params.get(SIGN_IN_LINK_PARAM);
  if (token != null) return {kind: 'link', token};
  return {kind: 'provider', provider: params.get(PROVIDER_PARAM) ?? '', error: params.get('error') ?? null};
}
