import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {render, type TemplateResult} from 'lit';
import {hostBase} from '../appearance/tokens.js';
import {adoptLightStyles} from './light-styles.js';
import {providerName, socialButtons, socialStyles, type SocialButtonsOptions} from './social-buttons.js';
import {socialIcons} from './social-icons.js';

/** A provider-less container with the kit's tokens (as an element's shadow host gives its light-DOM form). */
class SocialTestHost extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({mode: 'open'});
    root.adoptedStyleSheets = [hostBase.styleSheet!];
    root.append(document.createElement('slot'));
  }
}
customElements.define('social-test-host', SocialTestHost);

interface Rendered {
  form: HTMLFormElement;
  selected: string[];
  buttons: HTMLButtonElement[];
  group: HTMLElement;
}

/** Renders the buttons (and an email field where the form has one) into a light-DOM form. */
async function show(options: Partial<SocialButtonsOptions> = {}, style = ''): Promise<Rendered> {
  adoptLightStyles(document, socialStyles);
  const selected: string[] = [];
  const all: SocialButtonsOptions = {
    providers: ['github', 'google'],
    variant: 'auto',
    pending: false,
    label: (name) => `Continue with ${name}`,
    dividerLabel: 'or',
    placement: 'top',
    onSelect: (provider) => selected.push(provider),
    icons: socialIcons,
    appearance: {elements: {}},
    ...options,
  };
  const host = await fixture<SocialTestHost>(html`<social-test-host style=${`display: block; max-width: 24rem; ${style}`}><form data-auth-form></form></social-test-host>`);
  const form = host.querySelector('form')!;
  const email = html`<div class="ae-field" data-email>
    <label class="ae-label" for="email">Email address</label>
    <input class="ae-input" id="email" name="email" type="email" autocomplete="username" />
  </div>`;
  const social = socialButtons(all);
  const content: TemplateResult = all.placement === 'top' ? html`${social}${email}` : html`${email}${social}`;
  render(content, form);
  const group = form.querySelector<HTMLElement>('.ae-social')!;
  return {form, selected, group, buttons: [...form.querySelectorAll<HTMLButtonElement>('.ae-social-button')]};
}

/** The form's children by role: social group, divider, email field. */
const order = (form: HTMLFormElement) =>
  [...form.children].map((child) =>
    child.classList.contains('ae-social') ? 'buttons' : child.classList.contains('ae-divider') ? 'divider' : 'email',
  );

describe('socialButtons()', () => {
  it('renders block buttons with the provider names, in a labelled group', async () => {
    const {form, group, buttons} = await show({variant: 'blockButton'});
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.getAttribute('part')).to.equal('social-buttons');
    expect(group.getAttribute('aria-label')).to.equal('Continue with GitHub, Google');
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Continue with GitHub', 'Continue with Google']);
    for (const button of buttons) {
      expect(button.type).to.equal('button');
      expect(button.getAttribute('part')).to.equal('social-button');
      expect(button.hasAttribute('aria-label')).to.equal(false);
      expect(button.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
    }
    expect(buttons.map((b) => b.dataset.provider)).to.deep.equal(['github', 'google']);
    expect(buttons[0].getBoundingClientRect().width).to.equal(group.getBoundingClientRect().width);
    await expect(form).to.be.accessible();
  });

  it('renders icon buttons named by aria-label and title', async () => {
    const {form, buttons} = await show({variant: 'iconButton'});
    for (const [button, name] of [
      [buttons[0], 'GitHub'],
      [buttons[1], 'Google'],
    ] as const) {
      expect(button.getAttribute('aria-label')).to.equal(`Continue with ${name}`);
      expect(button.title).to.equal(`Continue with ${name}`);
      expect(button.textContent!.trim()).to.equal('');
      const box = button.getBoundingClientRect();
      expect(box.width).to.equal(box.height);
    }
    // Square buttons in a row.
    expect(buttons[0].getBoundingClientRect().top).to.equal(buttons[1].getBoundingClientRect().top);
    await expect(form).to.be.accessible();
  });

  it('shows icons from 3 providers on in `auto`, else blocks', async () => {
    const two = await show({variant: 'auto', providers: ['github', 'google']});
    expect(two.group.dataset.variant).to.equal('block');
    expect(two.buttons[0].textContent).to.contain('Continue with GitHub');
    const three = await show({variant: 'auto', providers: ['github', 'google', 'apple']});
    expect(three.group.dataset.variant).to.equal('icon');
    expect(three.buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Continue with GitHub',
      'Continue with Google',
      'Continue with Apple',
    ]);
    await expect(three.form).to.be.accessible();
  });

  it('puts the divider between the buttons and the email form, for either placement', async () => {
    const top = await show({placement: 'top'});
    expect(order(top.form)).to.deep.equal(['buttons', 'divider', 'email']);
    const divider = top.form.querySelector('.ae-divider')!;
    expect(divider.getAttribute('part')).to.equal('divider');
    expect(divider.textContent!.trim()).to.equal('or');
    const line = getComputedStyle(divider, '::before');
    expect(line.borderTopStyle).to.equal('solid');
    expect(parseFloat(line.width)).to.be.greaterThan(0);
    const bottom = await show({placement: 'bottom'});
    expect(order(bottom.form)).to.deep.equal(['email', 'divider', 'buttons']);
    await expect(bottom.form).to.be.accessible();
  });

  it('names a provider by the API\'s display name for it, over its id', async () => {
    const {buttons} = await show({providers: ['dev-oidc', 'github'], names: {'dev-oidc': 'Dev Identity'}});
    expect(buttons.map((b) => b.querySelector('span:not(.ae-social-initial)')?.textContent)).to.deep.equal(['Continue with Dev Identity', 'Continue with GitHub']);
    expect(buttons[0].querySelector('.ae-social-initial')?.textContent).to.equal('D');
  });

  it('renders nothing without providers', async () => {
    const {form} = await show({providers: []});
    expect(order(form)).to.deep.equal(['email']);
  });

  it('names providers, with the initial in a circle while icons load', async () => {
    expect(['github', 'google', 'apple', 'microsoft', 'discord', 'gitlab', 'facebook', 'linkedin', 'twitter', 'acme'].map((id) => providerName(id))).to.deep.equal(
      ['GitHub', 'Google', 'Apple', 'Microsoft', 'Discord', 'GitLab', 'Facebook', 'LinkedIn', 'X', 'Acme'],
    );
    const {form, buttons} = await show({icons: null, providers: ['github', 'twitter', 'acme']});
    expect(buttons.map((b) => b.querySelector('.ae-social-initial')?.textContent)).to.deep.equal(['G', 'X', 'A']);
    expect(form.querySelector('svg')).to.equal(null);
    const initial = getComputedStyle(buttons[0].querySelector('.ae-social-initial')!);
    expect(initial.borderTopLeftRadius).to.equal('50%');
    await expect(form).to.be.accessible();
  });

  it('draws every known icon filled in the text colour', async () => {
    const providers = ['github', 'google', 'apple', 'microsoft', 'discord', 'gitlab', 'facebook', 'linkedin', 'twitter'];
    const {buttons} = await show({providers, variant: 'iconButton'});
    for (const button of buttons) {
      const svg = button.querySelector('svg');
      expect(svg, button.dataset.provider).to.not.equal(null);
      const style = getComputedStyle(svg!.querySelector('path')!);
      expect(style.fill).to.equal(getComputedStyle(button).color);
      expect(style.stroke).to.equal('none');
      const box = svg!.getBoundingClientRect();
      expect(box.width).to.be.greaterThan(10);
      expect(box.width).to.equal(box.height);
    }
  });

  it('calls onSelect on click and from the keyboard, and ignores it while pending', async () => {
    const {buttons, selected} = await show();
    buttons[0].click();
    buttons[1].focus();
    await sendKeys({press: 'Enter'});
    await sendKeys({press: 'Space'});
    expect(selected).to.deep.equal(['github', 'google', 'google']);

    const busy = await show({pending: true});
    expect(busy.buttons.every((b) => b.getAttribute('aria-disabled') === 'true')).to.equal(true);
    busy.buttons[0].click();
    busy.buttons[0].focus();
    expect(document.activeElement, 'still focusable').to.equal(busy.buttons[0]);
    await sendKeys({press: 'Enter'});
    expect(busy.selected).to.deep.equal([]);
    await expect(busy.form).to.be.accessible();
  });

  it("keeps its look under a host page's global CSS", async () => {
    const {form, buttons} = await show({variant: 'blockButton'});
    const divider = form.querySelector('.ae-divider')!;
    const look = () => {
      const button = getComputedStyle(buttons[0]);
      const line = getComputedStyle(divider, '::after');
      const icon = getComputedStyle(buttons[0].querySelector('svg')!);
      return [button.backgroundColor, button.color, button.textTransform, button.paddingTop, button.borderTopWidth,
        line.content, line.borderTopWidth, line.marginTop, icon.fill, icon.width, getComputedStyle(divider).marginTop];
    };
    const before = look();
    const hostile = document.createElement('style');
    hostile.textContent = `button { background: green; color: white; text-transform: uppercase; padding: 20px; border: 0 }
      div { margin: 25px; } *::before, *::after { content: '*'; border: 0; margin: 9px; } svg { width: 90px; fill: red; }`;
    document.head.append(hostile);
    try {
      expect(look()).to.deep.equal(before);
    } finally {
      hostile.remove();
    }
  });

  it('passes axe in the dark theme too', async () => {
    const dark = 'background: #111827; --auth-color-foreground: #f1f5f9; --auth-color-background: #111827; --auth-color-neutral: #94a3b8; --auth-color-primary: #a5b4fc;';
    const block = await show({variant: 'blockButton'}, dark);
    await expect(block.form).to.be.accessible();
    const loading = await show({variant: 'iconButton', icons: null, providers: ['github', 'google', 'apple']}, dark);
    await expect(loading.form).to.be.accessible();
  });
});
