import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {expect, waitFor} from 'storybook/test';
import type {AuthSignIn} from '../src/elements/sign-in/sign-in.js';
import {ADA, GRACE, HTTP_500, MALFORMED, NETWORK_DOWN, NO_ANSWER, RATE_LIMITED, type AuthSetup} from './support/client.js';
import {auth, clickButton, element, enterEmailedCode, errors, expectError, expectTitle, field, fill, idle, passwordRules, submit, title, wrongCode} from './support/play.js';

interface Args {
  signUpUrl?: string;
}

type Story = StoryObj<Args>;
type Play = NonNullable<Story['play']>;
type Context = Parameters<Play>[0];

const meta: Meta<Args> = {
  title: 'Elements/Sign in',
  component: 'auth-sign-in',
  tags: ['autodocs'],
  args: {signUpUrl: '#sign-up'},
  render: ({signUpUrl}) => html`<auth-sign-in sign-up-url=${ifDefined(signUpUrl)}></auth-sign-in>`,
};
export default meta;

const signIn = (canvas: HTMLElement) => element<AuthSignIn>(canvas, 'auth-sign-in');

/** Email step → password step, as `email`. */
async function toPassword({canvasElement}: Context, email: string = ADA.email) {
  const el = await signIn(canvasElement);
  await fill(el, 'email', email);
  await submit(el);
  await expectTitle(el, 'Enter your password');
  return el;
}

/** Password submitted (for the given user). */
async function submitPassword(context: Context, user: {email: string}, password: string) {
  const el = await toPassword(context, user.email);
  await fill(el, 'password', password);
  await submit(el);
  return el;
}

/** Password step → "Forgot password?" → the reset-code step. */
async function toResetCode(context: Context) {
  const el = await toPassword(context);
  await clickButton(el, 'Forgot password?');
  await expectTitle(el, 'Reset your password');
  return el;
}

/** A story whose sign-in call fails the given way, asserting the message the user reads. */
function failingSignIn(failure: NonNullable<AuthSetup['fail']>[keyof NonNullable<AuthSetup['fail']>], message: string): Story {
  return {
    parameters: {auth: {fail: {signInWithPassword: failure}} satisfies AuthSetup},
    play: async (context) => {
      const el = await submitPassword(context, ADA, ADA.password);
      await expectError(el, message);
      // Nothing lost: still on the password step, the email kept.
      expect(title(el)).toBe('Enter your password');
      expect(el.shadowRoot!.textContent).toContain(ADA.email);
      expect(field(el, 'password').value).toBe(ADA.password);
    },
  };
}

export const EmailStep: Story = {
  play: async ({canvasElement}) => {
    const el = await signIn(canvasElement);
    await expectTitle(el, 'Sign in');
    expect(field(el, 'email').autocomplete).toBe('username');
  },
};

export const PasswordStep: Story = {
  play: async (context) => {
    const el = await toPassword(context);
    expect(el.shadowRoot!.textContent).toContain(`Signing in as ${ADA.email}`);
    expect(field(el, 'password').autocomplete).toBe('current-password');
  },
};

export const InvalidEmail: Story = {
  play: async ({canvasElement}) => {
    const el = await signIn(canvasElement);
    await fill(el, 'email', 'ada@');
    await submit(el);
    await expectError(el, 'Enter a valid email address.');
    expect(title(el)).toBe('Sign in');
  },
};

export const WrongPassword: Story = {
  play: async (context) => {
    const el = await submitPassword(context, ADA, 'not-the-password1');
    await expectError(el, 'The email or password is incorrect.');
  },
};

export const VerifyEmail: Story = {
  name: 'Verify email (unverified user)',
  play: async (context) => {
    const el = await submitPassword(context, GRACE, GRACE.password);
    await expectTitle(el, 'Verify your email');
    expect(el.shadowRoot!.textContent).toContain(`Enter the 6-digit code we sent to ${GRACE.email}.`);
    expect(field(el, 'code').autocomplete).toBe('one-time-code');
  },
};

export const WrongCode: Story = {
  play: async (context) => {
    const el = await submitPassword(context, GRACE, GRACE.password);
    await expectTitle(el, 'Verify your email');
    await fill(el, 'code', wrongCode(auth(context.loaded), GRACE.email));
    await expectError(el, "That code isn't right. Check the email and try again.");
  },
};

export const ResetCode: Story = {
  play: async (context) => {
    const el = await toResetCode(context);
    expect(el.shadowRoot!.textContent).toContain(`Enter the 6-digit code we sent to ${ADA.email}.`);
    expect(field(el, 'code').autocomplete).toBe('one-time-code');
  },
};

export const ResetPassword: Story = {
  name: 'Reset password (with rules)',
  play: async (context) => {
    const el = await toResetCode(context);
    await enterEmailedCode(el, auth(context.loaded), ADA.email);
    await expectTitle(el, 'Set a new password');
    await fill(el, 'password', 'engine');
    await waitFor(() =>
      expect(passwordRules(el)).toEqual([
        ['At least 8 characters', false],
        ['A letter and a number', false],
      ]),
    );
    await fill(el, 'password', 'engine1');
    await waitFor(() => expect(passwordRules(el)[1]).toEqual(['A letter and a number', true]));
  },
};

export const Complete: Story = {
  play: async (context) => {
    const el = await submitPassword(context, ADA, ADA.password);
    await expectTitle(el, "You're signed in");
    expect(el.shadowRoot!.textContent).toContain(`Welcome back, ${ADA.name}.`);
  },
};

export const SlowNetwork: Story = {
  name: 'Loading (slow network)',
  parameters: {auth: {latency: 800} satisfies AuthSetup},
  play: async (context) => {
    const el = await submitPassword(context, ADA, ADA.password);
    const button = el.querySelector('form button[type="submit"]')!;
    await waitFor(() => expect(button.textContent).toContain('Please wait…'));
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await expectTitle(el, "You're signed in");
  },
};

export const BusySubmit: Story = {
  name: 'Busy submit (no answer yet)',
  parameters: {auth: {fail: {signInWithPassword: NO_ANSWER}} satisfies AuthSetup},
  play: async (context) => {
    const el = await submitPassword(context, ADA, ADA.password);
    await waitFor(() => expect(el.querySelector('form')!.hasAttribute('aria-busy')).toBe(true));
    // A second click sends nothing and changes nothing.
    await submit(el);
    expect(el.querySelector('form button[type="submit"]')!.textContent).toContain('Please wait…');
    expect(title(el)).toBe('Enter your password');
  },
};

export const NetworkError = failingSignIn(NETWORK_DOWN, "We can't reach the server. Check your connection and try again.");
export const ServerError = failingSignIn(HTTP_500, 'Something went wrong on our side. Try again in a moment.');
export const RateLimited = failingSignIn(RATE_LIMITED, 'Too many attempts. Try again in 30 seconds.');
export const MalformedResponse = failingSignIn(MALFORMED, "The server sent an answer we couldn't read. Try again in a moment.");

export const German: Story = {
  globals: {locale: 'de'},
  play: async ({canvasElement}) => {
    const el = await signIn(canvasElement);
    await expectTitle(el, 'Anmelden');
    await fill(el, 'email', ADA.email);
    await submit(el);
    await expectTitle(el, 'Passwort eingeben');
    await fill(el, 'password', 'falsch-123');
    await submit(el);
    await idle(el);
    await waitFor(() => expect(errors(el)).toContain('E-Mail-Adresse oder Passwort ist falsch.'));
  },
};
