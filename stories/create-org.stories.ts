import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, userEvent, waitFor} from 'storybook/test';
import '../src/define/auth-create-org.js';
import type {AuthCreateOrg} from '../src/elements/create-org/create-org.js';
import {ADA, CLEO, GRACE, NETWORK_DOWN, NO_ANSWER, ORGANIZATIONS, RATE_LIMITED, type AuthSetup} from './support/client.js';
import {auth, clickButton, element, expectError, expectFieldError, expectStatus, expectText, expectTitle, field, fill, findByRole, idle, submit} from './support/play.js';

type Story = StoryObj;

const setup = (more: Partial<AuthSetup> = {}) => ({auth: {...ORGANIZATIONS, signedInAs: ADA, ...more} satisfies AuthSetup});

const meta: Meta = {
  title: 'Elements/Create organization',
  component: 'auth-create-org',
  tags: ['autodocs'],
  parameters: setup(),
  render: () => html`<auth-create-org></auth-create-org>`,
};
export default meta;

const createOrgOf = (canvas: HTMLElement) => element<AuthCreateOrg>(canvas, 'auth-create-org');
const emails = (el: AuthCreateOrg) => el.querySelector<HTMLTextAreaElement>('form textarea[name="emails"]')!;

/** Creates "Difference Engine" and waits for the invite step. */
async function toInviteStep(el: AuthCreateOrg): Promise<void> {
  await fill(el, 'name', 'Difference Engine');
  await submit(el, 'createOrg.submit');
  await expectTitle(el, 'createOrg.invite.title');
}

export const EmptyForm: Story = {
  name: 'Empty form',
  play: async ({canvasElement}) => {
    const el = await createOrgOf(canvasElement);
    await expectTitle(el, 'createOrg.title');
    await findByRole(el, 'textbox', 'createOrg.nameLabel');
    await findByRole(el, 'textbox', 'createOrg.slugLabel');
    await expectText(el, 'createOrg.slugHint');
    await findByRole(el, 'button', 'organizationLogo.upload');
  },
};

export const SlugDerived: Story = {
  name: 'Slug derived from the name, available',
  play: async ({canvasElement}) => {
    const el = await createOrgOf(canvasElement);
    await fill(el, 'name', 'Société Analytique');
    expect(field(el, 'slug').value).toBe('societe-analytique');
    await expectStatus(el, ['createOrg.slugAvailable', {slug: 'societe-analytique'}]);
  },
};

export const SlugTaken: Story = {
  name: 'Slug taken (checked as you type)',
  play: async ({canvasElement}) => {
    const el = await createOrgOf(canvasElement);
    await fill(el, 'name', 'Engines');
    await expectStatus(el, ['createOrg.slugTaken', {slug: 'engines'}]);
  },
};

export const SlugTakenOnSubmit: Story = {
  name: 'Slug taken (the API says so on submit)',
  parameters: setup({fail: {isSlugAvailable: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const el = await createOrgOf(canvasElement);
    await fill(el, 'name', 'Engines');
    await expectStatus(el, 'createOrg.slugCheckFailed');
    await submit(el, 'createOrg.submit');
    expectFieldError(el, 'slug', await expectError(el, 'errors.slug_taken'));
  },
};

export const InvalidFields: Story = {
  name: 'Missing name, slug in the wrong format',
  play: async ({canvasElement}) => {
    const el = await createOrgOf(canvasElement);
    await fill(el, 'slug', 'Not Valid!');
    await submit(el, 'createOrg.submit');
    expectFieldError(el, 'name', await expectError(el, 'createOrg.nameRequired'));
    expectFieldError(el, 'slug', await expectError(el, 'errors.invalid_slug'));
  },
};

export const NetworkDown: Story = {
  name: 'Creating fails (network), what was typed stays',
  parameters: setup({fail: {createOrganization: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const el = await createOrgOf(canvasElement);
    await fill(el, 'name', 'Difference Engine');
    await submit(el, 'createOrg.submit');
    await expectError(el, 'errors.network');
    expect(field(el, 'name').value).toBe('Difference Engine');
    expect(field(el, 'slug').value).toBe('difference-engine');
  },
};

export const RateLimited: Story = {
  name: 'Creating refused (too many attempts)',
  parameters: setup({fail: {createOrganization: RATE_LIMITED}}),
  play: async ({canvasElement}) => {
    const el = await createOrgOf(canvasElement);
    await fill(el, 'name', 'Difference Engine');
    await submit(el, 'createOrg.submit');
    await expectError(el, ['errors.rate_limited_wait', {count: 30}]);
  },
};

export const InviteStep: Story = {
  name: 'Invite step',
  play: async ({canvasElement}) => {
    const el = await createOrgOf(canvasElement);
    await toInviteStep(el);
    await findByRole(el, 'textbox', 'createOrg.invite.emailsLabel');
    await findByRole(el, 'button', 'createOrg.invite.skip');
  },
};

export const InviteResults: Story = {
  name: 'Invite step: one invited, one already a member',
  play: async ({canvasElement, loaded}) => {
    const el = await createOrgOf(canvasElement);
    await toInviteStep(el);
    await userEvent.type(emails(el), `${GRACE.email}, ${ADA.email}`);
    await submit(el, 'createOrg.invite.send');
    await idle(el);
    await expectStatus(el, ['createOrg.invite.sent', {emails: GRACE.email}]);
    await expectText(el, {text: ADA.email});
    await expectText(el, 'errors.already_member');
    await waitFor(() => expect(emails(el).value).toBe(ADA.email));
    expect(auth(loaded).adapter.latestInvitationUrl(GRACE.email)).toBeTruthy();
  },
};

export const InvalidAddresses: Story = {
  name: 'Invite step: an address that is no address',
  play: async ({canvasElement}) => {
    const el = await createOrgOf(canvasElement);
    await toInviteStep(el);
    await userEvent.type(emails(el), 'grace@example.com not-an-address');
    await submit(el, 'createOrg.invite.send');
    await expectError(el, ['createOrg.invite.invalidEmails', {emails: 'not-an-address'}]);
  },
};

export const HostileName: Story = {
  name: 'A hostile name, shown as text',
  play: async ({canvasElement}) => {
    const el = await createOrgOf(canvasElement);
    await fill(el, 'name', CLEO.name);
    expect(field(el, 'slug').value).toBe('cleo-img-src-x-onerror-alert-1');
    await submit(el, 'createOrg.submit');
    await expectTitle(el, 'createOrg.invite.title');
    await expectText(el, ['createOrg.invite.subtitle', {name: CLEO.name}]);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  },
};

export const Done: Story = {
  name: 'Done (invitations skipped)',
  play: async ({canvasElement}) => {
    const el = await createOrgOf(canvasElement);
    await toInviteStep(el);
    await clickButton(el, 'createOrg.invite.skip');
    await expectTitle(el, 'createOrg.doneTitle');
    await expectText(el, ['createOrg.doneSubtitle', {name: 'Difference Engine'}]);
  },
};

export const Loading: Story = {
  name: 'Loading (slow session check)',
  parameters: {auth: {fail: {getSession: NO_ANSWER}}},
  play: async ({canvasElement}) => {
    const el = await createOrgOf(canvasElement);
    await expectStatus(el, 'common.loading');
  },
};
