import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, userEvent, waitFor} from 'storybook/test';
import type {AuthErrorCode} from '../src/client/errors.js';
import {ADA, GRACE, HTTP_500, NETWORK_DOWN, RATE_LIMITED, TESS, type AuthSetup, type Failure, type StoryAuth} from './support/client.js';
import {signInOf, submitPassword} from './support/flows.js';
import {
  accessibleName,
  alerts,
  auth,
  clickButton,
  errors,
  expectError,
  expectFieldError,
  expectText,
  expectTitle,
  field,
  fill,
  findByRole,
  idle,
  shownText,
  submit,
  title,
  tr,
  type Text,
} from './support/play.js';

// The sign-in's second step (an authenticator app's code, or a backup code) and its passkeys.

type Story = StoryObj;

const meta: Meta = {
  title: 'Elements/Sign in/Two-step and passkeys',
  component: 'auth-sign-in',
  render: () => html`<auth-sign-in sign-up-url="#sign-up"></auth-sign-in>`,
};
export default meta;

/** Ada, Grace and Tess (two-step verification on), with more of the setup. */
const withTess = (setup: AuthSetup = {}): {auth: AuthSetup} => ({auth: {users: [ADA, GRACE, TESS], ...setup}});
const failing = (failure: Failure, setup: AuthSetup = {}) => withTess({fail: {verifySecondFactor: failure}, ...setup});

/** Tess's email and password: the card asks for the app's code. */
async function toTwoFactor(canvas: HTMLElement): Promise<HTMLElement> {
  const el = await submitPassword(canvas, TESS, TESS.password);
  await expectTitle(el, 'signIn.twoFactorTitle');
  // The step's fields are a chunk of their own.
  await waitFor(() => field(el, 'code'), {timeout: 5000});
  return el;
}

/** The app's code now, typed: six digits submit themselves. */
async function enterAppCode(el: HTMLElement, story: StoryAuth): Promise<void> {
  await fill(el, 'code', (await story.adapter.totpCode(TESS.email))!);
}

/** "Use a backup code instead": the backup-code step. */
async function toBackupCode(canvas: HTMLElement): Promise<HTMLElement> {
  const el = await toTwoFactor(canvas);
  await clickButton(el, 'signIn.useBackupCode');
  await expectTitle(el, 'signIn.backupCodeTitle');
  return el;
}

const trustBox = (el: HTMLElement) => el.querySelector<HTMLInputElement>('input[type="checkbox"][name="trustDevice"]');

export const TwoFactorStep: Story = {
  name: 'Two-step: the app\'s code',
  parameters: withTess(),
  play: async ({canvasElement, loaded}) => {
    const el = await toTwoFactor(canvasElement);
    const code = field(el, 'code');
    expect(code.autocomplete).toBe('one-time-code');
    expect(code.inputMode).toBe('numeric');
    expect(accessibleName(code)).toBe(tr(el, 'common.codeLabel'));
    await expectText(el, 'signIn.twoFactorSubtitle');
    // The keyboard is in the code field.
    await waitFor(() => expect(document.activeElement).toBe(code));
    // Trust this device for the API's 30 days: a checkbox named by its text, off by default.
    const trust = await findByRole(el, 'checkbox', ['signIn.trustDevice', {count: 30}]);
    expect((trust as HTMLInputElement).checked).toBe(false);
    await findByRole(el, 'button', 'signIn.useBackupCode');
    await findByRole(el, 'button', 'common.back');
    await enterAppCode(el, auth(loaded));
    await expectTitle(el, 'signIn.completeTitle');
  },
};

export const BackupCodeStep: Story = {
  name: 'Two-step: a backup code',
  parameters: withTess(),
  play: async ({canvasElement}) => {
    const el = await toBackupCode(canvasElement);
    const code = field(el, 'code');
    expect(accessibleName(code)).toBe(tr(el, 'signIn.backupCodeLabel'));
    await expectText(el, 'signIn.backupCodeSubtitle');
    await waitFor(() => expect(document.activeElement).toBe(code));
    await findByRole(el, 'button', 'signIn.useAppCode');
    await fill(el, 'code', TESS.twoFactor.backupCodes[0]);
    await submit(el);
    await expectTitle(el, 'signIn.completeTitle');
  },
};

export const BackToAppCode: Story = {
  name: 'Two-step: back to the app, back to the password',
  parameters: withTess(),
  play: async ({canvasElement}) => {
    const el = await toBackupCode(canvasElement);
    await clickButton(el, 'signIn.useAppCode');
    await expectTitle(el, 'signIn.twoFactorTitle');
    await clickButton(el, 'common.back');
    await expectTitle(el, 'signIn.passwordTitle');
  },
};

export const TrustDeviceHidden: Story = {
  name: 'Two-step: no trusted devices (API without them)',
  parameters: withTess({capabilities: {trustedDeviceDays: 0}}),
  play: async ({canvasElement}) => {
    const el = await toTwoFactor(canvasElement);
    expect(trustBox(el)).toBeNull();
    expect(shownText(el)).not.toContain(tr(el, 'signIn.trustDevice', {count: 30}));
  },
};

export const TrustDeviceSkipsTheStep: Story = {
  name: 'Two-step: a trusted device skips it next time',
  parameters: withTess(),
  play: async ({canvasElement, loaded}) => {
    const story = auth(loaded);
    const el = await toTwoFactor(canvasElement);
    await userEvent.click(trustBox(el)!);
    await enterAppCode(el, story);
    await expectTitle(el, 'signIn.completeTitle');
    await story.client.signOut();
    await submitPassword(canvasElement, TESS, TESS.password);
    await expectTitle(el, 'signIn.completeTitle');
  },
};

interface SecondStepError {
  /** What the API answers. */
  fail?: Failure;
  setup?: AuthSetup;
  /** The backup-code step instead of the app's code. */
  backup?: boolean;
  message: Text;
  /** Where the person is after it: the same step, or back at the password. */
  stays: Text;
  /** The message is the code field's. */
  field?: boolean;
}

/** One story per second-step error: what is read, where, and that what was typed stays. */
function secondStepError(row: SecondStepError): Story {
  return {
    parameters: row.fail ? failing(row.fail, row.setup) : withTess(row.setup),
    play: async ({canvasElement, loaded}) => {
      const el = row.backup ? await toBackupCode(canvasElement) : await toTwoFactor(canvasElement);
      // Not the app's code: each of its digits one up.
      const appCode = (await auth(loaded).adapter.totpCode(TESS.email))!;
      const typed = row.backup ? 'zzzzz-99999' : [...appCode].map((digit) => String((Number(digit) + 1) % 10)).join('');
      await fill(el, 'code', typed);
      if (row.backup) await submit(el);
      const alert = await expectError(el, row.message);
      expect(alerts(el)).toHaveLength(1);
      await idle(el);
      await expectTitle(el, row.stays);
      if (row.field) {
        expectFieldError(el, 'code', alert);
        expect(field(el, 'code').value).toBe(typed);
      }
    },
  };
}

const code = (code: AuthErrorCode, status = 401): Failure => ({code, status});

export const WrongCode = secondStepError({message: 'signIn.error.invalid_code', stays: 'signIn.twoFactorTitle', field: true});
export const WrongBackupCode = secondStepError({backup: true, message: 'signIn.error.invalid_code', stays: 'signIn.backupCodeTitle', field: true});
export const BackupCodeUsed = secondStepError({fail: code('code_used'), backup: true, message: 'errors.code_used', stays: 'signIn.backupCodeTitle', field: true});
export const SignInExpired = secondStepError({fail: code('code_expired'), message: 'signIn.error.code_expired', stays: 'signIn.passwordTitle'});
export const TooManyCodes = secondStepError({fail: code('too_many_attempts', 400), message: 'signIn.error.too_many_attempts', stays: 'signIn.passwordTitle'});
export const SecondStepRateLimited = secondStepError({fail: RATE_LIMITED, message: ['errors.rate_limited_wait', {count: 30}], stays: 'signIn.twoFactorTitle'});
export const SecondStepNetworkError = secondStepError({fail: NETWORK_DOWN, message: 'errors.network', stays: 'signIn.twoFactorTitle'});
export const SecondStepServerError = secondStepError({fail: HTTP_500, message: 'errors.server', stays: 'signIn.twoFactorTitle'});

export const PasskeyButton: Story = {
  name: 'Passkeys: the button and the autofill',
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    // Passkeys in the email field's autofill list, and a button for the browser's prompt.
    expect(field(el, 'email').autocomplete).toBe('username webauthn');
    const button = await findByRole(el, 'button', 'signIn.passkey');
    expect(button.getAttribute('part')).toBe('passkey-button');
  },
};

export const NoPasskeys: Story = {
  name: 'Passkeys: none (API without them)',
  parameters: {auth: {capabilities: {passkeys: false}} satisfies AuthSetup},
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    expect(field(el, 'email').autocomplete).toBe('username');
    expect(shownText(el)).not.toContain(tr(el, 'signIn.passkey'));
  },
};

export const PasskeyCancelled: Story = {
  name: 'Passkeys: the prompt closed (nothing to say)',
  parameters: {auth: {fail: {signInWithPasskey: {code: 'cancelled'}}} satisfies AuthSetup},
  play: async ({canvasElement, loaded}) => {
    const el = await signInOf(canvasElement);
    const button = await clickButton(el, 'signIn.passkey');
    await waitFor(() => expect(auth(loaded).adapter.calls.signInWithPasskey).toBeGreaterThanOrEqual(1));
    await idle(el);
    expect(errors(el)).toBe('');
    expect(title(el)).toBe(tr(el, 'signIn.title'));
    expect(document.activeElement).toBe(button);
  },
};

export const PasskeyNotFound: Story = {
  name: 'Passkeys: one the API does not know',
  parameters: {auth: {fail: {signInWithPasskey: {code: 'passkey_not_found', status: 400}}} satisfies AuthSetup},
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    await clickButton(el, 'signIn.passkey');
    await expectError(el, 'errors.passkey_not_found');
    expect(alerts(el)).toHaveLength(1);
    expect(title(el)).toBe(tr(el, 'signIn.title'));
  },
};
