import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, waitFor} from 'storybook/test';
import {ADA, HTTP_500, MALFORMED, NETWORK_DOWN, NO_ANSWER, RATE_LIMITED, type AuthSetup, type Failure} from './support/client.js';
import {auth, clickButton, element, expectError, expectStatus, field, type Text} from './support/play.js';

type Story = StoryObj;

const meta: Meta = {
  title: 'Elements/Loading & unavailable',
  component: 'auth-unavailable',
  // Its Docs page lists both elements' API (one tab each).
  subcomponents: {AuthLoading: 'auth-loading'},
  tags: ['autodocs'],
  render: () => html`
    <auth-loading delay="0"></auth-loading>
    <auth-unavailable></auth-unavailable>
    <auth-signed-out><auth-sign-in></auth-sign-in></auth-signed-out>
    <auth-signed-in><p id="home">Only signed-in users see this.</p></auth-signed-in>
  `,
};
export default meta;

/** Neither the sign-in card nor the signed-in content is on screen. */
function expectNoSessionContent(canvas: HTMLElement) {
  expect(canvas.querySelector('auth-sign-in')!.checkVisibility()).toBe(false);
  expect(canvas.querySelector('#home')!.checkVisibility()).toBe(false);
}

/** A story whose first session check fails this way: the reason shows, nothing else. */
function unavailable(failure: Failure, message: Text): Story {
  return {
    parameters: {auth: {signedInAs: ADA, fail: {getSession: failure}} satisfies AuthSetup},
    play: async ({canvasElement}) => {
      const el = await element(canvasElement, 'auth-unavailable');
      await expectError(el, message);
      expectNoSessionContent(canvasElement);
    },
  };
}

export const NetworkDown = unavailable(NETWORK_DOWN, 'errors.network');
export const ServerError = unavailable(HTTP_500, 'errors.server');
export const RateLimited = unavailable(RATE_LIMITED, ['errors.rate_limited_wait', {count: 30}]);
export const Unreadable = unavailable(MALFORMED, 'errors.malformed_response');

export const TryAgainRecovers: Story = {
  parameters: {auth: {signedInAs: ADA, fail: {getSession: NETWORK_DOWN}} satisfies AuthSetup},
  play: async ({canvasElement, loaded}) => {
    const el = await element(canvasElement, 'auth-unavailable');
    await expectError(el, 'errors.network');
    // The connection is back: "Try again" asks at once, and the signed-in content shows.
    auth(loaded).adapter.failures = {};
    await clickButton(el, 'common.retry');
    await waitFor(() => expect(canvasElement.querySelector('#home')!.checkVisibility()).toBe(true));
    expect(el.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
  },
};

export const Loading: Story = {
  name: 'Loading (a slow session check)',
  parameters: {auth: {fail: {getSession: NO_ANSWER}} satisfies AuthSetup},
  play: async ({canvasElement}) => {
    const el = await element(canvasElement, 'auth-loading');
    await expectStatus(el, 'common.loading');
    expectNoSessionContent(canvasElement);
  },
};

/** A sign-in card used on its own says the same inside its card. */
export const SignInCardUnavailable: Story = {
  render: () => html`<auth-sign-in></auth-sign-in>`,
  parameters: {auth: {fail: {getSession: HTTP_500}} satisfies AuthSetup},
  play: async ({canvasElement, loaded}) => {
    const el = await element(canvasElement, 'auth-sign-in');
    await expectError(el, 'errors.server');
    expect(el.querySelector('input')).toBeNull();
    auth(loaded).adapter.failures = {};
    await clickButton(el, 'common.retry');
    await waitFor(() => expect(field(el, 'email').autocomplete).toMatch(/^username\b/));
  },
};

export const SignInCardLoading: Story = {
  render: () => html`<auth-sign-in></auth-sign-in>`,
  parameters: {auth: {fail: {getSession: NO_ANSWER}} satisfies AuthSetup},
  play: async ({canvasElement}) => {
    const el = await element(canvasElement, 'auth-sign-in');
    await expectStatus(el, 'common.loading');
    expect(el.querySelector('input')).toBeNull();
  },
};
