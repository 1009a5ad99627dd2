import {expect, userEvent, waitFor} from 'storybook/test';
import type {StoryAuth} from './client.js';

const TIMEOUT = {timeout: 5000};

/** The element under test in the story's canvas. */
export async function element<T extends HTMLElement = HTMLElement>(canvas: HTMLElement, tag: string): Promise<T> {
  const found = await waitFor(() => {
    const node = canvas.querySelector<T>(tag);
    if (!node) throw new Error(`no <${tag}> in the story`);
    return node;
  }, TIMEOUT);
  await (found as unknown as {updateComplete?: Promise<unknown>}).updateComplete;
  // Once updated, an element is styled and shown (a theme or appearance may load first). Axe runs
  // after the play function: it must judge what users see, not a still-hidden element.
  expect(getComputedStyle(found).visibility, `<${tag}> is still hidden after updateComplete`).toBe('visible');
  return found;
}

/** The story's memory adapter and client (from the preview's loader). */
export function auth(loaded: Record<string, unknown>): StoryAuth {
  return loaded.auth as StoryAuth;
}

/** The card title a user reads. */
export function title(el: Element): string {
  return el.shadowRoot?.querySelector('h1')?.textContent?.trim() ?? '';
}

export async function expectTitle(el: Element, text: string): Promise<void> {
  await waitFor(() => expect(title(el)).toBe(text), TIMEOUT);
}

/** Every alert the user sees (form-level and per field). */
export function errors(el: Element): string {
  const roots = [el, el.shadowRoot].filter(Boolean) as ParentNode[];
  return roots.flatMap((root) => [...root.querySelectorAll('[role="alert"]')].map((node) => node.textContent!.trim())).join(' ');
}

export async function expectError(el: Element, text: string): Promise<void> {
  await waitFor(() => expect(errors(el)).toContain(text), TIMEOUT);
}

/** A visible light-DOM input of the element's form, by name (as a password manager finds it). */
export function field(el: Element, name: string): HTMLInputElement {
  const input = el.querySelector<HTMLInputElement>(`form input[name="${name}"]:not([hidden])`);
  if (!input) throw new Error(`no visible input named ${name} in <${el.localName}>`);
  return input;
}

/** Types into a field like a user (clearing what was there). */
export async function fill(el: Element, name: string, text: string): Promise<void> {
  const input = await waitFor(() => field(el, name), TIMEOUT);
  await userEvent.clear(input);
  if (text) await userEvent.type(input, text);
}

/** Clicks the form's submit button. */
export async function submit(el: Element): Promise<void> {
  await userEvent.click(el.querySelector<HTMLButtonElement>('form button[type="submit"]')!);
}

/** Clicks a button of the form by its text (such as "Forgot password?"). */
export async function clickButton(el: Element, text: string): Promise<void> {
  const button = await waitFor(() => {
    const found = [...el.querySelectorAll<HTMLButtonElement>('form button')].find((node) => node.textContent!.trim() === text);
    if (!found) throw new Error(`no button "${text}"`);
    return found;
  }, TIMEOUT);
  await userEvent.click(button);
}

/** Waits until the form is no longer busy. */
export async function idle(el: Element): Promise<void> {
  await waitFor(() => expect(el.querySelector('form[aria-busy]')).toBeNull(), TIMEOUT);
}

/** Types the code the memory adapter last "emailed" (a complete code submits itself). */
export async function enterEmailedCode(el: Element, story: StoryAuth, email: string): Promise<void> {
  const code = await waitFor(() => {
    const sent = story.adapter.latestCode(email);
    if (!sent) throw new Error(`no code sent to ${email}`);
    return sent;
  }, TIMEOUT);
  await fill(el, 'code', code);
}

/** A code of the right length that is surely not the one emailed. */
export function wrongCode(story: StoryAuth, email: string): string {
  const sent = story.adapter.latestCode(email) ?? '000000';
  return [...sent].map((digit) => String((Number(digit) + 1) % 10)).join('');
}

/** The password rules shown under a new-password field: [label, met]. */
export function passwordRules(el: Element): Array<[string, boolean]> {
  return [...el.querySelectorAll('form li')].map((rule) => [rule.querySelector('span')!.textContent!.trim(), rule.hasAttribute('data-met')]);
}
