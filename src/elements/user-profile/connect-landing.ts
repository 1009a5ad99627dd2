/**
 * The way back from a provider after "Connect": the profile's own marker in the address
 * (`auth-connect=<provider>`), with better-auth's `error` after a refusal. Kept apart from the
 * sign-in's landing (client/landing.ts): `auth-provider` there makes `<auth-provider>` open a
 * sign-in card for the refusal, which must not happen on a profile page, and the sign-in would
 * take (remove) the same `error`. Like the sign-in's, it is taken once per page and removed
 * from the address bar at once (history.replaceState), so a reload does not say it again.
 */
import type {AuthError} from '../../client/errors.js';
import {markedUrl, providerError, takeParams} from '../../client/landing-params.js';

export const CONNECT_PARAM = 'auth-connect';

/** What the address brought back: the provider, and the refusal (null when it came back linked). */
export interface ConnectLanding {
  provider: string;
  error: AuthError | null;
}

let taken = false;

/** `page` (default: this one, its hash route kept) with the marker the provider comes back with. */
export function connectReturnUrl(provider: string, page = location.href): string {
  return markedUrl(CONNECT_PARAM, provider, page);
}

/** The provider's answer the address carries, once per page; null afterwards or when there is none. */
export function takeConnectLanding(): ConnectLanding | null {
  if (taken) return null;
  const params = takeParams([CONNECT_PARAM, 'error', 'error_description'], [CONNECT_PARAM]);
  const provider = params?.get(CONNECT_PARAM);
  if (provider == null) return null;
  taken = true;
  const error = params!.get('error');
  // Like the sign-in's: the person said no at the provider, or the round trip failed.
  return {provider, error: error == null ? null : providerError(error)};
}

/** Test seam: lets the next takeConnectLanding() read the address again. */
export function resetConnectLandingForTests(): void {
  taken = false;
}
