import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, userEvent, waitFor} from 'storybook/test';
import type {AuthUserButton} from '../src/elements/user-button/user-button.js';
import {ADA, AVATAR_IMAGE, NETWORK_DOWN, type AuthSetup} from './support/client.js';
import {element} from './support/play.js';

type Story = StoryObj;

const signedInAs = (user: AuthSetup['signedInAs'], setup: AuthSetup = {}) => ({auth: {...setup, signedInAs: user} satisfies AuthSetup});

const meta: Meta = {
  title: 'Elements/User button',
  component: 'auth-user-button',
  tags: ['autodocs'],
  parameters: signedInAs(ADA),
  // Room for the menu, which opens below and towards the start of the button.
  render: () => html`<div style="display: flex; align-items: flex-start; justify-content: flex-end; width: 20rem; min-height: 22rem">
    <auth-user-button></auth-user-button>
  </div>`,
};
export default meta;

const HOSTILE = {
  name: '<img src=x onerror=alert(1)> Augusta Ada King-Noel, Countess of Lovelace, née Byron, of the Analytical Engine',
  email: 'augusta.ada.king-noel.countess.of.lovelace@analytical-engine.example.com',
  password: 'analytical1',
};

const button = (canvas: HTMLElement) => element<AuthUserButton>(canvas, 'auth-user-button');
const trigger = (el: AuthUserButton) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
const shadowText = (el: AuthUserButton, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? '';

/** Opens the menu with a click and checks what it shows. */
async function open(canvas: HTMLElement, user: {name: string; email: string}) {
  const el = await button(canvas);
  await userEvent.click(trigger(el));
  await waitFor(() => expect(trigger(el).getAttribute('aria-expanded')).toBe('true'));
  const item = el.shadowRoot!.querySelector<HTMLElement>('[role="menuitem"]')!;
  await waitFor(() => expect(el.shadowRoot!.activeElement).toBe(item));
  expect(item.textContent!.trim()).toBe('Sign out');
  expect(shadowText(el, '[part~="user-preview-name"]')).toBe(user.name);
  expect(shadowText(el, '[part~="user-preview-email"]')).toBe(user.email);
  return el;
}

export const Closed: Story = {
  play: async ({canvasElement}) => {
    const el = await button(canvasElement);
    await waitFor(() => expect(trigger(el).getAttribute('aria-label')).toBe(`Account menu for ${ADA.name}`));
    expect(trigger(el).getAttribute('aria-expanded')).toBe('false');
  },
};

export const OpenMenu: Story = {
  play: async ({canvasElement}) => {
    await open(canvasElement, ADA);
  },
};

export const WithImage: Story = {
  parameters: signedInAs({...ADA, imageUrl: AVATAR_IMAGE}),
  play: async ({canvasElement}) => {
    const el = await button(canvasElement);
    await waitFor(() => expect(trigger(el).querySelector('img')?.getAttribute('src')).toBe(AVATAR_IMAGE));
  },
};

export const Initials: Story = {
  parameters: signedInAs({name: 'Émilie du Châtelet', email: 'emilie@example.com', password: 'principia1'}),
  play: async ({canvasElement}) => {
    const el = await button(canvasElement);
    // Drawn by CSS from the attribute, so the initials never compete with the button's name.
    await waitFor(() => expect(trigger(el).querySelector('[part~="avatar"]')!.getAttribute('data-initials')).toBe('ÉC'));
  },
};

export const HostileName: Story = {
  name: 'Long hostile name (shown as text)',
  parameters: signedInAs(HOSTILE),
  play: async ({canvasElement}) => {
    const el = await open(canvasElement, HOSTILE);
    // The markup in the name is text: no element was made from it.
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  },
};

export const SignOut: Story = {
  name: 'Signing out',
  play: async ({canvasElement}) => {
    const el = await open(canvasElement, ADA);
    await userEvent.click(el.shadowRoot!.querySelector('[role="menuitem"]')!);
    // Signed out: the button renders nothing.
    await waitFor(() => expect(el.shadowRoot!.querySelector('button')).toBeNull());
  },
};

export const SignOutFails: Story = {
  name: 'Sign-out fails (network)',
  parameters: signedInAs(ADA, {fail: {signOut: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const el = await open(canvasElement, ADA);
    await userEvent.click(el.shadowRoot!.querySelector('[role="menuitem"]')!);
    await waitFor(() => expect(shadowText(el, '[role="alert"]')).toBe("We can't reach the server. Check your connection and try again."));
    expect(trigger(el).getAttribute('aria-expanded')).toBe('true');
  },
};

export const German: Story = {
  globals: {locale: 'de'},
  play: async ({canvasElement}) => {
    const el = await button(canvasElement);
    await userEvent.click(trigger(el));
    await waitFor(() => expect(el.shadowRoot!.querySelector('[role="menuitem"]')!.textContent!.trim()).toBe('Abmelden'), {timeout: 5000});
  },
};
