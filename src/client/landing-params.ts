/**
 * The parameters a sign-in's landing comes in (landing.ts reads them), and whether the page
 * has one nobody took yet — the part the provider needs on every page, kept apart from the
 * reading itself, which loads with the sign-in card.
 */

export const SIGN_IN_LINK_PARAM = 'auth-link';
export const PROVIDER_PARAM = 'auth-provider';

let taken = false;

export const landingTaken = () => taken;
export const takingLanding = (value: boolean) => void (taken = value);

/** Whether the page's address carries a landing nobody took yet (the provider opens a sign-in for it). */
export function hasLanding(): boolean {
  if (taken || typeof location === 'undefined') return false;
  const params = new URL(location.href).searchParams;
  return params.has(SIGN_IN_LINK_PARAM) || params.has(PROVIDER_PARAM);
}
