import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, userEvent, waitFor} from 'storybook/test';
import '../src/define/auth-org-switcher.js';
import type {AuthOrgSwitcher} from '../src/elements/org-switcher/org-switcher.js';
import {ADA, CLEO, ENGINES, LOOMS, NETWORK_DOWN, NO_ANSWER, ORGANIZATIONS, type AuthSetup} from './support/client.js';
import {accessibleName, allByRole, element, expectError, findByRole, localizerOf, tr} from './support/play.js';

type Story = StoryObj;

const as = (setup: Partial<AuthSetup> = {}) => ({auth: {...ORGANIZATIONS, signedInAs: ADA, ...setup} satisfies AuthSetup});

const meta: Meta = {
  title: 'Elements/Organization switcher',
  component: 'auth-org-switcher',
  tags: ['autodocs'],
  parameters: as(),
  // Room for the menu, which opens below the trigger.
  render: () => html`<div style="display: flex; align-items: flex-start; width: 20rem; min-height: 22rem">
    <auth-org-switcher></auth-org-switcher>
  </div>`,
};
export default meta;

/** The switcher, once its texts have loaded (the organization namespaces load with it). */
async function switcher(canvas: HTMLElement): Promise<AuthOrgSwitcher> {
  const el = await element<AuthOrgSwitcher>(canvas, 'auth-org-switcher');
  await waitFor(() => expect(localizerOf(el).has(AuthOrgSwitcherNamespaces)).toBe(true));
  await el.updateComplete;
  return el;
}
const AuthOrgSwitcherNamespaces = ['organization', 'orgSwitcher'];
/** The trigger, by its role and localized name (the personal account's, or an organization's name). */
const trigger = (el: AuthOrgSwitcher, name?: string) => findByRole(el, 'button', ['orgSwitcher.open', {name: name ?? tr(el, 'organization.personalAccount')}]);
const popover = (el: AuthOrgSwitcher) => el.shadowRoot!.querySelector<HTMLElement>('[part~="org-switcher-popover"]')!;
/** The choices as read, the checked one marked ✓. */
const choices = (el: AuthOrgSwitcher) => allByRole(el, 'menuitemradio').map((node) => `${accessibleName(node)}${node.getAttribute('aria-checked') === 'true' ? ' ✓' : ''}`);

/** Opens the menu with a click; it is in the top layer, with "Create organization" at its end. */
async function open(el: AuthOrgSwitcher, name?: string) {
  const button = await trigger(el, name);
  await userEvent.click(button);
  await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('true'));
  await findByRole(el, 'menu', 'orgSwitcher.menu');
  await findByRole(el, 'menuitem', 'orgSwitcher.createOrganization');
  expect(popover(el).matches(':popover-open')).toBe(true);
  return button;
}

/** Waits until the menu lists these choices (and no longer loads). */
async function expectChoices(el: AuthOrgSwitcher, wanted: string[]) {
  await waitFor(() => {
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).toBeNull();
    expect(choices(el)).toEqual(wanted);
  });
}

export const Personal: Story = {
  name: 'Personal account',
  play: async ({canvasElement}) => {
    const el = await switcher(canvasElement);
    const button = await trigger(el);
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.querySelector('[part~="avatar"]')!.getAttribute('data-initials')).toBe('AL');
  },
};

export const ActiveOrganization: Story = {
  name: 'Active organization',
  parameters: as({activeOrganization: 'engines'}),
  play: async ({canvasElement}) => {
    const el = await switcher(canvasElement);
    const button = await trigger(el, ENGINES.name);
    expect(button.querySelector('[part~="organization-logo"]')!.getAttribute('data-initials')).toBe('AE');
  },
};

export const MenuOpen: Story = {
  name: 'Menu open',
  parameters: as({activeOrganization: 'engines'}),
  play: async ({canvasElement}) => {
    const el = await switcher(canvasElement);
    await open(el, ENGINES.name);
    const personal = tr(el, 'organization.personalAccount');
    await expectChoices(el, [personal, `${ENGINES.name} ✓`, LOOMS.name]);
    await findByRole(el, 'menuitem', 'orgSwitcher.manageOrganization');
    // Focus starts on the active organization.
    await waitFor(() => expect(el.shadowRoot!.activeElement?.getAttribute('aria-checked')).toBe('true'));
  },
};

export const HidePersonal: Story = {
  name: 'hide-personal',
  parameters: as({activeOrganization: 'looms'}),
  render: () => html`<div style="display: flex; align-items: flex-start; width: 20rem; min-height: 20rem">
    <auth-org-switcher hide-personal></auth-org-switcher>
  </div>`,
  play: async ({canvasElement}) => {
    const el = await switcher(canvasElement);
    await open(el, LOOMS.name);
    await expectChoices(el, [ENGINES.name, `${LOOMS.name} ✓`]);
  },
};

/** Someone in none of the organizations. */
const EMMY = {name: 'Emmy Noether', email: 'emmy@example.com', password: 'invariant1'};

export const HidePersonalNoOrganizations: Story = {
  name: 'hide-personal, in no organization',
  parameters: as({signedInAs: EMMY}),
  render: HidePersonal.render,
  play: async ({canvasElement}) => {
    const el = await switcher(canvasElement);
    await open(el);
    await expectChoices(el, []);
    // Just "Create organization".
    await waitFor(() => expect(allByRole(el, 'menuitem').map(accessibleName)).toEqual([tr(el, 'orgSwitcher.createOrganization')]));
  },
};

export const ListError: Story = {
  name: 'Listing fails (network)',
  parameters: as({activeOrganization: 'engines', fail: {listOrganizations: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const el = await switcher(canvasElement);
    await open(el, ENGINES.name);
    const retry = await findByRole(el, 'menuitem', 'common.retry');
    const reason = el.shadowRoot!.getElementById(retry.getAttribute('aria-describedby')!)!;
    await waitFor(() => expect(reason.textContent!.trim()).toBe(tr(el, 'errors.network')));
    // What the state already knows stays: the personal account and the active organization.
    expect(choices(el)).toEqual([tr(el, 'organization.personalAccount'), `${ENGINES.name} ✓`]);
  },
};

export const SwitchFails: Story = {
  name: 'Switching fails (network)',
  parameters: as({activeOrganization: 'engines', fail: {setActiveOrganization: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const el = await switcher(canvasElement);
    const button = await open(el, ENGINES.name);
    await expectChoices(el, [tr(el, 'organization.personalAccount'), `${ENGINES.name} ✓`, LOOMS.name]);
    await userEvent.click(await findByRole(el, 'menuitemradio', {text: LOOMS.name}));
    await expectError(el, 'errors.network');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(choices(el)).toContain(`${ENGINES.name} ✓`);
  },
};

export const LoadingSession: Story = {
  name: 'Loading (session)',
  parameters: as({fail: {getSession: NO_ANSWER}}),
  play: async ({canvasElement}) => {
    const el = await switcher(canvasElement);
    await findByRole(el, 'status');
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="org-switcher-skeleton"]')).not.toBeNull());
  },
};

export const LoadingList: Story = {
  name: 'Loading (the list)',
  parameters: as({activeOrganization: 'engines', fail: {listOrganizations: NO_ANSWER}}),
  play: async ({canvasElement}) => {
    const el = await switcher(canvasElement);
    await open(el, ENGINES.name);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="menu-status"]')!.textContent!.trim()).toBe(tr(el, 'orgSwitcher.loading')));
    expect(choices(el)).toEqual([tr(el, 'organization.personalAccount'), `${ENGINES.name} ✓`]);
  },
};

const LONG = {
  name: 'The Society for the Encouragement of Arts, Manufactures and Commerce of Great Britain',
  slug: 'society',
  members: [{email: ADA.email, role: 'owner' as const}],
};
const HOSTILE = {name: CLEO.name, slug: 'cleo', members: [{email: ADA.email, role: 'admin' as const}, {email: CLEO.email, role: 'owner' as const}]};

export const LongAndHostileNames: Story = {
  name: 'Long and hostile names (shown as text)',
  parameters: as({organizations: [ENGINES, LONG, HOSTILE], activeOrganization: 'society'}),
  play: async ({canvasElement}) => {
    const el = await switcher(canvasElement);
    await open(el, LONG.name);
    // In the adapter's order (by name).
    await expectChoices(el, [tr(el, 'organization.personalAccount'), ENGINES.name, HOSTILE.name, `${LONG.name} ✓`]);
    // The markup in the name is text: no element was made from it.
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    // The long name is cut in the trigger, not the page: the trigger keeps its width.
    const name = el.shadowRoot!.querySelector<HTMLElement>('[part~="org-switcher-trigger-name"]')!;
    expect(name.scrollWidth).toBeGreaterThan(name.clientWidth);
  },
};
