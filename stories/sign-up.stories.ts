import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {expect, waitFor} from 'storybook/test';
import type {AuthSignUp} from '../src/elements/sign-up/sign-up.js';
import {ADA, NETWORK_DOWN, type AuthSetup} from './support/client.js';
import {auth, element, enterEmailedCode, errors, expectError, expectTitle, field, fill, passwordRules, submit, title, wrongCode} from './support/play.js';

interface Args {
  signInUrl?: string;
}

type Story = StoryObj<Args>;
type Context = Parameters<NonNullable<Story['play']>>[0];

const meta: Meta<Args> = {
  title: 'Elements/Sign up',
  component: 'auth-sign-up',
  tags: ['autodocs'],
  args: {signInUrl: '#sign-in'},
  render: ({signInUrl}) => html`<auth-sign-up sign-in-url=${ifDefined(signInUrl)}></auth-sign-up>`,
};
export default meta;

const CHARLES = {name: 'Charles Babbage', email: 'charles@example.com', password: 'difference1'};

const signUp = (canvas: HTMLElement) => element<AuthSignUp>(canvas, 'auth-sign-up');

/** Fills the details and submits them. */
async function submitDetails({canvasElement}: Context, person: {name: string; email: string; password: string}) {
  const el = await signUp(canvasElement);
  await fill(el, 'name', person.name);
  await fill(el, 'email', person.email);
  await fill(el, 'password', person.password);
  await submit(el);
  return el;
}

/** A new account, up to the code step. */
async function toVerify(context: Context) {
  const el = await submitDetails(context, CHARLES);
  await expectTitle(el, 'Verify your email');
  return el;
}

export const Details: Story = {
  play: async ({canvasElement}) => {
    const el = await signUp(canvasElement);
    await expectTitle(el, 'Create your account');
    expect(field(el, 'password').autocomplete).toBe('new-password');
    expect(el.shadowRoot!.textContent).toContain('Already have an account?');
  },
};

export const PasswordRulesPartlyMet: Story = {
  name: 'Password rules partly met',
  play: async ({canvasElement}) => {
    const el = await signUp(canvasElement);
    await fill(el, 'password', 'enchantress');
    await waitFor(() =>
      expect(passwordRules(el)).toEqual([
        ['At least 8 characters', true],
        ['A letter and a number', false],
      ]),
    );
    // Feedback as you type, but no error on the first keystrokes.
    expect(errors(el)).toBe('');
  },
};

export const ValidationErrors: Story = {
  name: 'Validation errors after submit',
  play: async ({canvasElement}) => {
    const el = await signUp(canvasElement);
    await fill(el, 'email', 'charles@');
    await submit(el);
    // The name is optional: only the email and the password are checked.
    for (const message of ['Enter a valid email address.', 'Choose a password that meets every rule below.']) {
      await expectError(el, message);
    }
    expect(errors(el)).not.toContain('This field is required.');
    // The first field with a problem takes the focus; what was typed stays.
    await waitFor(() => expect(document.activeElement).toBe(field(el, 'email')));
    expect(field(el, 'email').value).toBe('charles@');
  },
};

export const EmailTaken: Story = {
  play: async (context) => {
    const el = await submitDetails(context, {...ADA, password: 'another1'});
    await expectError(el, 'An account with this email already exists. Sign in instead.');
    expect(title(el)).toBe('Create your account');
  },
};

export const VerifyEmail: Story = {
  play: async (context) => {
    const el = await toVerify(context);
    expect(el.shadowRoot!.textContent).toContain(`Enter the 6-digit code we sent to ${CHARLES.email}.`);
    expect(field(el, 'code').autocomplete).toBe('one-time-code');
  },
};

export const WrongCode: Story = {
  play: async (context) => {
    const el = await toVerify(context);
    await fill(el, 'code', wrongCode(auth(context.loaded), CHARLES.email));
    await expectError(el, "That code isn't right. Check the email and try again.");
  },
};

export const Complete: Story = {
  play: async (context) => {
    const el = await toVerify(context);
    await enterEmailedCode(el, auth(context.loaded), CHARLES.email);
    await expectTitle(el, 'Your account is ready');
    expect(el.shadowRoot!.textContent).toContain(`Welcome, ${CHARLES.name}.`);
  },
};

export const NetworkError: Story = {
  parameters: {auth: {fail: {signUp: NETWORK_DOWN}} satisfies AuthSetup},
  play: async (context) => {
    const el = await submitDetails(context, CHARLES);
    await expectError(el, "We can't reach the server. Check your connection and try again.");
    // Nothing lost: the details are still there to retry.
    expect(title(el)).toBe('Create your account');
    expect(field(el, 'name').value).toBe(CHARLES.name);
    expect(field(el, 'email').value).toBe(CHARLES.email);
  },
};
