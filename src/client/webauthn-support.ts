/**
 * What the browser offers for passkeys, without loading the WebAuthn library: the UI decides
 * whether to show a passkey button or ask for autofill from these.
 */

/** The browser has WebAuthn (`PublicKeyCredential`); false outside a secure context. */
export function webAuthnAvailable(): boolean {
  return typeof PublicKeyCredential === 'function';
}

/** The browser offers passkeys in an input's autofill list (conditional mediation). */
export async function autofillAvailable(): Promise<boolean> {
  if (!webAuthnAvailable()) return false;
  const check = (PublicKeyCredential as {isConditionalMediationAvailable?: () => Promise<boolean>}).isConditionalMediationAvailable;
  if (typeof check !== 'function') return false;
  try {
    return await check.call(PublicKeyCredential);
  } catch {
    return false;
  }
}
