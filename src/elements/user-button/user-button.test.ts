import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {AuthError} from '../../client/errors.js';
import {MemoryAdapter} from '../../client/adapters/memory.js';
import {ADA, clientFor, html, memoryAdapter, mount, nextEvent, settle, waitUntil} from '../../../test/helpers.js';
import type {AuthUserButton} from './user-button.js';

async function signedInButton(adapter: MemoryAdapter = memoryAdapter(), email = ADA.email, password = ADA.password) {
  await adapter.signInWithPassword({email, password});
  const client = clientFor(adapter);
  const el = await mount<AuthUserButton>(client, html`<auth-user-button></auth-user-button>`, 'auth-user-button');
  return {el, client};
}

const trigger = (el: AuthUserButton) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
const popover = (el: AuthUserButton) => el.shadowRoot!.querySelector<HTMLElement>('[part~="popover"]')!;
const isOpen = (el: AuthUserButton) => popover(el).matches(':popover-open');
const focused = (el: AuthUserButton) => el.shadowRoot!.activeElement;
/** The menu item with that text. */
const item = (el: AuthUserButton, text: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((node) => node.textContent!.trim() === text)!;

describe('<auth-user-button>', () => {
  it('renders nothing while nobody is signed in', async () => {
    const el = await mount<AuthUserButton>(clientFor(memoryAdapter()), html`<auth-user-button></auth-user-button>`, 'auth-user-button');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the initials of a user without a picture, with the menu closed', async () => {
    const {el} = await signedInButton();
    expect(trigger(el).querySelector('[part="avatar"]')!.getAttribute('data-initials')).to.equal('AL');
    expect(trigger(el).getAttribute('aria-label')).to.equal('Account menu for Ada Lovelace');
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('false');
    expect(isOpen(el)).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows the picture when the user has one', async () => {
    const adapter = new MemoryAdapter({users: [{...ADA, imageUrl: 'data:image/gif;base64,R0lGODlhAQABAAAAACw='}]});
    const {el} = await signedInButton(adapter);
    expect(trigger(el).querySelector('img')!.getAttribute('alt')).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('opens with the keyboard on the first item, moves with arrows and closes with Escape', async () => {
    const {el} = await signedInButton();
    trigger(el).focus();
    await sendKeys({press: 'ArrowDown'});
    await settle(el);
    expect(isOpen(el)).to.equal(true);
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');
    expect(focused(el)!.getAttribute('role')).to.equal('menuitem');
    expect(popover(el).textContent).to.contain('Ada Lovelace').and.contain(ADA.email);
    await expect(el).to.be.accessible();
    await sendKeys({press: 'End'});
    expect(focused(el)!.textContent!.trim()).to.equal('Sign out');
    await sendKeys({press: 'Escape'});
    await settle(el);
    expect(isOpen(el)).to.equal(false);
    expect(focused(el)).to.equal(trigger(el));
  });

  it('signs out from the menu', async () => {
    const {el, client} = await signedInButton();
    trigger(el).click();
    await settle(el);
    const signedOut = nextEvent(el, 'auth-signed-out');
    item(el, 'Sign out').click();
    await signedOut;
    expect(client.state.status).to.equal('signed-out');
    await settle(el);
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('says why signing out failed and stays signed in', async () => {
    class OfflineSignOut extends MemoryAdapter {
      override signOut(): Promise<void> {
        return Promise.reject(new AuthError('network'));
      }
    }
    const {el, client} = await signedInButton(new OfflineSignOut({users: [ADA]}));
    trigger(el).click();
    await settle(el);
    const failed = nextEvent(el, 'auth-error');
    item(el, 'Sign out').click();
    expect((await failed).error.code).to.equal('network');
    await settle(el);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal(
      "We can't reach the server. Check your connection and try again.",
    );
    expect(client.state.status).to.equal('signed-in');
    await expect(el).to.be.accessible();
  });

  it('a rate-limited sign-out says how long to wait, from Retry-After', async () => {
    class LimitedSignOut extends MemoryAdapter {
      override signOut(): Promise<void> {
        return Promise.reject(new AuthError('rate_limited', 'rate_limited', {status: 429, retryAfter: 42}));
      }
    }
    const {el, client} = await signedInButton(new LimitedSignOut({users: [ADA]}));
    trigger(el).click();
    await settle(el);
    item(el, 'Sign out').click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Too many attempts. Try again in 42 seconds.');
    expect(client.state.status).to.equal('signed-in');
    await expect(el).to.be.accessible();
  });

  describe('keeps its menu on screen', () => {
    /** A signed-in button placed at one edge of the page, its menu opened. */
    async function openAt(edge: 'left' | 'right', locale?: string) {
      const {el} = await signedInButton();
      if (locale) {
        el.locale = locale;
        await waitUntil(() => el.dir === 'rtl', 'the element never turned right-to-left');
      }
      el.style.position = 'fixed';
      el.style.top = '8px';
      el.style[edge] = '8px';
      trigger(el).click();
      await settle(el);
      return popover(el).getBoundingClientRect();
    }
    const viewport = () => document.documentElement.clientWidth;

    it('opens towards the page when the button sits at the right edge (the default side)', async () => {
      const rect = await openAt('right');
      expect(rect.right).to.be.at.most(viewport());
      expect(rect.left).to.be.at.least(0);
    });

    it('flips when the button sits at the left edge', async () => {
      const rect = await openAt('left');
      expect(rect.left, 'the menu starts off-screen').to.be.at.least(0);
      expect(rect.right).to.be.at.most(viewport());
    });

    it('a right-to-left button at the right edge of a left-to-right page stays on screen', async () => {
      const rect = await openAt('right', 'ar');
      expect(rect.right, 'the menu ends off-screen').to.be.at.most(viewport());
      expect(rect.left).to.be.at.least(0);
    });
  });

  it('shows the number of an account made by phone alone where the email would be', async () => {
    const adapter = new MemoryAdapter({users: [ADA], capabilities: {phoneNumber: true}});
    await adapter.sendPhoneCode('+14155550199', 'sign-up');
    await adapter.signInWithPhoneCode('+14155550199', adapter.latestCode('+14155550199')!, 'Pat Phone');
    const el = await mount<AuthUserButton>(clientFor(adapter), html`<auth-user-button></auth-user-button>`, 'auth-user-button');
    trigger(el).click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('.email')!.textContent).to.equal('+14155550199');
    expect(trigger(el).getAttribute('aria-label')).to.equal('Account menu for Pat Phone');
    await expect(el).to.be.accessible();
  });

  it('shows a hostile name as text', async () => {
    const name = '<img src=x onerror="window.__pwned=true">';
    const adapter = new MemoryAdapter({users: [{...ADA, name}]});
    const {el} = await signedInButton(adapter);
    trigger(el).click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('.name')!.textContent).to.equal(name);
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    expect((window as unknown as {__pwned?: boolean}).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});
