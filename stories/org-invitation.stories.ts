import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, userEvent, waitFor} from 'storybook/test';
import type {AuthErrorCode} from '../src/client/errors.js';
import {ADA, BOB, CLEO, GRACE, HTTP_500, NETWORK_DOWN, NO_ANSWER, type AuthSetup} from './support/client.js';
import {auth, clickButton, element, expectError, expectText, expectTitle, findByRole, tr} from './support/play.js';

type Story = StoryObj;

/** Ada's ENGINES (a hostile name) has invited Bob as admin (`welcome`), and once Cleo, whose invitation ran out (`late`). */
const INVITING = {
  users: [ADA, GRACE, BOB, CLEO],
  organizations: [
    {
      name: 'Analytical Engines',
      slug: 'engines',
      members: [{email: ADA.email, role: 'owner'}],
      invitations: [
        {id: 'welcome', email: BOB.email, role: 'admin'},
        {id: 'late', email: CLEO.email, role: 'member', expired: true},
      ],
    },
    {name: '<img src=x onerror=alert(1)>', slug: 'hostile', members: [{email: ADA.email, role: 'owner'}], invitations: [{id: 'hostile', email: CLEO.email, role: 'member'}]},
  ],
} satisfies AuthSetup;

const as = (signedInAs: AuthSetup['signedInAs'], more: Partial<AuthSetup> = {}) => ({auth: {...INVITING, signedInAs, ...more} satisfies AuthSetup});

const meta: Meta = {
  title: 'Elements/Organization invitation',
  component: 'auth-org-invitation',
  tags: ['autodocs'],
  parameters: {auth: INVITING},
  args: {invitationId: 'welcome'},
  render: ({invitationId}) => html`<auth-org-invitation invitation-id=${invitationId}></auth-org-invitation>`,
};
export default meta;

/** The codes these stories show (the error stories' Coverage counts them). */
export const ORG_INVITATION_ERROR_CODES: readonly AuthErrorCode[] = ['wrong_account', 'invitation_expired', 'network', 'server'];

const invitationOf = (canvas: HTMLElement) => element(canvas, 'auth-org-invitation');

export const Pending: Story = {
  name: 'Invited, signed in with the invited address',
  parameters: as(BOB),
  play: async ({canvasElement}) => {
    const el = await invitationOf(canvasElement);
    await expectTitle(el, ['orgInvitation.join', {organization: 'Analytical Engines'}]);
    await expectText(el, ['orgInvitation.invitedBy', {inviter: ADA.name, role: tr(el, 'organization.role.admin')}]);
    await findByRole(el, 'button', 'orgInvitation.accept');
    await findByRole(el, 'button', 'orgInvitation.decline');
  },
};

export const Joined: Story = {
  name: 'Accepted: a member now',
  parameters: as(BOB),
  play: async ({canvasElement, loaded}) => {
    const el = await invitationOf(canvasElement);
    await clickButton(el, 'orgInvitation.accept');
    await expectTitle(el, ['orgInvitation.joined', {organization: 'Analytical Engines'}]);
    await waitFor(() => expect(auth(loaded).client.membership?.organization.slug).toBe('engines'));
  },
};

export const Declined: Story = {
  parameters: as(BOB),
  play: async ({canvasElement}) => {
    const el = await invitationOf(canvasElement);
    await clickButton(el, 'orgInvitation.decline');
    await expectTitle(el, 'orgInvitation.declined');
  },
};

export const SignedOut: Story = {
  name: 'Signed out: sign in or sign up first',
  play: async ({canvasElement}) => {
    const el = await invitationOf(canvasElement);
    await expectTitle(el, 'orgInvitation.invited');
    await expectText(el, 'orgInvitation.signInFirst');
    await expectText(el, 'buttons.signIn');
    await expectText(el, 'buttons.signUp');
  },
};

export const WrongAccount: Story = {
  name: 'Signed in with another address',
  parameters: as(CLEO),
  play: async ({canvasElement}) => {
    const el = await invitationOf(canvasElement);
    await expectTitle(el, 'orgInvitation.wrongAccount');
    await expectText(el, 'errors.wrong_account');
    await expectText(el, ['orgInvitation.signedInAs', {email: CLEO.email}]);
  },
};

export const Expired: Story = {
  parameters: as(CLEO),
  args: {invitationId: 'late'},
  play: async ({canvasElement}) => {
    const el = await invitationOf(canvasElement);
    await expectTitle(el, 'orgInvitation.unusable');
    await expectText(el, 'errors.invitation_expired');
  },
};

export const Incomplete: Story = {
  name: 'A link without an invitation',
  parameters: as(BOB),
  args: {invitationId: ''},
  play: async ({canvasElement}) => {
    const el = await invitationOf(canvasElement);
    await expectTitle(el, 'orgInvitation.unusable');
    await expectText(el, 'orgInvitation.incomplete');
  },
};

export const HostileName: Story = {
  name: 'An organization named like markup',
  parameters: as(CLEO),
  args: {invitationId: 'hostile'},
  play: async ({canvasElement}) => {
    const el = await invitationOf(canvasElement);
    await expectTitle(el, ['orgInvitation.join', {organization: '<img src=x onerror=alert(1)>'}]);
    expect(el.shadowRoot!.querySelector('img[src="x"]')).toBeNull();
  },
};

export const Loading: Story = {
  name: 'Loading the invitation',
  parameters: as(BOB, {fail: {getInvitation: NO_ANSWER}}),
  play: async ({canvasElement}) => {
    const el = await invitationOf(canvasElement);
    await expectText(el, 'orgInvitation.loading');
  },
};

export const NetworkDown: Story = {
  name: 'The network down',
  parameters: as(BOB, {fail: {getInvitation: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const el = await invitationOf(canvasElement);
    await expectText(el, 'errors.network');
    await findByRole(el, 'button', 'common.retry');
  },
};

export const AcceptFails: Story = {
  name: 'Accepting fails (HTTP 500), and can be tried again',
  parameters: as(BOB, {fail: {acceptInvitation: HTTP_500}}),
  play: async ({canvasElement, loaded}) => {
    const el = await invitationOf(canvasElement);
    const accept = await findByRole(el, 'button', 'orgInvitation.accept');
    accept.focus();
    await userEvent.keyboard('{Enter}');
    await expectError(el, 'errors.server');
    expect(auth(loaded).client.membership).toBeNull();
    await findByRole(el, 'button', 'orgInvitation.accept');
  },
};
