import {expect} from '@open-wc/testing';
import {emulateMedia, executeServerCommand, sendKeys} from '@web/test-runner-commands';
import type {AuthSignIn} from '../elements/sign-in/sign-in.js';
import type {AuthUserButton} from '../elements/user-button/user-button.js';
import type {ThemeName} from '../appearance/themes.js';
import {ADA, clientFor, fixture, html, input, memoryAdapter, settle, submit, type, waitUntil} from '../../test/helpers.js';
import {composite, contrast, formatColor, parseColor, type Rgba} from '../../test/contrast.js';

/** What was measured on one focused node. */
interface Indicator {
  kind: string;
  /** How the indicator is drawn: an outline, a box-shadow ring, or only a background change. */
  drawnBy: 'outline' | 'box-shadow' | 'background';
  outlineWidth: number;
  outlineStyle: string;
  color: Rgba;
  behind: Rgba;
  ratio: number;
}

/** The kind of a focusable node of the kit, by its class or part. */
function kind(node: Element): string {
  const kinds: [string, string][] = [
    ['.ae-code', 'code input'],
    ['.ae-input', 'input'],
    ['.ae-primary', 'primary button'],
    ['.ae-social-button', 'social button'],
    ['.ae-secondary', 'secondary button'],
    ['.ae-toggle', 'password toggle'],
    ['.ae-link', 'text button'],
    ['[part~="footer-action-link"]', 'footer link'],
    ['[part~="footer-link"]', 'legal link'],
    ['[part~="trigger"]', 'user-button trigger'],
    ['[role="menuitem"]', 'menu item'],
  ];
  return kinds.find(([selector]) => node.matches(selector))?.[1] ?? node.localName;
}

/** The focused element, inside shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether `node` is `host` or inside it, across shadow boundaries. */
function within(host: Element, node: Node | null): boolean {
  for (let current = node; current; current = current.parentNode ?? (current as ShadowRoot).host ?? null) {
    if (current === host) return true;
  }
  return false;
}

/** Every element under a point, topmost first, with shadow trees in place of their hosts' content. */
function stackAt(x: number, y: number): Element[] {
  const expand = (scope: Document | ShadowRoot): Element[] =>
    scope.elementsFromPoint(x, y).flatMap((element) => {
      if (element.getRootNode() !== scope) return [];
      return element.shadowRoot ? [...expand(element.shadowRoot), element] : [element];
    });
  return expand(document);
}

/** The colour painted at a point under the focused node's indicator (its own box-shadow halo too). */
function colorBehind(node: Element, x: number, y: number, distanceOutside: number): Rgba {
  let color: Rgba = [1, 1, 1, 1]; // the canvas
  for (const element of stackAt(x, y).reverse()) color = composite(parseColor(getComputedStyle(element).backgroundColor), color);
  if (distanceOutside > 0) {
    // A solid spread shadow (no offset, no blur) around the node paints under its outline.
    for (const shadow of shadows(getComputedStyle(node).boxShadow).reverse()) {
      if (!shadow.inset && shadow.x === 0 && shadow.y === 0 && shadow.blur === 0 && shadow.spread >= distanceOutside) color = composite(shadow.color, color);
    }
  }
  return color;
}

interface Shadow {
  color: Rgba;
  x: number;
  y: number;
  blur: number;
  spread: number;
  inset: boolean;
}

/** A computed `box-shadow` (`rgb(…) 0px 0px 0px 3px, …`), topmost first. */
function shadows(value: string): Shadow[] {
  if (value === 'none') return [];
  return value.split(/,(?![^(]*\))/).map((text) => {
    const color = text.match(/(?:rgba?|color|oklch|oklab)\([^)]*\)/)![0];
    const [x = 0, y = 0, blur = 0, spread = 0] = text.replace(color, '').match(/-?[\d.]+px/g)!.map(parseFloat);
    return {color: parseColor(color), x, y, blur, spread, inset: text.includes('inset')};
  });
}

/**
 * The focused node's indicator and the colour right behind it: for an outline, at the middle of
 * its stroke on the node's top edge; for a box-shadow ring, at the middle of the ring; when
 * only the background changes, the new background against the old surroundings.
 */
function indicator(node: Element): Indicator {
  const style = getComputedStyle(node);
  const rect = node.getClientRects()[0] ?? node.getBoundingClientRect();
  const x = rect.left + rect.width / 2;
  const outlineWidth = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
  const base = {kind: kind(node), outlineWidth, outlineStyle: style.outlineStyle};
  const measured = (drawnBy: Indicator['drawnBy'], color: Rgba, behind: Rgba): Indicator => ({...base, drawnBy, color, behind, ratio: contrast(color, behind)});
  const outlineColor = parseColor(style.outlineColor);
  if (outlineWidth > 0 && outlineColor[3] > 0) {
    const distance = parseFloat(style.outlineOffset) + outlineWidth / 2;
    return measured('outline', outlineColor, colorBehind(node, x, rect.top - distance, distance));
  }
  const ring = shadows(style.boxShadow).find((shadow) => !shadow.inset && shadow.blur === 0 && shadow.spread > 0 && shadow.color[3] > 0);
  if (ring) {
    const distance = ring.spread / 2;
    return measured('box-shadow', ring.color, colorBehind(node, x, rect.top - distance, 0));
  }
  // Only the node's own background marks focus: it against what surrounds the node.
  const background = colorBehind(node, x, rect.top + 1, 0);
  return measured('background', background, colorBehind(node, x, rect.top - 1, 0));
}

/** The indicator once the node's transitions have run. */
async function settledIndicator(node: Element): Promise<Indicator> {
  await Promise.all(node.getAnimations().map((animation) => animation.finished));
  return indicator(node);
}

/**
 * Presses Tab from `start` until focus leaves `host`, measuring every node it reaches. Something
 * focusable must follow `host` in the page: focus that leaves the document for the browser's UI
 * leaves the window unfocused, and later test files' `:focus` would never match.
 */
async function tabThrough(start: HTMLElement, host: Element): Promise<Indicator[]> {
  start.focus();
  const found: Indicator[] = [];
  for (let i = 0; i < 40; i++) {
    await sendKeys({press: 'Tab'});
    const active = deepActiveElement();
    if (!active || !within(host, active)) break;
    found.push(await settledIndicator(active));
  }
  return found;
}

const describeIndicator = (found: Indicator) =>
  `${found.kind}: ${found.drawnBy} ${formatColor(found.color)} on ${formatColor(found.behind)} = ${found.ratio.toFixed(2)}:1`;

/** A theme, and the system colour scheme it is seen under. */
const THEMES: {label: string; theme: ThemeName; scheme: 'light' | 'dark'}[] = [
  {label: 'light', theme: 'light', scheme: 'light'},
  {label: 'dark', theme: 'dark', scheme: 'light'},
  {label: 'auto, system light', theme: 'auto', scheme: 'light'},
  {label: 'auto, system dark', theme: 'auto', scheme: 'dark'},
  {label: 'neutral', theme: 'neutral', scheme: 'light'},
  {label: 'high-contrast', theme: 'high-contrast', scheme: 'light'},
];

const CARD_KINDS = ['social button', 'secondary button', 'input', 'primary button', 'footer link', 'legal link', 'text button', 'password toggle', 'code input'];

/** Sign-in with every kind of focusable node: social buttons, the passkey button (secondary), footer and legal links. */
async function signIn(theme: ThemeName) {
  const adapter = memoryAdapter({users: [ADA, {name: 'Una Verified', email: 'una@example.com', password: 'pending123', emailVerified: false}], capabilities: {socialProviders: ['github', 'google']}});
  const client = clientFor(adapter);
  await client.ready;
  const appearance = {options: {termsPageUrl: '/terms', privacyPageUrl: '/privacy'}};
  const root = await fixture<HTMLElement>(html`<div>
    <button id="before">Before</button>
    <auth-provider theme=${theme} .client=${client}><auth-sign-in sign-up-url="/sign-up" .appearance=${appearance}></auth-sign-in></auth-provider>
    <button id="after">After</button>
  </div>`);
  const el = root.querySelector<AuthSignIn>('auth-sign-in')!;
  await waitUntil(() => el.querySelector('.ae-social-button svg') && !el.matches(':state(styling)'), 'sign-in never showed its social buttons');
  await el.updateComplete;
  return {el, before: root.querySelector<HTMLButtonElement>('#before')!};
}

/** Every focusable node of sign-in's identifier, password and code steps, each measured focused. */
async function signInIndicators(theme: ThemeName): Promise<Indicator[]> {
  const {el, before} = await signIn(theme);
  const found = await tabThrough(before, el);
  type(input(el, 'email'), 'una@example.com');
  await submit(el);
  found.push(...(await tabThrough(before, el)));
  type(input(el, 'password'), 'pending123');
  await submit(el);
  await waitUntil(() => el.querySelector('.ae-code'), 'sign-in never asked for the code');
  found.push(...(await tabThrough(before, el)));
  return found;
}

/** The user button, signed in, on a page of `page` colour: its trigger, then the open menu's item. */
async function userButtonIndicators(theme: ThemeName, page = 'white'): Promise<Indicator[]> {
  const adapter = memoryAdapter();
  await adapter.signInWithPassword({email: ADA.email, password: ADA.password});
  const client = clientFor(adapter);
  await client.ready;
  const root = await fixture<HTMLElement>(html`<div style="display: flex; justify-content: space-between; padding: 1rem; background: ${page}">
    <button id="before">Before</button>
    <auth-provider theme=${theme} .client=${client}><auth-user-button></auth-user-button></auth-provider>
    <button id="after">After</button>
  </div>`);
  const el = root.querySelector<AuthUserButton>('auth-user-button')!;
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="trigger"]') && !el.matches(':state(styling)'), 'the user button never showed');
  root.querySelector<HTMLButtonElement>('#before')!.focus();
  await sendKeys({press: 'Tab'});
  const found = [await settledIndicator(deepActiveElement()!)];
  await sendKeys({press: 'ArrowDown'});
  await settle(el);
  expect(el.shadowRoot!.querySelector('.popover')!.hasAttribute('hidden'), 'the menu did not open').to.equal(false);
  found.push(await settledIndicator(deepActiveElement()!));
  expect(found.map((item) => item.kind)).to.deep.equal(['user-button trigger', 'menu item']);
  return found;
}

/** The failures: indicators under 3:1, or not drawn by an outline (which forced colors keep). */
function problems(found: Indicator[]): string[] {
  return found.flatMap((item) => {
    const issues = [];
    if (item.ratio < 3) issues.push(`${describeIndicator(item)} (under 3:1)`);
    if (item.drawnBy !== 'outline' || item.outlineWidth < 2) issues.push(`${item.kind}: drawn by ${item.drawnBy}, outline ${item.outlineWidth}px ${item.outlineStyle} (needs a 2px outline)`);
    return issues;
  });
}

describe('focus indicators', () => {
  afterEach(async () => {
    await emulateMedia({colorScheme: 'light'});
  });

  for (const {label, theme, scheme} of THEMES) {
    it(`reach 3:1 against the card in the ${label} theme, as outlines`, async () => {
      await emulateMedia({colorScheme: scheme});
      const found = await signInIndicators(theme);
      expect([...new Set(found.map((item) => item.kind))].sort()).to.deep.equal([...CARD_KINDS].sort());
      expect(problems(found), found.map(describeIndicator).join('\n')).to.deep.equal([]);
    });

    it(`reach 3:1 on the user button and its menu in the ${label} theme, on a light or a dark page`, async () => {
      await emulateMedia({colorScheme: scheme});
      for (const page of ['white', 'black']) {
        const found = await userButtonIndicators(theme, page);
        expect(problems(found), `on a ${page} page:\n${found.map(describeIndicator).join('\n')}`).to.deep.equal([]);
      }
    });
  }
});

/** Sets CSS media features the Chrome DevTools Protocol way (see scripts/wtr-media-features.mjs). */
const mediaFeatures = (features: {name: string; value: string}[]) => executeServerCommand('emulate-media-features', {features});

describe('focus indicators under forced colors', () => {
  beforeEach(async () => {
    await mediaFeatures([{name: 'forced-colors', value: 'active'}]);
    expect(matchMedia('(forced-colors: active)').matches, 'forced colors could not be emulated').to.equal(true);
  });
  afterEach(async () => {
    await mediaFeatures([]);
  });

  /** The checks: a visible outline on every focused node. */
  const invisible = (found: Indicator[]) =>
    found.filter((item) => item.drawnBy !== 'outline' || item.outlineWidth < 1 || item.ratio < 3).map(describeIndicator);

  it('keep a visible outline on every focusable node of sign-in', async () => {
    const found = await signInIndicators('light');
    expect([...new Set(found.map((item) => item.kind))].sort()).to.deep.equal([...CARD_KINDS].sort());
    expect(invisible(found), found.map(describeIndicator).join('\n')).to.deep.equal([]);
  });

  it('keep a visible outline on the user button and its menu', async () => {
    const found = await userButtonIndicators('light');
    expect(invisible(found), found.map(describeIndicator).join('\n')).to.deep.equal([]);
  });

  it('show text buttons as links: link colour, underlined', async () => {
    const {el} = await signIn('light');
    type(input(el, 'email'), ADA.email);
    await submit(el);
    const link = await fixture<HTMLAnchorElement>(html`<a href="#somewhere">a page link</a>`);
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('.ae-link')];
    expect(buttons.length).to.be.greaterThan(0);
    for (const button of buttons) {
      const style = getComputedStyle(button);
      const bordered = parseFloat(style.borderBottomWidth) > 0 && style.borderBottomStyle !== 'none';
      expect(style.textDecorationLine.includes('underline') || bordered, `${button.textContent!.trim()}: ${style.textDecorationLine}`).to.equal(true);
      expect(style.color, button.textContent!.trim()).to.equal(getComputedStyle(link).color);
    }
  });
});
