// The profile's two-step verification and passkeys against the real server (better-auth's
// twoFactor and passkey plugins): set up with the QR code's key and a code computed from it,
// backup codes that the server then takes, turn off; a passkey added through Chromium's virtual
// authenticator, renamed and removed.
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {Secret, TOTP} from 'otpauth';
import {BetterAuthAdapter} from '../../src/client/adapters/better-auth.js';
import type {AuthError} from '../../src/client/errors.js';
import type {AuthUserProfile} from '../../src/elements/user-profile/user-profile.js';
import {clientFor, html, mount, settle, type, waitUntil} from '../helpers.js';
import {API, createUser, uniqueEmail} from '../real-server.js';
import {button, editor, field, hasButton, navItem, sectionText, statusText} from '../security-profile.js';

const PASSWORD = 'lovelace1815';
const shadow = (el: Element) => el.shadowRoot!;
const headingText = (el: AuthUserProfile) => shadow(el).querySelector('#section-two-factor ~ .section-content .step-title')?.textContent?.trim() ?? '';
const codeInput = (el: AuthUserProfile) => editor(el).querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!;
const backupCodes = (el: AuthUserProfile) => [...shadow(el).querySelectorAll('.backup-codes li')].map((item) => item.textContent!.trim());
const passkeyTitles = (el: AuthUserProfile) =>
  [...shadow(el).querySelectorAll('#passkeys-list .row-list-title')].map((node) =>
    [...node.childNodes].filter((child) => child.nodeType === Node.TEXT_NODE).map((child) => child.textContent).join('').trim(),
  );
const TIMEOUT = {timeout: 8000};

describe('<auth-user-profile> two-step verification and passkeys against the real server', function () {
  // Several scrypt hashes and sessions on the real server, on a shared machine.
  this.timeout(30_000);
  let email: string;
  let here: BetterAuthAdapter;

  beforeEach(async () => {
    email = uniqueEmail('two-step');
    await createUser('Ada Lovelace', email, PASSWORD);
    here = new BetterAuthAdapter({baseURL: API});
    await here.signInWithPassword({email, password: PASSWORD});
  });

  afterEach(() => here.signOut().catch(() => {}));

  async function securityPage(): Promise<AuthUserProfile> {
    const el = await mount<AuthUserProfile>(clientFor(here), html`<auth-user-profile></auth-user-profile>`, 'auth-user-profile');
    await waitUntil(() => shadow(el).querySelector('nav'), 'the profile shows');
    navItem(el, 'Security').click();
    await waitUntil(() => hasButton(el, 'Set up') && shadow(el).querySelector('#passkeys-list, .empty-note'), 'the Security page never loaded', TIMEOUT).catch((error) => {
      // Say what the page shows instead.
      throw new Error(`${error.message}: ${shadow(el).textContent!.replace(/\s+/g, ' ')}`);
    });
    await settle(el);
    return el;
  }

  it('sets up an authenticator app from the key shown, takes a backup code at sign-in, then turns it off', async () => {
    const el = await securityPage();
    button(el, 'Set up').click();
    await settle(el);
    type(field(el, 'password'), PASSWORD);
    editor(el).requestSubmit();
    await waitUntil(() => headingText(el) === 'Scan the QR code', 'no QR code step', TIMEOUT);
    await waitUntil(() => shadow(el).querySelector('svg.qr-code path'), 'the QR code was never drawn');
    const secret = shadow(el).querySelector('.secret')!.textContent!.replace(/\s+/g, '');
    type(codeInput(el), new TOTP({secret: Secret.fromBase32(secret)}).generate());
    await waitUntil(() => backupCodes(el).length > 0, 'no backup codes', TIMEOUT);
    await settle(el);
    expect(statusText(el)).to.equal('Two-step verification is on.');
    const codes = backupCodes(el);
    await expect(el).to.be.accessible();
    button(el, 'Done').click();
    await settle(el);
    expect(sectionText(el, 'two-factor')).to.contain('On');

    // Another browser: the password, then one of the codes the page showed.
    const other = new BetterAuthAdapter({baseURL: API, mode: 'bearer'});
    let refused: unknown;
    await other.signInWithPassword({email, password: PASSWORD}).catch((error) => (refused = error));
    expect((refused as AuthError).code).to.equal('two_factor_required');
    await other.verifySecondFactor!({kind: 'backup-code', code: codes[0]});
    await other.signOut();

    button(el, 'Turn off').click();
    await settle(el);
    type(field(el, 'password'), PASSWORD);
    editor(el).requestSubmit();
    await waitUntil(() => statusText(el) === 'Two-step verification is off.', 'not turned off', TIMEOUT);
    expect(hasButton(el, 'Set up')).to.equal(true);
    expect((await here.getSignInMethods!()).twoFactor).to.equal(false);
  });

  it('adds a passkey with the browser, renames it and removes it', async () => {
    const authenticatorId = await executeServerCommand('webauthn', {action: 'add'});
    try {
      const el = await securityPage();
      button(el, 'Add a passkey').click();
      await waitUntil(() => passkeyTitles(el).length === 1, 'the new passkey is not listed', TIMEOUT);
      await settle(el);
      expect(statusText(el)).to.equal('Your passkey has been added.');

      [...shadow(el).querySelectorAll<HTMLButtonElement>('#passkeys-list button')].find((node) => node.textContent!.trim() === 'Rename')!.click();
      await settle(el);
      const input = shadow(el).querySelector<HTMLInputElement>('#passkey-rename-input')!;
      input.value = 'Work laptop';
      input.form!.requestSubmit();
      await waitUntil(() => passkeyTitles(el)[0] === 'Work laptop', 'not renamed', TIMEOUT);
      expect((await here.listPasskeys!())[0].name).to.equal('Work laptop');

      [...shadow(el).querySelectorAll<HTMLButtonElement>('#passkeys-list button')].find((node) => node.textContent!.trim() === 'Remove')!.click();
      await settle(el);
      [...shadow(el).querySelectorAll<HTMLButtonElement>('#passkeys-list button')].find((node) => node.textContent!.trim() === 'Remove passkey')!.click();
      await waitUntil(() => shadow(el).querySelector('.empty-note'), 'the passkey is still listed', TIMEOUT);
      expect(await here.listPasskeys!()).to.deep.equal([]);
    } finally {
      await executeServerCommand('webauthn', {action: 'remove', authenticatorId});
    }
  });
});
