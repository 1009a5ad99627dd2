import type {AuthSignIn} from '../../src/elements/sign-in/sign-in.js';
import type {AuthSignUp} from '../../src/elements/sign-up/sign-up.js';
import {ADA, GRACE, type StoryAuth} from './client.js';
import {clickButton, element, enterEmailedCode, expectTitle, fill, submit} from './play.js';

// The steps a user takes through the sign-in and sign-up flows, for any story that needs to be
// somewhere in them. Every step is found by role and locale key, so they work in every language.

/** A person signing up in the stories (not seeded), with a password strong enough for sign-up's strength check. */
export const CHARLES = {name: 'Charles Babbage', email: 'charles@example.com', password: 'difference-engine-1822'};

/** The code length the memory adapter uses (`capabilities.codeLength`). */
export const CODE_LENGTH = 6;

export const signInOf = (canvas: HTMLElement) => element<AuthSignIn>(canvas, 'auth-sign-in');
export const signUpOf = (canvas: HTMLElement) => element<AuthSignUp>(canvas, 'auth-sign-up');

/** Sign-in: email step → password step, as `email`. */
export async function toPassword(canvas: HTMLElement, email: string = ADA.email): Promise<AuthSignIn> {
  const el = await signInOf(canvas);
  await fill(el, 'email', email);
  await submit(el);
  await expectTitle(el, 'signIn.passwordTitle');
  return el;
}

/** Sign-in: the password submitted, for the given user. */
export async function submitPassword(canvas: HTMLElement, user: {email: string}, password: string): Promise<AuthSignIn> {
  const el = await toPassword(canvas, user.email);
  await fill(el, 'password', password);
  await submit(el);
  return el;
}

/** Sign-in as the unverified Grace: the detour to her email's code. */
export async function toSignInVerify(canvas: HTMLElement): Promise<AuthSignIn> {
  const el = await submitPassword(canvas, GRACE, GRACE.password);
  await expectTitle(el, 'signIn.verifyTitle');
  return el;
}

/** Sign-in: password step → "Forgot password?" → the reset-code step. */
export async function toResetCode(canvas: HTMLElement): Promise<AuthSignIn> {
  const el = await toPassword(canvas);
  await clickButton(el, 'signIn.forgotPassword');
  await expectTitle(el, 'signIn.resetTitle');
  return el;
}

/** Sign-in: the emailed reset code entered → the new-password step. */
export async function toNewPassword(canvas: HTMLElement, story: StoryAuth): Promise<AuthSignIn> {
  const el = await toResetCode(canvas);
  await enterEmailedCode(el, story, ADA.email);
  await expectTitle(el, 'signIn.newPasswordTitle');
  return el;
}

/** Sign-up: the details filled in and submitted. */
export async function submitDetails(canvas: HTMLElement, person: {name: string; email: string; password: string} = CHARLES): Promise<AuthSignUp> {
  const el = await signUpOf(canvas);
  await fill(el, 'name', person.name);
  await fill(el, 'email', person.email);
  await fill(el, 'password', person.password);
  await submit(el, 'signUp.submit');
  return el;
}

/** Sign-up: a new account, up to the code step. */
export async function toSignUpVerify(canvas: HTMLElement, person = CHARLES): Promise<AuthSignUp> {
  const el = await submitDetails(canvas, person);
  await expectTitle(el, 'signUp.verifyTitle');
  return el;
}
