import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, waitFor} from 'storybook/test';
import {AUTH_ERROR_CODES, ORGANIZATION_ERROR_CODES, type AuthErrorCode} from '../src/client/errors.js';
import {ADA, CRASH, CRASH_MESSAGE, GRACE, HTTP_500, MALFORMED, NETWORK_DOWN, RATE_LIMITED, type AuthSetup, type Failure, type StoryAuth} from './support/client.js';
import {ORG_INVITATION_ERROR_CODES} from './org-invitation.stories.js';
import {SIGN_IN_METHOD_ERROR_CODES} from './sign-in-methods.stories.js';
import {ORG_LIST_ERROR_CODES} from './org-list.stories.js';
import {ORG_PROFILE_ERROR_CODES} from './org-profile-errors.stories.js';
import {PROFILE_ERROR_CODES} from './profile-errors.stories.js';
import {CHARLES, CODE_LENGTH, signInOf, submitDetails, submitPassword, toNewPassword, toResetCode, toSignInVerify, toSignUpVerify} from './support/flows.js';
import {
  localizerOf,
  alerts,
  auth,
  clickButton,
  enterEmailedCode,
  expectText,
  expectError,
  expectFieldError,
  expectTitle,
  field,
  fill,
  idle,
  submit,
  title,
  resolveText,
  shownText,
  tr,
  wrongCode,
  type Text,
} from './support/play.js';

/**
 * Every error message the sign-in and sign-up show, one story each, built from one table:
 * how the user gets there (a real rule of the memory adapter where it has one, else the adapter
 * failing the way a real API does), what they read (`errors.<code>` in the story's language),
 * where (at the field it is about, or above the form) and what they keep (the step, what they
 * typed).
 */
const meta: Meta = {
  title: 'Elements/Error messages',
  parameters: {layout: 'centered'},
};
export default meta;

type Story = StoryObj;
type Tag = 'auth-sign-in' | 'auth-sign-up';

interface ErrorCase {
  /** The code shown (every one of AUTH_ERROR_CODES has a case: see Coverage). */
  code: AuthErrorCode;
  /** How the user gets there (for the reader of this table). */
  how: string;
  tag: Tag;
  /** The adapter (seeds, capabilities) and which of its methods fail, and how. */
  auth?: AuthSetup;
  /** The user's steps up to the message. */
  reach: (canvas: HTMLElement, story: StoryAuth) => Promise<HTMLElement>;
  /** The message read (default `errors.<code>`). */
  message?: Text;
  /** The field whose error it is; else it shows above the form. */
  field?: 'email' | 'password' | 'code';
  /** The step's title the user stays on, and the values the form keeps. */
  stays: Text;
  keeps?: Record<string, string>;
}

const fails = (method: keyof NonNullable<AuthSetup['fail']>, failure: Failure): AuthSetup => ({fail: {[method]: failure}});
const withCode = (code: AuthErrorCode, status?: number): Failure => ({code, status});
const SOCIAL: AuthSetup = {capabilities: {socialProviders: ['github']}};

/** Sign-in, password submitted as Ada: the adapter's answer decides what follows. */
const adaSignsIn = (canvas: HTMLElement) => submitPassword(canvas, ADA, ADA.password);
const ADA_PASSWORD_STEP = {stays: 'signIn.passwordTitle', keeps: {password: ADA.password}} as const;

/** Sign-up with Charles's details: the adapter's answer decides what follows. */
const charlesSignsUp = (canvas: HTMLElement) => submitDetails(canvas, CHARLES);
const CHARLES_DETAILS = {stays: 'signUp.title', keeps: {name: CHARLES.name, email: CHARLES.email}} as const;

/** A wrong email-verification code, entered `times` times (a complete code submits itself). */
async function wrongCodes(el: HTMLElement, story: StoryAuth, email: string, times: number) {
  const before = story.adapter.calls.verifyEmail ?? 0;
  for (let i = 1; i <= times; i++) {
    await fill(el, 'code', wrongCode(story, email));
    // Each attempt reaches the API (and counts there) before the next one is typed.
    await waitFor(() => expect(story.adapter.calls.verifyEmail).toBe(before + i));
    await idle(el);
  }
  return el;
}

const CASES = {
  // Sign-in, in the order a user meets them.
  invalidEmail: {code: 'invalid_email', how: 'not an email', tag: 'auth-sign-in', field: 'email', stays: 'signIn.title', keeps: {email: 'ada@'},
    reach: async (canvas) => {
      const el = await signInOf(canvas);
      await fill(el, 'email', 'ada@');
      await submit(el);
      return el;
    }},
  invalidCredentials: {code: 'invalid_credentials', how: 'wrong password', tag: 'auth-sign-in', field: 'password', stays: 'signIn.passwordTitle', keeps: {password: 'not-the-password1'},
    reach: (canvas) => submitPassword(canvas, ADA, 'not-the-password1')},
  invalidCode: {code: 'invalid_code', how: 'wrong code', tag: 'auth-sign-in', field: 'code', stays: 'signIn.verifyTitle',
    reach: async (canvas, story) => wrongCodes(await toSignInVerify(canvas), story, GRACE.email, 1)},
  tooManyAttempts: {code: 'too_many_attempts', how: 'a fourth wrong code', tag: 'auth-sign-in', field: 'code', stays: 'signIn.verifyTitle',
    reach: async (canvas, story) => wrongCodes(await toSignInVerify(canvas), story, GRACE.email, 4)},
  codeExpired: {code: 'code_expired', how: 'reset code too old', tag: 'auth-sign-in', field: 'code', stays: 'signIn.resetTitle', auth: {codeTtlMs: 0},
    reach: async (canvas, story) => {
      const el = await toResetCode(canvas);
      await enterEmailedCode(el, story, ADA.email);
      return el;
    }},
  passwordTooWeak: {code: 'password_too_weak', how: 'new password breaks the rules', tag: 'auth-sign-in', field: 'password', stays: 'signIn.newPasswordTitle', keeps: {password: 'engines'},
    reach: async (canvas, story) => {
      const el = await toNewPassword(canvas, story);
      await fill(el, 'password', 'engines');
      await submit(el, 'signIn.resetSubmit');
      return el;
    }},
  rateLimitedWait: {code: 'rate_limited', how: '429 with Retry-After', tag: 'auth-sign-in', auth: fails('signInWithPassword', RATE_LIMITED), message: ['errors.rate_limited_wait', {count: 30}], ...ADA_PASSWORD_STEP, reach: adaSignsIn},
  rateLimited: {code: 'rate_limited', how: '429 without Retry-After', tag: 'auth-sign-in', auth: fails('signInWithPassword', withCode('rate_limited', 429)), ...ADA_PASSWORD_STEP, reach: adaSignsIn},
  sessionExpired: {code: 'session_expired', how: 'session gone mid-flow', tag: 'auth-sign-in', auth: fails('signInWithPassword', withCode('session_expired', 401)), ...ADA_PASSWORD_STEP, reach: adaSignsIn},
  network: {code: 'network', how: 'offline', tag: 'auth-sign-in', auth: fails('signInWithPassword', NETWORK_DOWN), ...ADA_PASSWORD_STEP, reach: adaSignsIn},
  server: {code: 'server', how: 'HTTP 500', tag: 'auth-sign-in', auth: fails('signInWithPassword', HTTP_500), ...ADA_PASSWORD_STEP, reach: adaSignsIn},
  malformedResponse: {code: 'malformed_response', how: 'unreadable answer', tag: 'auth-sign-in', auth: fails('signInWithPassword', MALFORMED), ...ADA_PASSWORD_STEP, reach: adaSignsIn},
  cookiesBlocked: {code: 'cookies_blocked', how: 'no session cookie kept', tag: 'auth-sign-in', auth: fails('signInWithPassword', withCode('cookies_blocked')), ...ADA_PASSWORD_STEP, reach: adaSignsIn},
  unknown: {code: 'unknown', how: 'not an AuthError', tag: 'auth-sign-in', auth: fails('signInWithPassword', CRASH), ...ADA_PASSWORD_STEP, reach: adaSignsIn},
  unsupported: {code: 'unsupported', how: 'provider refused', tag: 'auth-sign-in', auth: {...SOCIAL, ...fails('signInWithSocial', withCode('unsupported', 404))}, stays: 'signIn.title',
    reach: async (canvas) => {
      const el = await signInOf(canvas);
      await clickButton(el, ['social.continueWith', {provider: 'GitHub'}]);
      return el;
    }},
  // Sign-up.
  emailTaken: {code: 'email_taken', how: 'existing account', tag: 'auth-sign-up', field: 'email', stays: 'signUp.title', keeps: {name: ADA.name, email: ADA.email},
    reach: (canvas) => submitDetails(canvas, {...ADA, password: 'another-engine-1843'})},
  signUpInvalidEmail: {code: 'invalid_email', how: 'rejected by the server', tag: 'auth-sign-up', field: 'email', auth: fails('signUp', withCode('invalid_email', 400)), ...CHARLES_DETAILS, reach: charlesSignsUp},
  signUpPasswordTooWeak: {code: 'password_too_weak', how: 'breaks the rules', tag: 'auth-sign-up', field: 'password', stays: 'signUp.title', keeps: {password: 'enchantress'},
    reach: (canvas) => submitDetails(canvas, {...CHARLES, password: 'enchantress'})},
  passwordTooShort: {code: 'password_too_short', how: "the server's own minimum", tag: 'auth-sign-up', field: 'password', auth: fails('signUp', withCode('password_too_short', 400)), ...CHARLES_DETAILS, reach: charlesSignsUp},
  passwordTooLong: {code: 'password_too_long', how: "the server's own maximum", tag: 'auth-sign-up', field: 'password', auth: fails('signUp', withCode('password_too_long', 400)), ...CHARLES_DETAILS, reach: charlesSignsUp},
  passwordCompromised: {code: 'password_compromised', how: "the server's breach check", tag: 'auth-sign-up', field: 'password', auth: fails('signUp', withCode('password_compromised', 400)), ...CHARLES_DETAILS, reach: charlesSignsUp},
  signUpInvalidCode: {code: 'invalid_code', how: 'wrong code', tag: 'auth-sign-up', field: 'code', stays: 'signUp.verifyTitle',
    reach: async (canvas, story) => wrongCodes(await toSignUpVerify(canvas), story, CHARLES.email, 1)},
  signUpCodeExpired: {code: 'code_expired', how: 'code too old', tag: 'auth-sign-up', field: 'code', stays: 'signUp.verifyTitle', auth: {codeTtlMs: 0},
    reach: async (canvas, story) => {
      const el = await toSignUpVerify(canvas);
      await enterEmailedCode(el, story, CHARLES.email);
      return el;
    }},
  signUpRateLimited: {code: 'rate_limited', how: '429 with Retry-After', tag: 'auth-sign-up', auth: fails('signUp', {code: 'rate_limited', status: 429, retryAfter: 1}), message: ['errors.rate_limited_wait', {count: 1}], ...CHARLES_DETAILS, reach: charlesSignsUp},
  signUpNetwork: {code: 'network', how: 'offline', tag: 'auth-sign-up', auth: fails('signUp', NETWORK_DOWN), ...CHARLES_DETAILS, reach: charlesSignsUp},
} satisfies Record<string, ErrorCase>;

const render = (tag: Tag) => (tag === 'auth-sign-in' ? html`<auth-sign-in sign-up-url="#sign-up"></auth-sign-in>` : html`<auth-sign-up sign-in-url="#sign-in"></auth-sign-up>`);

/** One story of the table: reach the message, then check what the user reads and keeps. */
function errorStory(row: ErrorCase): Story {
  return {
    parameters: {auth: row.auth},
    render: () => render(row.tag),
    play: async ({canvasElement, loaded}) => {
      const el = await row.reach(canvasElement, auth(loaded));
      const alert = await expectError(el, row.message ?? `errors.${row.code}`);
      // One message, said once; a field's own error is tied to its input.
      expect(alerts(el)).toHaveLength(1);
      if (row.field) {
        expectFieldError(el, row.field, alert);
      } else {
        expect(alert.closest('form')).not.toBeNull();
        // Waits read as a warning, failures as errors.
        expect(alert.dataset.tone).toBe(row.code === 'rate_limited' ? 'warning' : 'danger');
      }
      // Nothing lost: the same step, what was typed still there, the form usable again.
      await idle(el);
      expect(title(el)).toBe(resolveText(el, row.stays));
      for (const [name, value] of Object.entries(row.keeps ?? {})) expect(field(el, name).value).toBe(value);
      // Never the API's or the exception's own text.
      expect(shownText(el)).not.toContain(CRASH_MESSAGE);
    },
  };
}

export const InvalidEmail = errorStory(CASES.invalidEmail);
export const InvalidCredentials = errorStory(CASES.invalidCredentials);
export const InvalidCode = errorStory(CASES.invalidCode);
export const TooManyAttempts = errorStory(CASES.tooManyAttempts);
export const CodeExpired = errorStory(CASES.codeExpired);
export const PasswordTooWeak = errorStory(CASES.passwordTooWeak);
export const RateLimitedWait = errorStory(CASES.rateLimitedWait);
export const RateLimited = errorStory(CASES.rateLimited);
export const SessionExpired = errorStory(CASES.sessionExpired);
export const NetworkError = errorStory(CASES.network);
export const ServerError = errorStory(CASES.server);
export const MalformedResponse = errorStory(CASES.malformedResponse);
export const CookiesBlocked = errorStory(CASES.cookiesBlocked);
export const UnknownError = errorStory(CASES.unknown);
export const Unsupported = errorStory(CASES.unsupported);
export const EmailTaken = errorStory(CASES.emailTaken);
export const SignUpInvalidEmail = errorStory(CASES.signUpInvalidEmail);
export const SignUpPasswordTooWeak = errorStory(CASES.signUpPasswordTooWeak);
export const PasswordTooShort = errorStory(CASES.passwordTooShort);
export const PasswordTooLong = errorStory(CASES.passwordTooLong);
export const SignUpInvalidCode = errorStory(CASES.signUpInvalidCode);
export const SignUpCodeExpired = errorStory(CASES.signUpCodeExpired);
export const SignUpRateLimited = errorStory(CASES.signUpRateLimited);
export const SignUpNetworkError = errorStory(CASES.signUpNetwork);

/**
 * `email_not_verified` is never shown as an error: the API refuses the password and sends a
 * code, and the sign-in detours through it, then finishes signing in.
 */
export const EmailNotVerified: Story = {
  name: 'email_not_verified (sign-in: detour through a code)',
  render: () => render('auth-sign-in'),
  play: async ({canvasElement, loaded}) => {
    const story = auth(loaded);
    const el = await toSignInVerify(canvasElement);
    expect(alerts(el)).toEqual([]);
    expect(shownText(el)).not.toContain(tr(el, 'errors.email_not_verified'));
    await expectText(el, ['signIn.verifySubtitle', {count: CODE_LENGTH, email: GRACE.email}]);
    await waitFor(() => expect(document.activeElement).toBe(field(el, 'code')));
    await enterEmailedCode(el, story, GRACE.email);
    await expectTitle(el, 'signIn.completeTitle');
  },
};

/** The table above and the detour cover every code the kit has, and every code has a message. */
export const Coverage: Story = {
  name: 'Every error code has a story',
  render: () => render('auth-sign-in'),
  play: async ({canvasElement}) => {
    const el = await signInOf(canvasElement);
    // The profile's own codes have their stories beside the profile's (profile-errors.stories.ts).
    // The second step's and the passkeys' codes have their stories in sign-in-two-step.stories.ts
    // (two_factor_required is the step itself, cancelled is never shown).
    const secondStep = ['two_factor_required', 'code_used', 'cancelled', 'passkey_not_found'];
    // The organization codes have their stories beside the elements that show them: the
    // profile (org-profile-errors.stories.ts), the list's invitations and the invitation page.
    const covered = new Set<string>([
      ...Object.values(CASES).map((row: ErrorCase) => row.code),
      'email_not_verified',
      ...secondStep,
      ...PROFILE_ERROR_CODES,
      ...ORG_PROFILE_ERROR_CODES,
      ...ORG_LIST_ERROR_CODES,
      ...ORG_INVITATION_ERROR_CODES,
      // The sign-in links' and providers' codes: sign-in-methods.stories.ts.
      ...SIGN_IN_METHOD_ERROR_CODES,
      // Disconnecting the only way in, refused by the API: user-profile.stories.ts (connected accounts).
      'last_sign_in_method',
    ]);
    expect(ORGANIZATION_ERROR_CODES.filter((code) => !covered.has(code)), 'organization codes without a story').toEqual([]);
    expect(AUTH_ERROR_CODES.filter((code) => !covered.has(code))).toEqual([]);
    // Every message, in the whole of English (the cards carry only theirs built in).
    await localizerOf(el).require(['profile']);
    for (const code of AUTH_ERROR_CODES) expect(tr(el, `errors.${code}`), code).not.toBe(`errors.${code}`);
  },
};
