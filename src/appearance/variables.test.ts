import {expect} from '@open-wc/testing';
import {emulateMedia, setViewport} from '@web/test-runner-commands';
import type {AuthProvider} from '../elements/provider/provider.js';
import {ADA, clientFor, fixture, html, input, memoryAdapter, settle, submit, type, waitUntil} from '../../test/helpers.js';
import {APPEARANCE_VARIABLES, type AppearanceVariable} from './appearance.js';
import {AuthError} from '../client/errors.js';
import {MemoryAdapter} from '../client/adapters/memory.js';

/** An API that turns every sign-in away for a while. */
class RateLimited extends MemoryAdapter {
  override signInWithPassword(): Promise<never> {
    return Promise.reject(new AuthError('rate_limited', 'slow down', {retryAfter: 30}));
  }
}

/**
 * One page with every node a variable governs: sign-in at the password step with an error
 * (danger), sign-up with a met password rule (success) and its "optional" tag (muted), a rate-limited
 * alert (warning), and the user button's open menu on a narrow screen (backdrop).
 */
async function page() {
  const signedIn = memoryAdapter();
  await signedIn.signInWithPassword({email: ADA.email, password: ADA.password});
  const provider = await fixture<AuthProvider>(html`<div>
    <auth-provider id="out" .client=${clientFor(memoryAdapter())}><auth-sign-in></auth-sign-in><auth-sign-up></auth-sign-up></auth-provider>
    <auth-provider .client=${clientFor(new RateLimited())}><auth-sign-in id="limited"></auth-sign-in></auth-provider>
    <auth-provider id="in" .client=${clientFor(signedIn)}><auth-user-button></auth-user-button></auth-provider>
  </div>`);
  const root = provider as unknown as HTMLElement;
  const signIn = root.querySelector('auth-sign-in')!;
  const limited = root.querySelector('#limited')!;
  const signUp = root.querySelector('auth-sign-up')!;
  const userButton = root.querySelector('auth-user-button')!;
  await waitUntil(() => signIn.querySelector('input') && signUp.querySelector('input') && userButton.shadowRoot!.querySelector('button'));
  type(input(signIn, 'email'), ADA.email);
  await submit(signIn);
  type(input(signIn, 'password'), 'wrong-password1');
  await submit(signIn);
  type(input(limited, 'email'), ADA.email);
  await submit(limited);
  type(input(limited, 'password'), ADA.password);
  await submit(limited);
  type(input(signUp, 'password'), 'abcdefgh1');
  await settle(signUp);
  userButton.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
  // Open (in the top layer) with focus on its first item: the tests then move focus where they measure.
  await waitUntil(() => userButton.shadowRoot!.querySelector('[part~="popover"]')!.matches(':popover-open') && userButton.shadowRoot!.activeElement?.getAttribute('role') === 'menuitem');
  return {root, signIn, limited, signUp, userButton};
}

type Page = Awaited<ReturnType<typeof page>>;

/** Where each variable shows: the node and the computed property that must follow it. */
const GOVERNS: Record<AppearanceVariable, [value: string, node: (p: Page) => Element, property: string]> = {
  colorPrimary: ['rgb(200, 10, 90)', (p) => p.signIn.querySelector('.ae-primary')!, 'background-color'],
  colorPrimaryForeground: ['rgb(250, 240, 10)', (p) => p.signIn.querySelector('.ae-primary')!, 'color'],
  colorDanger: ['rgb(150, 0, 20)', (p) => p.signIn.querySelector('.ae-field-error')!, 'color'],
  colorSuccess: ['rgb(0, 100, 30)', (p) => p.signUp.querySelector('.ae-rule[data-met]')!, 'color'],
  colorWarning: ['rgb(120, 70, 0)', (p) => p.limited.querySelector('.ae-alert[data-tone="warning"]')!, 'border-top-color'],
  colorNeutral: ['rgb(0, 120, 140)', (p) => p.signIn.shadowRoot!.querySelector('[part="card"]')!, 'border-top-color'],
  colorForeground: ['rgb(20, 30, 60)', (p) => p.signIn.shadowRoot!.querySelector('h1')!, 'color'],
  colorMuted: ['rgb(230, 240, 200)', (p) => p.signUp.querySelector('.ae-optional')!, 'background-color'],
  colorMutedForeground: ['rgb(70, 60, 50)', (p) => p.signIn.shadowRoot!.querySelector('[part="header-subtitle"]')!, 'color'],
  colorBackground: ['rgb(255, 250, 240)', (p) => p.signIn.shadowRoot!.querySelector('[part="card"]')!, 'background-color'],
  colorInput: ['rgb(240, 248, 255)', (p) => input(p.signIn, 'password'), 'background-color'],
  colorInputForeground: ['rgb(10, 60, 10)', (p) => input(p.signIn, 'password'), 'color'],
  colorBorder: ['rgb(90, 90, 200)', (p) => p.signUp.querySelector('input[name="email"]')!, 'border-top-color'],
  colorRing: ['rgb(255, 0, 255)', (p) => input(p.signIn, 'password'), 'outline-color'],
  colorShadow: ['rgb(0, 0, 100)', (p) => p.signIn.shadowRoot!.querySelector('[part="card"]')!, 'box-shadow'],
  colorModalBackdrop: ['rgb(10, 20, 30)', (p) => p.userButton.shadowRoot!.querySelector('[part="backdrop"]')!, 'background-color'],
  fontFamily: ['Georgia', (p) => input(p.signIn, 'password'), 'font-family'],
  fontFamilyButtons: ['Courier', (p) => p.signIn.querySelector('.ae-primary')!, 'font-family'],
  fontSize: ['20px', (p) => p.signIn, 'font-size'],
  fontWeight: ['800', (p) => p.signIn.querySelector('label')!, 'font-weight'],
  borderRadius: ['3px', (p) => input(p.signIn, 'password'), 'border-top-left-radius'],
  spacing: ['24px', (p) => p.signIn.querySelector('form')!, 'row-gap'],
};

describe('appearance variables', () => {
  before(async () => {
    await emulateMedia({reducedMotion: 'reduce'});
    await setViewport({width: 400, height: 800}); // the user menu opens as a sheet over a backdrop
  });
  after(async () => {
    await emulateMedia({reducedMotion: 'no-preference'});
    await setViewport({width: 800, height: 600});
  });

  it('has a governed node for every variable', () => {
    expect(Object.keys(GOVERNS).sort()).to.deep.equal([...APPEARANCE_VARIABLES].sort());
  });

  for (const name of APPEARANCE_VARIABLES) {
    it(`${name} reaches the nodes it governs`, async () => {
      const p = await page();
      const [value, node, property] = GOVERNS[name];
      const target = node(p);
      input(p.signIn, 'password').focus(); // shows the focus ring
      const before = getComputedStyle(target).getPropertyValue(property);
      for (const provider of p.root.querySelectorAll<AuthProvider>('auth-provider')) {
        provider.appearance = {variables: {[name]: value}};
        await provider.updateComplete;
      }
      await settle(p.signIn);
      const after = getComputedStyle(target).getPropertyValue(property);
      expect(after, `${property} did not change`).to.not.equal(before);
      if (!['colorWarning', 'colorNeutral', 'colorShadow', 'fontFamily', 'fontFamilyButtons'].includes(name)) {
        expect(after).to.equal(value);
      }
    });
  }
});
