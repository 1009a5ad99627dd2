import {expect, fixture} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {html} from 'lit';
import {MemoryAdapter} from '../../client/adapters/memory.js';
import {AuthError} from '../../client/errors.js';
import type {ListOptions, Membership, Organization} from '../../client/types.js';
import {ADA, clientFor, nextEvent, settle, waitUntil} from '../../../test/helpers.js';
import {alertText, BOB, choices, ENGINES, focused, isOpen, item, itemTexts, LOOMS, openMenu, orgSwitcher, panel, trigger} from '../../../test/org-switcher.js';
import type {AuthProvider} from '../provider/provider.js';

/** The memory adapter with listOrganizations or setActiveOrganization failing (or waiting) on demand. */
class FlakyAdapter extends MemoryAdapter {
  listFailure: AuthError | null = null;
  switchFailure: AuthError | null = null;
  /** While set, listOrganizations waits for it. */
  listGate: Promise<void> | null = null;
  override async listOrganizations(options?: ListOptions): Promise<Organization[]> {
    if (this.listGate) await this.listGate;
    if (this.listFailure) throw this.listFailure;
    return super.listOrganizations(options);
  }
  override async setActiveOrganization(id: string | null): Promise<Membership | null> {
    if (this.switchFailure) throw this.switchFailure;
    return super.setActiveOrganization(id);
  }
}
const flaky = (organizations = [ENGINES, LOOMS]) => new FlakyAdapter({users: [ADA, BOB], organizations});

describe('<auth-org-switcher>', () => {
  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('renders nothing while nobody is signed in', async () => {
    const client = clientFor(new MemoryAdapter({users: [ADA]}));
    await client.ready;
    const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}><auth-org-switcher></auth-org-switcher></auth-provider>`);
    const el = provider.querySelector('auth-org-switcher')!;
    await el.updateComplete;
    expect(el.shadowRoot!.children.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows a placeholder while the session loads', async () => {
    class Hanging extends MemoryAdapter {
      override getSession(): Promise<never> {
        return new Promise(() => {});
      }
    }
    const client = clientFor(new Hanging({users: [ADA]}));
    const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}><auth-org-switcher></auth-org-switcher></auth-provider>`);
    const el = provider.querySelector('auth-org-switcher')!;
    await el.updateComplete;
    const skeleton = el.shadowRoot!.querySelector('[part~="org-switcher-skeleton"]')!;
    expect(skeleton.getAttribute('role')).to.equal('status');
    expect(skeleton.textContent!.trim()).to.equal('Loading…');
    expect(trigger(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the personal account (the avatar) when no organization is active', async () => {
    const {el} = await orgSwitcher();
    const button = trigger(el);
    expect(button.querySelector('[part~="avatar"]')!.getAttribute('data-initials')).to.equal('AL');
    expect(button.querySelector('[part~="org-switcher-trigger-name"]')!.textContent).to.equal('Personal account');
    expect(button.getAttribute('aria-label')).to.equal('Switch organization: Personal account');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(isOpen(el)).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it("shows the active organization's initials and name", async () => {
    const {el} = await orgSwitcher({active: 'engines'});
    const button = trigger(el);
    expect(button.querySelector('[part~="organization-logo"]')!.getAttribute('data-initials')).to.equal('AE');
    expect(button.querySelector('[part~="org-switcher-trigger-name"]')!.textContent).to.equal('Analytical Engines');
    expect(button.getAttribute('aria-label')).to.equal('Switch organization: Analytical Engines');
    await expect(el).to.be.accessible();
  });

  it("shows the organization's logo when it has one", async () => {
    const logo = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    const {el} = await orgSwitcher({options: {organizations: [{...ENGINES, logoUrl: logo}, LOOMS]}, active: 'engines'});
    expect(trigger(el).querySelector('[part~="organization-logo"] img')!.getAttribute('src')).to.equal(logo);
    await openMenu(el, 3);
    expect(item(el, 'Analytical Engines').querySelector('img')!.getAttribute('alt')).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('lists the personal account and the organizations, the active one checked, then Manage and Create', async () => {
    const {el} = await orgSwitcher({active: 'engines'});
    await openMenu(el, 3);
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');
    expect(choices(el)).to.deep.equal(['Personal account', 'Analytical Engines ✓', 'Jacquard Looms']);
    expect(itemTexts(el).slice(3)).to.deep.equal(['Manage organization', 'Create organization']);
    expect(item(el, 'Analytical Engines').querySelector('[part~="menu-item-check"] svg')).to.not.equal(null);
    expect(item(el, 'Jacquard Looms').querySelector('[part~="menu-item-check"] svg')).to.equal(null);
    expect(focused(el)).to.equal(item(el, 'Analytical Engines'));
    await expect(el).to.be.accessible();
  });

  it('without an active organization there is no Manage organization', async () => {
    const {el} = await orgSwitcher();
    await openMenu(el, 3);
    expect(choices(el)).to.deep.equal(['Personal account ✓', 'Analytical Engines', 'Jacquard Looms']);
    expect(itemTexts(el).slice(3)).to.deep.equal(['Create organization']);
    await expect(el).to.be.accessible();
  });

  it('switches without a reload: the client holds the new membership and the provider fires auth-org-change', async () => {
    const {el, client, provider} = await orgSwitcher({active: 'engines'});
    await openMenu(el, 3);
    const changed = nextEvent(provider, 'auth-org-change');
    item(el, 'Jacquard Looms').click();
    const event = await changed;
    expect(event.membership!.organization.slug).to.equal('looms');
    expect(event.previous!.organization.slug).to.equal('engines');
    expect(client.state.membership!.organization.slug).to.equal('looms');
    expect(client.state.membership!.role).to.equal('member');
    await settle(el);
    await waitUntil(() => !isOpen(el), 'the menu stayed open');
    expect(focused(el)).to.equal(trigger(el));
    expect(trigger(el).textContent).to.contain('Jacquard Looms');
    await expect(el).to.be.accessible();
  });

  it('switches to the personal account', async () => {
    const {el, client, provider} = await orgSwitcher({active: 'looms'});
    await openMenu(el, 3);
    const changed = nextEvent(provider, 'auth-org-change');
    item(el, 'Personal account').click();
    expect((await changed).membership).to.equal(null);
    expect(client.state.membership).to.equal(null);
    await waitUntil(() => trigger(el).textContent!.includes('Personal account'));
  });

  it('choosing the active organization again just closes the menu', async () => {
    const {el, client, adapter} = await orgSwitcher({active: 'engines'});
    await openMenu(el, 3);
    const switched = adapter.setActiveOrganization.bind(adapter);
    let calls = 0;
    adapter.setActiveOrganization = (id) => (calls++, switched(id));
    item(el, 'Analytical Engines').click();
    await waitUntil(() => !isOpen(el), 'the menu stayed open');
    expect(calls).to.equal(0);
    expect(client.state.membership!.organization.slug).to.equal('engines');
  });

  it('goes to after-select-org-url with :slug and :id replaced, and to after-select-personal-url', async () => {
    const {el, client} = await orgSwitcher({
      inner: html`<auth-org-switcher after-select-org-url="#org/:slug/:id" after-select-personal-url="#personal"></auth-org-switcher>`,
    });
    await openMenu(el, 3);
    item(el, 'Jacquard Looms').click();
    await waitUntil(() => location.hash.startsWith('#org/'), 'did not follow after-select-org-url');
    expect(location.hash).to.equal(`#org/looms/${encodeURIComponent(client.state.membership!.organization.id)}`);
    await openMenu(el, 3);
    item(el, 'Personal account').click();
    await waitUntil(() => location.hash === '#personal', 'did not follow after-select-personal-url');
  });

  it('ignores an after-select-org-url the redirect policy refuses (the switch still happens)', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      const {el, client} = await orgSwitcher({inner: html`<auth-org-switcher after-select-org-url="https://evil.example/:slug"></auth-org-switcher>`});
      await openMenu(el, 3);
      item(el, 'Jacquard Looms').click();
      await waitUntil(() => client.state.membership?.organization.slug === 'looms');
      await waitUntil(() => warnings.length > 0, 'the refusal was not logged');
      expect(warnings[0]).to.contain('refused redirect').and.contain('https://evil.example/looms');
      expect(location.href).to.not.contain('evil.example');
    } finally {
      console.warn = warn;
    }
  });

  it('says why a switch failed, keeps focus on the choice and the old organization', async () => {
    const adapter = flaky();
    const {el, client} = await orgSwitcher({adapter, active: 'engines'});
    await openMenu(el, 3);
    adapter.switchFailure = new AuthError('network');
    const looms = item(el, 'Jacquard Looms');
    looms.focus();
    const failed = nextEvent(el, 'auth-error');
    await sendKeys({press: 'Enter'});
    expect((await failed).error.code).to.equal('network');
    await settle(el);
    expect(alertText(el)).to.equal("We can't reach the server. Check your connection and try again.");
    expect(isOpen(el)).to.equal(true);
    expect(focused(el)).to.equal(looms);
    expect(client.state.membership!.organization.slug).to.equal('engines');
    expect(choices(el)).to.deep.equal(['Personal account', 'Analytical Engines ✓', 'Jacquard Looms']);
    await expect(el).to.be.accessible();
    // Closed and opened again: the old failure is gone.
    await sendKeys({press: 'Escape'});
    await openMenu(el, 3);
    expect(alertText(el)).to.equal('');
  });

  it('a refused switch (forbidden) says so', async () => {
    const adapter = flaky();
    const {el} = await orgSwitcher({adapter});
    await openMenu(el, 3);
    adapter.switchFailure = new AuthError('forbidden', 'forbidden', {status: 403});
    item(el, 'Analytical Engines').click();
    await waitUntil(() => alertText(el), 'no alert');
    expect(alertText(el)).to.equal("You don't have permission to do this.");
    await expect(el).to.be.accessible();
  });

  it('shows a busy row while the list loads the first time (the active organization already there)', async () => {
    const adapter = flaky();
    const {el} = await orgSwitcher({adapter, active: 'engines'});
    let release!: () => void;
    adapter.listGate = new Promise((resolve) => (release = resolve));
    await openMenu(el);
    const status = el.shadowRoot!.querySelector('[part~="menu-status"]')!;
    expect(status.textContent!.trim()).to.equal('Loading organizations…');
    expect(status.getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(choices(el)).to.deep.equal(['Personal account', 'Analytical Engines ✓']);
    expect(focused(el)).to.equal(item(el, 'Analytical Engines'));
    await expect(el).to.be.accessible();
    const engines = item(el, 'Analytical Engines');
    adapter.listGate = null;
    release();
    await waitUntil(() => choices(el).length === 3, 'the list never came');
    expect(el.shadowRoot!.querySelector('[part~="menu-status"]')).to.equal(null);
    // The focused choice is the same node, still the menu's tab stop.
    expect(focused(el)).to.equal(engines);
    expect(engines.tabIndex).to.equal(0);
  });

  for (const [label, error, message] of [
    ['network down', new AuthError('network'), "We can't reach the server. Check your connection and try again."],
    ['HTTP 500', new AuthError('server', 'server', {status: 500}), 'Something went wrong on our side. Try again in a moment.'],
  ] as const) {
    it(`says why the list failed (${label}) and tries again`, async () => {
      const adapter = flaky();
      adapter.listFailure = error;
      const {el} = await orgSwitcher({adapter});
      const failed = nextEvent(el, 'auth-error');
      await openMenu(el);
      expect((await failed).error.code).to.equal(error.code);
      await settle(el);
      const status = el.shadowRoot!.querySelector('[part~="menu-status"]')!;
      expect(status.textContent!.trim()).to.equal(message);
      const retry = item(el, 'Try again');
      expect(retry.getAttribute('aria-describedby')).to.equal(status.id);
      expect(itemTexts(el)).to.include('Create organization');
      await expect(el).to.be.accessible();
      adapter.listFailure = null;
      retry.focus();
      await sendKeys({press: 'Enter'});
      await waitUntil(() => choices(el).length === 3, 'the list never came');
      await waitUntil(() => focused(el) === item(el, 'Personal account'), 'focus did not go to the active choice');
      await expect(el).to.be.accessible();
    });
  }

  it('lists the organizations again each time the menu opens', async () => {
    const {el, adapter} = await orgSwitcher();
    await openMenu(el, 3);
    await sendKeys({press: 'Escape'});
    await settle(el);
    // A new organization made elsewhere (another tab): the switcher lists it on the next open.
    await adapter.createOrganization({name: 'Difference Engines', slug: 'difference'});
    await adapter.setActiveOrganization(null);
    await openMenu(el, 4);
    expect(choices(el)).to.include('Difference Engines');
  });

  it('hide-personal leaves the personal account out', async () => {
    const {el} = await orgSwitcher({active: 'engines', inner: html`<auth-org-switcher hide-personal></auth-org-switcher>`});
    await openMenu(el, 2);
    expect(choices(el)).to.deep.equal(['Analytical Engines ✓', 'Jacquard Looms']);
    await expect(el).to.be.accessible();
  });

  it('hide-personal without organizations shows just Create organization', async () => {
    const {el} = await orgSwitcher({options: {organizations: []}, inner: html`<auth-org-switcher hide-personal></auth-org-switcher>`});
    await openMenu(el, 0);
    await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"], [part~="menu-status"]'));
    expect(itemTexts(el)).to.deep.equal(['Create organization']);
    expect(el.shadowRoot!.querySelector('[role="separator"]')).to.equal(null);
    expect(focused(el)).to.equal(item(el, 'Create organization'));
    await expect(el).to.be.accessible();
  });

  describe('keyboard', () => {
    it('Enter opens on the active choice; arrows, Home, End and typeahead move; Escape closes back to the trigger', async () => {
      const {el} = await orgSwitcher({active: 'looms'});
      trigger(el).focus();
      await sendKeys({press: 'Enter'});
      await settle(el);
      await waitUntil(() => choices(el).length === 3);
      expect(isOpen(el)).to.equal(true);
      expect(focused(el)).to.equal(item(el, 'Jacquard Looms'));
      await sendKeys({press: 'ArrowDown'});
      expect(focused(el)).to.equal(item(el, 'Manage organization'));
      await sendKeys({press: 'End'});
      expect(focused(el)).to.equal(item(el, 'Create organization'));
      await sendKeys({press: 'ArrowDown'});
      expect(focused(el), 'arrows wrap around').to.equal(item(el, 'Personal account'));
      await sendKeys({press: 'Home'});
      expect(focused(el)).to.equal(item(el, 'Personal account'));
      await sendKeys({press: 'j'});
      expect(focused(el)).to.equal(item(el, 'Jacquard Looms'));
      expect(focused(el)!.tabIndex).to.equal(0);
      await expect(el).to.be.accessible();
      await sendKeys({press: 'Escape'});
      await settle(el);
      expect(isOpen(el)).to.equal(false);
      expect(trigger(el).getAttribute('aria-expanded')).to.equal('false');
      expect(focused(el)).to.equal(trigger(el));
    });

    it('Space and ArrowDown open on the active choice too; Tab closes', async () => {
      const {el} = await orgSwitcher({active: 'engines'});
      trigger(el).focus();
      await sendKeys({press: 'Space'});
      await settle(el);
      expect(focused(el)).to.equal(item(el, 'Analytical Engines'));
      await sendKeys({press: 'Tab'});
      await settle(el);
      expect(isOpen(el)).to.equal(false);
      trigger(el).focus();
      await sendKeys({press: 'ArrowDown'});
      await settle(el);
      expect(isOpen(el)).to.equal(true);
      expect(focused(el)).to.equal(item(el, 'Analytical Engines'));
    });

    it('switches by keyboard', async () => {
      const {el, client} = await orgSwitcher();
      trigger(el).focus();
      await sendKeys({press: 'Enter'});
      await settle(el);
      await waitUntil(() => choices(el).length === 3);
      expect(focused(el)).to.equal(item(el, 'Personal account'));
      await sendKeys({press: 'ArrowDown'});
      await sendKeys({press: 'Enter'});
      await waitUntil(() => client.state.membership?.organization.slug === 'engines');
      await waitUntil(() => focused(el) === trigger(el), 'focus did not return to the trigger');
    });
  });

  it('shows hostile organization names as text', async () => {
    const name = '<img src=x onerror="window.__pwnedOrg=true">';
    const {el} = await orgSwitcher({options: {organizations: [{...ENGINES, name}, LOOMS]}, active: 'engines'});
    expect(trigger(el).querySelector('[part~="org-switcher-trigger-name"]')!.textContent).to.equal(name);
    await openMenu(el, 3);
    expect(item(el, name).textContent).to.contain(name);
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    expect((window as unknown as {__pwnedOrg?: boolean}).__pwnedOrg).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it("follows the provider's theme and appearance parts", async () => {
    const {el, provider} = await orgSwitcher({active: 'engines'});
    await openMenu(el, 3);
    const light = getComputedStyle(panel(el)).backgroundColor;
    provider.theme = 'dark';
    provider.appearance = {elements: {orgSwitcherTrigger: 'my-trigger', orgSwitcherMenu: 'my-menu', menuItem: 'my-item'}};
    await waitUntil(() => getComputedStyle(panel(el)).backgroundColor !== light, 'the menu did not turn dark');
    await settle(el);
    expect(trigger(el).classList.contains('my-trigger')).to.equal(true);
    expect(el.shadowRoot!.querySelector('[role="menu"]')!.classList.contains('my-menu')).to.equal(true);
    expect(item(el, 'Jacquard Looms').classList.contains('my-item')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a sign-out empties it', async () => {
    const {el, client} = await orgSwitcher({active: 'engines'});
    await openMenu(el, 3);
    await client.signOut();
    await settle(el);
    expect(el.shadowRoot!.children.length).to.equal(0);
  });
});
