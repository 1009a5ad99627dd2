import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, waitFor} from 'storybook/test';
import type {AuthErrorCode} from '../src/client/errors.js';
import {resetLandingForTests} from '../src/client/landing.js';
import {ADA, NETWORK_DOWN, type AuthSetup} from './support/client.js';
import {signInOf} from './support/flows.js';
import {accessibleName, allByRole, auth, clickButton, enterEmailedCode, expectError, expectText, expectTitle, field, fill, findByRole, shownText, submit, tr} from './support/play.js';

// "Use another method" and the ways in it lists: a code or a sign-in link emailed, the page a
// link opens (here, in another browser, used, expired), and a provider's refusal coming back.

type Story = StoryObj;

const meta: Meta = {
  title: 'Elements/Sign in/Other methods',
  component: 'auth-sign-in',
  excludeStories: ['SIGN_IN_METHOD_ERROR_CODES'],
  render: () => html`<auth-sign-in sign-up-url="#sign-up"></auth-sign-in>`,
};
export default meta;

/** The codes these stories show (errors.stories.ts checks every code has a story). */
export const SIGN_IN_METHOD_ERROR_CODES: AuthErrorCode[] = ['link_used', 'link_expired', 'invalid_link', 'provider_denied', 'provider_failed', 'invalid_phone'];

const LAST_METHOD = 'auth-elements:last-sign-in-method';
const LINK_ASKED = 'auth-elements:sign-in-link-asked';
const TOKEN = 'storyLinkTokenStoryLinkTokenAbCd';
const SOCIAL: AuthSetup = {capabilities: {socialProviders: ['github', 'dev-oidc'], socialProviderNames: {'dev-oidc': 'Dev Identity'}}};

/** The page's address carries `params` (a link opened it, or a provider sent the browser back), and this browser remembers `remembered`. */
function landedWith(params: Record<string, string>, remembered: Record<string, string> = {}) {
  return () => {
    const original = location.href;
    const url = new URL(original);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    history.replaceState(history.state, '', url.href);
    // Only what this story says the browser remembers (an earlier story may have left more).
    for (const key of [LAST_METHOD, LINK_ASKED]) localStorage.removeItem(key);
    for (const [key, value] of Object.entries(remembered)) localStorage.setItem(key, value);
    resetLandingForTests();
    return () => {
      history.replaceState(history.state, '', original);
      for (const key of [LAST_METHOD, LINK_ASKED]) localStorage.removeItem(key);
    };
  };
}

/** A story whose card opens from a sign-in link (seeded in the memory adapter). */
const linkStory = (link: {expired?: boolean; used?: boolean}, remembered: Record<string, string> = {[LINK_ASKED]: `${Date.now()}|`}) => ({
  parameters: {auth: {signInLinks: [{token: TOKEN, email: ADA.email, ...link}]} satisfies AuthSetup},
  beforeEach: landedWith({'auth-link': TOKEN}, remembered),
});

/** The first step, Ada's email typed, "Use another method". */
async function toMethods(canvas: HTMLElement) {
  const el = await signInOf(canvas);
  await fill(el, 'email', ADA.email);
  await clickButton(el, 'signIn.useAnotherMethod');
  await expectTitle(el, 'signInMethods.methodsTitle');
  await waitFor(() => expect(el.querySelectorAll('[data-method]').length).toBeGreaterThan(0), {timeout: 5000});
  return el;
}

const methodNames = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('[data-method]')].map(accessibleName);

export const Methods: Story = {
  name: 'Use another method',
  parameters: {auth: SOCIAL},
  play: async ({canvasElement}) => {
    const el = await toMethods(canvasElement);
    await expectText(el, ['signInMethods.methodsSubtitle', {email: ADA.email}]);
    const names = methodNames(el);
    expect(names.slice(0, 3)).toEqual([tr(el, 'signInMethods.method.password'), tr(el, 'signInMethods.method.emailCode', {email: ADA.email}), tr(el, 'signInMethods.method.emailLink', {email: ADA.email})]);
    expect(names.slice(-2)).toEqual([tr(el, 'social.continueWith', {provider: 'GitHub'}), tr(el, 'social.continueWith', {provider: 'Dev Identity'})]);
    // A list of buttons, named by the list.
    expect(allByRole(el, 'list')).toHaveLength(1);
  },
};

export const LastUsed: Story = {
  name: 'Use another method ("Last used" badge)',
  parameters: {auth: SOCIAL},
  beforeEach: landedWith({}, {[LAST_METHOD]: 'email-link'}),
  play: async ({canvasElement}) => {
    const el = await toMethods(canvasElement);
    const badged = el.querySelector<HTMLElement>('[data-method="email-link"]')!;
    expect(accessibleName(badged)).toBe(`${tr(el, 'signInMethods.method.emailLink', {email: ADA.email})} ${tr(el, 'signInMethods.lastUsed')}`);
    expect(el.querySelectorAll('[part~="last-used-badge"]')).toHaveLength(1);
  },
};

export const EmailCode: Story = {
  name: 'Code by email',
  play: async ({canvasElement, loaded}) => {
    const el = await toMethods(canvasElement);
    await clickButton(el, ['signInMethods.method.emailCode', {email: ADA.email}]);
    await expectTitle(el, 'signInMethods.emailCodeTitle');
    await waitFor(() => field(el, 'code'), {timeout: 5000});
    await findByRole(el, 'button', 'signIn.useAnotherMethod');
    await enterEmailedCode(el, auth(loaded), ADA.email);
    await expectTitle(el, 'signIn.completeTitle');
  },
};

export const EmailCodeNetworkDown: Story = {
  name: 'Code by email (network down)',
  parameters: {auth: {fail: {sendSignInCode: NETWORK_DOWN}} satisfies AuthSetup},
  play: async ({canvasElement}) => {
    const el = await toMethods(canvasElement);
    await clickButton(el, ['signInMethods.method.emailCode', {email: ADA.email}]);
    await expectError(el, 'errors.network');
    // Still on the list, every method still there.
    await expectTitle(el, 'signInMethods.methodsTitle');
  },
};

export const LinkSent: Story = {
  name: 'Sign-in link sent',
  play: async ({canvasElement, loaded}) => {
    const el = await toMethods(canvasElement);
    await clickButton(el, ['signInMethods.method.emailLink', {email: ADA.email}]);
    await expectTitle(el, 'signInMethods.linkSentTitle');
    await expectText(el, ['signInMethods.linkSentSubtitle', {email: ADA.email}]);
    expect(auth(loaded).adapter.latestLink(ADA.email)).toContain('auth-link=');
    await clickButton(el, 'signInMethods.resendLink');
    await waitFor(() => expect(shownText(el)).toContain(tr(el, 'signInMethods.linkResent', {email: ADA.email})));
  },
};

export const LinkOpenedElsewhere: Story = {
  name: 'Sign-in link opened in another browser',
  ...linkStory({}, {}),
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    await expectTitle(el, 'signInMethods.elsewhereTitle');
    await expectText(el, 'signInMethods.elsewhereSubtitle');
    await findByRole(el, 'button', 'signInMethods.signInHere');
  },
};

export const LinkSignsIn: Story = {
  name: 'Sign-in link opened (signs in)',
  ...linkStory({}),
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    await expectTitle(el, 'signIn.completeTitle');
    expect(new URL(location.href).searchParams.has('auth-link')).toBe(false);
  },
};

const linkError = (code: AuthErrorCode, link: {expired?: boolean; used?: boolean}): Story => ({
  name: `Sign-in link: ${code}`,
  ...linkStory(link),
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    await expectError(el, `errors.${code}`);
    await expectTitle(el, 'signInMethods.linkTitle');
    await findByRole(el, 'button', 'signInMethods.backToSignIn');
  },
});

export const LinkUsed = linkError('link_used', {used: true});
export const LinkExpired = linkError('link_expired', {expired: true});

export const LinkInvalid: Story = {
  name: 'Sign-in link: invalid_link',
  beforeEach: landedWith({'auth-link': 'not-a-link-token'}, {[LINK_ASKED]: `${Date.now()}|`}),
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    await expectError(el, 'errors.invalid_link');
  },
};

const providerRefusal = (error: string, code: AuthErrorCode): Story => ({
  name: `Back from the provider: ${code}`,
  parameters: {auth: SOCIAL},
  beforeEach: landedWith({'auth-provider': 'dev-oidc', error}),
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    await expectError(el, `errors.${code}`);
    await expectTitle(el, 'signIn.title');
    expect(new URL(location.href).searchParams.has('error')).toBe(false);
  },
});

export const ProviderDenied = providerRefusal('access_denied', 'provider_denied');
export const ProviderFailed = providerRefusal('state_mismatch', 'provider_failed');

// Phone: the first step takes a number where the API texts codes (the memory adapter's texts go
// to its mailbox, to the number).

const PAT = {name: 'Pat Phone', email: '', phoneNumber: '+14155552671', password: 'unused-1', withoutPassword: true};
const PHONE: AuthSetup = {capabilities: {phoneNumber: true}, users: [ADA, PAT]};
const phoneCard = () => html`<auth-sign-in phone-country="US" sign-up-url="#sign-up"></auth-sign-in>`;

export const PhoneFirstStep: Story = {
  name: 'Email or phone number',
  parameters: {auth: PHONE},
  render: phoneCard,
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    expect(accessibleName(field(el, 'email'))).toBe(tr(el, 'common.emailOrPhoneLabel'));
    expect(field(el, 'email').type).toBe('text');
  },
};

export const PhoneCode: Story = {
  name: 'Code by text message',
  parameters: {auth: PHONE},
  render: phoneCard,
  play: async ({canvasElement, loaded}) => {
    const el = await signInOf(canvasElement);
    await fill(el, 'email', '(415) 555-2671');
    await submit(el);
    await expectTitle(el, 'signInMethods.phoneCodeTitle');
    await expectText(el, ['signInMethods.phoneCodeSubtitle', {count: 6, email: '+1 415 555 2671'}]);
    await enterEmailedCode(el, auth(loaded), PAT.phoneNumber);
    await expectTitle(el, 'signIn.completeTitle');
  },
};

export const PhoneWrongCode: Story = {
  name: 'Code by text message (wrong code)',
  parameters: {auth: PHONE},
  render: phoneCard,
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    await fill(el, 'email', '+1 415 555 2671');
    await submit(el);
    await expectTitle(el, 'signInMethods.phoneCodeTitle');
    await fill(el, 'code', '000000');
    await expectError(el, 'phone.invalidCode');
  },
};

export const PhoneInvalid: Story = {
  name: 'Phone number that is not one',
  parameters: {auth: PHONE},
  render: phoneCard,
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    await fill(el, 'email', '555 12');
    await submit(el);
    await expectError(el, 'errors.invalid_phone');
    await expectTitle(el, 'signIn.title');
  },
};

export const PhoneNetworkDown: Story = {
  name: 'Code by text message (network down)',
  parameters: {auth: {...PHONE, fail: {sendPhoneCode: NETWORK_DOWN}} satisfies AuthSetup},
  render: phoneCard,
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    await fill(el, 'email', '+1 415 555 2671');
    await submit(el);
    await expectError(el, 'errors.network');
    expect(field(el, 'email').value).toBe('+1 415 555 2671');
  },
};
