import {expect} from '@open-wc/testing';
import {ADA, clientFor, errorText, html, input, memoryAdapter, mount, submit, title, type} from '../../../test/helpers.js';
import type {AuthSignIn} from './sign-in.js';

describe('<auth-sign-in>', () => {
  it('asks for the email first, in a light-DOM form password managers can read', async () => {
    const el = await mount<AuthSignIn>(clientFor(memoryAdapter()), html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
    expect(title(el)).to.equal('Sign in');
    const found = document.querySelectorAll('input[autocomplete="username"]');
    expect(found.length).to.equal(1);
    expect(found[0].closest('form')).to.equal(el.querySelector('form'));
    await expect(el).to.be.accessible();
  });

  it('signs in with email then password', async () => {
    const el = await mount<AuthSignIn>(clientFor(memoryAdapter()), html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
    type(input(el, 'email'), ADA.email);
    await submit(el);
    expect(title(el)).to.equal('Enter your password');
    type(input(el, 'password'), ADA.password);
    await submit(el);
    expect(title(el)).to.equal("You're signed in");
    await expect(el).to.be.accessible();
  });
});
