import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, userEvent, waitFor} from 'storybook/test';
import '../src/define/auth-org-list.js';
import type {AuthOrgList} from '../src/elements/org-list/org-list.js';
import type {AuthErrorCode} from '../src/client/errors.js';
import {ADA, BOB, CLEO, ENGINES, GRACE, LOOMS, NETWORK_DOWN, NO_ANSWER, type AuthSetup} from './support/client.js';
import {accessibleName, allByRole, clickButton, element, expectError, expectStatus, expectText, expectTitle, findByRole, tr} from './support/play.js';

type Story = StoryObj;

/** Bob's Royal Society, which has invited Ada as an admin; a hostile name invites her too. */
const ROYAL = {name: 'Royal Society', slug: 'royal', members: [{email: BOB.email, role: 'owner' as const}], invitations: [{id: 'royal', email: ADA.email, role: 'admin' as const}]};
const HOSTILE = {name: CLEO.name, slug: 'cleo', members: [{email: CLEO.email, role: 'owner' as const}], invitations: [{id: 'cleo', email: ADA.email, role: 'member' as const}]};
const SETUP = {users: [ADA, GRACE, BOB, CLEO], organizations: [ENGINES, LOOMS, ROYAL, HOSTILE], activeOrganization: 'engines'} satisfies AuthSetup;
const DANA = {name: 'Dana Scully', email: 'dana@example.com', password: 'truth-out-there1'};

const as = (signedInAs: AuthSetup['signedInAs'], more: Partial<AuthSetup> = {}) => ({auth: {...SETUP, signedInAs, ...more} satisfies AuthSetup});

const meta: Meta = {
  title: 'Elements/Organization list',
  component: 'auth-org-list',
  tags: ['autodocs'],
  excludeStories: ['ORG_LIST_ERROR_CODES'],
  parameters: as(ADA),
  render: () => html`<auth-org-list></auth-org-list>`,
};
export default meta;

const listOf = (canvas: HTMLElement) => element<AuthOrgList>(canvas, 'auth-org-list');

export const WithInvitations: Story = {
  name: 'Organizations and invitations',
  play: async ({canvasElement}) => {
    const el = await listOf(canvasElement);
    await expectTitle(el, 'orgList.title');
    await expectText(el, {text: ENGINES.name});
    await expectText(el, {text: LOOMS.name});
    await expectText(el, 'organization.personalAccount');
    await expectText(el, {text: ROYAL.name});
    // The hostile name is text.
    await expectText(el, {text: CLEO.name});
    await findByRole(el, 'heading', 'orgList.invitations');
    await waitForButtons(el, 'orgList.accept', 2);
  },
};

async function waitForButtons(el: AuthOrgList, key: string, count: number): Promise<void> {
  await waitFor(() => expect(allByRole(el, 'button', key)).toHaveLength(count));
}

/** Clicks Accept (or another action) in the invitation from this organization. */
async function clickInRow(el: AuthOrgList, organization: string, key: string): Promise<void> {
  await waitForButtons(el, 'orgList.accept', 2);
  const row = [...el.shadowRoot!.querySelectorAll('#invitations-list > li')].find((li) => li.textContent!.includes(organization))!;
  const button = [...row.querySelectorAll('button')].find((each) => accessibleName(each) === tr(el, key))!;
  await userEvent.click(button);
}

export const Empty: Story = {
  name: 'In no organization yet',
  // Among the story's people but in none of its organizations ('' : no active one to set).
  parameters: as(DANA, {users: [...SETUP.users, DANA], activeOrganization: ''}),
  play: async ({canvasElement}) => {
    const el = await listOf(canvasElement);
    await expectText(el, 'orgList.empty');
    await findByRole(el, 'button', 'orgList.create');
  },
};

export const Loading: Story = {
  name: 'Loading',
  parameters: as(ADA, {fail: {listOrganizations: NO_ANSWER}}),
  play: async ({canvasElement}) => {
    const el = await listOf(canvasElement);
    await expectStatus(el, 'orgList.loading');
  },
};

export const LoadFails: Story = {
  name: 'The list fails to load (network)',
  parameters: as(ADA, {fail: {listOrganizations: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const el = await listOf(canvasElement);
    await expectError(el, 'errors.network');
    await findByRole(el, 'button', 'common.retry');
  },
};

export const Accepted: Story = {
  name: 'An invitation accepted',
  play: async ({canvasElement}) => {
    const el = await listOf(canvasElement);
    await clickInRow(el, ROYAL.name, 'orgList.accept');
    await expectStatus(el, ['orgList.joined', {name: ROYAL.name}]);
  },
};

/** An invitation refused on Accept or Decline, its message in its row. */
function refusedInvitation(code: AuthErrorCode, name: string, action: 'accept' | 'decline' = 'accept'): Story {
  const method = action === 'accept' ? 'acceptInvitation' : 'declineInvitation';
  return {
    name,
    parameters: as(ADA, {fail: {[method]: {code, status: 400}}}),
    play: async ({canvasElement}) => {
      const el = await listOf(canvasElement);
      await clickInRow(el, ROYAL.name, `orgList.${action}`);
      const alert = await expectError(el, `errors.${code}`);
      expect(alert.closest('li')!.textContent).toContain(ROYAL.name);
    },
  };
}

export const ExpiredInvitation = refusedInvitation('invitation_expired', 'An invitation that expired (invitation_expired)');
export const RevokedInvitation = refusedInvitation('invitation_revoked', 'An invitation revoked meanwhile (invitation_revoked)', 'decline');
export const UsedInvitation = refusedInvitation('invitation_used', 'An invitation already used in another tab (invitation_used)');
export const MissingInvitation = refusedInvitation('invitation_not_found', 'An invitation that is gone (invitation_not_found)', 'decline');
export const AlreadyMember = refusedInvitation('already_member', 'Accepting where already a member (already_member)');

/** The error codes this file's stories show, for the coverage story (errors.stories.ts). */
export const ORG_LIST_ERROR_CODES: readonly AuthErrorCode[] = ['invitation_expired', 'invitation_revoked', 'invitation_used', 'invitation_not_found', 'already_member'];

export const Creating: Story = {
  name: 'Create organization, in place of the list',
  play: async ({canvasElement}) => {
    const el = await listOf(canvasElement);
    await clickButton(el, 'orgList.create');
    await findByRole(el, 'button', 'orgList.back');
    await waitFor(() => expect(el.shadowRoot!.querySelector('auth-create-org')?.querySelector('input[name="name"]')).toBeTruthy());
  },
};
