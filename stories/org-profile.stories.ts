import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, userEvent, waitFor} from 'storybook/test';
import '../src/define/auth-org-profile.js';
import type {AuthOrgProfile} from '../src/elements/org-profile/org-profile.js';
import type {AuthDialog} from '../src/internal/dialog.js';
import {ADA, BOB, CLEO, ENGINES, GRACE, LOOMS, NETWORK_DOWN, NO_ANSWER, type AuthSetup} from './support/client.js';
import {allByRole, auth, clickButton, element, expectError, expectText, findByRole, shownText, tr} from './support/play.js';

type Story = StoryObj;

/** ENGINES (Ada owner, Bob admin, Cleo a member with a hostile name), with Grace invited as a member. */
const ENGINES_INVITING = {...ENGINES, invitations: [{id: 'grace', email: GRACE.email, role: 'member' as const}]};
const SETUP = {users: [ADA, GRACE, BOB, CLEO], organizations: [ENGINES_INVITING, LOOMS], activeOrganization: 'engines'} satisfies AuthSetup;

const as = (signedInAs: AuthSetup['signedInAs'], more: Partial<AuthSetup> = {}) => ({auth: {...SETUP, signedInAs, ...more} satisfies AuthSetup});

const meta: Meta = {
  title: 'Elements/Organization profile',
  component: 'auth-org-profile',
  tags: ['autodocs'],
  // Padded, as the user profile: a centred flex item has no width for the percentage to resolve against.
  parameters: {...as(ADA), layout: 'padded'},
  render: () => html`<div style="width: min(48rem, 100%)"><auth-org-profile></auth-org-profile></div>`,
};
export default meta;

const profileOf = (canvas: HTMLElement) => element<AuthOrgProfile>(canvas, 'auth-org-profile');
const editor = (el: AuthOrgProfile) => el.querySelector<HTMLFormElement>('form[slot="form"]')!;
const inviteForm = (el: AuthOrgProfile) => el.querySelector<HTMLFormElement>('form[slot="invite"]')!;
const noButton = (el: AuthOrgProfile, key: string) => expect(allByRole(el, 'button', key)).toHaveLength(0);

async function membersOf(canvas: HTMLElement): Promise<AuthOrgProfile> {
  const el = await profileOf(canvas);
  await clickButton(el, 'orgProfile.members.title');
  return el;
}

/** The dialog's opening animation has ended (axe judges colours once it has). */
async function opened(dialog: AuthDialog): Promise<void> {
  await waitFor(() => expect(dialog.open).toBe(true));
  const animated = [...dialog.shadowRoot!.querySelectorAll('.panel, .backdrop, dialog')];
  await Promise.all(animated.flatMap((node) => node.getAnimations()).map((animation) => animation.finished));
}

export const GeneralOwner: Story = {
  name: 'General, as the owner',
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await findByRole(el, 'heading', 'orgProfile.general.title');
    await expectText(el, {text: ENGINES.name});
    await findByRole(el, 'button', 'orgProfile.general.edit');
    await findByRole(el, 'button', 'orgProfile.leave.open');
    await findByRole(el, 'button', 'orgProfile.delete.open');
  },
};

export const GeneralAdmin: Story = {
  name: 'General, as an admin (no delete)',
  parameters: as(BOB),
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await findByRole(el, 'button', 'orgProfile.general.edit');
    noButton(el, 'orgProfile.delete.open');
  },
};

export const GeneralMember: Story = {
  name: 'General, as a member (read-only)',
  parameters: as(CLEO),
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await findByRole(el, 'button', 'orgProfile.leave.open');
    noButton(el, 'orgProfile.general.edit');
    noButton(el, 'orgProfile.delete.open');
  },
};

export const Editing: Story = {
  name: 'Editing the name and slug: a taken slug',
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await clickButton(el, 'orgProfile.general.edit');
    const slug = await waitFor(() => {
      const found = editor(el).querySelector<HTMLInputElement>('input[name="slug"]');
      if (!found) throw new Error('no slug field');
      return found;
    });
    await userEvent.clear(slug);
    await userEvent.type(slug, LOOMS.slug);
    await clickButton(el, 'common.save');
    await expectError(el, 'errors.slug_taken');
    expect(slug.value).toBe(LOOMS.slug);
  },
};

export const LeaveAsLastOwner: Story = {
  name: 'Leaving as the last owner: refused',
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await clickButton(el, 'orgProfile.leave.open');
    await clickButton(el, 'orgProfile.leave.submit');
    await expectError(el, 'errors.last_owner');
  },
};

export const DeleteConfirmation: Story = {
  name: 'Deleting: type the name to confirm',
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await clickButton(el, 'orgProfile.delete.open');
    const submit = await findByRole(el, 'button', 'orgProfile.delete.submit');
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(editor(el).querySelector<HTMLInputElement>('input[name="confirmation"]')!, ENGINES.name);
    await waitFor(() => expect((submit as HTMLButtonElement).disabled).toBe(false));
  },
};

export const NoOrganization: Story = {
  name: 'No active organization (the personal account)',
  // (Empty, not left out: a story's parameters are merged into the file's.)
  parameters: as(ADA, {activeOrganization: ''}),
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await expectText(el, 'orgProfile.noOrganization.title');
  },
};

export const Members: Story = {
  name: 'Members, as the owner',
  play: async ({canvasElement}) => {
    const el = await membersOf(canvasElement);
    await expectText(el, {text: CLEO.name});
    await expectText(el, 'orgProfile.members.you');
    const label = tr(el, 'orgProfile.members.roleFor', {name: CLEO.name});
    await waitFor(() => expect(el.shadowRoot!.querySelector(`select[aria-label="${CSS.escape(label)}"]`)).not.toBeNull());
    await findByRole(el, 'button', 'orgProfile.invite.open');
  },
};

export const MembersAsMember: Story = {
  name: 'Members, as a member (no controls)',
  parameters: as(CLEO),
  play: async ({canvasElement}) => {
    const el = await membersOf(canvasElement);
    await expectText(el, {text: BOB.name});
    expect(el.shadowRoot!.querySelector('select')).toBeNull();
    noButton(el, 'orgProfile.members.remove');
    noButton(el, 'orgProfile.invite.open');
  },
};

export const MembersSearchEmpty: Story = {
  name: 'Members, a search that finds nobody',
  play: async ({canvasElement}) => {
    const el = await membersOf(canvasElement);
    const search = await waitFor(() => {
      const found = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]');
      if (!found) throw new Error('no search field');
      return found;
    });
    await userEvent.type(search, 'nobody');
    await expectText(el, ['orgProfile.members.noMatch', {query: 'nobody'}]);
  },
};

export const MembersLoading: Story = {
  name: 'Members, loading',
  parameters: as(ADA, {fail: {listMembers: NO_ANSWER}}),
  play: async ({canvasElement}) => {
    const el = await membersOf(canvasElement);
    await expectText(el, 'orgProfile.members.loading');
  },
};

export const MembersError: Story = {
  name: 'Members, the list fails (network)',
  parameters: as(ADA, {fail: {listMembers: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const el = await membersOf(canvasElement);
    await expectError(el, 'errors.network');
    await findByRole(el, 'button', 'common.retry');
  },
};

export const Invitations: Story = {
  name: 'Invitations, one pending',
  play: async ({canvasElement}) => {
    const el = await membersOf(canvasElement);
    await userEvent.click(await findByRole(el, 'tab', 'orgProfile.invitations.tab'));
    await expectText(el, {text: GRACE.email});
    await findByRole(el, 'button', 'orgProfile.invitations.resend');
    await findByRole(el, 'button', 'orgProfile.invitations.revoke');
  },
};

export const InvitationsEmpty: Story = {
  name: 'Invitations, none pending',
  parameters: {auth: {...SETUP, organizations: [ENGINES, LOOMS], signedInAs: ADA}},
  play: async ({canvasElement}) => {
    const el = await membersOf(canvasElement);
    await userEvent.click(await findByRole(el, 'tab', 'orgProfile.invitations.tab'));
    await expectText(el, 'orgProfile.invitations.empty');
  },
};

export const InvitationsError: Story = {
  name: 'Invitations, the list fails (network)',
  parameters: as(ADA, {fail: {listInvitations: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const el = await membersOf(canvasElement);
    await userEvent.click(await findByRole(el, 'tab', 'orgProfile.invitations.tab'));
    await expectError(el, 'errors.network');
  },
};

export const InviteDialog: Story = {
  name: 'Invite dialog: one invited, one already a member',
  play: async ({canvasElement, loaded}) => {
    const el = await membersOf(canvasElement);
    await clickButton(el, 'orgProfile.invite.open');
    const dialog = el.shadowRoot!.querySelector<AuthDialog>('auth-dialog.invite-dialog')!;
    await opened(dialog);
    const emails = await waitFor(() => {
      const found = inviteForm(el).querySelector<HTMLTextAreaElement>('textarea[name="emails"]');
      if (!found) throw new Error('no emails field');
      return found;
    });
    await userEvent.type(emails, `new@example.com, ${BOB.email}`);
    await clickButton(el, 'orgProfile.invite.submit');
    await waitFor(() => expect(shownText(el)).toContain(tr(el, 'errors.already_member')));
    expect(emails.value).toBe(BOB.email);
    const {adapter} = auth(loaded);
    await waitFor(() => expect(adapter.latestInvitationUrl('new@example.com')).not.toBeNull());
  },
};
