import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {AuthError} from '../../client/errors.js';
import {deepActiveElement} from '../../internal/focus.js';
import {MemoryAdapter} from '../../client/adapters/memory.js';
import type {PasswordChange} from '../../client/types.js';
import {ADA, memoryAdapter, settle, type, waitUntil} from '../../../test/helpers.js';
import {
  accessible,
  adaWithDevices,
  announced,
  button,
  CHROME_MAC,
  deviceRows,
  editor,
  field,
  fieldError,
  hasButton,
  securityPage,
  sectionText,
  statusText,
} from '../../../test/security-profile.js';

// A password zxcvbn scores strong: the strength check lets it through.
const NEW_PASSWORD = 'difference-engine-1822';
const focused = deepActiveElement;

describe('<auth-user-profile> Security page: password', () => {
  it('says a wrong current password on its field, keeps what was typed, then changes it and signs the other devices out', async () => {
    const {el, adapter} = await securityPage(adaWithDevices());
    expect(deviceRows(el)).to.have.length(3);
    button(el, 'Change password').click();
    await settle(el);
    expect(focused()).to.equal(field(el, 'currentPassword'));
    expect(field(el, 'currentPassword').autocomplete).to.equal('current-password');
    expect(field(el, 'newPassword').autocomplete).to.equal('new-password');
    expect(editor(el).querySelector<HTMLInputElement>('input[autocomplete~="username"]')!.value).to.equal(ADA.email);
    expect(field(el, 'signOutOtherDevices').checked).to.equal(true);
    await accessible(el);

    type(field(el, 'currentPassword'), 'not-my-password1');
    type(field(el, 'newPassword'), NEW_PASSWORD);
    await settle(el);
    expect([...editor(el).querySelectorAll('.ae-rule')].every((rule) => rule.hasAttribute('data-met'))).to.equal(true);
    editor(el).requestSubmit();
    await settle(el);
    expect(field(el, 'currentPassword').getAttribute('aria-invalid')).to.equal('true');
    expect(fieldError(field(el, 'currentPassword'))).to.equal("That password isn't right.");
    expect(field(el, 'currentPassword').value).to.equal('not-my-password1');
    expect(field(el, 'newPassword').value).to.equal(NEW_PASSWORD);
    expect(focused()).to.equal(field(el, 'currentPassword'));
    await accessible(el);

    type(field(el, 'currentPassword'), ADA.password);
    editor(el).requestSubmit();
    await waitUntil(() => statusText(el).includes('changed'), 'no success notice');
    await settle(el);
    expect(editor(el).querySelector('input')).to.equal(null);
    expect(statusText(el)).to.equal('Your password has been changed, and your other devices have been signed out.');
    await waitUntil(() => deviceRows(el).length === 1, 'the other devices are still listed');
    expect(sectionText(el, 'devices')).to.contain("You aren't signed in on any other device.");
    await accessible(el);
    // The new password signs in; the old one no longer does.
    await adapter.newDevice().signInWithPassword({email: ADA.email, password: NEW_PASSWORD});
    let refused: unknown;
    await adapter.newDevice().signInWithPassword({email: ADA.email, password: ADA.password}).catch((error) => (refused = error));
    expect((refused as AuthError).code).to.equal('invalid_credentials');
  });

  it('keeps the other devices signed in when the box is unchecked', async () => {
    const {el} = await securityPage(adaWithDevices());
    button(el, 'Change password').click();
    await settle(el);
    type(field(el, 'currentPassword'), ADA.password);
    type(field(el, 'newPassword'), NEW_PASSWORD);
    field(el, 'signOutOtherDevices').click();
    editor(el).requestSubmit();
    await waitUntil(() => statusText(el) === 'Your password has been changed.', 'no success notice');
    await settle(el);
    expect(deviceRows(el)).to.have.length(3);
  });

  it('refuses a new password that breaks a rule on its field, without asking the API', async () => {
    const calls: PasswordChange[] = [];
    class Counting extends MemoryAdapter {
      override changePassword(change: PasswordChange) {
        calls.push(change);
        return super.changePassword(change);
      }
    }
    const {el} = await securityPage(new Counting({users: [ADA], userAgent: CHROME_MAC}));
    button(el, 'Change password').click();
    await settle(el);
    type(field(el, 'currentPassword'), ADA.password);
    type(field(el, 'newPassword'), 'short1');
    editor(el).requestSubmit();
    await settle(el);
    expect(fieldError(field(el, 'newPassword'))).to.equal('This password is too short.');
    expect(calls).to.deep.equal([]);
    type(field(el, 'newPassword'), 'lettersonly');
    editor(el).requestSubmit();
    await settle(el);
    expect(fieldError(field(el, 'newPassword'))).to.equal('Choose a password that meets every rule below.');
    expect(calls).to.deep.equal([]);
    await accessible(el);
  });

  it('says how long to wait after a 429, above the form, and keeps what was typed', async () => {
    class Limited extends MemoryAdapter {
      override changePassword(): never {
        throw new AuthError('rate_limited', 'rate_limited', {status: 429, retryAfter: 30});
      }
    }
    const {el} = await securityPage(new Limited({users: [ADA], userAgent: CHROME_MAC}));
    button(el, 'Change password').click();
    await settle(el);
    type(field(el, 'currentPassword'), ADA.password);
    type(field(el, 'newPassword'), NEW_PASSWORD);
    editor(el).requestSubmit();
    await waitUntil(() => editor(el).querySelector('.ae-alert'), 'no alert');
    expect(editor(el).querySelector('.ae-alert')!.textContent!.trim()).to.equal('Too many attempts. Try again in 30 seconds.');
    expect(field(el, 'currentPassword').value).to.equal(ADA.password);
    expect(field(el, 'newPassword').value).to.equal(NEW_PASSWORD);
    await accessible(el);
  });

  it('sets a password for an account that signs in without one', async () => {
    const adapter = memoryAdapter({capabilities: {socialProviders: ['github']}, userAgent: CHROME_MAC});
    const {el} = await securityPage(adapter, (a) => a.signInWithSocial('github', '/'));
    expect(sectionText(el, 'password')).to.contain('Your account has no password');
    expect(hasButton(el, 'Change password')).to.equal(false);
    await accessible(el);
    button(el, 'Set password').click();
    await settle(el);
    expect(editor(el).querySelector('input[name="currentPassword"]')).to.equal(null);
    expect(editor(el).querySelector('input[name="signOutOtherDevices"]')).to.equal(null);
    type(field(el, 'newPassword'), NEW_PASSWORD);
    editor(el).requestSubmit();
    await waitUntil(() => statusText(el) === 'Your password has been set.', 'no success notice');
    await settle(el);
    expect(hasButton(el, 'Change password')).to.equal(true);
    await accessible(el);
    await adapter.newDevice().signInWithPassword({email: 'github.user@example.com', password: NEW_PASSWORD});
  });

  it('works with the keyboard alone: Tab to "Change password", Enter, type, submit; Cancel gives focus back', async () => {
    const {el} = await securityPage();
    button(el, 'Change password').blur();
    el.shadowRoot!.querySelector<HTMLElement>('.page-title')!.focus();
    await sendKeys({press: 'Tab'});
    expect(focused()?.textContent?.trim()).to.equal('Change password');
    await sendKeys({press: 'Enter'});
    await settle(el);
    expect(focused()).to.equal(field(el, 'currentPassword'));
    await sendKeys({type: ADA.password});
    await sendKeys({press: 'Tab'}); // the show-password toggle
    await sendKeys({press: 'Tab'});
    expect(focused()).to.equal(field(el, 'newPassword'));
    await sendKeys({type: NEW_PASSWORD});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => statusText(el).includes('changed'), 'no success notice');
    await settle(el);
    await waitUntil(() => focused()?.textContent?.trim() === 'Change password', 'focus did not come back to the button');

    await sendKeys({press: 'Enter'});
    await settle(el);
    expect(focused()).to.equal(field(el, 'currentPassword'));
    await sendKeys({type: 'half-typed'});
    while (focused()?.textContent?.trim() !== 'Cancel') await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Enter'});
    await settle(el);
    expect(editor(el).querySelector('input')).to.equal(null);
    await waitUntil(() => focused()?.textContent?.trim() === 'Change password', 'focus did not come back after Cancel');
    await accessible(el);
  });
});

describe('<auth-user-profile> Security page: delete account', () => {
  it('keeps the delete button disabled until the word is typed (any case), asks for the password, then signs out', async () => {
    const {el, client, adapter} = await securityPage();
    expect(sectionText(el, 'delete-account')).to.contain("This can't be undone.");
    button(el, 'Delete account').click();
    await settle(el);
    const submit = () => editor(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(submit().disabled).to.equal(true);
    expect(editor(el).textContent).to.contain('Type DELETE to confirm');
    expect(field(el, 'password').autocomplete).to.equal('current-password');
    await accessible(el);
    type(field(el, 'confirmation'), 'delet');
    await settle(el);
    expect(submit().disabled).to.equal(true);
    type(field(el, 'confirmation'), 'Delete');
    await settle(el);
    expect(submit().disabled).to.equal(false);

    type(field(el, 'password'), 'wrong-password1');
    editor(el).requestSubmit();
    await waitUntil(() => field(el, 'password').getAttribute('aria-invalid') === 'true', 'no error on the password');
    expect(fieldError(field(el, 'password'))).to.equal("That password isn't right.");
    expect(field(el, 'confirmation').value).to.equal('Delete');
    expect(client.state.status).to.equal('signed-in');
    await accessible(el);

    type(field(el, 'password'), ADA.password);
    editor(el).requestSubmit();
    await waitUntil(() => client.state.status === 'signed-out', 'still signed in');
    await settle(el);
    expect(el.shadowRoot!.querySelector('.page')).to.equal(null);
    await waitUntil(() => announced() === 'Your account has been deleted.', 'the deletion was not announced');
    let refused: unknown;
    await adapter.newDevice().signInWithPassword({email: ADA.email, password: ADA.password}).catch((error) => (refused = error));
    expect((refused as AuthError).code).to.equal('invalid_credentials');
  });
});

describe('<auth-user-profile> Security page: fresh session', () => {
  it('asks for the password when the API wants a fresh session, then continues with the devices list', async () => {
    const adapter = adaWithDevices();
    await adapter.signInWithPassword({email: ADA.email, password: ADA.password});
    adapter.ageSession(2 * 86400);
    const {el} = await securityPage(adapter, async () => {});
    expect(sectionText(el, 'devices')).to.contain('For your security, enter your password again to continue.');
    await accessible(el);
    button(el, 'Continue').click();
    const dialog = el.shadowRoot!.querySelector('auth-dialog')!;
    await waitUntil(() => (dialog as unknown as {open: boolean}).open, 'no password dialog');
    const password = el.querySelector<HTMLInputElement>('form[slot="reauth-form"] input[autocomplete="current-password"]')!;
    await waitUntil(() => focused() === password, 'the password field does not have focus');
    await accessible(el);
    type(password, ADA.password);
    password.form!.requestSubmit();
    await waitUntil(() => deviceRows(el).length === 3, 'the devices never loaded');
    expect((dialog as unknown as {open: boolean}).open).to.equal(false);
    await accessible(el);
  });
});
