import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {expect, waitFor} from 'storybook/test';
import {providerName} from '../src/internal/social-buttons.js';
import {ADA, GRACE, NO_ANSWER, type AuthSetup} from './support/client.js';
import {CODE_LENGTH, signInOf, submitPassword, toNewPassword, toPassword, toResetCode, toSignInVerify} from './support/flows.js';
import {
  accessibleName,
  allByRole,
  auth,
  clickButton,
  english,
  enterEmailedCode,
  errors,
  expectText,
  expectError,
  expectedRules,
  expectStatus,
  expectTitle,
  field,
  fill,
  findByRole,
  idle,
  passwordRules,
  submit,
  title,
  tr,
} from './support/play.js';

// Every error message the sign-in can show has its own story in errors.stories.ts.

interface Args {
  signUpUrl?: string;
}

type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Elements/Sign in',
  component: 'auth-sign-in',
  tags: ['autodocs'],
  args: {signUpUrl: '#sign-up'},
  render: ({signUpUrl}) => html`<auth-sign-in sign-up-url=${ifDefined(signUpUrl)}></auth-sign-in>`,
};
export default meta;

/** The memory adapter with these social providers configured. */
const social = (providers: string[]) => ({auth: {capabilities: {socialProviders: providers}} satisfies AuthSetup});

export const EmailStep: Story = {
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    await expectTitle(el, 'signIn.title');
    await expectText(el, 'signIn.subtitle');
    // `webauthn` too: the memory adapter has passkeys, offered in the field's autofill.
    expect(field(el, 'email').autocomplete).toBe('username webauthn');
    // The email field is named by its label; the footer links to sign-up.
    expect(accessibleName(field(el, 'email'))).toBe(tr(el, 'common.emailLabel'));
    const signUp = (await findByRole(el, 'link', 'signIn.signUpLink')) as HTMLAnchorElement;
    expect(new URL(signUp.href).hash).toBe('#sign-up');
  },
};

export const PasswordStep: Story = {
  play: async ({canvasElement}) => {
    const el = await toPassword(canvasElement);
    await expectText(el, ['signIn.passwordSubtitle', {email: ADA.email}]);
    expect(field(el, 'password').autocomplete).toBe('current-password');
    await findByRole(el, 'button', 'signIn.forgotPassword');
    await findByRole(el, 'button', 'common.changeEmail');
    // Show the password: a toggle with one name, pressed while the text shows.
    const toggle = await clickButton(el, 'common.showPassword');
    await waitFor(() => expect(toggle.getAttribute('aria-pressed')).toBe('true'));
    expect(accessibleName(toggle)).toBe(tr(el, 'common.showPassword'));
    expect(field(el, 'password').type).toBe('text');
  },
};

export const VerifyEmail: Story = {
  name: 'Verify email (unverified user)',
  play: async ({canvasElement}) => {
    const el = await toSignInVerify(canvasElement);
    await expectText(el, ['signIn.verifySubtitle', {count: CODE_LENGTH, email: GRACE.email}]);
    expect(field(el, 'code').autocomplete).toBe('one-time-code');
    expect(accessibleName(field(el, 'code'))).toBe(tr(el, 'common.codeLabel'));
  },
};

export const ResendCode: Story = {
  name: 'New code sent (notice)',
  play: async ({canvasElement, loaded}) => {
    const story = auth(loaded);
    const el = await toSignInVerify(canvasElement);
    const sent = story.adapter.mailbox.length;
    await clickButton(el, 'common.resendCode');
    // A polite notice (not an alert) says where the new code went; a new mail left.
    await expectStatus(el, ['common.codeSent', {email: GRACE.email}]);
    expect(story.adapter.mailbox.length).toBe(sent + 1);
    expect(errors(el)).toBe('');
    // The new code works (the memory adapter keeps only the newest).
    await enterEmailedCode(el, story, GRACE.email);
    await expectTitle(el, 'signIn.completeTitle');
  },
};

export const ResetCode: Story = {
  play: async ({canvasElement}) => {
    const el = await toResetCode(canvasElement);
    await expectText(el, ['signIn.resetSubtitle', {count: CODE_LENGTH, email: ADA.email}]);
    expect(field(el, 'code').autocomplete).toBe('one-time-code');
  },
};

export const ResetPassword: Story = {
  name: 'Reset password (with rules)',
  play: async ({canvasElement, loaded}) => {
    const el = await toNewPassword(canvasElement, auth(loaded));
    expect(field(el, 'password').autocomplete).toBe('new-password');
    await fill(el, 'password', 'engine');
    await waitFor(() => expect(passwordRules(el)).toEqual(expectedRules(el, [false, false])));
    await fill(el, 'password', 'engine1');
    await waitFor(() => expect(passwordRules(el)).toEqual(expectedRules(el, [false, true])));
    await findByRole(el, 'button', 'signIn.resetSubmit');
  },
};

export const Complete: Story = {
  play: async ({canvasElement}) => {
    const el = await submitPassword(canvasElement, ADA, ADA.password);
    await expectTitle(el, 'signIn.completeTitle');
    await expectText(el, ['signIn.completeSubtitle', {name: ADA.name}]);
  },
};

export const SlowNetwork: Story = {
  name: 'Loading (slow network)',
  parameters: {auth: {latency: 800} satisfies AuthSetup},
  play: async ({canvasElement}) => {
    const el = await submitPassword(canvasElement, ADA, ADA.password);
    // The button says what is under way, and ignores clicks meanwhile.
    const button = await findByRole(el, 'button', 'busy.sign-in');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await expectTitle(el, 'signIn.completeTitle');
  },
};

export const BusySubmit: Story = {
  name: 'Busy submit (no answer yet)',
  parameters: {auth: {fail: {signInWithPassword: NO_ANSWER}} satisfies AuthSetup},
  play: async ({canvasElement, loaded}) => {
    const el = await submitPassword(canvasElement, ADA, ADA.password);
    await waitFor(() => expect(el.querySelector('form')!.hasAttribute('aria-busy')).toBe(true));
    // A second click sends nothing and changes nothing.
    await submit(el, 'busy.sign-in');
    expect(auth(loaded).adapter.calls.signInWithPassword).toBe(1);
    expect(title(el)).toBe(tr(el, 'signIn.passwordTitle'));
  },
};

export const SocialButtons: Story = {
  name: 'Social buttons (two providers: text)',
  parameters: social(['github', 'google']),
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    const names = ['GitHub', 'Google'];
    const group = await findByRole(el, 'group', ['social.continueWith', {provider: names.join(', ')}]);
    for (const provider of names) {
      const button = await findByRole(el, 'button', ['social.continueWith', {provider}]);
      expect(group.contains(button)).toBe(true);
      // Two providers: full-width buttons whose visible text is their name (the icon is hidden from readers).
      expect(button.querySelector('span:not([aria-hidden])')!.textContent!.trim()).toBe(tr(el, 'social.continueWith', {provider}));
      expect(button.hasAttribute('aria-label')).toBe(false);
    }
    // "or" between the buttons and the email form, which follows them.
    const divider = el.querySelector('[part~="divider"]')!;
    expect(divider.textContent!.trim()).toBe(tr(el, 'social.divider'));
    expect(group.compareDocumentPosition(field(el, 'email')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  },
};

export const SocialIcons: Story = {
  name: 'Social buttons (three providers: icons)',
  parameters: social(['github', 'google', 'apple']),
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    for (const id of ['github', 'google', 'apple']) {
      const name = tr(el, 'social.continueWith', {provider: providerName(id)});
      const button = await findByRole(el, 'button', name);
      // Icons only: the name is the label (and the tooltip), the icon is hidden from readers.
      expect(button.getAttribute('title')).toBe(name);
      // The icons are a chunk of their own, loaded once the API has named its providers.
      await waitFor(() => expect(button.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true'), {timeout: 5000});
    }
  },
};

export const SocialSignIn: Story = {
  name: 'Social sign-in (signed in at once)',
  parameters: social(['github', 'google']),
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    await clickButton(el, ['social.continueWith', {provider: 'GitHub'}]);
    // The memory adapter signs in without a redirect, as "Github User".
    await expectTitle(el, 'signIn.completeTitle');
    await expectText(el, ['signIn.completeSubtitle', {name: 'Github User'}]);
  },
};

export const RightToLeft: Story = {
  name: 'Right to left (Hebrew)',
  globals: {locale: 'he'},
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    expect(el.lang).toBe('he');
    expect(el.dir).toBe('rtl');
    expect(title(el)).toBe(tr(el, 'signIn.title'));
    expect(title(el)).not.toBe(english('signIn.title'));
    // The card, named by its title, reads right to left, and so does the form in it.
    const card = await findByRole(el, 'region', {text: title(el)});
    expect(getComputedStyle(card).direction).toBe('rtl');
    const form = el.querySelector('form')!;
    expect(getComputedStyle(form).direction).toBe('rtl');
    // On the password step the label starts at the right and "Forgot password?" sits at its left.
    await fill(el, 'email', ADA.email);
    await submit(el);
    await expectTitle(el, 'signIn.passwordTitle');
    const label = el.querySelector(`label[for="${field(el, 'password').id}"]`)!.getBoundingClientRect();
    const forgot = (await findByRole(el, 'button', 'signIn.forgotPassword')).getBoundingClientRect();
    expect(forgot.right).toBeLessThanOrEqual(label.left);
    await expectText(el, ['signIn.passwordSubtitle', {email: ADA.email}]);
  },
};

export const German: Story = {
  name: 'German (pinned)',
  globals: {locale: 'de'},
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    expect(el.lang).toBe('de');
    await expectTitle(el, 'signIn.title');
    expect(title(el)).not.toBe(english('signIn.title'));
    await fill(el, 'email', ADA.email);
    await submit(el);
    await expectTitle(el, 'signIn.passwordTitle');
    await fill(el, 'password', 'falsch-123');
    await submit(el);
    await idle(el);
    await expectError(el, 'errors.invalid_credentials');
    expect(allByRole(el, 'alert').length).toBe(1);
  },
};
