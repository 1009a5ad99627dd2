import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, waitFor} from 'storybook/test';
import {ADA, NO_ANSWER, type AuthSetup} from './support/client.js';

type Story = StoryObj;

const meta: Meta = {
  title: 'Elements/Signed in & signed out',
  component: 'auth-signed-in',
  // Its Docs page lists both elements' API (one tab each).
  subcomponents: {AuthSignedOut: 'auth-signed-out'},
  tags: ['autodocs'],
  render: () => html`
    <auth-signed-in><p>Only signed-in users see this.</p></auth-signed-in>
    <auth-signed-out><p>Only signed-out visitors see this.</p></auth-signed-out>
  `,
};
export default meta;

/** Checks which of the two contents a visitor sees. */
function shows(visible: {signedIn: boolean; signedOut: boolean}): Story['play'] {
  const seen = (canvas: HTMLElement, tag: string) => {
    const host = canvas.querySelector(tag)!;
    // Slotted content is visible only when the element renders its slot.
    return !!host.shadowRoot?.querySelector('slot') && host.querySelector('p')!.getClientRects().length > 0;
  };
  return async ({canvasElement}) => {
    await waitFor(() =>
      expect({signedIn: seen(canvasElement, 'auth-signed-in'), signedOut: seen(canvasElement, 'auth-signed-out')}).toEqual(visible),
    );
  };
}

export const SignedIn: Story = {
  parameters: {auth: {signedInAs: ADA} satisfies AuthSetup},
  play: shows({signedIn: true, signedOut: false}),
};

export const SignedOut: Story = {
  play: shows({signedIn: false, signedOut: true}),
};

export const Loading: Story = {
  name: 'Loading (session check under way)',
  parameters: {auth: {fail: {getSession: NO_ANSWER}} satisfies AuthSetup},
  play: shows({signedIn: false, signedOut: false}),
};
