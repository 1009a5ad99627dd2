// The user button as a test sees it: signed in on the memory adapter (with several accounts on
// the device for multi-session), its trigger, panel and items by role and text.
import {MemoryAdapter, type MemoryUserSeed} from '../src/client/adapters/memory.js';
import type {AuthClient} from '../src/client/auth-client.js';
import type {AuthUserButton} from '../src/elements/user-button/user-button.js';
import {ADA, clientFor, html, mount, settle, waitUntil} from './helpers.js';
import type {TemplateResult} from 'lit';

export const GRACE = {name: 'Grace Hopper', email: 'grace@example.com', password: 'compiler1952'};

/**
 * A user button signed in as the last of `accounts` (each signed in on this device in turn: with
 * multi-session all of them stay signed in), inside a provider; `inner` replaces the default markup.
 */
export async function userButton(
  {accounts = [ADA], seeds = [ADA, GRACE], multiSession = true, inner}: {accounts?: MemoryUserSeed[]; seeds?: MemoryUserSeed[]; multiSession?: boolean; inner?: TemplateResult} = {},
): Promise<{el: AuthUserButton; client: AuthClient; adapter: MemoryAdapter}> {
  const adapter = new MemoryAdapter({users: seeds, capabilities: {multiSession}});
  for (const account of accounts) await adapter.signInWithPassword({email: account.email, password: account.password});
  const client = clientFor(adapter);
  const el = await mount<AuthUserButton>(client, inner ?? html`<auth-user-button></auth-user-button>`, 'auth-user-button');
  return {el, client, adapter};
}

export const trigger = (el: AuthUserButton) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
export const panel = (el: AuthUserButton) => el.shadowRoot!.querySelector<HTMLElement>('[part~="popover"]')!;
export const isOpen = (el: AuthUserButton) => panel(el).matches(':popover-open');
export const focused = (el: AuthUserButton) => el.shadowRoot!.activeElement as HTMLElement | null;
export const items = (el: AuthUserButton) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitem"]')];
/** The items' texts, in order (an account's: its name and email). */
export const itemTexts = (el: AuthUserButton) => items(el).map((node) => node.textContent!.replace(/\s+/g, ' ').trim());
/** The item whose text starts with `text`. */
export function item(el: AuthUserButton, text: string): HTMLElement {
  const found = items(el).find((node) => node.textContent!.replace(/\s+/g, ' ').trim().startsWith(text));
  if (!found) throw new Error(`no menu item "${text}" in ${JSON.stringify(itemTexts(el))}`);
  return found;
}

/** Opens the menu with a click; with `accounts`, waits for the other accounts to be listed. */
export async function openMenu(el: AuthUserButton, {accounts = 0} = {}): Promise<void> {
  trigger(el).click();
  await settle(el);
  await waitUntil(() => isOpen(el), 'the menu did not open');
  if (accounts) await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="account-list"] [role="menuitem"]').length === accounts, `the menu never listed ${accounts} other accounts`);
}
