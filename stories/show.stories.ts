import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, waitFor} from 'storybook/test';
import {ADA, BOB, CLEO, NO_ANSWER, ORGANIZATIONS, type AuthSetup} from './support/client.js';

type Story = StoryObj;

const as = (signedInAs: AuthSetup['signedInAs'], activeOrganization?: string, more: Partial<AuthSetup> = {}) => ({
  auth: {...ORGANIZATIONS, signedInAs, activeOrganization, ...more} satisfies AuthSetup,
});

const meta: Meta = {
  title: 'Elements/Show',
  component: 'auth-show',
  tags: ['autodocs'],
  parameters: {auth: ORGANIZATIONS},
  args: {permission: 'member:create', role: ''},
  render: ({permission, role}) => html`
    <auth-show permission=${permission} role=${role}>
      <p data-shown="content">You may invite people to this organization.</p>
      <p slot="fallback" data-shown="fallback">Ask an admin to invite people.</p>
    </auth-show>
  `,
};
export default meta;

/** Which of the two paragraphs a person sees (none while the session loads). */
function shows(expected: 'content' | 'fallback' | 'nothing'): Story['play'] {
  return async ({canvasElement}) => {
    const visible = () => [...canvasElement.querySelectorAll<HTMLElement>('[data-shown]')].filter((p) => p.getClientRects().length > 0).map((p) => p.dataset.shown);
    await waitFor(() => expect(visible()).toEqual(expected === 'nothing' ? [] : [expected]));
  };
}

export const Admin: Story = {
  name: 'An admin of the active organization: the content',
  parameters: as(BOB, 'engines'),
  play: shows('content'),
};

export const Member: Story = {
  name: 'A member without the permission: the fallback',
  parameters: as(CLEO, 'engines'),
  play: shows('fallback'),
};

export const PersonalAccount: Story = {
  name: 'Signed in, no organization active: the fallback',
  parameters: as(ADA),
  play: shows('fallback'),
};

export const SignedOut: Story = {
  name: 'Signed out: the fallback',
  play: shows('fallback'),
};

export const ByRole: Story = {
  name: 'By role: owner or admin',
  args: {permission: '', role: 'owner admin'},
  parameters: as(ADA, 'engines'),
  play: shows('content'),
};

export const Loading: Story = {
  name: 'While the session loads: neither',
  parameters: as(BOB, undefined, {fail: {getSession: NO_ANSWER}}),
  play: shows('nothing'),
};
