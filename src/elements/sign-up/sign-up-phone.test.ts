import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {clientFor, errorText, html, input, memoryAdapter, mount, nextEvent, settle, submit, title, type, waitUntil} from '../../../test/helpers.js';
import type {AuthSignUp} from './sign-up.js';

async function signUpElement(adapter = memoryAdapter({capabilities: {phoneNumber: true}})) {
  return mount<AuthSignUp>(clientFor(adapter), html`<auth-sign-up phone-country="US" sign-in-url="/sign-in"></auth-sign-up>`, 'auth-sign-up');
}

const linkButton = (el: Element, text: string) => [...el.querySelectorAll<HTMLButtonElement>('form button')].find((button) => button.textContent!.trim() === text);

/** Follows "Use a phone number instead" (its words load first). */
async function usePhone(el: AuthSignUp) {
  linkButton(el, 'Use a phone number instead')!.click();
  await waitUntil(() => el.querySelector('input[name="phone"]'), 'the phone field shows');
  await settle(el);
}

describe('<auth-sign-up> by phone', () => {
  it('offers a phone number instead of an email where the API texts codes: name and number, no password', async () => {
    const el = await signUpElement();
    await usePhone(el);
    const phone = input(el, 'phone');
    expect(phone).to.include({type: 'tel', autocomplete: 'tel', inputMode: 'tel'});
    expect(document.activeElement).to.equal(phone);
    expect(el.querySelector('input[name="password"]')).to.equal(null);
    expect(el.querySelector(`#${phone.getAttribute('aria-describedby')}`)!.textContent).to.contain("We'll text you a code");
    await expect(el).to.be.accessible();
    linkButton(el, 'Use an email address instead')!.click();
    await settle(el);
    expect(document.activeElement).to.equal(input(el, 'email'));
  });

  it('tidies the number on leaving the field, texts a code, and makes the account with the name when it is entered, by keyboard alone', async () => {
    const adapter = memoryAdapter({capabilities: {phoneNumber: true}});
    const el = await signUpElement(adapter);
    type(input(el, 'name'), 'Grace <img src=x onerror=alert(1)>');
    await usePhone(el);
    await sendKeys({type: '4155550123'});
    input(el, 'phone').blur();
    await waitUntil(() => input(el, 'phone').value === '(415) 555-0123', 'the number is tidied');
    input(el, 'phone').focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => title(el) === 'Verify your phone number', 'the code step shows');
    await settle(el);
    expect(el.querySelector('.ae-hint')!.textContent!.trim()).to.equal('Enter the 6-digit code we texted to +1 415 555 0123.');
    await expect(el).to.be.accessible();
    const signedIn = nextEvent(el, 'auth-signed-in');
    input(el, 'code').focus();
    await sendKeys({type: adapter.latestCode('+14155550123')!});
    const {user} = await signedIn;
    expect(user).to.include({name: 'Grace <img src=x onerror=alert(1)>', email: '', phoneNumber: '+14155550123'});
    expect(document.querySelector('img[src="x"]')).to.equal(null);
  });

  it('a number that is not one is refused on its field; "Change phone number" keeps the number', async () => {
    const adapter = memoryAdapter({capabilities: {phoneNumber: true}});
    const el = await signUpElement(adapter);
    await usePhone(el);
    type(input(el, 'phone'), '12');
    await submit(el);
    expect(el.querySelector('.ae-field-error')!.textContent!.trim()).to.contain('Enter a valid phone number');
    expect(input(el, 'phone').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    type(input(el, 'phone'), '+44 20 7946 0958');
    await submit(el);
    expect(title(el)).to.equal('Verify your phone number');
    type(input(el, 'code'), '000000');
    await submit(el);
    expect(errorText(el)).to.equal("That code isn't right. Check the text message and try again.");
    linkButton(el, 'Change phone number')!.click();
    await settle(el);
    expect(title(el)).to.equal('Create your account');
    expect(input(el, 'phone').value).to.equal('+44 20 7946 0958');
  });

  it('no phone sign-up without texted codes', async () => {
    const el = await signUpElement(memoryAdapter());
    expect(linkButton(el, 'Use a phone number instead')).to.equal(undefined);
  });
});
