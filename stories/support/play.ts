import type {TranslateOptions as TOptions} from '../../src/i18n/translate.js';
import {expect, userEvent, waitFor} from 'storybook/test';
import type {AuthProvider} from '../../src/elements/provider/provider.js';
import {defaultLocalizer, type Localizer} from '../../src/i18n/localizer.js';
import {resolveLocale} from '../../src/i18n/locales.js';
import type {StoryAuth} from './client.js';

// Play functions find what a user finds: nodes by their role and accessible name, text through
// the kit's own localizer for the story's language (never an English string), so every story
// reaches its state in every language the story tests run in.

const TIMEOUT = {timeout: 5000};

/**
 * What the user reads: a locale key, a key with its interpolation values, or (for data such as a
 * user's name, which no locale holds) the text itself, `{text: …}`.
 */
export type Text = string | readonly [key: string, values?: TOptions] | {readonly text: string};

// ---------------------------------------------------------------------------------------------
// Language

/** The localizer the element renders with: its provider's (the story's language), else English. */
export function localizerOf(el: Element): Localizer {
  return (el.closest('auth-provider') as AuthProvider | null)?.localizer ?? defaultLocalizer();
}

/** A locale key as the element shows it, in the story's language (`tr(el, 'signIn.passwordSubtitle', {email})`). */
export function tr(el: Element, key: string, values?: TOptions): string {
  return normalize(localizerOf(el).t(key, values));
}

/** A locale key in English, the built-in language (to check that a story really is in another). */
export function english(key: string, values?: TOptions): string {
  return normalize(defaultLocalizer().t(key, values));
}

/** What the user should read for `text`, in the element's language. */
export function resolveText(el: Element, text: Text): string {
  if (typeof text === 'string') return tr(el, text);
  return 'text' in text ? normalize(text.text) : tr(el, text[0], text[1]);
}

/**
 * Resolves once the element shows the story's language: the provider's `locale` bundle has
 * loaded (it loads lazily, after the first render in English) and the element re-rendered in it.
 */
export async function languageReady(el: HTMLElement): Promise<void> {
  const provider = el.closest('auth-provider') as AuthProvider | null;
  if (!provider) return;
  const wanted = provider.locale ? resolveLocale(provider.locale) : null;
  await waitFor(() => {
    if (wanted) expect(provider.localizer.language, `the ${wanted} bundle is still loading`).toBe(wanted);
    expect(el.lang, `<${el.localName}> has not re-rendered in ${provider.localizer.language} yet`).toBe(provider.localizer.language);
  }, TIMEOUT);
  await (el as unknown as {updateComplete?: Promise<unknown>}).updateComplete;
}

// ---------------------------------------------------------------------------------------------
// Roles and accessible names (light-DOM form and shadow-DOM card alike)

const IMPLICIT_ROLES: Record<string, string> = {
  button: 'button, input[type="button"], input[type="submit"], input[type="reset"]',
  link: 'a[href], area[href]',
  heading: 'h1, h2, h3, h4, h5, h6',
  textbox: 'input:not([type]), input[type="text"], input[type="email"], input[type="tel"], input[type="url"], textarea',
  checkbox: 'input[type="checkbox"]',
  status: 'output',
  group: 'fieldset',
  region: 'section[aria-label], section[aria-labelledby]',
  navigation: 'nav',
  dialog: 'dialog',
  list: 'ul, ol',
  listitem: 'li',
};

/** Roles whose accessible name may come from their content (WAI-ARIA "name from content"). */
const NAME_FROM_CONTENT = new Set(['button', 'link', 'heading', 'menuitem', 'menuitemradio', 'menuitemcheckbox', 'listitem', 'tab', 'option', 'cell']);

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The text a screen reader reads from a subtree: aria-hidden parts left out, alt text in, slotted
 * content in its slot (unless `slots` is false: a card's own text, without the form in it).
 */
function contentText(node: Node, slots = true): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof ShadowRoot) return [...node.childNodes].map((child) => contentText(child, slots)).join('');
  if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true') return '';
  if (node instanceof HTMLImageElement) return node.alt;
  if (node.getAttribute('aria-label')) return ` ${node.getAttribute('aria-label')} `;
  if (node instanceof HTMLSlotElement && !slots) return '';
  const children = node instanceof HTMLSlotElement ? node.assignedNodes({flatten: true}) : [...(node.shadowRoot ?? node).childNodes];
  const text = children.map((child) => contentText(child, slots)).join('');
  // Blocks (a title, a subtitle, a paragraph) read as separate phrases; inline text runs on.
  return getComputedStyle(node).display.startsWith('inline') || node instanceof HTMLSlotElement ? text : ` ${text} `;
}

/** The role a node has: its `role` attribute, else the one its element type implies. */
export function roleOf(node: Element): string | null {
  const explicit = node.getAttribute('role');
  if (explicit) return explicit.split(/\s+/)[0];
  return Object.entries(IMPLICIT_ROLES).find(([, selector]) => node.matches(selector))?.[0] ?? null;
}

/** A node's accessible name (aria-labelledby, aria-label, its labels, its content, its title). */
export function accessibleName(node: Element): string {
  const root = node.getRootNode() as Document | ShadowRoot;
  const labelledBy = node.getAttribute('aria-labelledby');
  if (labelledBy) {
    return normalize(labelledBy.split(/\s+/).map((id) => contentText(root.getElementById(id) ?? document.createTextNode(''))).join(' '));
  }
  const label = node.getAttribute('aria-label');
  if (label?.trim()) return normalize(label);
  const labels = (node as HTMLInputElement).labels;
  if (labels?.length) return normalize([...labels].map((label) => contentText(label)).join(' '));
  const role = roleOf(node);
  const content = role && NAME_FROM_CONTENT.has(role) ? normalize(contentText(node)) : '';
  return content || normalize(node.getAttribute('title') ?? '');
}

/** Where an element's nodes live: its light DOM (the slotted form) and its shadow root (the card). */
function roots(el: Element): ParentNode[] {
  return [el, el.shadowRoot].filter((root): root is Element | ShadowRoot => !!root);
}

/** Every visible node of the element with this role (and accessible name, when given). */
export function allByRole(el: Element, role: string, name?: Text): HTMLElement[] {
  const implicit = IMPLICIT_ROLES[role];
  const selector = implicit ? `[role~="${role}"], ${implicit}` : `[role~="${role}"]`;
  const wanted = name === undefined ? undefined : resolveText(el, name);
  return roots(el)
    .flatMap((root) => [...root.querySelectorAll<HTMLElement>(selector)])
    .filter((node) => roleOf(node) === role && node.checkVisibility({visibilityProperty: true}))
    .filter((node) => wanted === undefined || accessibleName(node) === wanted);
}

/** The one visible node with this role and name; waits for it to appear. */
export async function findByRole(el: Element, role: string, name?: Text): Promise<HTMLElement> {
  return waitFor(() => {
    const found = allByRole(el, role, name);
    const described = `${role}${name === undefined ? '' : ` "${resolveText(el, name)}"`}`;
    if (found.length !== 1) {
      const seen = allByRole(el, role).map((node) => `"${accessibleName(node)}"`);
      throw new Error(`${found.length ? 'several' : 'no'} ${described} in <${el.localName}> (${role}s: ${seen.join(', ') || 'none'})`);
    }
    return found[0];
  }, TIMEOUT);
}

/** Clicks the button with this localized name (`clickButton(el, 'signIn.forgotPassword')`). */
export async function clickButton(el: Element, name: Text): Promise<HTMLElement> {
  const button = await findByRole(el, 'button', name);
  await userEvent.click(button);
  return button;
}

// ---------------------------------------------------------------------------------------------
// The element and what it shows

/** The element under test in the story's canvas, styled, shown and in the story's language. */
export async function element<T extends HTMLElement = HTMLElement>(canvas: HTMLElement, tag: string): Promise<T> {
  const found = await waitFor(() => {
    const node = canvas.querySelector<T>(tag);
    if (!node) throw new Error(`no <${tag}> in the story`);
    return node;
  }, TIMEOUT);
  await (found as unknown as {updateComplete?: Promise<unknown>}).updateComplete;
  await languageReady(found);
  // Once updated, an element is styled and shown (a theme or appearance may load first). Axe runs
  // after the play function: it must judge what users see, not a still-hidden element.
  expect(getComputedStyle(found).visibility, `<${tag}> is still hidden after updateComplete`).toBe('visible');
  return found;
}

/** The story's memory adapter and client (from the preview's loader). */
export function auth(loaded: Record<string, unknown>): StoryAuth {
  return loaded.auth as StoryAuth;
}

/** The card title a user reads (the level-1 heading). */
export function title(el: Element): string {
  const heading = allByRole(el, 'heading').find((node) => node.localName === 'h1' || node.getAttribute('aria-level') === '1');
  return heading ? accessibleName(heading) : '';
}

/** Waits for the card's title to read this locale key. */
export async function expectTitle(el: Element, text: Text): Promise<void> {
  await waitFor(() => expect(title(el)).toBe(resolveText(el, text)), TIMEOUT);
}

/** The card's own text (title, subtitle, footer), as read, without the form in it. */
export function cardText(el: Element): string {
  return normalize(el.shadowRoot ? contentText(el.shadowRoot, false) : '');
}

/** Everything the element shows, as read: the card with the form in it. */
export function shownText(el: Element): string {
  return normalize(el.shadowRoot ? contentText(el.shadowRoot) : contentText(el));
}

/**
 * Waits for the element to say this, in the card or in its form (a subtitle such as
 * `signIn.passwordSubtitle`: a code step says where the code went next to the code field).
 */
export async function expectText(el: Element, text: Text): Promise<void> {
  await waitFor(() => expect(shownText(el)).toContain(resolveText(el, text)), TIMEOUT);
}

/** Every alert the user sees (form-level and per field), as read. */
export function alerts(el: Element): string[] {
  return allByRole(el, 'alert').map((node) => normalize(contentText(node)));
}

/** All the alerts' text, in one string. */
export function errors(el: Element): string {
  return alerts(el).join(' ');
}

/** Waits for an alert reading this locale key (`expectError(el, 'errors.network')`); returns it. */
export async function expectError(el: Element, text: Text): Promise<HTMLElement> {
  return waitFor(() => {
    const wanted = resolveText(el, text);
    const found = allByRole(el, 'alert').find((node) => normalize(contentText(node)) === wanted);
    if (!found) throw new Error(`no alert "${wanted}" in <${el.localName}> (alerts: ${alerts(el).map((a) => `"${a}"`).join(', ') || 'none'})`);
    return found;
  }, TIMEOUT);
}

/** Waits for a status message (a polite notice such as `common.codeSent`); returns it. */
export async function expectStatus(el: Element, text: Text): Promise<HTMLElement> {
  return waitFor(() => {
    const wanted = resolveText(el, text);
    const found = allByRole(el, 'status').find((node) => normalize(contentText(node)) === wanted);
    if (!found) throw new Error(`no status "${wanted}" in <${el.localName}>`);
    return found;
  }, TIMEOUT);
}

// ---------------------------------------------------------------------------------------------
// The light-DOM form

/**
 * A visible light-DOM input of the element's form, by name: as a password manager finds it
 * (`name` and `autocomplete` are the contract, in every language).
 */
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

/** Clicks the form's submit button, found by its localized name (Continue unless told). */
export async function submit(el: Element, name: Text = 'common.continue'): Promise<void> {
  const button = await findByRole(el, 'button', name);
  expect((button as HTMLButtonElement).type, `"${accessibleName(button)}" is not the form's submit button`).toBe('submit');
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
  const list = el.querySelector('form ul[aria-labelledby]');
  return [...(list?.querySelectorAll('li') ?? [])].map((rule) => [normalize(rule.querySelector('span')!.textContent!), rule.hasAttribute('data-met')]);
}

/** The password rules a user should read, in the story's language, for the policy's minimum length. */
export function expectedRules(el: Element, met: readonly [boolean, boolean], minLength = 8): Array<[string, boolean]> {
  return [
    [tr(el, 'password.rule.min-length', {count: minLength}), met[0]],
    [tr(el, 'password.rule.letter-and-digit'), met[1]],
  ];
}

/**
 * The strength meter under the password field `name`, once zxcvbn (a chunk loaded on the first
 * keystroke) has scored what is typed: its level as text is `level`, and the field is described by it.
 */
export async function expectStrength(el: Element, name: string, level: 'weak' | 'fair' | 'good' | 'strong'): Promise<HTMLElement> {
  const meter = await waitFor(() => {
    const found = el.querySelector<HTMLElement>('[part="password-strength"]');
    expect(found?.querySelector('[part="password-strength-label"]')?.textContent?.trim()).toBe(
      tr(el, 'passwordStrength.summary', {level: tr(el, `passwordStrength.level.${level}`)}),
    );
    return found!;
  }, {timeout: 8000});
  expect(field(el, name).getAttribute('aria-describedby')?.split(/\s+/)).toContain(meter.id);
  return meter;
}

/**
 * The field an error belongs to: the input is marked invalid and described by the alert (so a
 * screen reader reads the message with the field).
 */
export function expectFieldError(el: Element, name: string, alert: HTMLElement): void {
  const input = field(el, name);
  expect(input.getAttribute('aria-invalid')).toBe('true');
  expect(input.getAttribute('aria-describedby')?.split(/\s+/)).toContain(alert.id);
}
