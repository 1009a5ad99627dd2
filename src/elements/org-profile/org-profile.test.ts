import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {html, nextEvent, settle, waitUntil} from '../../../test/helpers.js';
import {ADA, CLEO, alerts, button, editorForm, formButton, orgProfile, pageTitle, shadow, signIn, text} from '../../../test/org-profile.js';
import type {AuthOrgProfile} from './org-profile.js';

const navItems = (el: AuthOrgProfile) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="navigation-item"], [part~="navigation-link"]')];
const navLabels = (el: AuthOrgProfile) => navItems(el).map(text);
const current = (el: AuthOrgProfile) => text(shadow(el).querySelector('[aria-current="page"]')!);

describe('<auth-org-profile>', () => {
  it('names its navigation and opens on General', async () => {
    const {el} = await orgProfile();
    expect(navLabels(el)).to.deep.equal(['General', 'Members']);
    expect(current(el)).to.equal('General');
    expect(shadow(el).querySelector('nav')!.getAttribute('aria-label')).to.equal('Organization');
    await expect(el).to.be.accessible();
  });

  it('shows a page of its own with its content and icon, and a link out (never javascript:)', async () => {
    const {el} = await orgProfile({
      template: html`<auth-org-profile>
        <auth-org-profile-page label="Billing" path="billing"><svg slot="icon" viewBox="0 0 1 1"></svg><p id="billing">Plan: Team</p></auth-org-profile-page>
        <auth-org-profile-link label="Help" href="/help"></auth-org-profile-link>
        <auth-org-profile-link label="Evil" href="javascript:alert(1)"></auth-org-profile-link>
      </auth-org-profile>`,
    });
    expect(navLabels(el)).to.deep.equal(['General', 'Members', 'Billing', 'Help']);
    expect(el.querySelector<HTMLElement>('#billing')!.checkVisibility()).to.equal(false);
    navItems(el)[2]!.click();
    await settle(el);
    expect(pageTitle(el)).to.equal('Billing');
    expect(el.querySelector<HTMLElement>('#billing')!.checkVisibility()).to.equal(true);
    expect(navItems(el)[2]!.querySelector('svg')).to.not.equal(null);
    expect(navItems(el)[3]!.getAttribute('href')).to.equal('/help');
    await expect(el).to.be.accessible();
  });

  it('puts a built-in page where an empty page with its path stands', async () => {
    const {el} = await orgProfile({
      template: html`<auth-org-profile>
        <auth-org-profile-page path="members"></auth-org-profile-page>
        <auth-org-profile-page label="Billing" path="billing"><p>Plan</p></auth-org-profile-page>
      </auth-org-profile>`,
    });
    expect(navLabels(el)).to.deep.equal(['General', 'Members', 'Billing']);
  });

  it('keeps the page in the hash with routing="hash", telling listeners of each change', async () => {
    history.replaceState(null, '', '#/members');
    try {
      const {el} = await orgProfile({template: html`<auth-org-profile routing="hash"></auth-org-profile>`});
      expect(current(el)).to.equal('Members');
      expect(navItems(el)[0]!.getAttribute('href')).to.equal('#/general');
      const changed = nextEvent(el, 'auth-page-change');
      navItems(el)[0]!.click();
      expect((await changed).path).to.equal('general');
      await settle(el);
      expect(current(el)).to.equal('General');
      history.back();
      await waitUntil(() => current(el) === 'Members', 'back to Members');
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it("goes from page to page by keyboard, focus moving to the new page's title", async () => {
    const {el} = await orgProfile();
    navItems(el)[0]!.focus();
    await sendKeys({press: 'Tab'});
    expect(shadow(el).activeElement).to.equal(navItems(el)[1]);
    const changed = nextEvent(el, 'auth-page-change');
    await sendKeys({press: 'Enter'});
    expect((await changed).path).to.equal('members');
    await waitUntil(() => shadow(el).activeElement === shadow(el).querySelector('.page-title'), 'focus is not on the title');
    expect(pageTitle(el)).to.equal('Members');
  });

  it('a member removed elsewhere is told so on their next action, and then sees no organization', async () => {
    const {el, adapter, orgId} = await orgProfile({as: CLEO});
    const errors: string[] = [];
    el.addEventListener('auth-error', (event) => errors.push(event.error.code));
    const ada = adapter.newDevice();
    await signIn(ada, ADA);
    const cleo = (await ada.listMembers(orgId!)).find((m) => m.user.email === CLEO.email)!;
    await ada.removeMember(orgId!, cleo.id);
    button(el, 'Leave')!.click();
    await settle(el);
    formButton(editorForm(el), 'Leave organization')!.click();
    await waitUntil(() => errors.length > 0, 'no auth-error');
    await waitUntil(() => text(shadow(el)).includes('No organization is active'), 'the organization still shows');
    // Why it went stays said.
    expect(alerts(shadow(el))).to.equal({
      member_not_found: 'This person is no longer a member.',
      organization_not_found: "This organization doesn't exist or you aren't a member.",
      forbidden: "You don't have permission to do this.",
    }[errors[0]!]);
    await expect(el).to.be.accessible();
  });
});
