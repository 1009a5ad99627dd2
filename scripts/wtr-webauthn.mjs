/**
 * A web-test-runner command, `webauthn`, that gives a test page a virtual authenticator through
 * the Chrome DevTools Protocol (the one Chromium's own WebAuthn tests use), so passkey flows
 * run for real — the browser signs, the server verifies — without a person touching a key:
 *
 *   const id = await executeServerCommand('webauthn', {action: 'add'});          // a platform passkey
 *   await executeServerCommand('webauthn', {action: 'set-user-verified', authenticatorId: id, value: false});
 *   await executeServerCommand('webauthn', {action: 'set-presence', authenticatorId: id, value: false}); // nobody touches it
 *   await executeServerCommand('webauthn', {action: 'credentials', authenticatorId: id}); // what it holds
 *   await executeServerCommand('webauthn', {action: 'remove', authenticatorId: id});
 *
 * `add` takes `options` (CDP's VirtualAuthenticatorOptions) over the defaults: ctap2, internal,
 * resident keys, user verification that succeeds. WebAuthn needs a domain as RP ID: the test
 * page is served on `localhost` (browsers refuse 127.0.0.1).
 */
export function webAuthnPlugin() {
  /** One DevTools session per page, kept open: its authenticators end when it detaches. */
  const sessions = new WeakMap();
  return {
    name: 'webauthn',
    async executeCommand({command, payload, session}) {
      if (command !== 'webauthn') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`webauthn needs Chromium through puppeteer, not ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        await cdp.send('WebAuthn.enable', {enableUI: false});
        sessions.set(page, cdp);
      }
      const {action, authenticatorId, options, value} = payload ?? {};
      switch (action) {
        case 'add': {
          const result = await cdp.send('WebAuthn.addVirtualAuthenticator', {
            options: {protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true, ...options},
          });
          return result.authenticatorId;
        }
        case 'remove':
          await cdp.send('WebAuthn.removeVirtualAuthenticator', {authenticatorId});
          return true;
        case 'credentials':
          return (await cdp.send('WebAuthn.getCredentials', {authenticatorId})).credentials.map(({credentialId, rpId, userHandle, isResidentCredential, signCount}) => ({
            credentialId,
            rpId,
            userHandle,
            isResidentCredential,
            signCount,
          }));
        case 'clear':
          await cdp.send('WebAuthn.clearCredentials', {authenticatorId});
          return true;
        case 'set-presence':
          // false: the authenticator waits for a touch that never comes (a prompt left open).
          await cdp.send('WebAuthn.setAutomaticPresenceSimulation', {authenticatorId, enabled: Boolean(value)});
          return true;
        case 'set-user-verified':
          await cdp.send('WebAuthn.setUserVerified', {authenticatorId, isUserVerified: Boolean(value)});
          return true;
        default:
          throw new Error(`webauthn: unknown action ${action}`);
      }
    },
  };
}
