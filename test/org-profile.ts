// The organization profile as a test sees it: Ada (owner), Bob (admin) and Cleo (a member with
// a hostile name) in Analytical Engines on the memory adapter, one of them signed in with it
// active; its pages, buttons, light-DOM fields and dialogs by role and text.
import type {TemplateResult} from 'lit';
import {MemoryAdapter, type MemoryAdapterOptions} from '../src/client/adapters/memory.js';
import type {AuthClient} from '../src/client/auth-client.js';
import '../src/define/auth-org-profile.js';
import type {AuthOrgProfile} from '../src/elements/org-profile/org-profile.js';
import type {AuthDialog} from '../src/internal/dialog.js';
import {ADA, clientFor, html, mount, settle, waitUntil} from './helpers.js';

export {ADA};
export const BOB = {name: 'Bob Babbage', email: 'bob@example.com', password: 'difference2'};
export const CLEO = {name: 'Cleo <img src=x onerror=alert(1)>', email: 'cleo@example.com', password: 'member-cleo3'};
export const DAN = {name: 'Dan Outsider', email: 'dan@example.com', password: 'outsider-dan4'};
export const ENGINES = {
  name: 'Analytical Engines',
  slug: 'engines',
  members: [
    {email: ADA.email, role: 'owner' as const},
    {email: BOB.email, role: 'admin' as const},
    {email: CLEO.email, role: 'member' as const},
  ],
};
export const LOOMS = {name: 'Jacquard Looms', slug: 'looms', members: [{email: ADA.email, role: 'owner' as const}]};

type Person = {email: string; password: string};

export interface ProfileSetup {
  as?: Person;
  adapter?: MemoryAdapter;
  options?: MemoryAdapterOptions;
  /** The active organization's slug (default engines; null: none). */
  active?: string | null;
  template?: TemplateResult;
}

export function orgAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({users: [ADA, BOB, CLEO, DAN], organizations: [ENGINES, LOOMS], ...options});
}

/** Signs `person` in on `adapter` (a device of its own) with `slug` active; the organization's id. */
export async function signIn(adapter: MemoryAdapter, person: Person, slug: string | null = 'engines'): Promise<string | null> {
  await adapter.signInWithPassword({email: person.email, password: person.password});
  if (!slug) return null;
  const organization = (await adapter.listOrganizations()).find((o) => o.slug === slug)!;
  await adapter.setActiveOrganization(organization.id);
  return organization.id;
}

export async function orgProfile({as = ADA, adapter, options, active = 'engines', template}: ProfileSetup = {}): Promise<{
  el: AuthOrgProfile;
  client: AuthClient;
  adapter: MemoryAdapter;
  orgId: string | null;
}> {
  adapter ??= orgAdapter(options);
  const orgId = await signIn(adapter, as, active);
  const client = clientFor(adapter);
  const el = await mount<AuthOrgProfile>(client, template ?? html`<auth-org-profile></auth-org-profile>`, 'auth-org-profile');
  // Its texts load with it.
  await waitUntil(() => el.shadowRoot!.querySelector('.profile'), 'the profile does not render');
  await settle(el);
  return {el, client, adapter, orgId};
}

export const shadow = (el: Element) => el.shadowRoot!;
export const text = (node: Element | ShadowRoot) => node.textContent!.replace(/\s+/g, ' ').trim();
export const buttons = (root: Element | ShadowRoot) => [...root.querySelectorAll<HTMLButtonElement>('button')];
/** The shadow-DOM button with that text (or undefined). */
export const button = (el: Element, label: string) => buttons(shadow(el)).find((b) => text(b) === label);
export const buttonTexts = (el: Element) => buttons(shadow(el)).map(text);
export const pageTitle = (el: Element) => text(shadow(el).querySelector('.page-title')!);
export const editorForm = (el: Element) => el.querySelector<HTMLFormElement>('form[slot="form"]')!;
export const inviteForm = (el: Element) => el.querySelector<HTMLFormElement>('form[slot="invite"]')!;
export const field = (form: HTMLFormElement, name: string) => form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
export const formButton = (form: HTMLFormElement, label: string) => buttons(form).find((b) => text(b) === label);
export const alerts = (root: Element | ShadowRoot) => [...root.querySelectorAll('[role="alert"]')].map(text).join(' ');

/** Goes to a page by its navigation entry. */
export async function goTo(el: AuthOrgProfile, label: string): Promise<void> {
  [...shadow(el).querySelectorAll<HTMLElement>('[part~="navigation-item"]')].find((item) => text(item) === label)!.click();
  await settle(el);
}

/** The dialog's opening animation has ended (axe reads colours once it has). */
export async function opened(dialog: AuthDialog): Promise<void> {
  await dialog.updateComplete;
  const animated = [...dialog.shadowRoot!.querySelectorAll('.panel, .backdrop, dialog')];
  await Promise.all(animated.flatMap((node) => node.getAnimations()).map((animation) => animation.finished));
}
