import {fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import {AuthClient} from '../src/client/auth-client.js';
import {MemoryAdapter, type MemoryAdapterOptions} from '../src/client/adapters/memory.js';
import type {IdentityAdapter} from '../src/client/adapters/adapter.js';
import {resetLandingForTests} from '../src/client/landing.js';
import '../src/define.js';
import type {AuthProvider} from '../src/elements/provider/provider.js';

export const ADA = {name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical1'};

export function memoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({users: [ADA], ...options});
}

/** A client on the given adapter that does not talk to other tabs. */
export function clientFor(adapter: IdentityAdapter): AuthClient {
  return new AuthClient({adapter, syncTabs: false});
}

/** Mounts `inner` inside a provider using `client`, once the session check has answered. */
export async function mount<T extends HTMLElement>(client: AuthClient, inner: TemplateResult, selector: string): Promise<T> {
  await client.ready;
  const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}>${inner}</auth-provider>`);
  const element = provider.querySelector<T>(selector)!;
  await (element as unknown as {updateComplete: Promise<unknown>}).updateComplete;
  return element;
}

/** The light-DOM input of a form element by name (what a password manager would find). */
export function input(element: Element, name: string): HTMLInputElement {
  const found = element.querySelector<HTMLInputElement>(`form input[name="${name}"]:not([hidden])`);
  if (!found) throw new Error(`no visible input named ${name} in <${element.localName}>`);
  return found;
}

/** Types into an input the way a user does (value, then an input event). */
export function type(field: HTMLInputElement, text: string): void {
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, data: text}));
}

/** Submits the element's form as pressing Enter would. */
export async function submit(element: Element): Promise<void> {
  element.querySelector('form')!.requestSubmit();
  await settle(element);
}

/** Waits until the element's flow is idle and it has re-rendered. */
export async function settle(element: Element): Promise<void> {
  const host = element as unknown as {updateComplete: Promise<unknown>};
  // A submit marks the form busy in the render that follows it; wait for that render first.
  await host.updateComplete;
  await waitUntil(() => !element.querySelector('form[aria-busy]'), 'the form stays busy', {timeout: 8000});
  await new Promise((resolve) => setTimeout(resolve));
  await host.updateComplete;
}

/** The element's visible title (the card heading in its shadow root). */
export function title(element: Element): string {
  return element.shadowRoot!.querySelector('h1')!.textContent!.trim();
}

/** The text of the form's alert, or of a field's error, or ''. */
export function errorText(element: Element): string {
  return [...element.querySelectorAll('[role="alert"]')].map((node) => node.textContent!.trim()).join(' ');
}

/** What the one-time-code input is described by (`aria-describedby`), as a screen reader reads it. */
export function codeDescription(element: Element): string {
  const code = element.querySelector('input[autocomplete="one-time-code"]');
  const ids = code?.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
}

/** The next event of that type fired at `target`, typed by the global event map. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(target: EventTarget, type: K): Promise<GlobalEventHandlersEventMap[K]> {
  return oneEvent(target, type) as unknown as Promise<GlobalEventHandlersEventMap[K]>;
}

export {fixture, html, waitUntil};

/** Puts a landing on the page's address, as a sign-in link or a provider's refusal does, for the kit to read afresh. */
export function land(params: Record<string, string>): void {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  history.replaceState(null, '', url.href);
  resetLandingForTests();
}
