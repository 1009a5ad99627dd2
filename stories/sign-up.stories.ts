import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {expect, waitFor} from 'storybook/test';
import {NO_ANSWER, type AuthSetup} from './support/client.js';
import {CHARLES, CODE_LENGTH, signUpOf, submitDetails, toSignUpVerify} from './support/flows.js';
import {
  accessibleName,
  auth,
  clickButton,
  enterEmailedCode,
  expectStrength,
  errors,
  expectText,
  expectedRules,
  expectError,
  expectFieldError,
  expectStatus,
  expectTitle,
  field,
  fill,
  findByRole,
  passwordRules,
  submit,
  title,
  tr,
} from './support/play.js';

// Every error message the sign-up can show has its own story in errors.stories.ts.

interface Args {
  signInUrl?: string;
}

type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Elements/Sign up',
  component: 'auth-sign-up',
  tags: ['autodocs'],
  args: {signInUrl: '#sign-in'},
  render: ({signInUrl}) => html`<auth-sign-up sign-in-url=${ifDefined(signInUrl)}></auth-sign-up>`,
};
export default meta;

export const Details: Story = {
  play: async ({canvasElement}) => {
    const el = await signUpOf(canvasElement);
    await expectTitle(el, 'signUp.title');
    expect(field(el, 'password').autocomplete).toBe('new-password');
    expect(accessibleName(field(el, 'name'))).toContain(tr(el, 'common.nameLabel'));
    await expectText(el, 'signUp.haveAccount');
    expect(new URL((await findByRole(el, 'link', 'signUp.signInLink') as HTMLAnchorElement).href).hash).toBe('#sign-in');
  },
};

export const PasswordRulesPartlyMet: Story = {
  name: 'Password rules partly met',
  play: async ({canvasElement}) => {
    const el = await signUpOf(canvasElement);
    await fill(el, 'password', 'enchantress');
    await waitFor(() => expect(passwordRules(el)).toEqual(expectedRules(el, [true, false])));
    // Feedback as you type, but no error on the first keystrokes.
    expect(errors(el)).toBe('');
  },
};

export const ValidationErrors: Story = {
  name: 'Validation errors after submit',
  play: async ({canvasElement}) => {
    const el = await signUpOf(canvasElement);
    await fill(el, 'email', 'charles@');
    await submit(el, 'signUp.submit');
    // The name is optional: only the email and the password are checked, each at its field.
    expectFieldError(el, 'email', await expectError(el, 'errors.invalid_email'));
    expectFieldError(el, 'password', await expectError(el, 'errors.password_too_weak'));
    expect(errors(el)).not.toContain(tr(el, 'common.required'));
    // The first field with a problem takes the focus; what was typed stays.
    await waitFor(() => expect(document.activeElement).toBe(field(el, 'email')));
    expect(field(el, 'email').value).toBe('charles@');
  },
};

export const VerifyEmail: Story = {
  play: async ({canvasElement}) => {
    const el = await toSignUpVerify(canvasElement);
    await expectText(el, ['signUp.verifySubtitle', {count: CODE_LENGTH, email: CHARLES.email}]);
    expect(field(el, 'code').autocomplete).toBe('one-time-code');
  },
};

export const ResendCode: Story = {
  name: 'New code sent (notice)',
  play: async ({canvasElement, loaded}) => {
    const story = auth(loaded);
    const el = await toSignUpVerify(canvasElement);
    const sent = story.adapter.mailbox.length;
    await clickButton(el, 'common.resendCode');
    await expectStatus(el, ['common.codeSent', {email: CHARLES.email}]);
    expect(story.adapter.mailbox.length).toBe(sent + 1);
    expect(errors(el)).toBe('');
  },
};

export const Complete: Story = {
  play: async ({canvasElement, loaded}) => {
    const el = await toSignUpVerify(canvasElement);
    await enterEmailedCode(el, auth(loaded), CHARLES.email);
    await expectTitle(el, 'signUp.completeTitle');
    await expectText(el, ['signUp.completeSubtitle', {name: CHARLES.name}]);
  },
};

export const BusySubmit: Story = {
  name: 'Busy submit (no answer yet)',
  parameters: {auth: {fail: {signUp: NO_ANSWER}} satisfies AuthSetup},
  play: async ({canvasElement, loaded}) => {
    const el = await submitDetails(canvasElement);
    await waitFor(() => expect(el.querySelector('form')!.hasAttribute('aria-busy')).toBe(true));
    const button = await findByRole(el, 'button', 'busy.sign-up');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    // A second click sends nothing; the details stay as typed.
    await submit(el, 'busy.sign-up');
    expect(auth(loaded).adapter.calls.signUp).toBe(1);
    expect(title(el)).toBe(tr(el, 'signUp.title'));
    expect(field(el, 'email').value).toBe(CHARLES.email);
  },
};

export const SocialButtons: Story = {
  name: 'Social buttons',
  parameters: {auth: {capabilities: {socialProviders: ['github', 'google']}} satisfies AuthSetup},
  play: async ({canvasElement}) => {
    const el = await signUpOf(canvasElement);
    await findByRole(el, 'group', ['social.continueWith', {provider: 'GitHub, Google'}]);
    await clickButton(el, ['social.continueWith', {provider: 'Google'}]);
    await expectTitle(el, 'signUp.completeTitle');
    await expectText(el, ['signUp.completeSubtitle', {name: 'Google User'}]);
  },
};

export const PasswordStrengthWeak: Story = {
  name: 'Password strength: weak, with the reason',
  play: async ({canvasElement}) => {
    const el = await signUpOf(canvasElement);
    await fill(el, 'password', 'password1');
    const meter = await expectStrength(el, 'password', 'weak');
    expect(meter.querySelector('.ae-strength-hint')?.textContent?.trim()).toBe(tr(el, 'passwordStrength.warning.common'));
    expect(meter.querySelectorAll('.ae-strength-segment[data-on]').length).toBe(1);
    // The meter is text to read, nothing to tab to.
    expect(meter.querySelector('button, a, input, [tabindex]')).toBeNull();
    expect(errors(el)).toBe('');
  },
};

export const PasswordStrengthStrong: Story = {
  name: 'Password strength: strong',
  play: async ({canvasElement}) => {
    const el = await signUpOf(canvasElement);
    await fill(el, 'password', 'mauve otter quartz 19');
    const meter = await expectStrength(el, 'password', 'strong');
    expect(meter.querySelectorAll('.ae-strength-segment[data-on]').length).toBe(4);
    expect(meter.querySelector('.ae-strength-hint')).toBeNull();
  },
};

export const PasswordTooEasyToGuess: Story = {
  name: 'Password too easy to guess (refused on submit)',
  play: async ({canvasElement, loaded}) => {
    const el = await signUpOf(canvasElement);
    await fill(el, 'name', CHARLES.name);
    await fill(el, 'email', CHARLES.email);
    await fill(el, 'password', 'password1');
    await expectStrength(el, 'password', 'weak');
    await submit(el, 'signUp.submit');
    const reason = tr(el, 'passwordStrength.warning.common');
    expectFieldError(el, 'password', await expectError(el, ['passwordStrength.refused', {reason}]));
    expect(field(el, 'password').value).toBe('password1');
    expect(auth(loaded).adapter.calls.signUp ?? 0).toBe(0);
    await expectTitle(el, 'signUp.title');
  },
};


// Phone: where the API texts codes, "Use a phone number instead" (name and number), then the
// code texted to it.

const PHONE: AuthSetup = {capabilities: {phoneNumber: true}};
const phoneCard = () => html`<auth-sign-up phone-country="US" sign-in-url="#sign-in"></auth-sign-up>`;

/** The details with a phone number instead of the email. */
async function toPhoneDetails(canvas: HTMLElement) {
  const el = await signUpOf(canvas);
  await clickButton(el, 'signUp.usePhone');
  await waitFor(() => field(el, 'phone'), {timeout: 5000});
  return el;
}

export const PhoneDetails: Story = {
  name: 'With a phone number',
  parameters: {auth: PHONE},
  render: phoneCard,
  play: async ({canvasElement}) => {
    const el = await toPhoneDetails(canvasElement);
    expect(accessibleName(field(el, 'phone'))).toContain(tr(el, 'phone.phoneLabel'));
    expect(field(el, 'phone').autocomplete).toBe('tel');
    await expectText(el, 'phone.hint');
    await findByRole(el, 'button', 'phone.useEmail');
  },
};

export const VerifyPhone: Story = {
  name: 'With a phone number: the code texted',
  parameters: {auth: PHONE},
  render: phoneCard,
  play: async ({canvasElement, loaded}) => {
    const el = await toPhoneDetails(canvasElement);
    await fill(el, 'name', CHARLES.name);
    await fill(el, 'phone', '415 555 0123');
    await submit(el, 'signUp.submit');
    await expectTitle(el, 'phone.verifyTitle');
    await expectText(el, ['phone.verifySubtitle', {count: CODE_LENGTH, email: '+1 415 555 0123'}]);
    await enterEmailedCode(el, auth(loaded), '+14155550123');
    await expectTitle(el, 'signUp.completeTitle');
    expect(auth(loaded).client.user).toMatchObject({name: CHARLES.name, email: '', phoneNumber: '+14155550123'});
  },
};

export const PhoneInvalid: Story = {
  name: 'With a phone number that is not one',
  parameters: {auth: PHONE},
  render: phoneCard,
  play: async ({canvasElement}) => {
    const el = await toPhoneDetails(canvasElement);
    await fill(el, 'phone', '12');
    await submit(el, 'signUp.submit');
    expectFieldError(el, 'phone', await expectError(el, 'errors.invalid_phone'));
  },
};
