// The organization switcher as a test sees it: Ada signed in on the memory adapter with two
// organizations (Engines, which she owns, and Looms), its trigger, panel and items by role and text.
import type {TemplateResult} from 'lit';
import {MemoryAdapter, type MemoryAdapterOptions} from '../src/client/adapters/memory.js';
import type {AuthClient} from '../src/client/auth-client.js';
import '../src/define/auth-org-switcher.js';
import type {AuthOrgSwitcher} from '../src/elements/org-switcher/org-switcher.js';
import type {AuthProvider} from '../src/elements/provider/provider.js';
import {ADA, clientFor, html, mount, settle, waitUntil} from './helpers.js';

export const BOB = {name: 'Bob Babbage', email: 'bob@example.com', password: 'difference2'};
export const ENGINES = {name: 'Analytical Engines', slug: 'engines', members: [{email: ADA.email, role: 'owner' as const}, {email: BOB.email, role: 'admin' as const}]};
export const LOOMS = {name: 'Jacquard Looms', slug: 'looms', members: [{email: ADA.email, role: 'member' as const}, {email: BOB.email, role: 'owner' as const}]};

export interface SwitcherSetup {
  /** The adapter (default: Ada and Bob, Engines and Looms). */
  adapter?: MemoryAdapter;
  options?: MemoryAdapterOptions;
  /** The slug of the organization active when the switcher renders. */
  active?: string;
  inner?: TemplateResult;
}

/** A switcher signed in as Ada, inside a provider. */
export async function orgSwitcher({adapter, options, active, inner}: SwitcherSetup = {}): Promise<{
  el: AuthOrgSwitcher;
  client: AuthClient;
  adapter: MemoryAdapter;
  provider: AuthProvider;
}> {
  adapter ??= new MemoryAdapter({users: [ADA, BOB], organizations: [ENGINES, LOOMS], ...options});
  await adapter.signInWithPassword(ADA);
  if (active) {
    const organization = (await adapter.listOrganizations()).find((o) => o.slug === active)!;
    await adapter.setActiveOrganization(organization.id);
  }
  const client = clientFor(adapter);
  const el = await mount<AuthOrgSwitcher>(client, inner ?? html`<auth-org-switcher></auth-org-switcher>`, 'auth-org-switcher');
  await waitUntil(() => el.shadowRoot!.querySelector('button[aria-haspopup="menu"]'), 'the switcher shows no trigger');
  return {el, client, adapter, provider: el.closest<AuthProvider>('auth-provider')!};
}

export const trigger = (el: AuthOrgSwitcher) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
export const panel = (el: AuthOrgSwitcher) => el.shadowRoot!.querySelector<HTMLElement>('[part~="org-switcher-popover"]')!;
export const isOpen = (el: AuthOrgSwitcher) => panel(el).matches(':popover-open');
export const focused = (el: AuthOrgSwitcher) => el.shadowRoot!.activeElement as HTMLElement | null;
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
/** Every item of the menu (choices, actions, rows), in order. */
export const items = (el: AuthOrgSwitcher) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="menu"] [role^="menuitem"]')];
export const itemTexts = (el: AuthOrgSwitcher) => items(el).map(text);
/** The choices (personal account, organizations): their names, the checked one marked with ✓. */
export const choices = (el: AuthOrgSwitcher) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitemradio"]')].map((node) => `${text(node)}${node.getAttribute('aria-checked') === 'true' ? ' ✓' : ''}`);
/** The item whose text starts with `label`. */
export function item(el: AuthOrgSwitcher, label: string): HTMLElement {
  const found = items(el).find((node) => text(node).startsWith(label));
  if (!found) throw new Error(`no menu item "${label}" in ${JSON.stringify(itemTexts(el))}`);
  return found;
}
export const alertText = (el: AuthOrgSwitcher) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? '';

/** Opens the menu with a click and waits until the organizations are listed (`count` choices). */
export async function openMenu(el: AuthOrgSwitcher, count?: number): Promise<void> {
  trigger(el).click();
  await settle(el);
  await waitUntil(() => isOpen(el), 'the menu did not open');
  if (count !== undefined) await waitUntil(() => choices(el).length === count && !el.shadowRoot!.querySelector('[aria-busy="true"]'), `the menu never listed ${count} choices: ${JSON.stringify(choices(el))}`);
}
