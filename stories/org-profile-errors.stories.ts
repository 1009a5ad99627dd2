import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, userEvent, waitFor} from 'storybook/test';
import type {AuthErrorCode} from '../src/client/errors.js';
import '../src/define/auth-org-profile.js';
import type {AuthOrgProfile} from '../src/elements/org-profile/org-profile.js';
import {ADA, BOB, CLEO, GRACE, ORGANIZATIONS, type AuthSetup, type Failure} from './support/client.js';
import {clickButton, element, expectError, shownText, tr} from './support/play.js';

/**
 * The error messages the organization profile shows, one story each, from one table: how the
 * person gets there (a real rule of the memory adapter where it has one, else the adapter
 * failing the way a real API does) and where they read `errors.<code>`.
 */
const meta: Meta = {
  title: 'Elements/Organization profile/Error messages',
  parameters: {layout: 'padded'},
  // The list of codes covered is data for the coverage story, not a story.
  excludeStories: ['ORG_PROFILE_ERROR_CODES'],
  render: () => html`<div style="width: min(48rem, 100%)"><auth-org-profile></auth-org-profile></div>`,
};
export default meta;

type Story = StoryObj;

interface OrgErrorCase {
  code: AuthErrorCode;
  how: string;
  auth: AuthSetup;
  reach: (el: AuthOrgProfile) => Promise<void>;
  /** Named in a list (the invite dialog's refused addresses) rather than an alert of its own. */
  listed?: boolean;
}

const as = (signedInAs: AuthSetup['signedInAs'], fail: AuthSetup['fail'] = {}): AuthSetup => ({...ORGANIZATIONS, activeOrganization: 'engines', signedInAs, fail});
const failing = (method: string, code: AuthErrorCode, status: number): AuthSetup['fail'] => ({[method]: {code, status} satisfies Failure});
/** The dialog's fade-in has ended: axe judges colours once it has. */
async function faded(dialog: Element): Promise<void> {
  await waitFor(() => expect(dialog.hasAttribute('open')).toBe(true));
  await (dialog as unknown as {updateComplete: Promise<unknown>}).updateComplete;
  await Promise.all([...dialog.shadowRoot!.querySelectorAll('.panel, .backdrop, dialog')].flatMap((node) => node.getAnimations()).map((animation) => animation.finished));
}

const lightField = <T extends HTMLElement>(el: AuthOrgProfile, selector: string) =>
  waitFor(() => {
    const found = el.querySelector<T>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  });

async function editSlug(el: AuthOrgProfile, slug: string): Promise<void> {
  await clickButton(el, 'orgProfile.general.edit');
  const field = await lightField<HTMLInputElement>(el, 'form[slot="form"] input[name="slug"]');
  await userEvent.clear(field);
  await userEvent.type(field, slug);
  await clickButton(el, 'common.save');
}

async function toMembers(el: AuthOrgProfile): Promise<void> {
  await clickButton(el, 'orgProfile.members.title');
  await waitFor(() => expect(shownText(el)).toContain(CLEO.email));
}

const CASES: Record<string, OrgErrorCase> = {
  slugTaken: {code: 'slug_taken', how: "another organization's slug", auth: as(ADA), reach: (el) => editSlug(el, 'looms')},
  invalidSlug: {code: 'invalid_slug', how: 'capitals and spaces in the slug', auth: as(ADA), reach: (el) => editSlug(el, 'Not A Slug')},
  lastOwner: {
    code: 'last_owner',
    how: 'the only owner leaves',
    auth: as(ADA),
    reach: async (el) => {
      await clickButton(el, 'orgProfile.leave.open');
      await clickButton(el, 'orgProfile.leave.submit');
    },
  },
  organizationNotFound: {
    code: 'organization_not_found',
    how: 'leaving an organization deleted meanwhile',
    auth: as(CLEO, failing('leaveOrganization', 'organization_not_found', 404)),
    reach: async (el) => {
      await clickButton(el, 'orgProfile.leave.open');
      await clickButton(el, 'orgProfile.leave.submit');
    },
  },
  forbidden: {
    code: 'forbidden',
    how: 'a role change the API refuses (demoted elsewhere)',
    auth: as(BOB, failing('updateMemberRole', 'forbidden', 403)),
    reach: async (el) => {
      await toMembers(el);
      const select = await waitFor(() => {
        const found = [...el.shadowRoot!.querySelectorAll<HTMLSelectElement>('select')].find((s) => s.getAttribute('aria-label') === tr(el, 'orgProfile.members.roleFor', {name: CLEO.name}));
        if (!found) throw new Error('no role select for Cleo');
        return found;
      });
      await userEvent.selectOptions(select, 'admin');
    },
  },
  memberNotFound: {
    code: 'member_not_found',
    how: 'removing someone who left meanwhile',
    auth: as(ADA, failing('removeMember', 'member_not_found', 404)),
    reach: async (el) => {
      await toMembers(el);
      const row = await waitFor(() => {
        const found = [...el.shadowRoot!.querySelectorAll('.row-list-item')].find((r) => r.textContent!.includes(GRACE.email) || r.textContent!.includes(CLEO.email));
        if (!found) throw new Error('no row');
        return found;
      });
      await userEvent.click([...row.querySelectorAll('button')].find((b) => b.textContent!.trim() === tr(el, 'orgProfile.members.remove'))!);
      const dialog = await waitFor(() => {
        const found = el.shadowRoot!.querySelector('auth-dialog:not(.invite-dialog)[open]');
        if (!found) throw new Error('no confirmation');
        return found;
      });
      await faded(dialog);
      await userEvent.click([...dialog.querySelectorAll('button')].find((b) => b.textContent!.trim() === tr(el, 'orgProfile.members.remove'))!);
    },
  },
  alreadyMember: {
    code: 'already_member',
    how: "inviting a member's address",
    listed: true,
    auth: as(ADA),
    reach: async (el) => {
      await toMembers(el);
      await clickButton(el, 'orgProfile.invite.open');
      await faded(el.shadowRoot!.querySelector('auth-dialog.invite-dialog')!);
      await userEvent.type(await lightField<HTMLTextAreaElement>(el, 'form[slot="invite"] textarea'), BOB.email);
      await clickButton(el, 'orgProfile.invite.submit');
    },
  },
};

/** The codes these stories show, for the coverage story (errors.stories.ts). */
export const ORG_PROFILE_ERROR_CODES: readonly AuthErrorCode[] = Object.values(CASES).map((row) => row.code);

function errorStory(row: OrgErrorCase): Story {
  return {
    name: `${row.code} (${row.how})`,
    parameters: {auth: row.auth},
    play: async ({canvasElement}) => {
      const el = await element<AuthOrgProfile>(canvasElement, 'auth-org-profile');
      await row.reach(el);
      if (row.listed) await waitFor(() => expect(shownText(el)).toContain(tr(el, `errors.${row.code}`)));
      else await expectError(el, `errors.${row.code}`);
    },
  };
}

export const SlugTaken = errorStory(CASES.slugTaken!);
export const InvalidSlug = errorStory(CASES.invalidSlug!);
export const LastOwner = errorStory(CASES.lastOwner!);
export const OrganizationNotFound = errorStory(CASES.organizationNotFound!);
export const Forbidden = errorStory(CASES.forbidden!);
export const MemberNotFound = errorStory(CASES.memberNotFound!);
export const AlreadyMember = errorStory(CASES.alreadyMember!);
