import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, userEvent, waitFor} from 'storybook/test';
import type {AuthUserButton} from '../src/elements/user-button/user-button.js';
import {directionOf} from '../src/i18n/locales.js';
import {ADA, AVATAR_IMAGE, NETWORK_DOWN, type AuthSetup, type StoryAuth} from './support/client.js';
import {accessibleName, element, english, expectError, findByRole, tr} from './support/play.js';

type Story = StoryObj;

const signedInAs = (user: AuthSetup['signedInAs'], setup: AuthSetup = {}) => ({auth: {...setup, signedInAs: user} satisfies AuthSetup});

/** The page's direction for the story's language (an Arabic page is laid out right to left). */
const pageDir = (globals: Record<string, unknown>) =>
  globals.direction === 'ltr' || globals.direction === 'rtl' ? globals.direction : directionOf(String(globals.locale ?? 'en'));

const meta: Meta = {
  title: 'Elements/User button',
  component: 'auth-user-button',
  tags: ['autodocs'],
  parameters: signedInAs(ADA),
  // Room for the menu, which opens below and towards the start of the button (at the page's end).
  render: (_args, {globals}) => html`<div dir=${pageDir(globals)} style="display: flex; align-items: flex-start; justify-content: flex-end; width: 20rem; min-height: 22rem">
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
/** The avatar button, by its role and localized name. */
const trigger = (el: AuthUserButton, user: {name: string} = ADA) => findByRole(el, 'button', ['userButton.open', {name: user.name}]);
const shadowText = (el: AuthUserButton, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? '';
const popover = (el: AuthUserButton) => el.shadowRoot!.querySelector<HTMLElement>('[part~="popover"]')!;

/** Opens the menu with a click and checks what it shows. */
async function open(canvas: HTMLElement, user: {name: string; email: string} = ADA) {
  const el = await button(canvas);
  const avatar = await trigger(el, user);
  await userEvent.click(avatar);
  await waitFor(() => expect(avatar.getAttribute('aria-expanded')).toBe('true'));
  const menu = await findByRole(el, 'menu', {text: user.name});
  const item = await findByRole(el, 'menuitem', 'userButton.signOut');
  expect(menu.contains(item)).toBe(true);
  // Focus starts on the first item ("Manage account" unless custom items moved it).
  await waitFor(() => expect(el.shadowRoot!.activeElement).toBe(el.shadowRoot!.querySelector('[role="menuitem"]')));
  // The panel is in the top layer: nothing around the button clips it.
  expect(popover(el).matches(':popover-open')).toBe(true);
  expect(shadowText(el, '[part~="user-preview-name"]')).toBe(user.name);
  expect(shadowText(el, '[part~="user-preview-email"]')).toBe(user.email);
  return {el, avatar, item};
}

export const Closed: Story = {
  play: async ({canvasElement}) => {
    const el = await button(canvasElement);
    const avatar = await trigger(el);
    expect(avatar.getAttribute('aria-haspopup')).toBe('menu');
    expect(avatar.getAttribute('aria-expanded')).toBe('false');
  },
};

export const OpenMenu: Story = {
  play: async ({canvasElement}) => {
    await open(canvasElement);
  },
};

export const WithImage: Story = {
  parameters: signedInAs({...ADA, imageUrl: AVATAR_IMAGE}),
  play: async ({canvasElement}) => {
    const avatar = await trigger(await button(canvasElement));
    await waitFor(() => expect(avatar.querySelector('img')?.getAttribute('src')).toBe(AVATAR_IMAGE));
  },
};

const EMILIE = {name: 'Émilie du Châtelet', email: 'emilie@example.com', password: 'principia1'};

export const Initials: Story = {
  parameters: signedInAs(EMILIE),
  play: async ({canvasElement}) => {
    const avatar = await trigger(await button(canvasElement), EMILIE);
    // Drawn by CSS from the attribute, so the initials never compete with the button's name.
    await waitFor(() => expect(avatar.querySelector('[part~="avatar"]')!.getAttribute('data-initials')).toBe('ÉC'));
  },
};

export const HostileName: Story = {
  name: 'Long hostile name (shown as text)',
  parameters: signedInAs(HOSTILE),
  play: async ({canvasElement}) => {
    const {el} = await open(canvasElement, HOSTILE);
    // The markup in the name is text: no element was made from it.
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  },
};

export const SignOut: Story = {
  name: 'Signing out',
  play: async ({canvasElement}) => {
    const {el, item} = await open(canvasElement);
    await userEvent.click(item);
    // Signed out: the button renders nothing.
    await waitFor(() => expect(el.shadowRoot!.querySelector('button')).toBeNull());
  },
};

export const SignOutFails: Story = {
  name: 'Sign-out fails (network)',
  parameters: signedInAs(ADA, {fail: {signOut: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const {el, avatar, item} = await open(canvasElement);
    await userEvent.click(item);
    await expectError(el, 'errors.network');
    expect(avatar.getAttribute('aria-expanded')).toBe('true');
  },
};

/**
 * Under 30rem the menu opens as a bottom sheet over a backdrop. The story sets a small phone's
 * viewport (Storybook's `viewport` global: the toolbar in Storybook, `page.viewport()` in the
 * story tests), so the media query sees a narrow screen.
 */
export const NarrowScreen: Story = {
  name: 'Narrow screen (bottom sheet)',
  globals: {viewport: {value: 'mobile1', isRotated: false}},
  render: (_args, {globals}) => html`<div dir=${pageDir(globals)} style="display: flex; justify-content: flex-end; width: 15rem; min-height: 8rem">
    <auth-user-button></auth-user-button>
  </div>`,
  play: async ({canvasElement}) => {
    await waitFor(() => expect(matchMedia('(max-width: 30rem)').matches, 'the viewport is still wide').toBe(true));
    const {el, avatar} = await open(canvasElement);
    const sheet = popover(el);
    const backdrop = el.shadowRoot!.querySelector<HTMLElement>('[part~="backdrop"]')!;
    await waitFor(() => expect(getComputedStyle(sheet).position).toBe('fixed'));
    // The sheet spans the screen's width, 0.5rem from its sides and bottom, over a backdrop that covers it all.
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const {left, right, bottom} = sheet.getBoundingClientRect();
    const {clientWidth: width, clientHeight: height} = document.documentElement;
    expect(Math.round(left)).toBe(Math.round(rem / 2));
    expect(Math.round(right)).toBe(Math.round(width - rem / 2));
    expect(Math.round(bottom)).toBe(Math.round(height - rem / 2));
    expect(getComputedStyle(backdrop).display).toBe('block');
    const cover = backdrop.getBoundingClientRect();
    expect([cover.left, cover.top, Math.round(cover.width), Math.round(cover.height)]).toEqual([0, 0, width, height]);
    // A tap on the backdrop closes the sheet and gives the focus back to the avatar.
    await userEvent.click(backdrop);
    await waitFor(() => expect(avatar.getAttribute('aria-expanded')).toBe('false'));
    expect(sheet.checkVisibility()).toBe(false);
    await waitFor(() => expect(el.shadowRoot!.activeElement).toBe(avatar));
  },
};

export const RightToLeft: Story = {
  name: 'Right to left (Arabic)',
  globals: {locale: 'ar'},
  play: async ({canvasElement}) => {
    const {el, avatar, item} = await open(canvasElement);
    expect(el.lang).toBe('ar');
    expect(el.dir).toBe('rtl');
    expect(accessibleName(item)).not.toBe(english('userButton.signOut'));
    // The panel reads right to left and opens towards the page's end: its left edge at the avatar's.
    const panel = popover(el);
    expect(getComputedStyle(panel).direction).toBe('rtl');
    expect(Math.round(panel.getBoundingClientRect().left)).toBe(Math.round(avatar.getBoundingClientRect().left));
    expect(tr(el, 'userButton.signOut')).toBe(accessibleName(item));
  },
};

export const German: Story = {
  name: 'German (pinned)',
  globals: {locale: 'de'},
  play: async ({canvasElement}) => {
    const {el, item} = await open(canvasElement);
    expect(el.lang).toBe('de');
    expect(accessibleName(item)).not.toBe(english('userButton.signOut'));
  },
};

// Multi-session: verified accounts that sign in on the story's device one after the other.
const HOPPER = {name: 'Grace Hopper', email: 'grace@example.com', password: 'compiler42'};
const JOHNSON = {name: 'Katherine Johnson', email: 'katherine@example.com', password: 'orbital1962'};
const multiSession = signedInAs(ADA, {users: [ADA, HOPPER, JOHNSON]});

/** Signs the other accounts in on the story's device, then Ada again: Ada is active, the others listed. */
async function signInOthers(loaded: Record<string, unknown>) {
  const {adapter, client} = loaded.auth as StoryAuth;
  for (const account of [JOHNSON, HOPPER, ADA]) await adapter.signInWithPassword(account);
  await client.refresh();
  return client;
}

/** The other accounts' rows in the open menu. */
const accountRows = (el: AuthUserButton) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="account-list"] [role="menuitem"]')];

export const MultiSession: Story = {
  name: 'Multi-session (other accounts, switch)',
  parameters: multiSession,
  play: async ({canvasElement, loaded}) => {
    const client = await signInOthers(loaded);
    const {el} = await open(canvasElement);
    await waitFor(() => expect(accountRows(el)).toHaveLength(2));
    expect(accountRows(el).map((row) => row.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      `${JOHNSON.name} ${JOHNSON.email}`,
      `${HOPPER.name} ${HOPPER.email}`,
    ]);
    await findByRole(el, 'group', 'userButton.otherAccounts');
    await findByRole(el, 'menuitem', 'userButton.addAccount');
    await findByRole(el, 'menuitem', 'userButton.signOutAll');
    // Choosing one switches to it, without a reload; the menu closes on the new account's avatar.
    await userEvent.click(accountRows(el)[0]);
    await waitFor(() => expect(client.user?.email).toBe(JOHNSON.email));
    const avatar = await trigger(el, JOHNSON);
    await waitFor(() => expect(avatar.getAttribute('aria-expanded')).toBe('false'));
  },
};

export const MultiSessionOpen: Story = {
  name: 'Multi-session menu (open)',
  parameters: multiSession,
  play: async ({canvasElement, loaded}) => {
    await signInOthers(loaded);
    const {el} = await open(canvasElement);
    await waitFor(() => expect(accountRows(el)).toHaveLength(2));
  },
};

export const CustomItems: Story = {
  name: 'Custom items (link, action, reordered)',
  render: (_args, {globals}) => html`<div dir=${pageDir(globals)} style="display: flex; align-items: flex-start; justify-content: flex-end; width: 20rem; min-height: 22rem">
    <auth-user-button>
      <auth-user-button-link label="Billing" href="/billing">
        <svg slot="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><rect x="2" y="5" width="20" height="14" rx="2" /><path d="M2 10h20" /></svg>
      </auth-user-button-link>
      <auth-user-button-action label="Keyboard shortcuts" name="shortcuts"></auth-user-button-action>
      <auth-user-button-action name="manage-account"></auth-user-button-action>
    </auth-user-button>
  </div>`,
  play: async ({canvasElement}) => {
    const {el} = await open(canvasElement);
    const names = [...el.shadowRoot!.querySelectorAll('[role="menuitem"]')].map((node) => node.textContent!.trim());
    // Ada's device has no other accounts; the empty action moved "Manage account" after the custom items.
    expect(names.slice(0, 3)).toEqual(['Billing', 'Keyboard shortcuts', tr(el, 'userButton.manageAccount')]);
    const billing = await findByRole(el, 'menuitem', {text: 'Billing'});
    expect(billing.getAttribute('href')).toBe('/billing');
    const chosen = new Promise<string>((resolve) => el.addEventListener('auth-menu-action', (event) => resolve(event.name), {once: true}));
    await userEvent.click(await findByRole(el, 'menuitem', {text: 'Keyboard shortcuts'}));
    expect(await chosen).toBe('shortcuts');
  },
};

export const ProfileModal: Story = {
  name: 'Manage account (profile modal)',
  play: async ({canvasElement}) => {
    const {el} = await open(canvasElement);
    await userEvent.click(await findByRole(el, 'menuitem', 'userButton.manageAccount'));
    const dialog = await waitFor(() => {
      const found = document.querySelector('auth-dialog');
      expect(found?.querySelector('auth-user-profile')).toBeTruthy();
      expect(found!.shadowRoot!.querySelector('dialog')!.open).toBe(true);
      return found!;
    }, {timeout: 10_000}); // the profile's code loads on this first open
    await waitFor(() => expect(dialog.shadowRoot!.querySelector('h2')!.textContent!.trim()).toBe(tr(el, 'userButton.manageAccount')));
  },
};

export const InsideOverflowHidden: Story = {
  name: 'Inside an overflow:hidden bar (top layer)',
  render: (_args, {globals}) => html`<div dir=${pageDir(globals)} style="display: flex; justify-content: flex-end; width: 20rem; height: 3rem; overflow: hidden">
    <auth-user-button></auth-user-button>
  </div>`,
  play: async ({canvasElement}) => {
    const {el} = await open(canvasElement);
    const bar = el.parentElement!.getBoundingClientRect();
    const panel = popover(el).getBoundingClientRect();
    expect(panel.bottom).toBeGreaterThan(bar.bottom);
    expect(el.shadowRoot!.elementFromPoint(panel.left + panel.width / 2, panel.bottom - 6)).not.toBeNull();
  },
};
