import {expect} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import type {AuthSignIn} from '../elements/sign-in/sign-in.js';
import {variableToProperty, type AppearanceVariable} from './appearance.js';
import {THEMES} from './theme-presets.js';
import {clientFor, errorText, fixture, html, input, memoryAdapter, mount, submit, type, waitUntil} from '../../test/helpers.js';

/** The computed look of the nodes every token governs. */
function look(el: AuthSignIn): string[] {
  const nodes = [
    el.shadowRoot!.querySelector('[part="card"]')!,
    el.shadowRoot!.querySelector('h1')!,
    el.querySelector('label')!,
    el.querySelector('input')!,
    el.querySelector('button[type="submit"]')!,
    el.querySelector('.ae-field-error')!,
  ];
  return nodes.flatMap((node) => {
    const style = getComputedStyle(node);
    return ['color', 'background-color', 'border-top-color', 'font-family', 'font-size', 'font-weight', 'border-top-left-radius', 'box-shadow', 'padding-top']
      .map((property) => `${node.localName} ${property}: ${style.getPropertyValue(property)}`);
  });
}

describe('themes/light.css', () => {
  it('holds exactly the built-in defaults: linking it changes nothing', async () => {
    await emulateMedia({reducedMotion: 'reduce'}); // no transitions between the two looks
    const el = await mount<AuthSignIn>(clientFor(memoryAdapter()), html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
    type(input(el, 'email'), 'not-an-email');
    await submit(el);
    expect(errorText(el)).to.not.equal('');
    const before = look(el);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(await (await fetch('/themes/light.css')).text());
    expect(sheet.cssRules.length).to.equal(1);
    const declared = [...(sheet.cssRules[0] as CSSStyleRule).style];
    for (const name of Object.keys(THEMES.light.variables) as AppearanceVariable[]) {
      expect(declared, name).to.include(variableToProperty(name));
    }
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      expect(look(el)).to.deep.equal(before);
    } finally {
      await emulateMedia({reducedMotion: 'no-preference'});
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    }
  });
});

describe('themes', () => {
  const card = (el: Element) => el.shadowRoot!.querySelector('[part="card"]')!;
  const signInWith = async (provider: string, element?: unknown) => {
    const root = await fixture<HTMLElement>(
      html`<auth-provider theme=${provider} .client=${clientFor(memoryAdapter())}><auth-sign-in .appearance=${element}></auth-sign-in></auth-provider>`,
    );
    const el = root.querySelector<AuthSignIn>('auth-sign-in')!;
    await waitUntil(() => el.querySelector('input'));
    await el.updateComplete;
    return el;
  };

  it('switches to the dark theme by name, on the provider', async () => {
    const el = await signInWith('dark');
    expect(getComputedStyle(card(el)).backgroundColor).to.equal('rgb(17, 24, 39)');
    expect(getComputedStyle(el.shadowRoot!.querySelector('h1')!).color).to.equal('rgb(241, 245, 249)');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
  });

  it('follows the system with auto', async () => {
    await emulateMedia({colorScheme: 'dark'});
    try {
      const el = await signInWith('auto');
      expect(getComputedStyle(card(el)).backgroundColor).to.equal('rgb(17, 24, 39)');
      await emulateMedia({colorScheme: 'light'});
      expect(getComputedStyle(card(el)).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({colorScheme: 'light'});
    }
  });

  it('stacks themes, later over earlier, and lets the element override the provider', async () => {
    const brand = {variables: {colorPrimary: '#0f766e'}};
    const stacked = await signInWith('dark', {theme: ['dark', brand]});
    expect(getComputedStyle(card(stacked)).backgroundColor).to.equal('rgb(17, 24, 39)');
    expect(getComputedStyle(stacked.querySelector('.ae-primary')!).backgroundColor).to.equal('rgb(15, 118, 110)');
    const overridden = await signInWith('dark', {theme: 'high-contrast'});
    expect(getComputedStyle(card(overridden)).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(overridden.querySelector('input')!).borderTopColor).to.equal('rgb(0, 0, 0)');
  });

  it('lets page CSS variables win over a theme', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.brand-zone { --auth-color-background: rgb(250, 240, 230); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const root = await fixture<HTMLElement>(
        html`<div class="brand-zone"><auth-provider theme="neutral" .client=${clientFor(memoryAdapter())}><auth-sign-in></auth-sign-in></auth-provider></div>`,
      );
      const el = root.querySelector<AuthSignIn>('auth-sign-in')!;
      await waitUntil(() => el.querySelector('input'));
      await el.updateComplete;
      expect(getComputedStyle(card(el)).backgroundColor).to.equal('rgb(250, 240, 230)');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    }
  });

  it('stays hidden until a theme preset has loaded, so the default look never flashes', async () => {
    const root = await fixture<HTMLElement>(html`<auth-provider theme="dark" .client=${clientFor(memoryAdapter())}><auth-sign-in></auth-sign-in></auth-provider>`);
    const el = root.querySelector<AuthSignIn>('auth-sign-in')!;
    // Whenever the card can be seen, it already has the dark look.
    const looks: string[] = [];
    const observe = () => {
      const style = getComputedStyle(el);
      looks.push(style.visibility === 'hidden' ? 'hidden' : getComputedStyle(card(el)).backgroundColor);
    };
    observe();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    observe();
    await el.updateComplete;
    await waitUntil(() => !el.matches(':state(styling)'));
    observe();
    expect(looks.filter((look) => look !== 'hidden' && look !== 'rgb(17, 24, 39)'), looks.join()).to.deep.equal([]);
    expect(looks.at(-1)).to.equal('rgb(17, 24, 39)');
  });

});

describe('themes/*.css', () => {
  const mountWith = async (theme: string | undefined) => {
    const root = await fixture<HTMLElement>(html`<auth-provider theme=${theme ?? 'light'} .client=${clientFor(memoryAdapter())}><auth-sign-in></auth-sign-in></auth-provider>`);
    const el = root.querySelector<AuthSignIn>('auth-sign-in')!;
    await waitUntil(() => el.querySelector('input'));
    type(input(el, 'email'), 'not-an-email');
    await submit(el);
    (document.activeElement as HTMLElement | null)?.blur();
    await el.updateComplete;
    return el;
  };

  for (const name of ['dark', 'auto', 'neutral', 'high-contrast']) {
    it(`${name}.css gives the look of theme="${name}"`, async () => {
      await emulateMedia({reducedMotion: 'reduce', colorScheme: 'dark'});
      try {
        const themed = look(await mountWith(name));
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(await (await fetch(`/themes/${name}.css`)).text());
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        try {
          expect(look(await mountWith(undefined))).to.deep.equal(themed);
        } finally {
          document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
        }
      } finally {
        await emulateMedia({reducedMotion: 'no-preference', colorScheme: 'light'});
      }
    });
  }
});
