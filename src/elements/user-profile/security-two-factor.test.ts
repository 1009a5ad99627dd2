import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {Secret, TOTP} from 'otpauth';
import {AuthError} from '../../client/errors.js';
import {deepActiveElement} from '../../internal/focus.js';
import type {MemoryAdapter} from '../../client/adapters/memory.js';
import {ADA, memoryAdapter, settle, type, waitUntil} from '../../../test/helpers.js';
import {accessible, announced, button, CHROME_MAC, editor, field, fieldError, hasButton, securityPage, sectionText, statusText} from '../../../test/security-profile.js';
import type {AuthUserProfile} from './user-profile.js';

const focused = deepActiveElement;
const shadow = (el: Element) => el.shadowRoot!;
const SECRET = 'JBSWY3DPEHPK3PXP';

/** What a phone's authenticator app shows for this key right now. */
const appCode = (secret: string) => new TOTP({secret: Secret.fromBase32(secret)}).generate();
/** A code that is surely not the app's. */
const wrongCode = (secret: string) => [...appCode(secret)].map((digit) => String((Number(digit) + 5) % 10)).join('');

const heading = (el: AuthUserProfile) => shadow(el).querySelector<HTMLElement>('#section-two-factor ~ .section-content .step-title');
const headingText = (el: AuthUserProfile) => heading(el)?.textContent?.trim() ?? '';
/** The key under "Can't scan it?", as shown (groups of four). */
const shownKey = (el: AuthUserProfile) => shadow(el).querySelector('.secret')!.textContent!.trim();
const backupCodes = (el: AuthUserProfile) => [...shadow(el).querySelectorAll('.backup-codes li')].map((item) => item.textContent!.trim());
const codeInput = (el: AuthUserProfile) => editor(el).querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!;
const alertText = (el: AuthUserProfile) =>
  [...shadow(el).querySelectorAll('[role="alert"]'), ...editor(el).querySelectorAll('[role="alert"]')].map((node) => node.textContent!.trim()).join(' ');

/** Ada with two-step verification on (a known key). */
const adaWithTwoFactor = () => memoryAdapter({userAgent: CHROME_MAC, users: [{...ADA, twoFactor: {secret: SECRET}}]});

/** Signs in with the password, then the app's code. */
async function signInWithApp(adapter: MemoryAdapter): Promise<void> {
  await adapter.signInWithPassword({email: ADA.email, password: ADA.password}).catch((error: AuthError) => {
    if (error.code !== 'two_factor_required') throw error;
  });
  await adapter.verifySecondFactor({kind: 'totp', code: appCode(SECRET)});
}

/** Security → Set up → the password → the QR code step. */
async function toScanStep(el: AuthUserProfile): Promise<void> {
  button(el, 'Set up').click();
  await settle(el);
  type(field(el, 'password'), ADA.password);
  editor(el).requestSubmit();
  await waitUntil(() => headingText(el) === 'Scan the QR code', 'no QR code step');
  await settle(el);
}

/** The QR code has drawn (its encoder is a lazy chunk). */
const qrDrawn = (el: AuthUserProfile) => waitUntil(() => shadow(el).querySelector('svg.qr-code path'), 'the QR code was never drawn');

describe('<auth-user-profile> Security page: two-step verification', () => {
  it('sets up an authenticator app with a real code, shows the backup codes once, then says it is on', async () => {
    const {el, adapter} = await securityPage(memoryAdapter({userAgent: CHROME_MAC}));
    expect(sectionText(el, 'two-factor')).to.contain('Add a second step to signing in');
    await accessible(el);

    button(el, 'Set up').click();
    await settle(el);
    expect(headingText(el)).to.equal('Set up two-step verification');
    expect(focused()).to.equal(field(el, 'password'));
    expect(field(el, 'password').autocomplete).to.equal('current-password');
    await accessible(el);

    // A wrong password: said on its field, kept, focused.
    type(field(el, 'password'), 'not-my-password1');
    editor(el).requestSubmit();
    await settle(el);
    expect(fieldError(field(el, 'password'))).to.equal("That password isn't right.");
    expect(field(el, 'password').value).to.equal('not-my-password1');
    expect(focused()).to.equal(field(el, 'password'));

    type(field(el, 'password'), ADA.password);
    editor(el).requestSubmit();
    await waitUntil(() => headingText(el) === 'Scan the QR code', 'no QR code step');
    await settle(el);
    expect(focused()).to.equal(heading(el));
    await qrDrawn(el);
    const qr = shadow(el).querySelector('svg.qr-code')!;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.equal('QR code to add your account to an authenticator app');
    expect(qr.querySelector('rect')!.getAttribute('fill')).to.equal('#ffffff');
    // The key, under "Can't scan it?", in groups of four.
    const details = shadow(el).querySelector('details')!;
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.click();
    await settle(el);
    const secret = shownKey(el).replace(/ /g, '');
    expect(shownKey(el)).to.match(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    expect(codeInput(el).inputMode).to.equal('numeric');
    await accessible(el);

    // A wrong code: said on the code field, kept, focused; nothing is on yet.
    type(codeInput(el), wrongCode(secret));
    await settle(el);
    await waitUntil(() => fieldError(codeInput(el)) !== '', 'no error on the code');
    expect(fieldError(codeInput(el))).to.equal("That code isn't right. Enter the code your authenticator app shows now.");
    expect(codeInput(el).value).to.equal(wrongCode(secret));
    expect(focused()).to.equal(codeInput(el));
    expect((await adapter.getSignInMethods()).twoFactor).to.equal(false);
    await accessible(el);

    // The app's code (computed from the key the page showed) turns it on; a complete code submits itself.
    type(codeInput(el), appCode(secret));
    await waitUntil(() => backupCodes(el).length > 0, 'no backup codes');
    await settle(el);
    expect(headingText(el)).to.equal('Save your backup codes');
    expect(focused()).to.equal(heading(el));
    expect(statusText(el)).to.equal('Two-step verification is on.');
    expect(announced()).to.equal('Two-step verification is on.');
    expect(backupCodes(el)).to.deep.equal(adapter.backupCodes(ADA.email));
    expect(editor(el).querySelector('input')).to.equal(null);
    for (const label of ['Copy', 'Download', 'Print', 'Done']) expect(hasButton(el, label), label).to.equal(true);
    await accessible(el);

    button(el, 'Done').click();
    await settle(el);
    // Shown once: gone for good, and the section says it is on.
    expect(backupCodes(el)).to.deep.equal([]);
    expect(sectionText(el, 'two-factor')).to.contain('On');
    expect(focused()).to.equal(button(el, 'Regenerate backup codes'));
    expect(hasButton(el, 'Turn off')).to.equal(true);
    expect((await adapter.getSignInMethods()).twoFactor).to.equal(true);
    await accessible(el);
  });

  it('copies the key and the codes, and downloads the codes as a text file', async () => {
    const {el} = await securityPage(memoryAdapter({userAgent: CHROME_MAC}));
    let copied = '';
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {writeText: async (text: string) => void (copied = text)}});
    try {
      await toScanStep(el);
      shadow(el).querySelector('details summary')!.dispatchEvent(new MouseEvent('click', {bubbles: true}));
      await settle(el);
      const secret = shownKey(el).replace(/ /g, '');
      button(el, 'Copy key').click();
      await waitUntil(() => hasButton(el, 'Key copied'), 'the key was not copied');
      expect(copied).to.equal(secret);

      type(codeInput(el), appCode(secret));
      await waitUntil(() => backupCodes(el).length > 0, 'no backup codes');
      await settle(el);
      button(el, 'Copy').click();
      await waitUntil(() => hasButton(el, 'Copied'), 'the codes were not copied');
      expect(copied).to.equal(backupCodes(el).join('\n'));

      // Download: a Blob behind an <a download> link.
      let saved: {name: string; href: string} | null = null;
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        saved = {name: this.download, href: this.href};
      };
      try {
        button(el, 'Download').click();
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      expect(saved!.name).to.equal('backup-codes.txt');
      const text = await (await fetch(saved!.href)).text();
      expect(text).to.contain('Backup codes for two-step verification');
      expect(text).to.contain(ADA.email);
      for (const code of backupCodes(el)) expect(text).to.contain(code);
    } finally {
      if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
      else delete (navigator as unknown as {clipboard?: unknown}).clipboard;
    }
  });

  it('prints only the codes, from a frame of their own', async () => {
    const {el} = await securityPage(memoryAdapter({userAgent: CHROME_MAC}));
    await toScanStep(el);
    shadow(el).querySelector('details summary')!.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    await settle(el);
    type(codeInput(el), appCode(shownKey(el).replace(/ /g, '')));
    await waitUntil(() => backupCodes(el).length > 0, 'no backup codes');
    await settle(el);
    let printed = '';
    // The frame's own print(), as the page calls it (the browser's print dialog does not open in a test).
    const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get(this: HTMLIFrameElement) {
        const win = contentWindow.get!.call(this) as Window | null;
        if (win) win.print = () => void (printed = this.contentDocument!.body.textContent ?? '');
        return win;
      },
    });
    try {
      button(el, 'Print').click();
    } finally {
      Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', contentWindow);
    }
    await waitUntil(() => printed, 'nothing printed');
    expect(printed).to.contain('Backup codes for two-step verification');
    for (const code of backupCodes(el)) expect(printed).to.contain(code);
    expect(printed).not.to.contain('Done');
  });

  it('keeps the setup going through "Can\'t scan it?" with the keyboard alone, and Cancel goes back to Set up', async () => {
    const {el} = await securityPage(memoryAdapter({userAgent: CHROME_MAC}));
    button(el, 'Set up').focus();
    await sendKeys({press: 'Enter'});
    await settle(el);
    expect(focused()).to.equal(field(el, 'password'));
    await sendKeys({type: ADA.password});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => headingText(el) === 'Scan the QR code', 'no QR code step');
    await settle(el);
    expect(focused()).to.equal(heading(el));
    await sendKeys({press: 'Tab'});
    expect(focused()).to.equal(shadow(el).querySelector('summary'));
    await sendKeys({press: 'Enter'});
    await settle(el);
    expect(shadow(el).querySelector('details')!.open).to.equal(true);
    await sendKeys({press: 'Tab'});
    expect(focused()?.textContent?.trim()).to.equal('Copy key');
    await sendKeys({press: 'Tab'});
    expect(focused()).to.equal(codeInput(el));
    await sendKeys({press: 'Tab'});
    expect(focused()?.textContent?.trim()).to.equal('Cancel');
    await sendKeys({press: 'Enter'});
    await settle(el);
    await waitUntil(() => focused() === button(el, 'Set up'), 'focus did not go back to Set up');
    expect(editor(el).querySelector('input')).to.equal(null);
  });

  it('regenerates the backup codes after the password: new codes, the old ones stop working', async () => {
    const adapter = adaWithTwoFactor();
    const old = adapter.backupCodes(ADA.email);
    const {el} = await securityPage(adapter, signInWithApp);
    expect(sectionText(el, 'two-factor')).to.contain('On');
    await accessible(el);
    button(el, 'Regenerate backup codes').click();
    await settle(el);
    expect(headingText(el)).to.equal('Regenerate backup codes');
    expect(sectionText(el, 'two-factor')).to.contain('the ones you have now will stop working');
    expect(focused()).to.equal(field(el, 'password'));
    await accessible(el);
    // Nothing typed: the field says so.
    editor(el).requestSubmit();
    await settle(el);
    expect(fieldError(field(el, 'password'))).to.equal('This field is required.');
    type(field(el, 'password'), ADA.password);
    editor(el).requestSubmit();
    await waitUntil(() => backupCodes(el).length > 0, 'no new codes');
    await settle(el);
    expect(focused()).to.equal(heading(el));
    expect(sectionText(el, 'two-factor')).to.contain('These codes replace your old ones, which no longer work.');
    const fresh = backupCodes(el);
    expect(fresh).to.deep.equal(adapter.backupCodes(ADA.email));
    expect(fresh.some((code) => old.includes(code))).to.equal(false);
    await accessible(el);
    button(el, 'Done').click();
    await settle(el);
    expect(backupCodes(el)).to.deep.equal([]);
  });

  it('turns two-step verification off after a confirmation and the password', async () => {
    const adapter = adaWithTwoFactor();
    const {el} = await securityPage(adapter, signInWithApp);
    button(el, 'Turn off').click();
    await settle(el);
    expect(headingText(el)).to.equal('Turn off two-step verification');
    expect(sectionText(el, 'two-factor')).to.contain('Signing in will ask only for your password.');
    await accessible(el);
    type(field(el, 'password'), 'wrong-password9');
    editor(el).requestSubmit();
    await settle(el);
    expect(fieldError(field(el, 'password'))).to.equal("That password isn't right.");
    expect((await adapter.getSignInMethods()).twoFactor).to.equal(true);
    type(field(el, 'password'), ADA.password);
    editor(el).requestSubmit();
    await waitUntil(() => statusText(el) === 'Two-step verification is off.', 'no notice');
    await settle(el);
    expect((await adapter.getSignInMethods()).twoFactor).to.equal(false);
    expect(focused()).to.equal(button(el, 'Set up'));
    await accessible(el);
  });

  it('says a network failure above the form and keeps the password typed', async () => {
    const adapter = adaWithTwoFactor();
    const {el} = await securityPage(adapter, signInWithApp);
    button(el, 'Turn off').click();
    await settle(el);
    type(field(el, 'password'), ADA.password);
    const original = adapter.disableTwoFactor.bind(adapter);
    adapter.disableTwoFactor = () => Promise.reject(new AuthError('network'));
    try {
      editor(el).requestSubmit();
      await settle(el);
    } finally {
      adapter.disableTwoFactor = original;
    }
    expect(alertText(el)).to.contain("We can't reach the server.");
    expect(field(el, 'password').value).to.equal(ADA.password);
    await accessible(el);
  });

  it('says a rate limit (with its wait) and a server error on the code step, keeping the code typed', async () => {
    const {el, adapter} = await securityPage(memoryAdapter({userAgent: CHROME_MAC}));
    await toScanStep(el);
    const confirm = adapter.confirmTotpSetup.bind(adapter);
    adapter.confirmTotpSetup = () => Promise.reject(new AuthError('rate_limited', 'rate_limited', {status: 429, retryAfter: 30}));
    type(codeInput(el), '123456');
    await waitUntil(() => alertText(el).includes('Try again in 30 seconds'), 'no rate-limit message');
    expect(editor(el).querySelector('[role="alert"]')!.getAttribute('data-tone')).to.equal('warning');
    expect(codeInput(el).value).to.equal('123456');
    await accessible(el);
    adapter.confirmTotpSetup = () => Promise.reject(new AuthError('server', 'server', {status: 503}));
    editor(el).requestSubmit();
    await waitUntil(() => alertText(el).includes('Something went wrong on our side.'), 'no server error');
    expect(codeInput(el).value).to.equal('123456');
    adapter.confirmTotpSetup = confirm;
  });

  it('sets up an account without a password with a Continue step (no password field)', async () => {
    const adapter = memoryAdapter({userAgent: CHROME_MAC, capabilities: {socialProviders: ['github']}});
    const {el} = await securityPage(adapter, (a) => a.signInWithSocial('github', location.href));
    button(el, 'Set up').click();
    await settle(el);
    expect(headingText(el)).to.equal('Set up two-step verification');
    expect(focused()).to.equal(heading(el));
    expect(editor(el).querySelector('input[type="password"]')).to.equal(null);
    await accessible(el);
    button(el, 'Continue').click();
    await waitUntil(() => headingText(el) === 'Scan the QR code', 'no QR code step');
    await qrDrawn(el);
    await accessible(el);
  });
});
