import {expect} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import type {AuthSignIn} from '../elements/sign-in/sign-in.js';
import type {AuthSignUp} from '../elements/sign-up/sign-up.js';
import type {AuthUserButton} from '../elements/user-button/user-button.js';
import {MemoryAdapter} from '../client/adapters/memory.js';
import {clientFor, fixture, html, input, settle, submit, title, type, waitUntil} from '../../test/helpers.js';

/** Strings with no break opportunity for a line to wrap at. */
const APP_NAME = 'SupercalifragilisticexpialidociousCustomerPortal12';
const LONG = {
  name: 'Maximilian Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft',
  email: 'maximilian.alexander.wolfeschlegelsteinhausen@corp.example.com',
  password: 'analytical1',
};

const describeNode = (node: Element) => `<${node.localName}${node.className && typeof node.className === 'string' ? ` class="${node.className.trim()}"` : ''}${node.getAttribute('part') ? ` part="${node.getAttribute('part')}"` : ''}>`;

/**
 * What sticks out of an element's card: the card scrolling sideways or leaving the viewport,
 * and any node of it (shadow or slotted light DOM) wider than the card or cut inside itself.
 */
function overflow(host: Element, card: Element): string[] {
  const found: string[] = [];
  const box = card.getBoundingClientRect();
  if (card.scrollWidth > card.clientWidth) found.push(`the card scrolls: scrollWidth ${card.scrollWidth} > clientWidth ${card.clientWidth}`);
  if (box.left < -0.5 || box.right > innerWidth + 0.5) found.push(`the card spans ${box.left}..${box.right}, outside the ${innerWidth}px viewport`);
  if (document.documentElement.scrollWidth > innerWidth) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px`);
  for (const node of [...card.querySelectorAll('*'), ...host.querySelectorAll('*')]) {
    if (node.closest('.ae-visually-hidden') || node.matches('[hidden], slot')) continue;
    const rect = node.getBoundingClientRect();
    if (!rect.width && !rect.height) continue;
    if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) {
      found.push(`${describeNode(node)} spans ${rect.left.toFixed(0)}..${rect.right.toFixed(0)}, the card ${box.left.toFixed(0)}..${box.right.toFixed(0)}`);
    }
    const cut = node instanceof HTMLInputElement ? node.matches('.ae-code') : node.clientWidth > 0;
    if (cut && node.scrollWidth > node.clientWidth + 1) found.push(`${describeNode(node)} cuts its content: scrollWidth ${node.scrollWidth} > clientWidth ${node.clientWidth}`);
  }
  return found;
}

const cardOf = (el: Element) => el.shadowRoot!.querySelector('[part~="card"]')!;

async function expectNoOverflow(el: AuthSignIn | AuthSignUp, step: string) {
  await el.updateComplete;
  expect(overflow(el, cardOf(el)), `${step} ("${title(el)}")`).to.deep.equal([]);
}

/**
 * Text at 200%, two ways: the host page's root font size doubled (what a browser's text size
 * setting does: every rem and em of the kit grows, spacing included), and the kit's own
 * `--auth-font-size` doubled (text only).
 */
const ZOOMS: {label: string; apply: (root: HTMLElement) => void}[] = [
  {label: 'the root font size at 200%', apply: (root) => (root.style.fontSize = '200%')},
  {label: '--auth-font-size doubled', apply: (root) => root.style.setProperty('--auth-font-size', '1.875rem')},
];

for (const zoom of ZOOMS) describe(`reflow at 320 px with ${zoom.label}`, () => {
  before(async () => {
    await setViewport({width: 320, height: 640});
    zoom.apply(document.documentElement);
  });
  after(async () => {
    document.documentElement.style.removeProperty('font-size');
    document.documentElement.style.removeProperty('--auth-font-size');
    await setViewport({width: 800, height: 600});
  });

  it('keeps every step of sign-in inside its card, with a long application name, email and name', async () => {
    expect(APP_NAME.length).to.equal(50);
    expect(LONG.email.length).to.be.greaterThan(60);
    const adapter = new MemoryAdapter({users: [LONG], capabilities: {socialProviders: ['github', 'google']}});
    const client = clientFor(adapter);
    await client.ready;
    const appearance = {options: {applicationName: APP_NAME, termsPageUrl: '/terms', privacyPageUrl: '/privacy', helpPageUrl: '/help'}};
    const provider = await fixture(html`<auth-provider .client=${client}><auth-sign-in sign-up-url="/sign-up" .appearance=${appearance}></auth-sign-in></auth-provider>`);
    const el = provider.querySelector<AuthSignIn>('auth-sign-in')!;
    await waitUntil(() => el.querySelector('.ae-social-button svg'), 'no social buttons');
    expect(title(el)).to.contain(APP_NAME);
    await expectNoOverflow(el, 'the email step');

    type(input(el, 'email'), LONG.email);
    await submit(el);
    type(input(el, 'password'), 'wrong-password1');
    await submit(el);
    expect(el.shadowRoot!.textContent).to.contain(LONG.email);
    await expectNoOverflow(el, 'the password step, with an error');

    el.querySelector<HTMLButtonElement>('[part~="forgot-password-link"]')!.click();
    await settle(el);
    el.querySelector<HTMLButtonElement>('[part~="resend-code-link"]')!.click();
    await settle(el);
    expect(el.querySelector('[role="status"]')!.textContent).to.contain(LONG.email);
    const code = input(el, 'code');
    code.value = '000000'; // all six digits, without submitting
    await expectNoOverflow(el, 'the code step');
    expect(code.scrollWidth, 'the code input scrolls: not all six digits show').to.be.at.most(code.clientWidth);

    type(code, adapter.latestCode(LONG.email)!);
    await settle(el);
    type(input(el, 'password'), 'onlyletters');
    await settle(el);
    expect(el.querySelectorAll('.ae-rule').length).to.be.greaterThan(0);
    await expectNoOverflow(el, 'the new-password step');

    type(input(el, 'password'), 'difference-engine-1822');
    await submit(el);
    expect(el.shadowRoot!.textContent).to.contain(LONG.name);
    await expectNoOverflow(el, 'the signed-in step');
  });

  it('keeps sign-up inside its card', async () => {
    const client = clientFor(new MemoryAdapter({capabilities: {socialProviders: ['github', 'google', 'gitlab']}}));
    await client.ready;
    const provider = await fixture(html`<auth-provider .client=${client}><auth-sign-up sign-in-url="/sign-in" .appearance=${{options: {applicationName: APP_NAME}}}></auth-sign-up></auth-provider>`);
    const el = provider.querySelector<AuthSignUp>('auth-sign-up')!;
    await waitUntil(() => el.querySelector('.ae-social-button svg'), 'no social buttons');
    type(input(el, 'email'), LONG.email);
    type(input(el, 'password'), 'onlyletters');
    await settle(el);
    await expectNoOverflow(el, 'the sign-up form');
  });

  it("wraps a long name and email in the user button's menu", async () => {
    const adapter = new MemoryAdapter({users: [LONG]});
    await adapter.signInWithPassword({email: LONG.email, password: LONG.password});
    const client = clientFor(adapter);
    await client.ready;
    const provider = await fixture(html`<auth-provider .client=${client}><auth-user-button></auth-user-button></auth-provider>`);
    const el = provider.querySelector<AuthUserButton>('auth-user-button')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="trigger"]'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="trigger"]')!.focus();
    await sendKeys({press: 'ArrowDown'});
    await settle(el);
    const popover = el.shadowRoot!.querySelector<HTMLElement>('[part~="popover"]')!;
    expect(popover.hidden).to.equal(false);
    expect(popover.textContent).to.contain(LONG.name).and.contain(LONG.email);
    const found: string[] = [];
    const box = popover.getBoundingClientRect();
    if (box.left < -0.5 || box.right > innerWidth + 0.5) found.push(`the menu spans ${box.left}..${box.right}, outside the ${innerWidth}px viewport`);
    if (popover.scrollWidth > popover.clientWidth) found.push(`the menu scrolls: ${popover.scrollWidth} > ${popover.clientWidth}`);
    for (const node of popover.querySelectorAll('*')) {
      const rect = node.getBoundingClientRect();
      if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) found.push(`${describeNode(node)} spans ${rect.left.toFixed(0)}..${rect.right.toFixed(0)}`);
      if (node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1) found.push(`${describeNode(node)} cuts its content`);
    }
    expect(found).to.deep.equal([]);
  });
});
