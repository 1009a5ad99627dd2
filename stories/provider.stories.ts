import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {expect, waitFor} from 'storybook/test';
import type {Appearance as AppearanceOptions} from '../src/appearance/appearance.js';
import {ADA} from './support/client.js';
import {element, english, expectTitle, field, fill, findByRole, submit, title} from './support/play.js';

type Story = StoryObj;

/** A page as an integrator writes it: the user button when signed in, the sign-in card when not. */
const app = html`<div style="display: grid; gap: 1rem; justify-items: end; width: 26rem">
  <auth-signed-in><auth-user-button></auth-user-button></auth-signed-in>
  <auth-signed-out><auth-sign-in></auth-sign-in></auth-signed-out>
</div>`;

const meta: Meta = {
  title: 'Elements/Provider',
  component: 'auth-provider',
  tags: ['autodocs'],
  // preview.ts wraps every story in <auth-provider .client=… locale=…>.
  render: () => app,
};
export default meta;

export const SignInThenUserButton: Story = {
  name: 'One client for every element',
  play: async ({canvasElement}) => {
    const signIn = await element(canvasElement, 'auth-sign-in');
    await fill(signIn, 'email', ADA.email);
    await submit(signIn);
    await expectTitle(signIn, 'signIn.passwordTitle');
    await fill(signIn, 'password', ADA.password);
    await submit(signIn);
    // The provider's client changed state: every element follows it.
    const button = await element(canvasElement, 'auth-user-button');
    await findByRole(button, 'button', ['userButton.open', {name: ADA.name}]);
    await waitFor(() => expect(canvasElement.querySelector('auth-sign-in')!.getClientRects().length).toBe(0));
  },
};

/**
 * A brand colour for light and dark pages alike: `light-dark()` picks the value for the colour
 * scheme of the theme in use, so the buttons and links keep their contrast in every theme.
 */
const TEAL = {light: '#0f766e', dark: '#5eead4'};

const appearance: AppearanceOptions = {
  variables: {colorPrimary: `light-dark(${TEAL.light}, ${TEAL.dark})`, borderRadius: '0.25rem', fontFamily: 'Georgia, serif'},
  elements: {card: {borderColor: 'var(--auth-color-primary)', boxShadow: 'none'}},
};

/** `#rrggbb` → `rgb(r, g, b)`, as getComputedStyle gives it. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

export const Appearance: Story = {
  parameters: {appearance},
  render: () => html`<auth-sign-in></auth-sign-in>`,
  play: async ({canvasElement}) => {
    const el = await element(canvasElement, 'auth-sign-in');
    const button = await findByRole(el, 'button', 'common.continue');
    const scheme = () => (getComputedStyle(el).colorScheme === 'dark' ? 'dark' : 'light');
    await waitFor(() => expect(getComputedStyle(button).backgroundColor).toBe(rgb(TEAL[scheme()])));
  },
};

export const German: Story = {
  name: 'German (locale attribute)',
  globals: {locale: 'de'},
  render: () => html`<auth-sign-in></auth-sign-in>`,
  play: async ({canvasElement}) => {
    const el = await element(canvasElement, 'auth-sign-in');
    expect(el.lang).toBe('de');
    await expectTitle(el, 'signIn.title');
    expect(title(el)).not.toBe(english('signIn.title'));
  },
};

export const MemoryAdapterAttribute: Story = {
  name: 'Built from attributes (adapter="memory")',
  parameters: {auth: false},
  render: (_args, {globals}) =>
    html`<auth-provider adapter="memory" theme=${globals.theme ?? 'light'} locale=${globals.locale ?? 'en'} dir=${ifDefined(globals.direction === 'auto' ? undefined : globals.direction)}
      ><auth-sign-in></auth-sign-in
    ></auth-provider>`,
  play: async ({canvasElement}) => {
    const el = await element(canvasElement, 'auth-sign-in');
    await expectTitle(el, 'signIn.title');
    // The adapter loads on demand; then the form appears.
    await waitFor(() => expect(field(el, 'email')).toBeTruthy());
  },
};
