import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, userEvent, waitFor} from 'storybook/test';
import type {AuthUserProfile} from '../src/elements/user-profile/user-profile.js';
import {ADA, NETWORK_DOWN, NO_ANSWER, setupAuth, type AuthSetup, type StoryAuth} from './support/client.js';
import {auth, clickButton, element, expectError, expectStatus, expectStrength, expectText, field, fill, findByRole, submit, tr} from './support/play.js';

/**
 * The Security page's two-step verification (authenticator app, backup codes) and passkeys
 * sections, one story per state; each reaches its state as a person would, in the story's language.
 */
const meta: Meta = {
  title: 'Elements/User profile/Security',
  component: 'auth-user-profile',
  // Padded, not centered: in a centred (shrink-to-fit) canvas the profile's `width: min(48rem, 100%)` has nothing to be 100% of.
  parameters: {layout: 'padded', auth: {signedInAs: ADA} satisfies AuthSetup},
  render: () => html`<div style="width: min(48rem, 100%)"><auth-user-profile></auth-user-profile></div>`,
};
export default meta;

type Story = StoryObj;

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const HOSTILE = '<img src=x onerror=alert(1)>';

const signedInAs = (user: AuthSetup['signedInAs'], setup: AuthSetup = {}) => ({auth: {...setup, signedInAs: user} satisfies AuthSetup});

/** Ada with two-step verification already on (set up through the adapter before the story renders). */
async function adaWithTwoFactor(): Promise<{auth: StoryAuth}> {
  const story = await setupAuth({signedInAs: ADA});
  await story.adapter.startTotpSetup(ADA.password);
  await story.adapter.confirmTotpSetup((await story.adapter.totpCode(ADA.email))!);
  return {auth: story};
}

/** The profile on its Security page, once two-step verification has loaded. */
async function securityPage(canvas: HTMLElement): Promise<AuthUserProfile> {
  const el = await element<AuthUserProfile>(canvas, 'auth-user-profile');
  await clickButton(el, 'profile.security.title');
  await findByRole(el, 'heading', 'profile.security.title');
  await findByRole(el, 'heading', 'profile.security.twoFactor.title');
  return el;
}

/** A step's heading has taken focus. */
async function stepHeading(el: AuthUserProfile, key: string): Promise<HTMLElement> {
  const heading = await findByRole(el, 'heading', key);
  await waitFor(() => expect(el.shadowRoot!.activeElement).toBe(heading), {timeout: 5000});
  return heading;
}

/** Security → Set up → the password → the QR code, drawn. */
async function scanStep(el: AuthUserProfile): Promise<void> {
  await clickButton(el, 'profile.security.twoFactor.setUp');
  await fill(el, 'password', ADA.password);
  await submit(el);
  await stepHeading(el, 'profile.security.twoFactor.scan.title');
  // A placeholder holds its place while the encoder (a chunk of its own) loads.
  await waitFor(async () => expect((await findByRole(el, 'img', 'profile.security.twoFactor.scan.qrLabel')).querySelector('path')).not.toBeNull(), {
    timeout: 5000,
  });
}

/** The key the page shows, without its spaces. */
const shownKey = (el: AuthUserProfile) => el.shadowRoot!.querySelector('.secret')!.textContent!.replace(/\s+/g, '');

export const TwoStepOff: Story = {
  name: 'Two-step verification: off',
  play: async ({canvasElement}) => {
    const el = await securityPage(canvasElement);
    await expectText(el, 'profile.security.twoFactor.offHint');
    await findByRole(el, 'button', 'profile.security.twoFactor.setUp');
  },
};

export const TwoStepPassword: Story = {
  name: 'Two-step verification: set up, the password',
  play: async ({canvasElement}) => {
    const el = await securityPage(canvasElement);
    await clickButton(el, 'profile.security.twoFactor.setUp');
    await findByRole(el, 'heading', 'profile.security.twoFactor.setup.title');
    await waitFor(() => expect(document.activeElement).toBe(field(el, 'password')));
    expect(field(el, 'password').autocomplete).toBe('current-password');
  },
};

export const TwoStepWithoutPassword: Story = {
  name: 'Two-step verification: set up, an account without a password',
  parameters: {auth: false},
  loaders: [
    async () => {
      // Signed in with GitHub: no password to ask for (an old session asks through the password dialog).
      const story = await setupAuth({capabilities: {socialProviders: ['github']}});
      await story.adapter.signInWithSocial('github', location.href);
      await story.client.refresh();
      return {auth: story};
    },
  ],
  play: async ({canvasElement}) => {
    const el = await securityPage(canvasElement);
    await clickButton(el, 'profile.security.twoFactor.setUp');
    await stepHeading(el, 'profile.security.twoFactor.setup.title');
    await expectText(el, 'profile.security.twoFactor.setup.hint');
    expect(el.querySelector('form input[type="password"]')).toBeNull();
    await findByRole(el, 'button', 'common.continue');
  },
};

export const TwoStepWrongPassword: Story = {
  name: 'Two-step verification: set up, a wrong password',
  play: async ({canvasElement}) => {
    const el = await securityPage(canvasElement);
    await clickButton(el, 'profile.security.twoFactor.setUp');
    await fill(el, 'password', 'not-my-password1');
    await submit(el);
    await expectError(el, 'errors.wrong_password');
    expect(field(el, 'password').value).toBe('not-my-password1');
  },
};

export const TwoStepQrCode: Story = {
  name: 'Two-step verification: set up, the QR code',
  play: async ({canvasElement}) => {
    const el = await securityPage(canvasElement);
    await scanStep(el);
    const code = el.querySelector<HTMLInputElement>('form input[autocomplete="one-time-code"]')!;
    expect(code.inputMode).toBe('numeric');
  },
};

export const TwoStepKey: Story = {
  name: "Two-step verification: set up, the key (can't scan it)",
  play: async ({canvasElement}) => {
    const el = await securityPage(canvasElement);
    await scanStep(el);
    await userEvent.click(el.shadowRoot!.querySelector('summary')!);
    await findByRole(el, 'button', 'profile.security.twoFactor.scan.copyKey');
    expect(el.shadowRoot!.querySelector('.secret')!.textContent!.trim()).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
  },
};

export const TwoStepWrongCode: Story = {
  name: 'Two-step verification: set up, a wrong code',
  play: async ({canvasElement, loaded}) => {
    const el = await securityPage(canvasElement);
    await scanStep(el);
    const right = (await auth(loaded).adapter.totpCode(ADA.email))!;
    const wrong = [...right].map((digit) => String((Number(digit) + 5) % 10)).join('');
    await fill(el, 'code', wrong);
    await expectError(el, 'profile.security.twoFactor.invalidCode');
    expect(field(el, 'code').value).toBe(wrong);
  },
};

export const TwoStepBackupCodes: Story = {
  name: 'Two-step verification: the backup codes (shown once)',
  play: async ({canvasElement, loaded}) => {
    const el = await securityPage(canvasElement);
    await scanStep(el);
    await userEvent.click(el.shadowRoot!.querySelector('summary')!);
    expect(shownKey(el).length).toBeGreaterThan(15);
    await fill(el, 'code', (await auth(loaded).adapter.totpCode(ADA.email))!);
    await stepHeading(el, 'profile.security.twoFactor.codes.title');
    await expectStatus(el, 'profile.security.twoFactor.enabled');
    const list = await findByRole(el, 'list', 'profile.security.twoFactor.codes.title');
    expect(list.querySelectorAll('li')).toHaveLength(10);
    for (const key of ['copy', 'download', 'print', 'done']) await findByRole(el, 'button', `profile.security.twoFactor.codes.${key}`);
  },
};

export const TwoStepOn: Story = {
  name: 'Two-step verification: on',
  parameters: {auth: false},
  loaders: [adaWithTwoFactor],
  play: async ({canvasElement}) => {
    const el = await securityPage(canvasElement);
    await expectText(el, 'profile.security.twoFactor.onHint');
    await expectText(el, 'profile.security.twoFactor.on');
    await findByRole(el, 'button', 'profile.security.twoFactor.regenerateCodes');
    await findByRole(el, 'button', 'profile.security.twoFactor.turnOff');
  },
};

export const TwoStepRegenerate: Story = {
  name: 'Two-step verification: regenerating the backup codes',
  parameters: {auth: false},
  loaders: [adaWithTwoFactor],
  play: async ({canvasElement}) => {
    const el = await securityPage(canvasElement);
    await clickButton(el, 'profile.security.twoFactor.regenerateCodes');
    await findByRole(el, 'heading', 'profile.security.twoFactor.regenerate.title');
    await expectText(el, 'profile.security.twoFactor.regenerate.hint');
    await fill(el, 'password', ADA.password);
    await submit(el, 'profile.security.twoFactor.regenerate.submit');
    await stepHeading(el, 'profile.security.twoFactor.codes.title');
    await expectText(el, 'profile.security.twoFactor.codes.regeneratedHint');
  },
};

export const TwoStepTurningOff: Story = {
  name: 'Two-step verification: turning it off',
  parameters: {auth: false},
  loaders: [adaWithTwoFactor],
  play: async ({canvasElement}) => {
    const el = await securityPage(canvasElement);
    await clickButton(el, 'profile.security.twoFactor.turnOff');
    await findByRole(el, 'heading', 'profile.security.twoFactor.disable.title');
    await expectText(el, 'profile.security.twoFactor.disable.hint');
    await waitFor(() => expect(document.activeElement).toBe(field(el, 'password')));
    await findByRole(el, 'button', 'profile.security.twoFactor.disable.submit');
  },
};

export const TwoStepNetworkError: Story = {
  name: 'Two-step verification: the API cannot be reached',
  parameters: signedInAs(ADA, {fail: {startTotpSetup: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const el = await securityPage(canvasElement);
    await clickButton(el, 'profile.security.twoFactor.setUp');
    await fill(el, 'password', ADA.password);
    await submit(el);
    await expectError(el, 'errors.network');
    expect(field(el, 'password').value).toBe(ADA.password);
  },
};

// ---------------------------------------------------------------------------------------------
// Passkeys

/** The profile's Security page once the passkeys section shows its state. */
async function passkeysSection(canvas: HTMLElement): Promise<AuthUserProfile> {
  const el = await securityPage(canvas);
  await findByRole(el, 'heading', 'profile.security.passkeys.title');
  return el;
}

export const PasskeysEmpty: Story = {
  name: 'Passkeys: none yet',
  play: async ({canvasElement}) => {
    const el = await passkeysSection(canvasElement);
    await expectText(el, 'profile.security.passkeys.empty');
    await findByRole(el, 'button', 'profile.security.passkeys.add');
  },
};

export const PasskeysList: Story = {
  name: 'Passkeys: a list, with a hostile name (shown as text)',
  parameters: signedInAs({
    ...ADA,
    passkeys: [
      {name: HOSTILE, createdAt: new Date(Date.now() - 3 * DAY), lastUsedAt: new Date(Date.now() - 2 * HOUR), synced: true},
      {name: 'MacBook Pro', createdAt: new Date(Date.now() - 20 * DAY), lastUsedAt: new Date(Date.now() - 5 * DAY)},
      {name: null, createdAt: new Date(Date.now() - 60 * DAY), lastUsedAt: null},
    ],
  }),
  play: async ({canvasElement}) => {
    const el = await passkeysSection(canvasElement);
    const list = await findByRole(el, 'list', 'profile.security.passkeys.title');
    await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(3));
    expect(list.querySelector('li')!.textContent).toContain(HOSTILE);
    expect(list.querySelector('img')).toBeNull();
    expect(list.textContent).toContain(tr(el, 'profile.security.passkeys.defaultName'));
    expect(list.textContent).toContain(tr(el, 'profile.security.passkeys.synced'));
  },
};

export const PasskeysRename: Story = {
  name: 'Passkeys: renaming one in place',
  parameters: signedInAs({...ADA, passkeys: [{name: 'MacBook Pro', createdAt: new Date(Date.now() - 20 * DAY)}]}),
  play: async ({canvasElement}) => {
    const el = await passkeysSection(canvasElement);
    await clickButton(el, 'profile.security.passkeys.rename');
    const input = await findByRole(el, 'textbox', 'profile.security.passkeys.nameLabel');
    await waitFor(() => expect(el.shadowRoot!.activeElement).toBe(input));
  },
};

export const PasskeysRemove: Story = {
  name: 'Passkeys: removing one (asked in its row)',
  parameters: signedInAs({...ADA, passkeys: [{name: 'MacBook Pro', createdAt: new Date(Date.now() - 20 * DAY)}]}),
  play: async ({canvasElement}) => {
    const el = await passkeysSection(canvasElement);
    await clickButton(el, 'profile.security.passkeys.remove');
    await expectText(el, ['profile.security.passkeys.removeQuestion', {name: 'MacBook Pro'}]);
    await findByRole(el, 'button', 'profile.security.passkeys.removeConfirm');
  },
};

export const PasskeysLoading: Story = {
  name: 'Passkeys: loading',
  parameters: signedInAs(ADA, {fail: {listPasskeys: NO_ANSWER}}),
  play: async ({canvasElement}) => {
    const el = await passkeysSection(canvasElement);
    await expectStatus(el, 'profile.security.passkeys.loading');
  },
};

export const PasskeysError: Story = {
  name: 'Passkeys: the list cannot load (network)',
  parameters: signedInAs(ADA, {fail: {listPasskeys: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const el = await passkeysSection(canvasElement);
    await expectError(el, 'errors.network');
    await findByRole(el, 'button', 'common.retry');
  },
};

/** Security → Change password, the current password typed and `password` typed as the new one; the meter once it has scored it. */
async function newPassword(canvas: HTMLElement, password: string, level: 'weak' | 'strong'): Promise<{el: AuthUserProfile; meter: HTMLElement}> {
  const el = await securityPage(canvas);
  await clickButton(el, 'profile.security.password.change');
  await fill(el, 'currentPassword', ADA.password);
  await fill(el, 'newPassword', password);
  return {el, meter: await expectStrength(el, 'newPassword', level)};
}

export const PasswordStrengthWeak: Story = {
  name: 'Password: a new one too easy to guess, refused with the reason',
  play: async ({canvasElement, loaded}) => {
    // Ada's own surname and birth year: weak for her (her name and email are zxcvbn's user dictionary).
    const {el, meter} = await newPassword(canvasElement, 'lovelace1815', 'weak');
    const reason = tr(el, 'passwordStrength.warning.userInputs');
    expect(meter.querySelector('.ae-strength-hint')?.textContent?.trim()).toBe(reason);
    await submit(el, 'profile.security.password.save');
    await expectError(el, ['passwordStrength.refused', {reason}]);
    expect(field(el, 'newPassword').value).toBe('lovelace1815');
    expect(field(el, 'newPassword').getAttribute('aria-invalid')).toBe('true');
    expect(auth(loaded).adapter.calls.changePassword ?? 0).toBe(0);
  },
};

export const PasswordStrengthStrong: Story = {
  name: 'Password: a strong new one',
  play: async ({canvasElement}) => {
    const {meter} = await newPassword(canvasElement, 'difference-engine-1822', 'strong');
    expect(meter.querySelectorAll('.ae-strength-segment[data-on]')).toHaveLength(4);
    expect(meter.querySelector('.ae-strength-hint')).toBeNull();
  },
};

