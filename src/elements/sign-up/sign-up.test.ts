import {expect} from '@open-wc/testing';
import {ADA, clientFor, codeDescription, errorText, html, input, memoryAdapter, mount, nextEvent, settle, submit, title, type, waitUntil} from '../../../test/helpers.js';
import {setScorerLoaderForTests} from '../../internal/strength-meter.js';
import type {AuthSignUp} from './sign-up.js';

// A password zxcvbn scores strong (4 of 4): the strength check lets it through.
const GRACE = {name: 'Grace Hopper', email: 'grace@example.com', password: 'cobol-compiler-1959'};

async function signUpElement(adapter = memoryAdapter()) {
  return mount<AuthSignUp>(clientFor(adapter), html`<auth-sign-up sign-in-url="/sign-in"></auth-sign-up>`, 'auth-sign-up');
}

function fill(el: AuthSignUp, values: {name: string; email: string; password: string}) {
  type(input(el, 'name'), values.name);
  type(input(el, 'email'), values.email);
  type(input(el, 'password'), values.password);
}

const fieldErrors = (el: AuthSignUp) => [...el.querySelectorAll('.ae-field-error')].map((node) => node.textContent!.trim());

describe('<auth-sign-up>', () => {
  it('asks for name, email and a new password in a light-DOM form', async () => {
    const el = await signUpElement();
    expect(title(el)).to.equal('Create your account');
    const autocompletes = [...document.querySelectorAll('input[autocomplete]')].map((node) => node.getAttribute('autocomplete'));
    expect(autocompletes).to.deep.equal(['name', 'username', 'new-password']);
    expect(el.shadowRoot!.querySelector('a')!.textContent).to.equal('Sign in');
    await expect(el).to.be.accessible();
  });

  it('shows the password rules as the user types', async () => {
    const el = await signUpElement();
    const met = () => [...el.querySelectorAll('.ae-rule')].map((rule) => rule.hasAttribute('data-met'));
    expect(met()).to.deep.equal([false, false]);
    type(input(el, 'password'), 'abc1');
    await settle(el);
    expect(met()).to.deep.equal([false, true]);
    type(input(el, 'password'), 'abcdefg1');
    await settle(el);
    expect(met()).to.deep.equal([true, true]);
    expect(input(el, 'password').getAttribute('aria-describedby')).to.contain(el.querySelector('.ae-rules')!.id);
    await expect(el).to.be.accessible();
  });

  it('waits for blur before judging a field, and judges all of them on submit', async () => {
    const el = await signUpElement();
    type(input(el, 'email'), 'g');
    await settle(el);
    expect(fieldErrors(el)).to.deep.equal([]);
    input(el, 'email').dispatchEvent(new FocusEvent('blur'));
    await settle(el);
    expect(fieldErrors(el)).to.deep.equal(['Enter a valid email address.']);

    await submit(el);
    // The name is optional: only email and password are judged.
    expect(fieldErrors(el)).to.deep.equal(['Enter a valid email address.', 'Choose a password that meets every rule below.']);
    expect(document.activeElement).to.equal(input(el, 'email'));
    expect(title(el)).to.equal('Create your account');
    await expect(el).to.be.accessible();
  });

  it('refuses a weak password without asking the server', async () => {
    const adapter = memoryAdapter();
    const el = await signUpElement(adapter);
    fill(el, {...GRACE, password: 'password'});
    await submit(el);
    expect(fieldErrors(el)).to.deep.equal(['Choose a password that meets every rule below.']);
    expect(adapter.mailbox.length).to.equal(0);
  });

  it('says when the email already has an account, keeping what was typed', async () => {
    const el = await signUpElement();
    fill(el, {...GRACE, email: ADA.email});
    await submit(el);
    expect(errorText(el)).to.equal('An account with this email already exists. Sign in instead.');
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'name').value).to.equal(GRACE.name);
    expect(input(el, 'password').value).to.equal(GRACE.password);
    await expect(el).to.be.accessible();
  });

  it('verifies the email with a code and signs the new user in', async () => {
    const adapter = memoryAdapter();
    const el = await signUpElement(adapter);
    fill(el, GRACE);
    await submit(el);
    expect(title(el)).to.equal('Verify your email');
    expect(codeDescription(el)).to.equal(`Enter the 6-digit code we sent to ${GRACE.email}.`);
    expect(document.activeElement).to.equal(document.querySelector('input[autocomplete="one-time-code"]'));
    await expect(el).to.be.accessible();

    type(input(el, 'code'), '999999');
    await settle(el);
    expect(errorText(el)).to.equal("That code isn't right. Check the email and try again.");

    const signedIn = nextEvent(el, 'auth-signed-in');
    type(input(el, 'code'), adapter.latestCode(GRACE.email)!);
    expect((await signedIn).user.name).to.equal(GRACE.name);
    await settle(el);
    expect(title(el)).to.equal('Your account is ready');
    expect(el.shadowRoot!.textContent).to.contain('Welcome, Grace Hopper.');
    await expect(el).to.be.accessible();
  });

  it('goes back from the code step to fix the email', async () => {
    const el = await signUpElement();
    fill(el, GRACE);
    await submit(el);
    el.querySelector<HTMLButtonElement>('button[part="back-link"]')!.click();
    await settle(el);
    expect(title(el)).to.equal('Create your account');
    expect(input(el, 'email').value).to.equal(GRACE.email);
  });

  it('shows a hostile name as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=true">';
    const adapter = memoryAdapter();
    const el = await signUpElement(adapter);
    fill(el, {...GRACE, name: hostile});
    await submit(el);
    type(input(el, 'code'), adapter.latestCode(GRACE.email)!);
    await settle(el);
    expect(el.shadowRoot!.textContent).to.contain(`Welcome, ${hostile}.`);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as {__pwned?: boolean}).__pwned).to.equal(undefined);
  });
});

/** The strength meter under the password, once zxcvbn has scored what is typed. */
const meter = (el: AuthSignUp) => el.querySelector<HTMLElement>('[part="password-strength"]');
const meterLabel = (el: AuthSignUp) => el.querySelector('[part="password-strength-label"]')?.textContent?.trim() ?? '';
const meterHint = (el: AuthSignUp) => el.querySelector('.ae-strength-hint')?.textContent?.trim() ?? '';
const filledSegments = (el: AuthSignUp) => el.querySelectorAll('.ae-strength-segment[data-on]').length;
const focusables = (el: AuthSignUp) => [...el.querySelectorAll<HTMLElement>('form input:not([hidden]), form button, form a[href], form [tabindex]')];
const announced = () => document.querySelector('[data-auth-announcer]')?.textContent ?? '';

async function typeAndScore(el: AuthSignUp, password: string, label: string) {
  type(input(el, 'password'), password);
  await waitUntil(() => meterLabel(el) === label, `the meter does not say "${label}" for "${password}" (it says "${meterLabel(el)}")`, {
    timeout: 5000,
  });
  await el.updateComplete;
}

describe('<auth-sign-up> password strength', () => {
  afterEach(() => setScorerLoaderForTests(null));

  it('shows a strength meter as the password is typed: weak with the reason, then strong', async () => {
    const el = await signUpElement();
    const before = focusables(el);
    expect(meter(el)).to.equal(null);
    await typeAndScore(el, 'password1', 'Password strength: Weak');
    expect(meter(el)!.dataset.level).to.equal('weak');
    expect(filledSegments(el)).to.equal(1);
    expect(meterHint(el)).to.equal('This is a commonly used password.');
    const describedBy = input(el, 'password').getAttribute('aria-describedby')!.split(' ');
    expect(describedBy).to.include(meter(el)!.id);
    expect(describedBy).to.include(el.querySelector('.ae-rules')!.id);
    // Said politely once typing pauses, not on every keystroke.
    await waitUntil(() => announced() === 'Password strength: Weak', 'the level is not announced', {timeout: 4000});
    // Nothing new to tab to: the meter is text.
    expect(focusables(el)).to.deep.equal(before);
    await expect(el).to.be.accessible();

    await typeAndScore(el, 'mauve otter quartz lantern', 'Password strength: Strong');
    expect(meter(el)!.dataset.level).to.equal('strong');
    expect(filledSegments(el)).to.equal(4);
    expect(meterHint(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('scores a password built from the typed email and name low', async () => {
    const el = await signUpElement();
    type(input(el, 'name'), 'Alice Liddell');
    type(input(el, 'email'), 'alice@example.com');
    await typeAndScore(el, 'alice2024', 'Password strength: Weak');
    expect(meterHint(el)).to.equal("Don't use your name or email address in your password.");
    await expect(el).to.be.accessible();
  });

  it('refuses a password too easy to guess on submit, saying why and keeping it', async () => {
    const adapter = memoryAdapter();
    const el = await signUpElement(adapter);
    type(input(el, 'name'), GRACE.name);
    type(input(el, 'email'), GRACE.email);
    await typeAndScore(el, 'password1', 'Password strength: Weak');
    await submit(el);
    expect(title(el)).to.equal('Create your account');
    expect(fieldErrors(el)).to.deep.equal(['Too easy to guess. This is a commonly used password.']);
    expect(input(el, 'password').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'password').getAttribute('aria-describedby')!.split(' ')[0]).to.equal(el.querySelector('.ae-field-error')!.id);
    expect(input(el, 'password').value).to.equal('password1');
    expect(document.activeElement).to.equal(input(el, 'password'));
    expect(adapter.mailbox.length).to.equal(0);
    await expect(el).to.be.accessible();

    // Typing again clears the refusal; a strong password goes through.
    await typeAndScore(el, GRACE.password, 'Password strength: Strong');
    expect(fieldErrors(el)).to.deep.equal([]);
    await submit(el);
    expect(title(el)).to.equal('Verify your email');
    expect(adapter.mailbox.length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('judges a password submitted before the meter has scored it', async () => {
    const adapter = memoryAdapter();
    const el = await signUpElement(adapter);
    fill(el, {...GRACE, password: 'Grace1959'});
    await submit(el);
    await waitUntil(() => fieldErrors(el).length, 'the weak password was not refused');
    expect(fieldErrors(el)[0]).to.match(/^Too easy to guess\. /);
    expect(adapter.mailbox.length).to.equal(0);
  });

  it('lets a password that meets the policy through when zxcvbn cannot load', async () => {
    const adapter = memoryAdapter();
    setScorerLoaderForTests(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    const el = await signUpElement(adapter);
    fill(el, {...GRACE, password: 'password1'});
    await settle(el);
    await submit(el);
    await waitUntil(() => title(el) === 'Verify your email', 'the sign-up did not go through');
    expect(meter(el)).to.equal(null);
    expect(adapter.mailbox.length).to.equal(1);
    await expect(el).to.be.accessible();
  });
});
