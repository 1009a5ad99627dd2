// The profile's new password (change it, or set one): the strength meter as it is typed, and a
// password too easy to guess refused on save with the reason, before the API is asked.
import {expect} from '@open-wc/testing';
import {MemoryAdapter} from '../../client/adapters/memory.js';
import type {PasswordChange} from '../../client/types.js';
import {setScorerLoaderForTests} from '../../internal/strength-meter.js';
import {ADA, memoryAdapter, settle, type, waitUntil} from '../../../test/helpers.js';
import {accessible, announced, button, CHROME_MAC, editor, field, fieldError, securityPage, statusText} from '../../../test/security-profile.js';
import type {AuthUserProfile} from './user-profile.js';

const STRONG = 'difference-engine-1822';
const meterLabel = (el: AuthUserProfile) => editor(el).querySelector('[part="password-strength-label"]')?.textContent?.trim() ?? '';
const meterHint = (el: AuthUserProfile) => editor(el).querySelector('.ae-strength-hint')?.textContent?.trim() ?? '';

async function typeAndScore(el: AuthUserProfile, password: string, label: string) {
  type(field(el, 'newPassword'), password);
  await waitUntil(() => meterLabel(el) === label, `the meter does not say "${label}" for "${password}" (it says "${meterLabel(el)}")`, {
    timeout: 5000,
  });
  await settle(el);
}

class Counting extends MemoryAdapter {
  changes: PasswordChange[] = [];
  override changePassword(change: PasswordChange) {
    this.changes.push(change);
    return super.changePassword(change);
  }
}

describe('<auth-user-profile> Security page: new password strength', () => {
  afterEach(() => setScorerLoaderForTests(null));

  it('shows the meter under the new password, described by it, and refuses a weak one on save with the reason', async () => {
    const adapter = new Counting({users: [ADA], userAgent: CHROME_MAC});
    const {el} = await securityPage(adapter);
    button(el, 'Change password').click();
    await settle(el);
    expect(editor(el).querySelector('[part="password-strength"]')).to.equal(null);
    type(field(el, 'currentPassword'), ADA.password);
    // Ada's own name and email make a weak password.
    await typeAndScore(el, 'lovelace1815', 'Password strength: Weak');
    const meter = editor(el).querySelector<HTMLElement>('[part="password-strength"]')!;
    expect(field(el, 'newPassword').getAttribute('aria-describedby')!.split(' ')).to.include(meter.id);
    expect(meterHint(el)).to.not.equal('');
    await waitUntil(() => announced() === 'Password strength: Weak', 'the level is not announced', {timeout: 4000});
    await accessible(el);

    editor(el).requestSubmit();
    await settle(el);
    expect(fieldError(field(el, 'newPassword'))).to.equal(`Too easy to guess. ${meterHint(el)}`);
    expect(field(el, 'newPassword').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'newPassword').value).to.equal('lovelace1815');
    expect(adapter.changes).to.deep.equal([]);
    await accessible(el);

    await typeAndScore(el, STRONG, 'Password strength: Strong');
    expect(fieldError(field(el, 'newPassword'))).to.not.match(/^Too easy/);
    await accessible(el);
    editor(el).requestSubmit();
    await waitUntil(() => statusText(el).includes('changed'), 'no success notice');
    expect(adapter.changes.map((change) => change.newPassword)).to.deep.equal([STRONG]);
  });

  it("scores Ada's own details low: her email with a digit (strong for anyone else)", async () => {
    const {el} = await securityPage(memoryAdapter({userAgent: CHROME_MAC}));
    button(el, 'Change password').click();
    await settle(el);
    await typeAndScore(el, 'ada@example.com1', 'Password strength: Weak');
    expect(meterHint(el)).to.equal("Don't use your name or email address in your password.");
  });

  it('saves a password that meets the policy when zxcvbn cannot load', async () => {
    setScorerLoaderForTests(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    const adapter = new Counting({users: [ADA], userAgent: CHROME_MAC});
    const {el} = await securityPage(adapter);
    button(el, 'Change password').click();
    await settle(el);
    type(field(el, 'currentPassword'), ADA.password);
    type(field(el, 'newPassword'), 'password1');
    await settle(el);
    editor(el).requestSubmit();
    await waitUntil(() => statusText(el).includes('changed'), 'no success notice');
    expect(adapter.changes.map((change) => change.newPassword)).to.deep.equal(['password1']);
    await accessible(el);
  });

  it('refuses a weak password when setting one for an account that has none', async () => {
    const adapter = memoryAdapter({capabilities: {socialProviders: ['github']}, userAgent: CHROME_MAC});
    const {el} = await securityPage(adapter, (a) => a.signInWithSocial('github', '/'));
    button(el, 'Set password').click();
    await settle(el);
    await typeAndScore(el, 'password1', 'Password strength: Weak');
    editor(el).requestSubmit();
    await settle(el);
    expect(fieldError(field(el, 'newPassword'))).to.equal('Too easy to guess. This is a commonly used password.');
    await accessible(el);
    await typeAndScore(el, STRONG, 'Password strength: Strong');
    editor(el).requestSubmit();
    await waitUntil(() => statusText(el) !== '', 'no success notice');
    expect(statusText(el)).to.contain('password');
  });
});
