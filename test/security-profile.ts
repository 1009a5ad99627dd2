// Helpers for the tests of <auth-user-profile>'s Security page: a signed-in profile on that page,
// and the nodes a person finds there (by text, in the shadow root or the light-DOM editor).
import {expect} from '@open-wc/testing';
import type {MemoryAdapter} from '../src/client/adapters/memory.js';
import type {AuthClient} from '../src/client/auth-client.js';
import '../src/define/auth-user-profile.js';
import type {AuthUserProfile} from '../src/elements/user-profile/user-profile.js';
import {ADA, clientFor, html, memoryAdapter, mount, settle, waitUntil} from './helpers.js';

export const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
export const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
export const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0';

const HOUR = 3600_000;

/** Ada, with a phone and a Windows computer signed in besides this browser (a Mac running Chrome). */
export function adaWithDevices(): MemoryAdapter {
  return memoryAdapter({
    userAgent: CHROME_MAC,
    users: [
      {
        ...ADA,
        otherDevices: [
          {userAgent: FIREFOX_WINDOWS, ipAddress: '203.0.113.7', location: 'Lisbon, Portugal', lastActiveAt: new Date(Date.now() - 26 * HOUR)},
          {userAgent: SAFARI_IPHONE, ipAddress: '198.51.100.23', lastActiveAt: new Date(Date.now() - 2 * HOUR)},
        ],
      },
    ],
  });
}

/** A profile signed in as `email` on `adapter`, showing the Security page with what it loaded. */
export async function securityPage(
  adapter: MemoryAdapter = memoryAdapter({userAgent: CHROME_MAC}),
  signIn: (adapter: MemoryAdapter) => Promise<unknown> = (a) => a.signInWithPassword({email: ADA.email, password: ADA.password}),
): Promise<{el: AuthUserProfile; client: AuthClient; adapter: MemoryAdapter}> {
  await signIn(adapter);
  const client = clientFor(adapter);
  const el = await mount<AuthUserProfile>(client, html`<auth-user-profile></auth-user-profile>`, 'auth-user-profile');
  await settle(el);
  await waitUntil(() => hasNavItem(el, 'Security'), 'no Security entry in the navigation');
  navItem(el, 'Security').click();
  await settle(el);
  await waitUntil(() => el.shadowRoot!.querySelector('#section-password') && !busy(el), 'the Security page never loaded');
  await settle(el);
  return {el, client, adapter};
}

const shadow = (el: Element) => el.shadowRoot!;

/** Still loading something (the sign-in methods, the devices). */
function busy(el: AuthUserProfile): boolean {
  return !!shadow(el).querySelector('.ae-busy') || (!shadow(el).querySelector('.row-list') && !shadow(el).querySelector('.ae-unavailable'));
}

const hasNavItem = (el: AuthUserProfile, label: string) =>
  [...shadow(el).querySelectorAll('[part~="navigation-item"]')].some((node) => node.textContent!.trim() === label);

export function navItem(el: AuthUserProfile, label: string): HTMLElement {
  const item = [...shadow(el).querySelectorAll<HTMLElement>('[part~="navigation-item"]')].find((node) => node.textContent!.trim() === label);
  if (!item) throw new Error(`no navigation entry ${label}`);
  return item;
}

/** A button of the page (shadow DOM) or of its editor (light DOM) by its text. */
export function button(el: AuthUserProfile, label: string): HTMLButtonElement {
  const all = [...shadow(el).querySelectorAll<HTMLButtonElement>('button'), ...el.querySelectorAll<HTMLButtonElement>('form button')];
  const found = all.find((node) => node.textContent!.replace(/\s+/g, ' ').trim() === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

export const hasButton = (el: AuthUserProfile, label: string) => {
  try {
    return !!button(el, label);
  } catch {
    return false;
  }
};

export const editor = (el: AuthUserProfile) => el.querySelector<HTMLFormElement>('form[slot="form"]')!;

export function field(el: AuthUserProfile, name: string): HTMLInputElement {
  const found = editor(el).querySelector<HTMLInputElement>(`input[name="${name}"]:not([hidden])`);
  if (!found) throw new Error(`no field ${name}`);
  return found;
}

/** The error shown on a field (what its aria-describedby points at first). */
export function fieldError(input: HTMLInputElement): string {
  const id = input.getAttribute('aria-describedby')?.split(/\s+/)[0];
  return (id && document.getElementById(id)?.textContent?.trim()) || '';
}

/** The rows of the devices list: each row's title (with its badge) and details. */
export function deviceRows(el: AuthUserProfile): string[] {
  return [...shadow(el).querySelectorAll('.row-list-item')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
}

export const sectionText = (el: AuthUserProfile, id: string) =>
  shadow(el).querySelector(`section[aria-labelledby="section-${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export const statusText = (el: AuthUserProfile) =>
  [...shadow(el).querySelectorAll('p[role="status"]')].map((node) => node.textContent!.trim()).join(' ');

/** What the document's live region last said. */
export const announced = () => document.querySelector('[data-auth-announcer]')?.textContent ?? '';

/** Every animation on the page has ended (a dialog fades in: axe reads colours once it has). */
export const animationsDone = () => Promise.all(document.getAnimations().map((animation) => animation.finished));

export async function accessible(el: Element): Promise<void> {
  await animationsDone();
  await expect(el).to.be.accessible();
}
