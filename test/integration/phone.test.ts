import {expect} from '@open-wc/testing';
import {clientFor, errorText, html, input, mount, settle, submit, title, type, waitUntil} from '../helpers.js';
import {latestCode, network} from '../real-server.js';
import type {AuthSignIn} from '../../src/elements/sign-in/sign-in.js';
import type {AuthSignUp} from '../../src/elements/sign-up/sign-up.js';
import type {AuthUserButton} from '../../src/elements/user-button/user-button.js';

/** A valid US number (415 area) no run has used. */
const uniqueNumber = () => `+14152${String(Date.now() % 1_000_000).padStart(6, '0')}`;
const national = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
const button = (el: Element, text: string) => [...el.querySelectorAll<HTMLButtonElement>('form button')].find((b) => b.textContent!.trim() === text)!;
const userButtonText = () => document.querySelector<AuthUserButton>('auth-user-button')?.shadowRoot?.textContent ?? '';

async function mountWith<T extends HTMLElement>(tag: 'auth-sign-in' | 'auth-sign-up', conditions = network()) {
  const client = clientFor(conditions.adapter);
  const card = tag === 'auth-sign-in' ? html`<auth-sign-in phone-country="US"></auth-sign-in>` : html`<auth-sign-up phone-country="US"></auth-sign-up>`;
  const el = await mount<T>(client, html`${card}<auth-signed-in><auth-user-button></auth-user-button></auth-signed-in>`, tag);
  return {el, client, conditions};
}

describe('sign-up and sign-in by texted code against the real server', () => {
  const phoneNumber = uniqueNumber();
  afterEach(() => network().adapter.signOut());

  it('signs up with a number: the code is texted to the dev mailbox, the account has the name and the number', async () => {
    const {el, client} = await mountWith<AuthSignUp>('auth-sign-up');
    type(input(el, 'name'), 'Hedy Lamarr');
    button(el, 'Use a phone number instead').click();
    await waitUntil(() => el.querySelector('input[name="phone"]'), 'the phone field');
    type(input(el, 'phone'), national(phoneNumber));
    await submit(el);
    await waitUntil(() => title(el) === 'Verify your phone number', 'the code step');
    const mail: Array<{to: string; subject: string}> = await (await fetch('/__mail.json')).json();
    expect(mail.filter((message) => message.to === phoneNumber).map((message) => message.subject)).to.deep.equal(['Text message']);
    type(input(el, 'code'), await latestCode(phoneNumber));
    await waitUntil(() => client.state.status === 'signed-in', 'signed in');
    expect(client.user).to.include({name: 'Hedy Lamarr', email: '', phoneNumber});
    await waitUntil(() => userButtonText().includes('Hedy Lamarr'), 'the user button shows who');
  });

  it('signs in with the number from the first step and the code texted', async () => {
    const {el, client} = await mountWith<AuthSignIn>('auth-sign-in');
    type(input(el, 'email'), national(phoneNumber));
    await submit(el);
    await waitUntil(() => title(el) === 'Check your phone', 'the code step');
    type(input(el, 'code'), await latestCode(phoneNumber));
    await waitUntil(() => client.state.status === 'signed-in', 'signed in');
    expect(client.user).to.include({name: 'Hedy Lamarr', phoneNumber});
  });

  it('network down, then a 429: each says so, and the number typed stays', async () => {
    const {el, conditions} = await mountWith<AuthSignIn>('auth-sign-in');
    type(input(el, 'email'), national(phoneNumber));
    conditions.state.mode = 'offline';
    await submit(el);
    expect(errorText(el)).to.contain("We can't reach the server");
    expect(input(el, 'email').value).to.equal(national(phoneNumber));
    conditions.state.mode = 'rate-limited';
    await submit(el);
    expect(errorText(el)).to.contain('Too many attempts');
    expect(title(el)).to.equal('Sign in');
    await settle(el);
    await expect(el).to.be.accessible();
  });
});
