import {expect} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {Secret, TOTP} from 'otpauth';
import {MemoryAdapter, type MemoryAdapterOptions} from '../../client/adapters/memory.js';
import {AuthError} from '../../client/errors.js';
import type {PasskeySignInOptions, SecondFactorInput} from '../../client/types.js';
import {deepActiveElement} from '../../internal/focus.js';
import {ADA, clientFor, errorText, html, input, mount, nextEvent, settle, submit, title, type, waitUntil} from '../../../test/helpers.js';
import {dialogs, modalGone, shownModal} from '../../../test/modal.js';
import {item, openMenu, userButton} from '../../../test/user-button.js';
import type {AuthSignIn} from './sign-in.js';

/** A user with two-step verification on: a known authenticator-app key and backup codes. */
const TESS = {
  name: 'Tess Twostep',
  email: 'tess@example.com',
  password: 'second-step1',
  twoFactor: {secret: 'JBSWY3DPEHPK3PXP', backupCodes: ['aaaaa-11111', 'bbbbb-22222']},
};

/** The app's code now (what the person reads off their phone). */
const appCode = () => TOTP.generate({secret: Secret.fromBase32(TESS.twoFactor.secret)});

/** A six-digit code the app would not show now or a step either side. */
function wrongCode(): string {
  const near = new Set([-1, 0, 1].map((step) => TOTP.generate({secret: Secret.fromBase32(TESS.twoFactor.secret), timestamp: Date.now() + step * 30_000})));
  for (let n = 1; ; n++) {
    const code = String((Number(appCode()) + 500_000 + n) % 1_000_000).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

const adapterWith = (options: MemoryAdapterOptions = {}) => new MemoryAdapter({users: [ADA, TESS], ...options});

/** The client of the card mounted last (to sign out between sign-ins). */
let client: ReturnType<typeof clientFor>;

async function signInElement(adapter = adapterWith()) {
  client = clientFor(adapter);
  return mount<AuthSignIn>(client, html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
}

/** Email and password of Tess: the card asks for the second step (its chunk loads on the way). */
async function toTwoFactor(el: AuthSignIn) {
  type(input(el, 'email'), TESS.email);
  await submit(el);
  type(input(el, 'password'), TESS.password);
  await submit(el);
  expect(title(el)).to.equal('Two-step verification');
  await waitUntil(() => el.querySelector('input[name="code"]'), 'the code field never came');
}

const code = (el: Element) => input(el, 'code');
const trust = (el: Element) => el.querySelector<HTMLInputElement>('input[name="trustDevice"]');
const button = (el: Element, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent!.trim() === text);
const label = (field: HTMLInputElement) => document.querySelector(`label[for="${field.id}"]`)?.textContent?.trim();
const described = (field: HTMLInputElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent?.trim())
    .join(' ');

/** Types a whole code the way a person does: into the field, which submits a complete app code itself. */
async function enter(el: AuthSignIn, value: string) {
  type(code(el), value);
  await settle(el);
}

describe('<auth-sign-in> two-step verification', () => {
  it('asks for the authenticator app\'s code after the password, and a real code signs in', async () => {
    const el = await signInElement();
    await toTwoFactor(el);
    const field = code(el);
    expect(field.autocomplete).to.equal('one-time-code');
    expect(field.inputMode).to.equal('numeric');
    expect(label(field)).to.equal('Verification code');
    expect(described(field)).to.equal('Enter the code from your authenticator app.');
    expect(trust(el)!.closest('label')!.textContent!.trim()).to.equal('Trust this device for 30 days');
    expect(trust(el)!.checked).to.equal(false);
    // The keyboard lands in the code field once its chunk is there.
    expect(deepActiveElement()).to.equal(field);
    await expect(el).to.be.accessible();

    const signedIn = nextEvent(el, 'auth-signed-in');
    await enter(el, appCode()); // six digits submit themselves
    expect((await signedIn).user.email).to.equal(TESS.email);
    await settle(el);
    expect(title(el)).to.equal("You're signed in");
    await expect(el).to.be.accessible();
  });

  it('says a wrong code is wrong and keeps it in the field', async () => {
    const el = await signInElement();
    await toTwoFactor(el);
    const wrong = wrongCode();
    await enter(el, wrong);
    expect(errorText(el)).to.equal("That code isn't right. Try again.");
    expect(code(el).value).to.equal(wrong);
    expect(code(el).getAttribute('aria-invalid')).to.equal('true');
    expect(title(el)).to.equal('Two-step verification');
    await expect(el).to.be.accessible();
    // The right one still works.
    await enter(el, appCode());
    expect(title(el)).to.equal("You're signed in");
  });

  it('takes a backup code once; the second time it says the code was used', async () => {
    const adapter = adapterWith();
    const el = await signInElement(adapter);
    await toTwoFactor(el);
    button(el, 'Use a backup code instead')!.click();
    await settle(el);
    expect(title(el)).to.equal('Use a backup code');
    const field = code(el);
    expect(label(field)).to.equal('Backup code');
    expect(described(field)).to.equal('Enter one of the backup codes you saved.');
    expect(deepActiveElement()).to.equal(field);
    await expect(el).to.be.accessible();
    type(field, TESS.twoFactor.backupCodes[0]);
    await submit(el);
    expect(title(el)).to.equal("You're signed in");

    await client.signOut();
    await settle(el);
    await toTwoFactor(el);
    button(el, 'Use a backup code instead')!.click();
    await settle(el);
    type(code(el), TESS.twoFactor.backupCodes[0]);
    await submit(el);
    expect(errorText(el)).to.equal('That backup code was already used.');
    expect(code(el).value).to.equal(TESS.twoFactor.backupCodes[0]);
    await expect(el).to.be.accessible();
    // Back to the app's code, then to the password.
    button(el, 'Use your authenticator app instead')!.click();
    await settle(el);
    expect(title(el)).to.equal('Two-step verification');
    expect(errorText(el)).to.equal('');
    button(el, 'Back')!.click();
    await settle(el);
    expect(title(el)).to.equal('Enter your password');
  });

  it('a sign-in that expired goes back to the password and says so', async () => {
    const el = await signInElement(adapterWith({codeTtlMs: 0}));
    await toTwoFactor(el);
    await enter(el, appCode());
    expect(title(el)).to.equal('Enter your password');
    expect(errorText(el)).to.equal('Your sign-in expired. Enter your password again.');
    await expect(el).to.be.accessible();
    // The password again: the second step again.
    type(input(el, 'password'), TESS.password);
    await submit(el);
    expect(title(el)).to.equal('Two-step verification');
    expect(errorText(el)).to.equal('');
  });

  it('after too many wrong codes says the limit was reached and asks for the password', async () => {
    const el = await signInElement();
    await toTwoFactor(el);
    const wrong = wrongCode();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await enter(el, '');
      await enter(el, wrong);
      expect(errorText(el), `attempt ${attempt}`).to.equal("That code isn't right. Try again.");
    }
    await enter(el, '');
    await enter(el, appCode());
    expect(title(el)).to.equal('Enter your password');
    expect(errorText(el)).to.equal('Too many wrong codes. Enter your password to try again.');
    await expect(el).to.be.accessible();
  });

  it('a trusted device skips the second step the next time', async () => {
    const el = await signInElement();
    await toTwoFactor(el);
    trust(el)!.click();
    await enter(el, appCode());
    expect(title(el)).to.equal("You're signed in");
    await client.signOut();
    await settle(el);
    type(input(el, 'email'), TESS.email);
    await submit(el);
    type(input(el, 'password'), TESS.password);
    await submit(el);
    expect(title(el)).to.equal("You're signed in");
  });

  it('offers no trusted device when the API has none', async () => {
    const el = await signInElement(adapterWith({capabilities: {trustedDeviceDays: 0}}));
    await toTwoFactor(el);
    expect(trust(el)).to.equal(null);
    expect(el.textContent).to.not.contain('Trust this device');
    await expect(el).to.be.accessible();
  });

  it('says why when the API refuses or cannot be reached, keeping the code', async () => {
    const failures: AuthError[] = [
      new AuthError('rate_limited', 'rate_limited', {status: 429, retryAfter: 30}),
      new AuthError('network', 'network'),
      new AuthError('server', 'server', {status: 500}),
    ];
    const adapter = adapterWith();
    const el = await signInElement(adapter);
    await toTwoFactor(el);
    const messages: string[] = [];
    for (const failure of failures) {
      adapter.verifySecondFactor = (_input: SecondFactorInput) => Promise.reject(failure);
      await enter(el, '');
      await enter(el, '123456');
      messages.push(errorText(el));
      expect(code(el).value).to.equal('123456');
      expect(title(el)).to.equal('Two-step verification');
      await expect(el).to.be.accessible();
    }
    expect(messages).to.deep.equal([
      'Too many attempts. Try again in 30 seconds.',
      "We can't reach the server. Check your connection and try again.",
      'Something went wrong on our side. Try again in a moment.',
    ]);
  });

  it('goes through every step with the keyboard alone', async () => {
    const el = await signInElement();
    input(el, 'email').focus();
    await sendKeys({type: TESS.email});
    await sendKeys({press: 'Enter'});
    await settle(el);
    await sendKeys({type: TESS.password});
    await sendKeys({press: 'Enter'});
    await settle(el);
    await waitUntil(() => deepActiveElement() === el.querySelector('input[name="code"]'), 'focus never reached the code field');
    // Tab order: code, trust this device, Continue, Back, backup code.
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({press: 'Tab'});
      const active = deepActiveElement() as HTMLElement;
      order.push(active.getAttribute('name') ?? active.textContent!.trim());
    }
    expect(order).to.deep.equal(['trustDevice', 'Continue', 'Back', 'Use a backup code instead']);
    await sendKeys({press: 'Enter'});
    await settle(el);
    expect(title(el)).to.equal('Use a backup code');
    expect(deepActiveElement()).to.equal(code(el));
    await sendKeys({type: TESS.twoFactor.backupCodes[1]});
    await sendKeys({press: 'Enter'});
    await settle(el);
    expect(title(el)).to.equal("You're signed in");
  });

  it('shows hostile text as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const adapter = adapterWith();
    const el = await signInElement(adapter);
    await toTwoFactor(el);
    el.localization = {en: {signIn: {trustDevice_other: hostile, error: {invalid_code: hostile}}}};
    await settle(el);
    await enter(el, wrongCode());
    expect(el.querySelector('img')).to.equal(null);
    expect(errorText(el)).to.equal(hostile);
    expect(trust(el)!.closest('label')!.textContent!.trim()).to.equal(hostile);
    expect((window as {__pwned?: number}).__pwned).to.equal(undefined);
  });
});

describe('<auth-sign-in> two-step verification in the user button\'s "Add account"', () => {
  afterEach(() => dialogs().forEach((dialog) => dialog.remove()));

  it('adds an account with two-step verification through its code', async () => {
    const {el, client} = await userButton({accounts: [ADA], seeds: [ADA, TESS]});
    await openMenu(el);
    item(el, 'Add account').click();
    const {card} = await shownModal('auth-sign-in');
    type(input(card, 'email'), TESS.email);
    await submit(card);
    type(input(card, 'password'), TESS.password);
    await submit(card);
    expect(title(card)).to.equal('Two-step verification');
    await waitUntil(() => card.querySelector('input[name="code"]'), 'the code field never came');
    await expect(el.closest('auth-provider')!).to.be.accessible();
    type(code(card), appCode());
    await modalGone();
    expect(client.user!.email).to.equal(TESS.email);
    await openMenu(el, {accounts: 1});
    item(el, ADA.name);
  });
});

describe('<auth-sign-in> passkeys', () => {
  const passkeyButton = (el: Element) => el.querySelector<HTMLButtonElement>('[part="passkey-button"]');

  it('offers passkeys on the first step: a button, and the email field\'s autofill', async () => {
    const el = await signInElement();
    expect(passkeyButton(el)!.textContent!.trim()).to.equal('Sign in with a passkey');
    expect(input(el, 'email').getAttribute('autocomplete')).to.equal('username webauthn');
    await expect(el).to.be.accessible();
  });

  it('offers none when the API has none', async () => {
    const el = await signInElement(adapterWith({capabilities: {passkeys: false}}));
    expect(passkeyButton(el)).to.equal(null);
    expect(input(el, 'email').getAttribute('autocomplete')).to.equal('username');
  });

  it('a closed passkey prompt shows nothing and leaves the focus where it was', async () => {
    const adapter = adapterWith();
    const el = await signInElement(adapter);
    adapter.signInWithPasskey = (options?: PasskeySignInOptions) =>
      options?.autofill ? new Promise(() => {}) : Promise.reject(new AuthError('cancelled', 'The prompt was closed'));
    passkeyButton(el)!.focus();
    await sendKeys({press: 'Enter'});
    await settle(el);
    expect(errorText(el)).to.equal('');
    expect(title(el)).to.equal('Sign in');
    expect(deepActiveElement()).to.equal(passkeyButton(el));
    await expect(el).to.be.accessible();
  });

  it('says so for a passkey the API does not know', async () => {
    const adapter = adapterWith();
    const el = await signInElement(adapter);
    adapter.signInWithPasskey = (options?: PasskeySignInOptions) =>
      options?.autofill ? new Promise(() => {}) : Promise.reject(new AuthError('passkey_not_found', 'passkey_not_found'));
    passkeyButton(el)!.click();
    await settle(el);
    expect(errorText(el)).to.equal("This passkey isn't registered here.");
    await expect(el).to.be.accessible();
  });

  it('aborts the autofill request when the step changes, the button starts its own, or the card goes away', async () => {
    const adapter = adapterWith();
    const signals: AbortSignal[] = [];
    const original = adapter.signInWithPasskey.bind(adapter);
    adapter.signInWithPasskey = (options?: PasskeySignInOptions) => {
      if (options?.autofill) {
        signals.push(options.signal!);
        return new Promise((_resolve, reject) => options.signal!.addEventListener('abort', () => reject(options.signal!.reason)));
      }
      return original(options);
    };
    const el = await signInElement(adapter);
    await waitUntil(() => signals.length === 1, 'no autofill request');
    type(input(el, 'email'), ADA.email);
    await submit(el);
    expect(title(el)).to.equal('Enter your password');
    expect(signals[0].aborted).to.equal(true);
    expect(errorText(el)).to.equal('');

    // Back on the first step a new request runs; the passkey button takes over from it.
    button(el, 'Use another email')!.click();
    await settle(el);
    await waitUntil(() => signals.length === 2, 'no autofill request on the first step again');
    adapter.signInWithPasskey = (options?: PasskeySignInOptions) => {
      if (options?.autofill) signals.push(options.signal!);
      return options?.autofill ? new Promise(() => {}) : Promise.reject(new AuthError('cancelled', 'closed'));
    };
    passkeyButton(el)!.click();
    expect(signals[1].aborted).to.equal(true);
    await settle(el);
    expect(errorText(el)).to.equal('');

    // Leaving the page: the request ends with the card.
    await waitUntil(() => signals.length === 3, 'no autofill request after the prompt closed');
    el.remove();
    expect(signals[2].aborted).to.equal(true);
  });

  describe('with an authenticator (Chromium\'s virtual one)', () => {
    const webauthn = (payload: Record<string, unknown>) => executeServerCommand<unknown, Record<string, unknown>>('webauthn', payload);
    let authenticatorId: string;
    beforeEach(async () => {
      authenticatorId = (await webauthn({action: 'add'})) as string;
    });
    afterEach(async () => {
      await webauthn({action: 'remove', authenticatorId});
    });

    /** Ada with a passkey on the authenticator, signed out again. */
    async function withPasskey() {
      const adapter = adapterWith({capabilities: {passkeys: true}});
      await adapter.signInWithPassword(ADA);
      await adapter.addPasskey('Laptop');
      await adapter.signOut();
      return adapter;
    }

    it('a passkey picked from the autofill signs in', async () => {
      const el = await signInElement(await withPasskey());
      // The virtual authenticator answers the autofill request at once, as a person picking the passkey would.
      await waitUntil(() => title(el) === "You're signed in", 'the autofill did not sign in', {timeout: 8000});
      expect(client.user?.email).to.equal(ADA.email);
      await expect(el).to.be.accessible();
    });

    it('the passkey button signs in', async () => {
      const adapter = await withPasskey();
      // No autofill here: only the button's prompt.
      const autofill = adapter.signInWithPasskey.bind(adapter);
      adapter.signInWithPasskey = (options?: PasskeySignInOptions) => (options?.autofill ? new Promise(() => {}) : autofill(options));
      const el = await signInElement(adapter);
      const signedIn = nextEvent(el, 'auth-signed-in');
      passkeyButton(el)!.click();
      expect((await signedIn).user.email).to.equal(ADA.email);
    });
  });
});
