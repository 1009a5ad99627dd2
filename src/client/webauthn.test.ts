import {expect} from '@open-wc/testing';
import {expectAuthError} from './adapters/adapter-contract.js';
import {createPasskey, getPasskey} from './webauthn.js';
import {autofillAvailable, webAuthnAvailable} from './webauthn-support.js';

const requestOptions = {challenge: 'AAAA', rpId: location.hostname, allowCredentials: [], timeout: 1000};
const creationOptions = {
  challenge: 'AAAA',
  rp: {name: 'Test', id: location.hostname},
  user: {id: 'AAAA', name: 'a@example.com', displayName: 'A'},
  pubKeyCredParams: [{type: 'public-key' as const, alg: -7}],
};

/** Runs `body` in a browser without WebAuthn (PublicKeyCredential gone). */
async function withoutWebAuthn(body: () => Promise<void>) {
  const saved = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential')!;
  delete (window as {PublicKeyCredential?: unknown}).PublicKeyCredential;
  try {
    await body();
  } finally {
    Object.defineProperty(window, 'PublicKeyCredential', saved);
  }
}

describe('webauthn', () => {
  it('tells what the browser offers without loading the library', async () => {
    expect(webAuthnAvailable()).to.equal(true);
    expect(await autofillAvailable()).to.be.a('boolean');
    await withoutWebAuthn(async () => {
      expect(webAuthnAvailable()).to.equal(false);
      expect(await autofillAvailable()).to.equal(false);
    });
  });

  it('is unsupported in a browser without WebAuthn', async () => {
    await withoutWebAuthn(async () => {
      await expectAuthError(createPasskey(creationOptions), 'unsupported');
      await expectAuthError(getPasskey(requestOptions), 'unsupported');
    });
  });

  it('autofill is unsupported where the browser offers no passkeys in autofill', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(PublicKeyCredential, 'isConditionalMediationAvailable');
    Object.defineProperty(PublicKeyCredential, 'isConditionalMediationAvailable', {configurable: true, value: async () => false});
    try {
      expect(await autofillAvailable()).to.equal(false);
      await expectAuthError(getPasskey(requestOptions, {autofill: true}), 'unsupported');
    } finally {
      if (descriptor) Object.defineProperty(PublicKeyCredential, 'isConditionalMediationAvailable', descriptor);
      else delete (PublicKeyCredential as {isConditionalMediationAvailable?: unknown}).isConditionalMediationAvailable;
    }
  });

  it('an aborted signal rejects with its reason before any prompt', async () => {
    const reason = new DOMException('gone', 'AbortError');
    let caught: unknown;
    await getPasskey(requestOptions, {signal: AbortSignal.abort(reason)}).catch((error) => (caught = error));
    expect(caught).to.equal(reason);
  });
});
