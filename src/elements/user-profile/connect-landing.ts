/**
 * The way back from a provider after "Connect": the profile's own marker in the address
 * (`auth-connect=<provider>`), with better-auth's `error` after a refusal. Kept apart from the
 * sign-in's landing (client/landing.ts): `auth-provider` there makes `<auth-provider>` open a
 * sign-in card for the refusal, which must not happen on a profile page, and the sign-in would
 * take (remove) the same `error`. Like the sign-in's, it is taken once per page and removed
 * from the address bar at once (history.replaceState), so a reload does not say it again.
 */
import {AuthError} from '../../client/errors.js';

export const CONNECT_PARAM = 'auth-connect';

/** What the address brought back: the provider, and the refusal (null when it came back linked). */
export interface ConnectLanding {
  provider: string;
  error: AuthError | null;
}

let taken = false;

/** `page` (default: this one, its hash route kept) with the marker the provider comes back with. */
export function connectReturnUrl(provider: string, page = location.href): string {
  const url = new URL(page);
  url.searchParams.set(CONNECT_PARAM, provider);
  return url.href;
}

/** The provider's answer the address carries, once per page; null afterwards or when there is none. */
export function takeConnectLanding(): ConnectLanding | null {
  if (taken || typeof location === 'undefined') return null;
  const url = new URL(location.href);
  const provider = url.searchParams.get(CONNECT_PARAM);
  if (provider === null) return null;
  taken = true;
  const error = url.searchParams.get('error');
  for (const name of [CONNECT_PARAM, 'error', 'error_description']) url.searchParams.delete(name);
  history.replaceState(history.state, '', url.href);
  // Like the sign-in's: the person said no at the provider, or the round trip failed.
  return {provider, error: error === null ? null : new AuthError(error === 'access_denied' ? 'provider_denied' : 'provider_failed', error)};
}

/** Test seam: lets the next takeConnectLanding() read the address again. */
export function resetConnectLandingForTests(): void {
  taken = false;
}
