import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, userEvent, waitFor} from 'storybook/test';
import type {AuthErrorCode} from '../src/client/errors.js';
import type {AuthUserProfile} from '../src/elements/user-profile/user-profile.js';
import {ADA, type AuthSetup, type Failure, type StoryAuth} from './support/client.js';
import {auth, clickButton, element, expectError, type Text} from './support/play.js';

/**
 * The error messages only the profile shows, one story each, from one table: how the person gets
 * there (a real rule of the memory adapter where it has one, else the adapter failing the way a
 * real API does) and what they read (`errors.<code>` in the story's language). `session_not_fresh`
 * is never shown as an error: the profile asks for the password instead (its own story,
 * "A sensitive change asks for the password").
 */
const meta: Meta = {
  title: 'Elements/User profile/Error messages',
  parameters: {layout: 'padded'},
  // The list of codes covered is data for the coverage story, not a story.
  excludeStories: ['PROFILE_ERROR_CODES'],
  render: () => html`<div style="width: min(48rem, 100%)"><auth-user-profile></auth-user-profile></div>`,
};
export default meta;

type Story = StoryObj;

interface ProfileErrorCase {
  code: AuthErrorCode;
  how: string;
  auth: AuthSetup;
  reach: (el: AuthUserProfile, story: StoryAuth) => Promise<void>;
  message?: Text;
}

const profileOf = (canvas: HTMLElement) => element<AuthUserProfile>(canvas, 'auth-user-profile');
const editorField = (el: AuthUserProfile, name: string) => el.querySelector<HTMLInputElement>(`form[slot="form"] input[name="${name}"]`)!;
const signedIn = (setup: AuthSetup = {}, user = ADA): AuthSetup => ({...setup, signedInAs: user});
const failing = (method: string, code: AuthErrorCode): AuthSetup => signedIn({fail: {[method]: {code, status: 400} satisfies Failure}});

/** Picks a file in the profile's file input, as a person choosing it would. */
async function pick(el: AuthUserProfile, file: File): Promise<void> {
  const input = await waitFor(() => {
    const found = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]');
    if (!found) throw new Error('no image picker yet');
    return found;
  });
  const files = new DataTransfer();
  files.items.add(file);
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
}

/** Security → the password editor, filled, saved. */
async function changePassword(el: AuthUserProfile, fields: Record<string, string>): Promise<void> {
  await clickButton(el, 'profile.security.title');
  await clickButton(el, fields.currentPassword ? 'profile.security.password.change' : 'profile.security.password.set');
  for (const [name, value] of Object.entries(fields)) {
    await waitFor(() => expect(editorField(el, name)).not.toBeNull());
    await userEvent.type(editorField(el, name), value);
  }
  await clickButton(el, 'profile.security.password.save');
}

const CASES = {
  wrongPassword: {code: 'wrong_password', how: 'wrong current password', auth: signedIn(),
    reach: (el) => changePassword(el, {currentPassword: 'not-it-1', newPassword: 'engines1843'})},
  noPassword: {code: 'no_password', how: 'the API says the account has none', auth: failing('changePassword', 'no_password'),
    reach: (el) => changePassword(el, {currentPassword: ADA.password, newPassword: 'engines1843'})},
  passwordAlreadySet: {code: 'password_already_set', how: 'set one where another tab just did',
    auth: {capabilities: {socialProviders: ['github']}, fail: {setPassword: {code: 'password_already_set', status: 400}}},
    reach: async (el, story) => {
      // Signed in with a social account: no password yet.
      await story.adapter.signInWithSocial('github', location.href);
      await story.client.refresh();
      await changePassword(el, {newPassword: 'engines1843'});
    }},
  invalidImage: {code: 'invalid_image', how: 'an HTML file renamed .png', auth: signedIn(),
    reach: (el) => pick(el, new File(['<!doctype html><img src=x onerror=alert(1)>'], 'me.png', {type: 'image/png'}))},
  imageTooLarge: {code: 'image_too_large', how: 'over the API\'s limit', auth: signedIn({capabilities: {profileImage: {maxBytes: 64, types: ['image/png']}}}),
    reach: (el) => pick(el, new File([new Uint8Array(65)], 'big.png', {type: 'image/png'}))},
} satisfies Record<string, ProfileErrorCase>;

/** The codes these stories cover (the error stories' coverage check reads them). */
export const PROFILE_ERROR_CODES: readonly string[] = [...Object.values(CASES).map((row: ProfileErrorCase) => row.code), 'session_not_fresh'];

function errorStory(row: ProfileErrorCase): Story {
  return {
    parameters: {auth: row.auth},
    play: async ({canvasElement, loaded}) => {
      const el = await profileOf(canvasElement);
      await row.reach(el, auth(loaded));
      await expectError(el, row.message ?? `errors.${row.code}`);
    },
  };
}

export const WrongPassword = errorStory(CASES.wrongPassword);
export const NoPassword = errorStory(CASES.noPassword);
export const PasswordAlreadySet = errorStory(CASES.passwordAlreadySet);
export const InvalidImage = errorStory(CASES.invalidImage);
export const ImageTooLarge = errorStory(CASES.imageTooLarge);
