import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, userEvent, waitFor} from 'storybook/test';
import type {AuthDialog} from '../src/internal/dialog.js';
import {deepActiveElement} from '../src/internal/focus.js';
import {ADA, type AuthSetup} from './support/client.js';
import {accessibleName, element, findByRole, title, tr} from './support/play.js';

type Story = StoryObj;

/** The modal's code loads on the first open (a fresh transform in the dev server): give it time. */
const TIMEOUT = {timeout: 5000};

const meta: Meta = {
  title: 'Elements/Buttons',
  component: 'auth-sign-in-button',
  subcomponents: {AuthSignUpButton: 'auth-sign-up-button', AuthSignOutButton: 'auth-sign-out-button'},
  tags: ['autodocs'],
  render: () => html`<div style="display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center">
    <auth-sign-in-button></auth-sign-in-button>
    <auth-sign-up-button></auth-sign-up-button>
    <auth-sign-out-button></auth-sign-out-button>
  </div>`,
};
export default meta;

/** The one modal dialog the provider appended, once it is open. */
async function openModal(canvas: HTMLElement): Promise<AuthDialog> {
  return waitFor(() => {
    const dialogs = canvas.querySelectorAll<AuthDialog>('auth-dialog');
    expect(dialogs.length, 'one modal dialog').toBe(1);
    expect(dialogs[0].shadowRoot?.querySelector('dialog')?.open, 'the modal is open').toBe(true);
    return dialogs[0];
  }, TIMEOUT);
}

/** Once the dialog's opening animation is over: axe judges the colours users read, not a fade. */
async function settled(dialog: AuthDialog): Promise<void> {
  await Promise.all(dialog.shadowRoot!.getAnimations().map((animation) => animation.finished));
}

/** Opens the modal with the button named `label`, then checks it shows `tag`, named by the card's title, focus in it. */
async function openWith(canvas: HTMLElement, buttonTag: string, label: string, cardTag: string, titleKey: string) {
  const host = await element(canvas, buttonTag);
  await userEvent.click(await findByRole(host, 'button', label));
  const dialog = await openModal(canvas);
  const card = await waitFor(() => {
    const found = dialog.querySelector<HTMLElement>(cardTag);
    if (!found) throw new Error(`no <${cardTag}> in the modal`);
    return found;
  }, TIMEOUT);
  await waitFor(() => expect(title(card)).toBe(tr(card, titleKey)), TIMEOUT);
  await waitFor(() => expect(accessibleName(dialog.shadowRoot!.querySelector('dialog')!)).toBe(title(card)), TIMEOUT);
  // Focus moved into the modal (the card's first field). (:focus-within needs a focused window; the test's may not be.)
  await waitFor(() => expect(dialog.contains(deepActiveElement())).toBe(true), TIMEOUT);
  // The credential form is in the document, where password managers look.
  expect(card.querySelector('form')!.getRootNode()).toBe(document);
  await settled(dialog);
  return {dialog, card};
}

export const SignedOut: Story = {
  name: 'Signed out (sign in, sign up)',
  play: async ({canvasElement}) => {
    const signIn = await element(canvasElement, 'auth-sign-in-button');
    await findByRole(signIn, 'button', 'buttons.signIn');
    await findByRole(await element(canvasElement, 'auth-sign-up-button'), 'button', 'buttons.signUp');
    // Nobody to sign out: the sign-out button shows nothing.
    expect(canvasElement.querySelector('auth-sign-out-button')!.checkVisibility()).toBe(false);
  },
};

export const SignedIn: Story = {
  name: 'Signed in (sign out)',
  parameters: {auth: {signedInAs: ADA} satisfies AuthSetup},
  play: async ({canvasElement}) => {
    await findByRole(await element(canvasElement, 'auth-sign-out-button'), 'button', 'userButton.signOut');
    expect(canvasElement.querySelector('auth-sign-in-button')!.checkVisibility()).toBe(false);
    expect(canvasElement.querySelector('auth-sign-up-button')!.checkVisibility()).toBe(false);
  },
};

export const Slotted: Story = {
  name: 'Your own buttons (slotted)',
  render: () => html`<div style="display: flex; gap: 0.75rem; align-items: center">
    <auth-sign-in-button><button type="button" style="font: inherit; padding: 0.5rem 1rem; border-radius: 999px; border: 2px solid currentColor; background: none; color: inherit">Log in</button></auth-sign-in-button>
    <auth-sign-up-button><a href="#join" style="color: inherit">Create an account</a></auth-sign-up-button>
  </div>`,
  play: async ({canvasElement}) => {
    const signIn = await element(canvasElement, 'auth-sign-in-button');
    expect(signIn.shadowRoot!.querySelector('button')).toBeNull();
    expect(signIn.querySelector('button')!.checkVisibility()).toBe(true);
    expect(canvasElement.querySelector('auth-sign-up-button a')!.checkVisibility()).toBe(true);
  },
};

export const SignInModal: Story = {
  name: 'Sign-in modal',
  render: () => html`<auth-sign-in-button></auth-sign-in-button>`,
  play: async ({canvasElement}) => {
    await openWith(canvasElement, 'auth-sign-in-button', 'buttons.signIn', 'auth-sign-in', 'signIn.title');
  },
};

export const SignUpModal: Story = {
  name: 'Sign-up modal',
  render: () => html`<auth-sign-up-button></auth-sign-up-button>`,
  play: async ({canvasElement}) => {
    await openWith(canvasElement, 'auth-sign-up-button', 'buttons.signUp', 'auth-sign-up', 'signUp.title');
  },
};

export const SwitchInModal: Story = {
  name: 'Sign-in modal switched to sign-up',
  render: () => html`<auth-sign-in-button></auth-sign-in-button>`,
  play: async ({canvasElement}) => {
    const {dialog, card} = await openWith(canvasElement, 'auth-sign-in-button', 'buttons.signIn', 'auth-sign-in', 'signIn.title');
    const link = await findByRole(card, 'button', 'signIn.signUpLink');
    await userEvent.click(link);
    const signUp = await waitFor(() => {
      const found = dialog.querySelector<HTMLElement>('auth-sign-up');
      if (!found) throw new Error('the modal did not switch to sign-up');
      return found;
    }, TIMEOUT);
    await waitFor(() => expect(title(signUp)).toBe(tr(signUp, 'signUp.title')), TIMEOUT);
    await waitFor(() => expect(accessibleName(dialog.shadowRoot!.querySelector('dialog')!)).toBe(title(signUp)), TIMEOUT);
    expect(dialog.querySelector('auth-sign-in')).toBeNull();
    await settled(dialog);
  },
};
