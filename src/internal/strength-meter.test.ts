// The strength meter's words keep WCAG's 4.5:1 in every theme: the level is said in the meaning
// colours (danger, warning, success) on the card, so each level is measured on each theme.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import type {ThemeName} from '../appearance/themes.js';
import {composite, contrast, parseColor, type Rgba} from '../../test/contrast.js';
import {clientFor, input, memoryAdapter, type} from '../../test/helpers.js';
import type {AuthSignUp} from '../elements/sign-up/sign-up.js';

const THEMES: {label: string; theme: ThemeName; scheme: 'light' | 'dark'}[] = [
  {label: 'light', theme: 'light', scheme: 'light'},
  {label: 'dark', theme: 'dark', scheme: 'light'},
  {label: 'auto, system dark', theme: 'auto', scheme: 'dark'},
  {label: 'neutral', theme: 'neutral', scheme: 'light'},
  {label: 'high-contrast', theme: 'high-contrast', scheme: 'light'},
];

/** A password zxcvbn puts at each level (scores 0, 2, 3 and 4, no name or email typed). */
const LEVELS = {weak: 'password1', fair: 'cobol1959', good: 'compiler1952', strong: 'mauve otter quartz lantern'} as const;

/** The colour behind a node: its own and its ancestors' backgrounds (through slots and shadow roots), composited. */
function backgroundOf(node: Element): Rgba {
  const layers: Rgba[] = [];
  for (let at: Element | null = node; at; at = at.assignedSlot ?? at.parentElement ?? ((at.getRootNode() as ShadowRoot).host ?? null)) {
    layers.push(parseColor(getComputedStyle(at).backgroundColor));
  }
  return layers.reduceRight((behind, layer) => composite(layer, behind), [1, 1, 1, 1] as Rgba);
}

describe('strength meter contrast', () => {
  afterEach(() => emulateMedia({colorScheme: 'light'}));

  for (const {label, theme, scheme} of THEMES) {
    it(`says every level at 4.5:1 or more in the ${label} theme`, async () => {
      await emulateMedia({colorScheme: scheme});
      const client = clientFor(memoryAdapter());
      await client.ready;
      const provider = await fixture(html`<auth-provider theme=${theme} .client=${client}><auth-sign-up></auth-sign-up></auth-provider>`);
      const el = provider.querySelector<AuthSignUp>('auth-sign-up')!;
      await el.updateComplete;
      const ratios: Record<string, number> = {};
      for (const [level, password] of Object.entries(LEVELS)) {
        type(input(el, 'password'), password);
        await waitUntil(() => el.querySelector<HTMLElement>('[part="password-strength"]')?.dataset.level === level, `no ${level} meter`, {timeout: 5000});
        const words = el.querySelector('[part="password-strength-label"]')!;
        const color = composite(parseColor(getComputedStyle(words).color), backgroundOf(words));
        ratios[level] = Math.round(contrast(color, backgroundOf(words)) * 100) / 100;
      }
      expect(Object.entries(ratios).filter(([, ratio]) => ratio < 4.5), JSON.stringify(ratios)).to.deep.equal([]);
    });
  }
});
