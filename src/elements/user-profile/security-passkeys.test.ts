import {expect} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {AuthError} from '../../client/errors.js';
import type {MemoryUserSeed} from '../../client/adapters/memory.js';
import {deepActiveElement} from '../../internal/focus.js';
import {ADA, memoryAdapter, settle, waitUntil} from '../../../test/helpers.js';
import {accessible, announced, button, CHROME_MAC, hasButton, securityPage, sectionText, statusText} from '../../../test/security-profile.js';
import type {AuthUserProfile} from './user-profile.js';

const focused = deepActiveElement;
const shadow = (el: Element) => el.shadowRoot!;
const DAY = 86400_000;
const HOSTILE = '<img src=x onerror=alert(1)>';

const withPasskeys = (passkeys: MemoryUserSeed['passkeys']) => memoryAdapter({userAgent: CHROME_MAC, users: [{...ADA, passkeys}]});

/** The passkeys' rows as read: title, badge and details. */
const rows = (el: AuthUserProfile) =>
  [...shadow(el).querySelectorAll('#passkeys-list > li')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
/** Each row's title, without its badge. */
const titles = (el: AuthUserProfile) =>
  [...shadow(el).querySelectorAll('#passkeys-list .row-list-title')].map((node) =>
    [...node.childNodes].filter((child) => child.nodeType === Node.TEXT_NODE).map((child) => child.textContent).join('').trim(),
  );
const row = (el: AuthUserProfile, index: number) => shadow(el).querySelectorAll<HTMLElement>('#passkeys-list > li')[index];
const rowButton = (el: AuthUserProfile, index: number, label: string) =>
  [...row(el, index).querySelectorAll<HTMLButtonElement>('button')].find((node) => node.textContent!.trim() === label)!;
const nameInput = (el: AuthUserProfile) => shadow(el).querySelector<HTMLInputElement>('#passkey-rename-input');

async function passkeysPage(adapter = withPasskeys([])) {
  const page = await securityPage(adapter);
  await waitUntil(() => shadow(page.el).querySelector('#passkeys-list, .empty-note'), 'the passkeys never loaded');
  await settle(page.el);
  return page;
}

describe('<auth-user-profile> Security page: passkeys', () => {
  it('lists the passkeys: a hostile name as text, the default name, created, last used, synced', async () => {
    const {el} = await passkeysPage(
      withPasskeys([
        {name: HOSTILE, createdAt: new Date(Date.now() - 3 * DAY), lastUsedAt: new Date(Date.now() - 2 * 3600_000), synced: true},
        {name: null, createdAt: new Date(Date.now() - 40 * DAY), lastUsedAt: null, synced: false},
      ]),
    );
    expect(titles(el)).to.deep.equal([HOSTILE, 'Passkey']);
    expect(shadow(el).querySelector('#passkeys-list img')).to.equal(null);
    expect(rows(el)[0]).to.contain('Synced');
    expect(rows(el)[0]).to.contain('Last used 2 hours ago');
    expect(rows(el)[0]).to.match(/Created \w{3} \d+, \d{4}/);
    expect(rows(el)[1]).not.to.contain('Synced');
    expect(rows(el)[1]).to.contain('Not used yet');
    // Each row's actions say which passkey they act on.
    const rename = rowButton(el, 0, 'Rename');
    expect(shadow(el).getElementById(rename.getAttribute('aria-describedby')!)!.textContent).to.contain(HOSTILE);
    await accessible(el);
  });

  it('renames a passkey in place: Enter saves, Escape puts the name back, an empty name is refused', async () => {
    const {el, adapter} = await passkeysPage(withPasskeys([{name: 'MacBook', createdAt: new Date(Date.now() - DAY)}]));
    rowButton(el, 0, 'Rename').click();
    await settle(el);
    expect(focused()).to.equal(nameInput(el));
    expect(nameInput(el)!.value).to.equal('MacBook');
    expect(nameInput(el)!.labels![0].textContent!.trim()).to.equal('Passkey name');
    await accessible(el);

    // Escape: the name as it was, focus back on Rename.
    await sendKeys({type: ' Air'});
    await sendKeys({press: 'Escape'});
    await settle(el);
    expect(nameInput(el)).to.equal(null);
    expect(titles(el)).to.deep.equal(['MacBook']);
    await waitUntil(() => focused() === rowButton(el, 0, 'Rename'), 'focus is not back on Rename');

    // Empty: said on the field, nothing sent.
    await sendKeys({press: 'Enter'});
    await settle(el);
    nameInput(el)!.select();
    await sendKeys({press: 'Backspace'});
    await sendKeys({press: 'Enter'});
    await settle(el);
    expect(nameInput(el)!.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).getElementById(nameInput(el)!.getAttribute('aria-describedby')!)!.textContent!.trim()).to.equal('Enter a name.');
    await accessible(el);

    await sendKeys({type: HOSTILE});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => statusText(el).includes('now called'), 'no notice');
    await settle(el);
    expect(titles(el)).to.deep.equal([HOSTILE]);
    expect(statusText(el)).to.equal(`The passkey is now called ${HOSTILE}.`);
    expect(shadow(el).querySelector('#passkeys-list img')).to.equal(null);
    expect((await adapter.listPasskeys())[0].name).to.equal(HOSTILE);
    await waitUntil(() => focused() === rowButton(el, 0, 'Rename'), 'focus is not back on Rename');
    await accessible(el);
  });

  it('keeps the name typed when renaming fails', async () => {
    const {el, adapter} = await passkeysPage(withPasskeys([{name: 'MacBook'}]));
    adapter.renamePasskey = () => Promise.reject(new AuthError('server', 'server', {status: 500}));
    rowButton(el, 0, 'Rename').click();
    await settle(el);
    nameInput(el)!.value = 'Work laptop';
    nameInput(el)!.form!.requestSubmit();
    await settle(el);
    await waitUntil(() => shadow(el).querySelector('.rename-error'), 'no error');
    expect(shadow(el).querySelector('.rename-error')!.textContent!.trim()).to.equal('Something went wrong on our side. Try again in a moment.');
    expect(nameInput(el)!.value).to.equal('Work laptop');
    await accessible(el);
  });

  it('removes a passkey after asking in its row (Cancel keeps it); the list takes focus', async () => {
    const {el, adapter} = await passkeysPage(withPasskeys([{name: 'MacBook', createdAt: new Date(Date.now() - DAY)}, {name: 'Phone', createdAt: new Date()}]));
    rowButton(el, 1, 'Remove').click();
    await settle(el);
    expect(row(el, 1).textContent).to.contain("Remove MacBook? You won't be able to sign in with it anymore.");
    expect(focused()).to.equal(rowButton(el, 1, 'Cancel'));
    await accessible(el);
    rowButton(el, 1, 'Cancel').click();
    await settle(el);
    await waitUntil(() => focused() === rowButton(el, 1, 'Remove'), 'focus is not back on Remove');
    expect(titles(el)).to.deep.equal(['Phone', 'MacBook']);

    rowButton(el, 1, 'Remove').click();
    await settle(el);
    rowButton(el, 1, 'Remove passkey').click();
    await waitUntil(() => titles(el).length === 1, 'the passkey is still listed');
    await settle(el);
    expect(statusText(el)).to.equal('MacBook has been removed.');
    expect(announced()).to.equal('MacBook has been removed.');
    expect((await adapter.listPasskeys()).map((passkey) => passkey.name)).to.deep.equal(['Phone']);
    await waitUntil(() => focused() === shadow(el).querySelector('#passkeys-list'), 'the list did not take focus');
    await accessible(el);
  });

  it('says there are none yet, and adds one through the browser (a virtual authenticator)', async () => {
    const authenticatorId = await executeServerCommand('webauthn', {action: 'add'});
    try {
      const {el, adapter} = await passkeysPage();
      expect(sectionText(el, 'passkeys')).to.contain("You haven't added a passkey yet.");
      await accessible(el);
      button(el, 'Add a passkey').click();
      await waitUntil(() => titles(el).length === 1, 'the new passkey is not listed');
      await settle(el);
      expect(statusText(el)).to.equal('Your passkey has been added.');
      expect(await adapter.listPasskeys()).to.have.length(1);
      await accessible(el);
    } finally {
      await executeServerCommand('webauthn', {action: 'remove', authenticatorId});
    }
  });

  it('says nothing when the person closes the browser\'s prompt', async () => {
    const {el, adapter} = await passkeysPage();
    adapter.addPasskey = () => Promise.reject(new AuthError('cancelled'));
    button(el, 'Add a passkey').click();
    await settle(el);
    await waitUntil(() => !shadow(el).querySelector('[part~="passkeys-add-button"][aria-disabled="true"]'), 'still busy');
    expect(shadow(el).querySelector('section[aria-labelledby="section-passkeys"] [role="alert"]')).to.equal(null);
    expect(statusText(el)).to.equal('');
  });

  it('says why the list could not load, and loads it with Try again', async () => {
    const adapter = withPasskeys([{name: 'MacBook'}]);
    const list = adapter.listPasskeys.bind(adapter);
    let fail = true;
    adapter.listPasskeys = (options) => (fail ? Promise.reject(new AuthError('network')) : list(options));
    const {el} = await securityPage(adapter);
    await waitUntil(() => sectionText(el, 'passkeys').includes("We can't reach the server."), 'no error');
    await accessible(el);
    fail = false;
    [...shadow(el).querySelectorAll<HTMLButtonElement>('section[aria-labelledby="section-passkeys"] button')].find((node) => node.textContent!.trim() === 'Try again')!.click();
    await waitUntil(() => titles(el).length === 1, 'the list never loaded');
  });

  it('is not shown where the API has no passkeys', async () => {
    const {el} = await securityPage(memoryAdapter({userAgent: CHROME_MAC, capabilities: {passkeys: false, multiFactor: false}}));
    expect(shadow(el).querySelector('#section-passkeys')).to.equal(null);
    expect(shadow(el).querySelector('#section-two-factor')).to.equal(null);
    expect(hasButton(el, 'Add a passkey')).to.equal(false);
  });
});
