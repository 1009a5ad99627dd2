import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {ADA, clientFor, errorText, html, input, memoryAdapter, mount, nextEvent, settle, submit, title, type, waitUntil} from '../../../test/helpers.js';
import type {AuthSignIn} from './sign-in.js';

const LAST_METHOD = 'auth-elements:last-sign-in-method';
const PAT = {name: 'Pat Phone', email: '', phoneNumber: '+14155552671', password: 'unused-1', withoutPassword: true};

function phoneAdapter(capabilities = {}) {
  return memoryAdapter({users: [ADA, PAT], capabilities: {phoneNumber: true, ...capabilities}});
}

async function signInElement(adapter = phoneAdapter()) {
  return mount<AuthSignIn>(clientFor(adapter), html`<auth-sign-in phone-country="US"></auth-sign-in>`, 'auth-sign-in');
}

const label = (el: Element, name: string) => el.querySelector(`label[for="${input(el, name).id}"]`)!.textContent!.trim();
const subtitleOrHint = (el: AuthSignIn) => el.querySelector('.ae-hint')?.textContent?.trim() ?? '';
/** The texted code step (its title and words load with the other methods' chunk). */
const onCodeStep = (el: AuthSignIn) => waitUntil(() => title(el) === 'Check your phone', 'the texted code step shows', {timeout: 8000});

describe('<auth-sign-in> by phone', () => {
  beforeEach(() => localStorage.removeItem(LAST_METHOD));

  it('takes an email or a phone number on the first step where the API texts codes', async () => {
    const el = await signInElement();
    expect(label(el, 'email')).to.equal('Email or phone number');
    expect(input(el, 'email').type).to.equal('text');
    await expect(el).to.be.accessible();
  });

  it('signs in with the code texted to a number typed as its country writes it, by keyboard alone', async () => {
    const adapter = phoneAdapter();
    const el = await signInElement(adapter);
    input(el, 'email').focus();
    await sendKeys({type: '(415) 555-2671'});
    await sendKeys({press: 'Enter'});
    await onCodeStep(el);
    await settle(el);
    expect(subtitleOrHint(el)).to.equal('Enter the 6-digit code we texted to +1 415 555 2671.');
    expect(document.activeElement).to.equal(input(el, 'code'));
    await expect(el).to.be.accessible();
    const code = adapter.latestCode(PAT.phoneNumber)!;
    expect(adapter.mailbox.at(-1)).to.include({to: PAT.phoneNumber, subject: 'Text message'});
    const signedIn = nextEvent(el, 'auth-signed-in');
    await sendKeys({type: code});
    const {user} = await signedIn;
    expect(user).to.include({name: 'Pat Phone', email: '', phoneNumber: PAT.phoneNumber});
    expect(localStorage.getItem(LAST_METHOD)).to.equal('phone-code');
  });

  it('a wrong code says to check the text message; Resend texts a new one', async () => {
    const adapter = phoneAdapter();
    const el = await signInElement(adapter);
    type(input(el, 'email'), '+1 415 555 2671');
    await submit(el);
    await onCodeStep(el);
    const code = adapter.latestCode(PAT.phoneNumber)!;
    type(input(el, 'code'), code.replace(/\d/g, (d) => String((Number(d) + 1) % 10)));
    await submit(el);
    expect(errorText(el)).to.equal("That code isn't right. Check the text message and try again.");
    await expect(el).to.be.accessible();
    const texts = adapter.mailbox.filter((message) => message.to === PAT.phoneNumber).length;
    [...el.querySelectorAll<HTMLButtonElement>('form button')].find((button) => button.textContent!.includes('Resend'))!.click();
    await settle(el);
    expect(adapter.mailbox.filter((message) => message.to === PAT.phoneNumber).length).to.equal(texts + 1);
    expect(el.querySelector('[role="status"]')?.textContent).to.contain('+1 415 555 2671');
  });

  it('a number its country cannot have is refused on the field, and nothing is texted', async () => {
    const adapter = phoneAdapter();
    const el = await signInElement(adapter);
    type(input(el, 'email'), '555 12');
    await submit(el);
    await waitUntil(() => errorText(el).includes('valid phone number'), 'the number is refused');
    expect(el.querySelector('.ae-field-error')!.textContent!.trim()).to.equal('Enter a valid phone number. For a number from another country, start with its code (+44…).');
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(title(el)).to.equal('Sign in');
    expect(adapter.mailbox.filter((message) => message.subject === 'Text message')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a number without an account gets the same code step (nothing says who has one), and no code signs in', async () => {
    const adapter = phoneAdapter();
    const el = await signInElement(adapter);
    type(input(el, 'email'), '+44 20 7946 0958');
    await submit(el);
    await onCodeStep(el);
    expect(adapter.latestCode('+442079460958')).to.equal(null);
    type(input(el, 'code'), '123456');
    await submit(el);
    expect(errorText(el)).to.equal("That code isn't right. Check the text message and try again.");
  });

  it('"Use another method" with a number typed offers its texted code, not the email ways', async () => {
    const el = await signInElement(phoneAdapter({socialProviders: ['github']}));
    type(input(el, 'email'), '+1 415 555 2671');
    [...el.querySelectorAll<HTMLButtonElement>('form button')].find((button) => button.textContent!.trim() === 'Use another method')!.click();
    await waitUntil(() => el.querySelectorAll('form [data-method]').length > 0, 'the methods list loads');
    const methods = [...el.querySelectorAll('form [data-method]')].map((button) => button.getAttribute('data-method'));
    expect(methods.filter((method) => method !== 'passkey')).to.deep.equal(['phone-code', 'social:github']);
    expect(el.querySelector('form [data-method="phone-code"]')!.textContent!.trim()).to.equal('Text a code to +1 415 555 2671');
    await expect(el).to.be.accessible();
  });

  it('without texted codes the field takes an email only, and a number is not an email', async () => {
    const el = await signInElement(memoryAdapter());
    expect(label(el, 'email')).to.equal('Email address');
    type(input(el, 'email'), '+1 415 555 2671');
    await submit(el);
    expect(errorText(el)).to.equal('Enter a valid email address.');
  });
});
