/**
 * The browser's passkey ceremonies for every adapter: the API's options JSON in, the
 * credential JSON out. Where the browser converts WebAuthn JSON itself
 * (`PublicKeyCredential.parseRequestOptionsFromJSON`, `…CreationOptionsFromJSON` and
 * `toJSON()`: Chromium 129, Firefox 119, Safari 18.4) nothing more loads; elsewhere
 * `@simplewebauthn/browser` does, on first use (never on a page that shows no passkey). Errors
 * become AuthErrors: a closed or timed-out prompt is `cancelled` (so is a second passkey on an
 * authenticator that has one for the account: the browser said so), a browser without WebAuthn
 * `unsupported`; an aborted `signal` rejects with its reason. One ceremony runs at a time: a new
 * one ends the one under way (the passkey button while autofill waits) before it starts.
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

/** The browser's own WebAuthn JSON conversions, where it has them. */
interface NativeJSON {
  parseCreationOptionsFromJSON?(json: PublicKeyCredentialCreationOptionsJSON): PublicKeyCredentialCreationOptions;
  parseRequestOptionsFromJSON?(json: PublicKeyCredentialRequestOptionsJSON): PublicKeyCredentialRequestOptions;
}

const native = (): NativeJSON | null =>
  typeof (PublicKeyCredential.prototype as {toJSON?: unknown}).toJSON === 'function' ? (PublicKeyCredential as unknown as NativeJSON) : null;

/** Creates a passkey with the browser's prompt (registration). */
export async function createPasskey(optionsJSON: PublicKeyCredentialCreationOptionsJSON, signal?: AbortSignal): Promise<RegistrationResponseJSON> {
  if (!webAuthnAvailable()) throw new AuthError('unsupported', 'This browser has no WebAuthn');
  const parse = native()?.parseCreationOptionsFromJSON;
  if (parse) {
    const publicKey = parse.call(PublicKeyCredential, optionsJSON);
    return ceremony((aborted) => credentialJSON(navigator.credentials.create({publicKey, signal: aborted})), signal);
  }
  const {startRegistration, WebAuthnAbortService} = await library();
  return ceremony(() => startRegistration({optionsJSON}), signal, () => WebAuthnAbortService.cancelCeremony());
}

/** Signs in with a passkey: the browser's prompt, or with `autofill` its autofill list (authentication). */
export async function getPasskey(optionsJSON: PublicKeyCredentialRequestOptionsJSON, {autofill = false, signal}: PasskeyCeremonyOptions = {}): Promise<AuthenticationResponseJSON> {
  signal?.throwIfAborted();
  if (!webAuthnAvailable()) throw new AuthError('unsupported', 'This browser has no WebAuthn');
  if (autofill && !(await autofillAvailable())) throw new AuthError('unsupported', 'This browser offers no passkeys in autofill');
  signal?.throwIfAborted();
  const parse = native()?.parseRequestOptionsFromJSON;
  if (parse) {
    const publicKey = parse.call(PublicKeyCredential, optionsJSON);
    const mediation = autofill ? ({mediation: 'conditional'} as const) : {};
    return ceremony((aborted) => credentialJSON(navigator.credentials.get({publicKey, signal: aborted, ...mediation})), signal);
  }
  const {startAuthentication, WebAuthnAbortService} = await library();
  return ceremony(() => startAuthentication({optionsJSON, useBrowserAutofill: autofill}), signal, () => WebAuthnAbortService.cancelCeremony());
}

/** The credential a browser ceremony resolved with, as JSON (its own `toJSON()`). */
async function credentialJSON<T>(request: Promise<Credential | null>): Promise<T> {
  const credential = (await request) as (Credential & {toJSON(): T}) | null;
  if (!credential) throw new AuthError('cancelled', 'The browser returned no passkey');
  return credential.toJSON();
}

/** The ceremony under way: a new one ends it first (the browser runs one at a time). */
let current: {controller: AbortController; settled: Promise<unknown>} | null = null;

/**
 * Runs one ceremony: `run` gets the signal that ends it (the library's runs end through
 * `cancelLibrary`). Aborting `signal` rejects with its reason; other failures become AuthErrors.
 */
async function ceremony<T>(run: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal, cancelLibrary?: () => void): Promise<T> {
  signal?.throwIfAborted();
  const previous = current;
  if (previous) {
    previous.controller.abort();
    await previous.settled;
    signal?.throwIfAborted();
  }
  const controller = new AbortController();
  if (cancelLibrary) controller.signal.addEventListener('abort', cancelLibrary, {once: true});
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, {once: true});
  const promise = run(controller.signal);
  const entry = {controller, settled: promise.catch(() => undefined)};
  current = entry;
  try {
    return await promise;
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw toCeremonyError(error);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (current === entry) current = null;
  }
}

/** The library's (or the browser's) error as an AuthError. */
function toCeremonyError(error: unknown): AuthError {
  const {name = '', code = '', message = String(error)} = (error ?? {}) as {name?: string; code?: string; message?: string};
  const cause = (error as {cause?: {name?: string}} | null)?.cause;
  // NotAllowedError: the person closed the prompt, or it timed out (the spec does not say which).
  // AbortError: another ceremony took over (a passkey button while autofill was waiting).
  // InvalidStateError (the library's ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED) on registration:
  // this authenticator already holds a passkey of the account (the API excluded it); the browser
  // has told the person so, nothing more to show.
  if (
    name === 'NotAllowedError' ||
    cause?.name === 'NotAllowedError' ||
    name === 'AbortError' ||
    code === 'ERROR_CEREMONY_ABORTED' ||
    code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' ||
    name === 'InvalidStateError'
  ) {
    return new AuthError('cancelled', message, {cause: error});
  }
  // SecurityError: the page's origin does not match the API's relying party (or is an IP address).
  if (/not supported/i.test(message) || code === 'ERROR_INVALID_DOMAIN' || name === 'NotSupportedError' || name === 'SecurityError') {
    return new AuthError('unsupported', message, {cause: error});
  }
  return new AuthError('unknown', message, {cause: error});
}
