import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {AuthError} from '../../client/errors.js';
import type {MemoryAdapter} from '../../client/adapters/memory.js';
import type {AuthDialog} from '../../internal/dialog.js';
import {deepActiveElement} from '../../internal/focus.js';
import {ADA, clientFor, html, memoryAdapter, mount, settle, waitUntil} from '../../../test/helpers.js';
import {opened} from '../../../test/org-profile.js';
import {accessible, announced, button, hasButton, sectionText, statusText} from '../../../test/security-profile.js';
import {resetConnectLandingForTests} from './connect-landing.js';
import type {AuthUserProfile} from './user-profile.js';

const shadow = (el: Element) => el.shadowRoot!;
const DEV = 'dev-oidc';
const SOCIAL_USER = 'dev-oidc.user@example.com';
const HOSTILE = '<img src=x onerror=alert(1)>@example.com';

/** Dev Identity (named by the API) and GitHub, in memory. */
const adapterWith = (): MemoryAdapter =>
  memoryAdapter({capabilities: {socialProviders: [DEV, 'github'], socialProviderNames: {[DEV]: 'Dev Identity'}}});

/** The connected accounts' rows as read: the title, each line of detail, the buttons. */
const rows = (el: AuthUserProfile) =>
  [...shadow(el).querySelectorAll('#connected-list > li')].map((row) =>
    [...row.querySelectorAll('.row-list-title, .row-list-detail, button')].map((node) => node.textContent!.replace(/\s+/g, ' ').trim()).join(' '),
  );
const row = (el: AuthUserProfile, index: number) => shadow(el).querySelectorAll<HTMLElement>('#connected-list > li')[index];
const dialog = (el: AuthUserProfile) => shadow(el).querySelector<AuthDialog>('auth-dialog.connected-dialog')!;
const dialogButton = (el: AuthUserProfile, label: string) => [...dialog(el).querySelectorAll<HTMLButtonElement>('button')].find((node) => node.textContent!.replace(/\s+/g, ' ').trim() === label)!;
const alertText = (el: AuthUserProfile) => shadow(el).querySelector('section[aria-labelledby="section-connected"] [role="alert"]')?.textContent?.trim() ?? '';
const loaded = (el: AuthUserProfile) => !!shadow(el).querySelector('#connected-list, section[aria-labelledby="section-connected"] .empty-note, section[aria-labelledby="section-connected"] .ae-unavailable');

/** A profile signed in on `adapter` (Ada with her password unless `signIn` says otherwise), its connected accounts loaded. */
async function accountPage(adapter: MemoryAdapter, signIn: (adapter: MemoryAdapter) => Promise<unknown> = (a) => a.signInWithPassword({email: ADA.email, password: ADA.password})) {
  await signIn(adapter);
  const client = clientFor(adapter);
  const el = await mount<AuthUserProfile>(client, html`<auth-user-profile></auth-user-profile>`, 'auth-user-profile');
  await waitUntil(() => loaded(el), 'the connected accounts never loaded');
  // The providers' marks load after the list.
  await waitUntil(() => shadow(el).querySelector('#connected-list') === null || shadow(el).querySelector('#connected-list .provider-icon, #connected-list .provider-initial'));
  await settle(el);
  return {el, client, adapter};
}

describe('<auth-user-profile> Account page: connected accounts', () => {
  const original = location.href;
  afterEach(() => {
    history.replaceState(null, '', original);
    resetConnectLandingForTests();
  });

  it('lists each linked account: the provider by name, its mark or initial, the email there as text, since when; Connect for the others', async () => {
    const adapter = adapterWith();
    adapter.addLinkedAccount(ADA.email, {provider: DEV, email: HOSTILE, linkedAt: new Date('2026-03-04T10:00:00Z')});
    adapter.addLinkedAccount(ADA.email, {provider: 'github', email: 'ada@github.example', linkedAt: new Date('2026-05-06T10:00:00Z')});
    const {el} = await accountPage(adapter);
    expect(shadow(el).getElementById('section-connected')!.textContent).to.equal('Connected accounts');
    expect(rows(el)).to.deep.equal([`Dev Identity ${HOSTILE} Connected Mar 4, 2026 Disconnect`, 'GitHub ada@github.example Connected May 6, 2026 Disconnect']);
    expect(shadow(el).querySelector('#connected-list img')).to.equal(null);
    // No mark for Dev Identity: its initial, hidden from assistive technology (the title names it).
    expect(row(el, 0).querySelector('.provider-initial')!.getAttribute('aria-hidden')).to.equal('true');
    expect(row(el, 1).querySelector('.provider-icon svg')).to.not.equal(null);
    // Each Disconnect says which account it acts on.
    const disconnect = row(el, 1).querySelector('button')!;
    expect(shadow(el).getElementById(disconnect.getAttribute('aria-describedby')!)!.textContent!.trim()).to.equal('GitHub');
    expect(hasButton(el, 'Connect Dev Identity')).to.equal(false);
    await accessible(el);
  });

  it('says when there is none, and offers each provider', async () => {
    const {el} = await accountPage(adapterWith());
    expect(sectionText(el, 'connected')).to.equal('Connected accounts No connected accounts Connect Dev Identity Connect GitHub');
    await accessible(el);
  });

  it('connects a provider (memory links at once): listed, said, focus on the list', async () => {
    const {el} = await accountPage(adapterWith());
    button(el, 'Connect Dev Identity').focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => rows(el).length === 1, 'the account was never listed');
    await settle(el);
    expect(rows(el)[0]).to.match(/^Dev Identity ada@example\.com Connected \w{3} \d+, \d{4} Disconnect$/);
    expect(statusText(el)).to.equal('Dev Identity is now connected.');
    expect(announced()).to.equal('Dev Identity is now connected.');
    expect(hasButton(el, 'Connect Dev Identity')).to.equal(false);
    await waitUntil(() => deepActiveElement() === shadow(el).querySelector('#connected-list'), 'focus is not on the list');
    await accessible(el);
  });

  it('disconnects after a confirmation, by keyboard: Cancel keeps it, Disconnect removes it', async () => {
    const adapter = adapterWith();
    adapter.addLinkedAccount(ADA.email, {provider: 'github'});
    const {el} = await accountPage(adapter);
    const opener = row(el, 0).querySelector('button')!;
    opener.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => dialog(el).open, 'Enter did not open the confirmation');
    await opened(dialog(el));
    expect(dialog(el).label).to.equal('Disconnect GitHub?');
    expect(dialog(el).textContent!.replace(/\s+/g, ' ')).to.contain("You won't be able to sign in with GitHub anymore.");
    await accessible(el);

    // Cancel: nothing changes, focus back where it was.
    dialogButton(el, 'Cancel').focus();
    await sendKeys({press: 'Enter'});
    await settle(el);
    expect(dialog(el).open).to.equal(false);
    expect(rows(el)).to.have.length(1);
    await waitUntil(() => deepActiveElement() === opener, 'focus is not back on Disconnect');

    await sendKeys({press: 'Enter'});
    await waitUntil(() => dialog(el).open, 'Enter did not open it again');
    await opened(dialog(el));
    dialogButton(el, 'Disconnect').focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => !dialog(el).open && rows(el).length === 0, 'the account was never removed');
    await settle(el);
    expect(statusText(el)).to.equal('GitHub has been disconnected.');
    expect(sectionText(el, 'connected')).to.contain('No connected accounts');
    expect(await adapter.listConnectedAccounts()).to.deep.equal([]);
    await accessible(el);
  });

  it('offers no Disconnect for the only way in, and says why', async () => {
    const {el} = await accountPage(adapterWith(), (a) => a.signInWithSocial(DEV, location.href));
    expect(rows(el)).to.have.length(1);
    expect(rows(el)[0]).to.match(/^Dev Identity dev-oidc\.user@example\.com Connected .+ Your only way to sign in$/);
    expect(row(el, 0).querySelector('button')).to.equal(null);
    expect(hasButton(el, 'Connect GitHub')).to.equal(true);
    await accessible(el);
  });

  it('the API refusing the last way in (changed on another device): said in the dialog, and the list follows', async () => {
    const adapter = adapterWith();
    await adapter.signInWithSocial(DEV, location.href);
    adapter.addLinkedAccount(SOCIAL_USER, {provider: 'github'});
    const {el} = await accountPage(adapter, async () => {});
    expect(rows(el)).to.have.length(2);
    const other = adapter.newDevice();
    await other.signInWithSocial(DEV, location.href);
    const github = (await other.listConnectedAccounts()).find((account) => account.provider === 'github')!;
    await other.unlinkAccount('github', github.id);

    const devIdentity = [...shadow(el).querySelectorAll('#connected-list > li')].findIndex((item) => item.querySelector('.row-list-title')!.textContent!.trim() === 'Dev Identity');
    row(el, devIdentity).querySelector('button')!.click();
    await waitUntil(() => dialog(el).open, 'no confirmation');
    await opened(dialog(el));
    dialogButton(el, 'Disconnect').click();
    await waitUntil(() => dialog(el).textContent!.includes('only way to sign in'), 'the refusal was never shown');
    expect(dialog(el).querySelector('[role="alert"]')!.textContent!.trim()).to.equal(
      'This is your only way to sign in. Set a password or connect another account first.',
    );
    await accessible(el);
    await waitUntil(() => rows(el).length === 1, 'the list never followed');
    dialogButton(el, 'Cancel').click();
    await settle(el);
    expect(rows(el)[0]).to.contain('Your only way to sign in');
    expect(row(el, 0).querySelector('button')).to.equal(null);
    await accessible(el);
  });

  it('coming back from the provider refused: says why in the section, and the address forgets it', async () => {
    const url = new URL(location.href);
    url.searchParams.set('auth-connect', DEV);
    url.searchParams.set('error', 'access_denied');
    url.hash = '#/account';
    history.replaceState(null, '', url.href);
    resetConnectLandingForTests();
    const {el} = await accountPage(adapterWith());
    expect(alertText(el)).to.equal("Access wasn't allowed. Try again, or use another way to sign in.");
    expect(new URL(location.href).searchParams.has('auth-connect')).to.equal(false);
    expect(new URL(location.href).searchParams.has('error')).to.equal(false);
    expect(location.hash).to.equal('#/account');
    await accessible(el);
  });

  it('coming back linked: says so', async () => {
    const adapter = adapterWith();
    adapter.addLinkedAccount(ADA.email, {provider: DEV});
    const url = new URL(location.href);
    url.searchParams.set('auth-connect', DEV);
    history.replaceState(null, '', url.href);
    resetConnectLandingForTests();
    const {el} = await accountPage(adapter);
    expect(statusText(el)).to.equal('Dev Identity is now connected.');
    expect(new URL(location.href).searchParams.has('auth-connect')).to.equal(false);
    await accessible(el);
  });

  it('a list that could not load: the reason and Try again', async () => {
    const adapter = adapterWith();
    const list = adapter.listConnectedAccounts.bind(adapter);
    let failures = 1;
    adapter.listConnectedAccounts = (options) => (failures-- > 0 ? Promise.reject(new AuthError('network')) : list(options));
    const {el} = await accountPage(adapter);
    expect(sectionText(el, 'connected')).to.contain("We can't reach the server.");
    await accessible(el);
    button(el, 'Try again').click();
    await waitUntil(() => sectionText(el, 'connected').includes('No connected accounts'), 'the retry never listed');
    await accessible(el);
  });
});
