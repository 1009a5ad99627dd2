/**
 * The browser's passkey ceremonies for every adapter: the API's options JSON in, the
 * credential JSON out. `@simplewebauthn/browser` loads on first use (never on a page that shows
 * no passkey), and its errors become AuthErrors: a closed or timed-out prompt is `cancelled` (so
 * is a second passkey on an authenticator that has one for the account: the browser said so),
 * a browser without WebAuthn `unsupported`; an aborted `signal` rejects with its reason.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import {AuthError} from './errors.js';
import {autofillAvailable, webAuthnAvailable} from './webauthn-support.js';

export type {AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON};

export interface PasskeyCeremonyOptions {
  /** Conditional mediation: the passkey is picked from an input's autofill list. */
  autofill?: boolean;
  signal?: AbortSignal;
}

const library = () => import('@simplewebauthn/browser');

/** Creates a passkey with the browser's prompt (registration). */
export async function createPasskey(optionsJSON: PublicKeyCredentialCreationOptionsJSON, signal?: AbortSignal): Promise<RegistrationResponseJSON> {
  if (!webAuthnAvailable()) throw new AuthError('unsupported', 'This browser has no WebAuthn');
  const {startRegistration, WebAuthnAbortService} = await library();
  return ceremony(() => startRegistration({optionsJSON}), WebAuthnAbortService, signal);
}

/** Signs in with a passkey: the browser's prompt, or with `autofill` its autofill list (authentication). */
export async function getPasskey(optionsJSON: PublicKeyCredentialRequestOptionsJSON, {autofill = false, signal}: PasskeyCeremonyOptions = {}): Promise<AuthenticationResponseJSON> {
  signal?.throwIfAborted();
  if (!webAuthnAvailable()) throw new AuthError('unsupported', 'This browser has no WebAuthn');
  if (autofill && !(await autofillAvailable())) throw new AuthError('unsupported', 'This browser offers no passkeys in autofill');
  signal?.throwIfAborted();
  const {startAuthentication, WebAuthnAbortService} = await library();
  return ceremony(() => startAuthentication({optionsJSON, useBrowserAutofill: autofill}), WebAuthnAbortService, signal);
}

async function ceremony<T>(run: () => Promise<T>, abortService: {cancelCeremony(): void}, signal?: AbortSignal): Promise<T> {
  signal?.throwIfAborted();
  const onAbort = () => abortService.cancelCeremony();
  signal?.addEventListener('abort', onAbort, {once: true});
  try {
    return await run();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw toCeremonyError(error);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The library's (or the browser's) error as an AuthError. */
function toCeremonyError(error: unknown): AuthError {
  const {name = '', code = '', message = String(error)} = (error ?? {}) as {name?: string; code?: string; message?: string};
  const cause = (error as {cause?: {name?: string}} | null)?.cause;
  // NotAllowedError: the person closed the prompt, or it timed out (the spec does not say which).
  // AbortError: another ceremony took over (a passkey button while autofill was waiting).
  // InvalidStateError on registration: this authenticator already holds a passkey of the account
  // (the API excluded it); the browser has told the person so, nothing more to show.
  if (
    name === 'NotAllowedError' ||
    cause?.name === 'NotAllowedError' ||
    name === 'AbortError' ||
    code === 'ERROR_CEREMONY_ABORTED' ||
    code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED'
  ) {
    return new AuthError('cancelled', message, {cause: error});
  }
  if (/not supported/i.test(message) || code === 'ERROR_INVALID_DOMAIN' || name === 'NotSupportedError') {
    return new AuthError('unsupported', message, {cause: error});
  }
  return new AuthError('unknown', message, {cause: error});
}
