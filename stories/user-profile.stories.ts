import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, userEvent, waitFor} from 'storybook/test';
import type {AuthUserProfile} from '../src/elements/user-profile/user-profile.js';
import type {AuthDialog} from '../src/internal/dialog.js';
import {ADA, AVATAR_IMAGE, NETWORK_DOWN, NO_ANSWER, type AuthSetup} from './support/client.js';
import {auth, clickButton, element, expectError, expectStatus, findByRole, localizerOf, tr} from './support/play.js';

type Story = StoryObj;

const signedInAs = (user: AuthSetup['signedInAs'], setup: AuthSetup = {}) => ({auth: {...setup, signedInAs: user} satisfies AuthSetup});

const meta: Meta = {
  title: 'Elements/User profile',
  component: 'auth-user-profile',
  tags: ['autodocs'],
  // Padded, not the canvas's centred layout: a centred flex item has no width for the
  // profile's percentage to resolve against, and the profile collapsed to a line.
  parameters: {...signedInAs(ADA), layout: 'padded'},
  render: () => html`<div style="width: min(48rem, 100%)"><auth-user-profile></auth-user-profile></div>`,
};
export default meta;

const profileOf = (canvas: HTMLElement) => element<AuthUserProfile>(canvas, 'auth-user-profile');
/** The light-DOM editor form (where password managers and autofill see the inputs). */
const editor = (el: AuthUserProfile) => el.querySelector<HTMLFormElement>('form[slot="form"]')!;

/** Opens a section's editor by its button, as a person would. */
async function openEditor(el: AuthUserProfile, key: string): Promise<HTMLFormElement> {
  await clickButton(el, key);
  await waitFor(() => expect(editor(el).querySelector('input')).not.toBeNull());
  return editor(el);
}

export const Account: Story = {
  name: 'Account page',
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    const nav = await findByRole(el, 'navigation', 'profile.navigation');
    const here = nav.querySelector('[aria-current="page"]')!;
    expect(here.textContent!.trim()).toBe(tr(el, 'profile.account.title'));
    await findByRole(el, 'heading', 'profile.account.title');
    await findByRole(el, 'button', 'profile.account.updateProfile');
    expect(el.shadowRoot!.textContent).toContain(ADA.email);
  },
};

export const WithImage: Story = {
  name: 'Account page, with a profile image',
  parameters: signedInAs({...ADA, imageUrl: AVATAR_IMAGE}),
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="avatar"] img')?.getAttribute('src')).toBe(AVATAR_IMAGE));
    await findByRole(el, 'button', 'profile.account.removeImage');
  },
};

export const EditName: Story = {
  name: 'Editing the name',
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    const form = await openEditor(el, 'profile.account.updateProfile');
    expect(form.querySelector<HTMLInputElement>('input[name="name"]')!.value).toBe(ADA.name);
    expect(form.querySelector('input[name="name"]')!.getAttribute('autocomplete')).toBe('name');
  },
};

export const SaveFails: Story = {
  name: 'Saving the name fails (network)',
  parameters: signedInAs(ADA, {fail: {updateProfile: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    const form = await openEditor(el, 'profile.account.updateProfile');
    const name = form.querySelector<HTMLInputElement>('input[name="name"]')!;
    await userEvent.clear(name);
    await userEvent.type(name, 'Ada King');
    await clickButton(el, 'common.save');
    await expectError(el, 'errors.network');
    expect(name.value).toBe('Ada King');
  },
};

export const EmailCode: Story = {
  name: 'Changing the email: the code step',
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    const form = await openEditor(el, 'profile.account.changeEmail');
    await userEvent.type(form.querySelector<HTMLInputElement>('input[name="email"]')!, 'ada.king@example.com');
    await clickButton(el, 'profile.account.sendCode');
    await waitFor(() => expect(form.querySelector('input[autocomplete="one-time-code"]')).not.toBeNull());
    expect(form.textContent).toContain(tr(el, 'profile.account.codeSentTo', {email: 'ada.king@example.com'}));
  },
};

export const ConfirmPassword: Story = {
  name: 'A sensitive change asks for the password',
  play: async ({canvasElement, loaded}) => {
    const el = await profileOf(canvasElement);
    auth(loaded).adapter.ageSession(2 * 86400);
    const form = await openEditor(el, 'profile.account.changeEmail');
    await userEvent.type(form.querySelector<HTMLInputElement>('input[name="email"]')!, 'ada.king@example.com');
    await clickButton(el, 'profile.account.sendCode');
    const dialog = el.shadowRoot!.querySelector<AuthDialog>('auth-dialog.reauth-dialog')!;
    await waitFor(() => expect(dialog.open).toBe(true));
    await findByRole(dialog, 'dialog', {text: tr(el, 'reauth.title')});
    const password = el.querySelector<HTMLInputElement>('form[slot="reauth-form"] input[autocomplete="current-password"]')!;
    await waitFor(() => expect(document.activeElement).toBe(password));
    // Opened: the accessibility check reads its colours once the panel has faded in.
    await Promise.all(dialog.shadowRoot!.getAnimations().map((animation) => animation.finished));
  },
};

export const CustomPage: Story = {
  name: 'A page and a link of your own',
  render: () => html`<div style="width: min(48rem, 100%)"><auth-user-profile>
    <auth-user-profile-page label="Billing" path="billing">
      <svg slot="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75"><rect x="2" y="5" width="20" height="14" rx="2" /><path d="M2 10h20" /></svg>
      <p>Your plan: <strong>Pro</strong>, renews on 1 January.</p>
    </auth-user-profile-page>
    <auth-user-profile-link label="Help" href="/help">
      <svg slot="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75"><circle cx="12" cy="12" r="10" /></svg>
    </auth-user-profile-link>
  </auth-user-profile></div>`,
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await clickButton(el, {text: 'Billing'});
    await findByRole(el, 'heading', {text: 'Billing'});
    await waitFor(() => expect(el.querySelector('auth-user-profile-page p')!.checkVisibility()).toBe(true));
    expect((await findByRole(el, 'link', {text: 'Help'})).getAttribute('href')).toBe('/help');
  },
};

export const Loading: Story = {
  name: 'Loading (slow session check)',
  parameters: {auth: {fail: {getSession: NO_ANSWER}}},
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await expectStatus(el, 'common.loading');
  },
};

export const Unavailable: Story = {
  name: 'API unavailable',
  parameters: {auth: {fail: {getSession: NETWORK_DOWN}}},
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await expectError(el, 'errors.network');
    await findByRole(el, 'button', 'common.retry');
  },
};

export const HostileName: Story = {
  name: 'Hostile name (shown as text)',
  parameters: signedInAs({...ADA, name: '<img src=x onerror=alert(1)> Ada'}),
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('.row-title')!.textContent).toBe('<img src=x onerror=alert(1)> Ada'));
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  },
};

export const NarrowScreen: Story = {
  name: 'Narrow (navigation across the top)',
  render: () => html`<div style="width: 22rem"><auth-user-profile></auth-user-profile></div>`,
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    const nav = await findByRole(el, 'navigation', 'profile.navigation');
    const page = el.shadowRoot!.querySelector('[part~="page"]')!;
    await waitFor(() => expect(nav.getBoundingClientRect().bottom).toBeLessThanOrEqual(page.getBoundingClientRect().top + 1));
  },
};

// ---------------------------------------------------------------------------------------------
// Account page: connected accounts

/** The API's providers: Dev Identity (named by the API, no mark: its initial), GitHub and Google. */
const PROVIDERS = {capabilities: {socialProviders: ['dev-oidc', 'github', 'google'], socialProviderNames: {'dev-oidc': 'Dev Identity'}}} satisfies AuthSetup;
const DAY = 86400_000;

/** The connected accounts' list, once loaded. */
async function connectedList(el: AuthUserProfile): Promise<HTMLElement> {
  return findByRole(el, 'list', 'profile.connected.title');
}

const connectedSection = (el: AuthUserProfile) => el.shadowRoot!.querySelector<HTMLElement>('section[aria-labelledby="section-connected"]')!;

export const ConnectedAccounts: Story = {
  name: 'Account: connected accounts',
  parameters: signedInAs(ADA, {
    ...PROVIDERS,
    linkedAccounts: {
      [ADA.email]: [
        {provider: 'github', email: 'ada@analytical.example', linkedAt: new Date(Date.now() - 90 * DAY)},
        {provider: 'dev-oidc', linkedAt: new Date(Date.now() - 3 * DAY)},
      ],
    },
  }),
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    const list = await connectedList(el);
    await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(2));
    expect([...list.querySelectorAll('.row-list-title')].map((node) => node.textContent!.trim())).toEqual(['GitHub', 'Dev Identity']);
    expect(list.textContent).toContain('ada@analytical.example');
    expect(list.querySelectorAll('button')).toHaveLength(2);
    await findByRole(el, 'button', ['profile.connected.connect', {provider: 'Google'}]);
    await waitFor(() => expect(list.querySelector('.provider-icon svg')).not.toBeNull());
  },
};

export const ConnectedAccountsEmpty: Story = {
  name: 'Account: no connected accounts',
  parameters: signedInAs(ADA, PROVIDERS),
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await waitFor(() => expect(connectedSection(el).textContent).toContain(tr(el, 'profile.connected.empty')));
    await findByRole(el, 'button', ['profile.connected.connect', {provider: 'Dev Identity'}]);
    await findByRole(el, 'button', ['profile.connected.connect', {provider: 'GitHub'}]);
  },
};

export const ConnectedOnlyWayIn: Story = {
  name: 'Account: the only way in (no Disconnect)',
  parameters: {auth: {...PROVIDERS, signedInWith: 'github'} satisfies AuthSetup},
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    const list = await connectedList(el);
    await waitFor(() => expect(list.textContent).toContain(tr(el, 'profile.connected.onlyWayIn')));
    expect(list.querySelector('button')).toBeNull();
  },
};

/** Account → Connected accounts: the listed account's Disconnect clicked, its confirmation dialog open. */
async function openDisconnect(canvas: HTMLElement): Promise<{el: AuthUserProfile; dialog: AuthDialog}> {
  const el = await profileOf(canvas);
  const list = await connectedList(el);
  await waitFor(() => expect(list.querySelector('button')).not.toBeNull());
  await userEvent.click(list.querySelector('button')!);
  const dialog = el.shadowRoot!.querySelector<AuthDialog>('auth-dialog.connected-dialog')!;
  await waitFor(() => expect(dialog.open).toBe(true));
  return {el, dialog};
}

export const ConnectedDisconnectConfirm: Story = {
  name: 'Account: disconnecting asks first',
  parameters: signedInAs(ADA, {...PROVIDERS, linkedAccounts: {[ADA.email]: [{provider: 'github'}]}}),
  play: async ({canvasElement}) => {
    const {el, dialog} = await openDisconnect(canvasElement);
    await findByRole(dialog, 'dialog', {text: tr(el, 'profile.connected.disconnectTitle', {provider: 'GitHub'})});
    expect(dialog.textContent).toContain(tr(el, 'profile.connected.disconnectText', {provider: 'GitHub'}));
    // Opened: the accessibility check reads its colours once the panel has faded in.
    await Promise.all(dialog.shadowRoot!.getAnimations().map((animation) => animation.finished));
  },
};

export const ConnectedDisconnectRefused: Story = {
  name: 'Account: disconnecting refused (the last way in)',
  parameters: signedInAs(ADA, {...PROVIDERS, linkedAccounts: {[ADA.email]: [{provider: 'github'}]}, fail: {unlinkAccount: {code: 'last_sign_in_method', status: 400}}}),
  play: async ({canvasElement}) => {
    const {el, dialog} = await openDisconnect(canvasElement);
    await Promise.all(dialog.shadowRoot!.getAnimations().map((animation) => animation.finished));
    await userEvent.click(dialog.querySelector<HTMLElement>('[part~="confirm-button"]')!);
    await waitFor(() => expect(dialog.querySelector('[role="alert"]')?.textContent?.trim()).toBe(tr(el, 'errors.last_sign_in_method')));
  },
};

export const ConnectedFail: Story = {
  name: 'Account: connected accounts fail to load (network)',
  parameters: signedInAs(ADA, {...PROVIDERS, fail: {listConnectedAccounts: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await expectError(el, 'errors.network');
    await findByRole(el, 'button', 'common.retry');
  },
};

// ---------------------------------------------------------------------------------------------
// Security page

const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
const HOUR = 3600_000;
/** Ada on this Mac, with a phone and a Windows computer signed in too. */
const ADA_WITH_DEVICES = {
  ...ADA,
  otherDevices: [
    {
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      ipAddress: '198.51.100.23',
      lastActiveAt: new Date(Date.now() - 2 * HOUR),
    },
    {
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
      ipAddress: '203.0.113.7',
      location: 'Lisbon, Portugal',
      lastActiveAt: new Date(Date.now() - 26 * HOUR),
    },
  ],
};

/** The profile, on its Security page once the devices have loaded. */
async function securityPage(canvas: HTMLElement): Promise<AuthUserProfile> {
  const el = await profileOf(canvas);
  await clickButton(el, 'profile.security.title');
  await findByRole(el, 'heading', 'profile.security.title');
  await findByRole(el, 'list', 'profile.security.devices.title');
  return el;
}

export const SecurityPasswordEditor: Story = {
  name: 'Security: changing the password',
  parameters: signedInAs(ADA, {userAgent: CHROME_MAC}),
  play: async ({canvasElement}) => {
    const el = await securityPage(canvasElement);
    const form = await openEditor(el, 'profile.security.password.change');
    expect(form.querySelector('input[name="currentPassword"]')!.getAttribute('autocomplete')).toBe('current-password');
    const next = form.querySelector<HTMLInputElement>('input[name="newPassword"]')!;
    expect(next.getAttribute('autocomplete')).toBe('new-password');
    await userEvent.type(next, 'difference2');
    expect(form.querySelector<HTMLInputElement>('input[name="signOutOtherDevices"]')!.checked).toBe(true);
    await waitFor(() => expect([...form.querySelectorAll('.ae-rule')].every((rule) => rule.hasAttribute('data-met'))).toBe(true));
  },
};

export const SecurityDevices: Story = {
  name: 'Security: active devices',
  parameters: signedInAs(ADA_WITH_DEVICES, {userAgent: CHROME_MAC}),
  play: async ({canvasElement}) => {
    const el = await securityPage(canvasElement);
    const list = await findByRole(el, 'list', 'profile.security.devices.title');
    await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(3));
    const first = list.querySelector('li')!;
    expect(first.textContent).toContain(tr(el, 'profile.security.devices.browserOnOs', {browser: 'Chrome', os: 'macOS'}));
    expect(first.textContent).toContain(tr(el, 'profile.security.devices.thisDevice'));
    expect(list.textContent).toContain('Lisbon, Portugal · 203.0.113.7');
    await findByRole(el, 'button', 'profile.security.devices.signOutOthers');
  },
};

export const SecurityOnlyThisDevice: Story = {
  name: 'Security: only this device',
  parameters: signedInAs(ADA, {userAgent: CHROME_MAC}),
  play: async ({canvasElement}) => {
    const el = await securityPage(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.textContent).toContain(tr(el, 'profile.security.devices.onlyThisDevice')));
  },
};

export const SecurityDevicesFail: Story = {
  name: 'Security: devices fail to load (network)',
  parameters: signedInAs(ADA, {userAgent: CHROME_MAC, fail: {listSessions: NETWORK_DOWN}}),
  play: async ({canvasElement}) => {
    const el = await profileOf(canvasElement);
    await clickButton(el, 'profile.security.title');
    await expectError(el, 'errors.network');
    await findByRole(el, 'button', 'common.retry');
  },
};

export const SecurityDeleteAccount: Story = {
  name: 'Security: deleting the account (type to confirm)',
  parameters: signedInAs(ADA, {userAgent: CHROME_MAC}),
  play: async ({canvasElement}) => {
    const el = await securityPage(canvasElement);
    const form = await openEditor(el, 'profile.security.delete.open');
    const submitButton = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(submitButton.disabled).toBe(true);
    const word = tr(el, 'profile.security.delete.confirmWord');
    expect(form.textContent).toContain(tr(el, 'profile.security.delete.confirmLabel', {word}));
    // Any case will do, in the page's language (Turkish lower-cases SİL to sil).
    await userEvent.type(form.querySelector<HTMLInputElement>('input[name="confirmation"]')!, word.toLocaleLowerCase(localizerOf(el).language));
    await waitFor(() => expect(submitButton.disabled).toBe(false));
    expect(form.querySelector('input[autocomplete="current-password"]')).not.toBeNull();
  },
};
