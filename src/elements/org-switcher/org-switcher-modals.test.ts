// "Create organization" and "Manage organization": the provider's dialogs (modal mode, by
// keyboard, focus back to the trigger) or links (navigation mode); the provider's
// openCreateOrganization / openOrganizationProfile and their close counterparts.
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {html} from 'lit';
import {input, settle, submit, title, type, waitUntil} from '../../../test/helpers.js';
import {closeButton, dialogName, dialogs, modalGone, nativeDialog} from '../../../test/modal.js';
import {focused, isOpen, item, openMenu, orgSwitcher, trigger} from '../../../test/org-switcher.js';
import type {AuthDialog} from '../../internal/dialog.js';
import {deepActiveElement} from '../../internal/focus.js';

type Shown = HTMLElement & {updateComplete: Promise<unknown>};

/** Waits for the one modal to be open with `tag` inside; returns the dialog and the element. */
async function shown(tag: 'auth-create-org' | 'auth-org-profile'): Promise<{dialog: AuthDialog; content: Shown}> {
  await waitUntil(() => dialogs().length === 1 && nativeDialog(dialogs()[0]).open && dialogs()[0].querySelector(tag), `no open modal with <${tag}>`);
  const dialog = dialogs()[0];
  const content = dialog.querySelector<Shown>(tag)!;
  await content.updateComplete;
  await dialog.updateComplete;
  // The opening animation has ended (axe reads colours once it has).
  const animated = [...dialog.shadowRoot!.querySelectorAll('.panel, .backdrop, dialog')];
  await Promise.all(animated.flatMap((node) => node.getAnimations()).map((animation) => animation.finished));
  return {dialog, content};
}

const inDialog = (dialog: AuthDialog) => dialog.contains(deepActiveElement()) || dialog.shadowRoot!.contains(deepActiveElement());
const shadowText = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const button = (root: Element | ShadowRoot, label: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((node) => node.textContent!.replace(/\s+/g, ' ').trim() === label);

describe('<auth-org-switcher> Create and Manage organization', () => {
  afterEach(() => {
    dialogs().forEach((dialog) => dialog.remove());
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('Create organization opens <auth-create-org> in the provider’s dialog by keyboard; created and past the invite step, it closes and after-create-org-url is followed', async () => {
    const {el, client, provider} = await orgSwitcher({inner: html`<auth-org-switcher after-create-org-url="#created/:slug"></auth-org-switcher>`});
    trigger(el).focus();
    await sendKeys({press: 'Enter'});
    await settle(el);
    await sendKeys({press: 'End'});
    expect(focused(el)).to.equal(item(el, 'Create organization'));
    await sendKeys({press: 'Enter'});
    const {dialog, content} = await shown('auth-create-org');
    expect(isOpen(el)).to.equal(false);
    expect(dialog.parentElement).to.equal(provider);
    expect(nativeDialog(dialog).matches(':modal')).to.equal(true);
    expect(content.getAttribute('after-create-org-url')).to.equal('#created/:slug');
    await waitUntil(() => content.querySelector('input[name="name"]'), 'no form');
    expect(dialogName(dialog)).to.equal(title(content));
    expect(dialogName(dialog)).to.equal('Create organization');
    await waitUntil(() => inDialog(dialog), 'focus is not in the dialog');
    await expect(provider).to.be.accessible();
    type(input(content, 'name'), 'Difference Society');
    await submit(content);
    await waitUntil(() => title(content) === 'Invite members', 'not on the invite step');
    expect(dialogs()).to.have.length(1);
    expect(client.state.membership!.organization.name).to.equal('Difference Society');
    await waitUntil(() => dialogName(dialog) === 'Invite members', 'the dialog is not named by the step');
    button(content, 'Skip for now')!.click();
    await modalGone();
    await waitUntil(() => location.hash === `#created/${client.state.membership!.organization.slug}`, 'after-create-org-url was not followed');
    await waitUntil(() => deepActiveElement() === trigger(el), 'focus did not return to the trigger');
    expect(trigger(el).textContent).to.contain('Difference Society');
    await expect(el).to.be.accessible();
  });

  it('Manage organization opens the active organization’s profile, a dialog named "Manage organization"; leaving it closes the dialog and follows after-leave-org-url', async () => {
    const {el, client, provider} = await orgSwitcher({active: 'looms', inner: html`<auth-org-switcher after-leave-org-url="#left-:slug"></auth-org-switcher>`});
    await openMenu(el, 3);
    item(el, 'Manage organization').click();
    const {dialog, content} = await shown('auth-org-profile');
    expect(dialogName(dialog) || dialog.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Manage organization');
    expect(dialog.hideHeading).to.equal(false);
    expect(getComputedStyle(dialog).getPropertyValue('--auth-dialog-width')).to.contain('60rem');
    expect(content.getAttribute('after-leave-org-url')).to.equal('#left-:slug');
    await waitUntil(() => shadowText(content).includes('Jacquard Looms'), 'the profile does not show the organization');
    await waitUntil(() => inDialog(dialog), 'focus is not in the dialog');
    await expect(provider).to.be.accessible();
    button(content.shadowRoot!, 'Leave')!.click();
    await settle(content);
    button(content.querySelector('form[slot="form"]')!, 'Leave organization')!.click();
    await modalGone();
    expect(client.state.membership).to.equal(null);
    await waitUntil(() => location.hash === '#left-looms', 'after-leave-org-url was not followed');
    expect(trigger(el).textContent).to.contain('Personal account');
  });

  it('the profile dialog closes by its close button, focus back to the trigger', async () => {
    const {el} = await orgSwitcher({active: 'engines'});
    await openMenu(el, 3);
    item(el, 'Manage organization').click();
    const {dialog} = await shown('auth-org-profile');
    closeButton(dialog).click();
    await modalGone();
    await waitUntil(() => deepActiveElement() === trigger(el), 'focus did not return to the trigger');
  });

  it('navigation modes: Create and Manage are links to create-org-url and org-profile-url (:slug filled in)', async () => {
    const {el} = await orgSwitcher({
      active: 'engines',
      inner: html`<auth-org-switcher create-org-mode="navigation" create-org-url="/orgs/new" org-profile-mode="navigation" org-profile-url="/orgs/:slug/settings"></auth-org-switcher>`,
    });
    await openMenu(el, 3);
    const manage = item(el, 'Manage organization') as HTMLAnchorElement;
    const create = item(el, 'Create organization') as HTMLAnchorElement;
    expect(manage.localName).to.equal('a');
    expect(manage.getAttribute('href')).to.equal('/orgs/engines/settings');
    expect(create.localName).to.equal('a');
    expect(create.getAttribute('href')).to.equal('/orgs/new');
    await expect(el).to.be.accessible();
    // Following one closes the menu and opens no dialog (the test page itself stays: the navigation is stopped).
    const stop = (event: Event) => event.preventDefault();
    document.addEventListener('click', stop);
    try {
      create.click();
      await settle(el);
    } finally {
      document.removeEventListener('click', stop);
    }
    expect(isOpen(el)).to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dialogs()).to.have.length(0);
  });

  it('navigation mode with a URL the redirect policy refuses opens the modal instead', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const {el} = await orgSwitcher({inner: html`<auth-org-switcher create-org-mode="navigation" create-org-url="https://evil.example/new"></auth-org-switcher>`});
      await openMenu(el, 3);
      const create = item(el, 'Create organization');
      expect(create.localName).to.equal('button');
      create.click();
      await shown('auth-create-org');
    } finally {
      console.warn = warn;
    }
  });

  it('a navigation mode to another site is ignored (the modal)', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const {el} = await orgSwitcher({active: 'engines', inner: html`<auth-org-switcher org-profile-mode="navigation" org-profile-url="javascript:alert(1)//:slug"></auth-org-switcher>`});
      await openMenu(el, 3);
      const manage = item(el, 'Manage organization');
      expect(manage.localName).to.equal('button');
      manage.click();
      await shown('auth-org-profile');
    } finally {
      console.warn = warn;
    }
  });
});

describe('<auth-provider> organization modals', () => {
  afterEach(() => dialogs().forEach((dialog) => dialog.remove()));

  it('openCreateOrganization / closeCreateOrganization, one dialog at a time', async () => {
    const {provider} = await orgSwitcher();
    await provider.openSignIn({addAccount: true});
    await provider.openCreateOrganization({afterCreateOrgUrl: '/orgs/:slug'});
    const {dialog, content} = await shown('auth-create-org');
    expect(dialogs()).to.have.length(1);
    expect(dialog.querySelector('auth-sign-in')).to.equal(null);
    expect(dialog.hideHeading).to.equal(true);
    expect(content.getAttribute('after-create-org-url')).to.equal('/orgs/:slug');
    provider.closeOrganizationProfile(); // not what is shown: nothing happens
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dialogs()).to.have.length(1);
    provider.closeCreateOrganization();
    await modalGone();
  });

  it('openOrganizationProfile / closeOrganizationProfile, and the profile goes when the organization stops being active', async () => {
    const {provider, client} = await orgSwitcher({active: 'engines'});
    await provider.openOrganizationProfile({afterLeaveOrgUrl: '/left'});
    const {content} = await shown('auth-org-profile');
    expect(content.getAttribute('after-leave-org-url')).to.equal('/left');
    provider.closeOrganizationProfile();
    await modalGone();
    await provider.openOrganizationProfile();
    const again = await shown('auth-org-profile');
    expect(again.content.hasAttribute('after-leave-org-url')).to.equal(false);
    // Another organization chosen (here or in another tab): the profile of the old one goes.
    const looms = (await client.organizations.listOrganizations()).find((organization) => organization.slug === 'looms')!;
    await client.organizations.setActiveOrganization(looms.id);
    await modalGone();
  });

  it('the organization dialogs close on sign-out', async () => {
    const {provider, client} = await orgSwitcher({active: 'engines'});
    await provider.openOrganizationProfile();
    await shown('auth-org-profile');
    await client.signOut();
    await modalGone();
  });

  it('the create dialog closes on sign-out', async () => {
    const {provider, client} = await orgSwitcher();
    await provider.openCreateOrganization();
    await shown('auth-create-org');
    await client.signOut();
    await modalGone();
  });

  it('names the profile dialog in the provider’s language, and again when it changes', async () => {
    const {provider} = await orgSwitcher({active: 'engines'});
    provider.locale = 'de';
    await waitUntil(() => provider.localizer.language === 'de');
    await provider.openOrganizationProfile();
    const {dialog} = await shown('auth-org-profile');
    await waitUntil(() => dialog.label === 'Organisation verwalten', `named ${dialog.label}`);
    provider.locale = 'fr';
    await waitUntil(() => dialog.label === 'Gérer l’organisation', `named ${dialog.label}`);
  });
});
