import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
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

  describe('with a passkey on a virtual authenticator', () => {
    let authenticatorId: string;
    beforeEach(async () => {
      authenticatorId = await executeServerCommand('webauthn', {action: 'add'});
    });
    afterEach(async () => {
      await executeServerCommand('webauthn', {action: 'remove', authenticatorId});
    });

    /** Scripts the page has fetched whose URL names @simplewebauthn. */
    const libraryRequests = () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('simplewebauthn')).length;

    it('creates and uses a passkey with the browser\'s own JSON conversions, loading no library', async () => {
      const before = libraryRequests();
      const created = await createPasskey({...creationOptions, authenticatorSelection: {residentKey: 'required', userVerification: 'required'}});
      expect(created.type).to.equal('public-key');
      expect(created.response.clientDataJSON).to.be.a('string');
      const used = await getPasskey(requestOptions);
      expect(used.id).to.equal(created.id);
      expect(libraryRequests()).to.equal(before);
    });

    it('falls back to @simplewebauthn/browser where the browser has no JSON conversions', async () => {
      const saved = Object.getOwnPropertyDescriptor(PublicKeyCredential.prototype, 'toJSON')!;
      delete (PublicKeyCredential.prototype as {toJSON?: unknown}).toJSON;
      try {
        const created = await createPasskey({...creationOptions, authenticatorSelection: {residentKey: 'required', userVerification: 'required'}});
        const used = await getPasskey(requestOptions);
        expect(used.id).to.equal(created.id);
        expect(libraryRequests()).to.be.greaterThan(0);
      } finally {
        Object.defineProperty(PublicKeyCredential.prototype, 'toJSON', saved);
      }
    });

    it('a new ceremony ends the one under way: autofill waiting, then the prompt', async () => {
      await createPasskey({...creationOptions, authenticatorSelection: {residentKey: 'required', userVerification: 'required'}});
      // Nobody touches the key: the autofill request waits.
      await executeServerCommand('webauthn', {action: 'set-presence', authenticatorId, value: false});
      const autofill = getPasskey(requestOptions, {autofill: true}).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await executeServerCommand('webauthn', {action: 'set-presence', authenticatorId, value: true});
      const used = await getPasskey(requestOptions);
      expect(used.type).to.equal('public-key');
      const ended = await autofill;
      expect((ended as {code?: string}).code).to.equal('cancelled');
    });
  });
});

