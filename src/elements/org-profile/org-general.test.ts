import {expect} from '@open-wc/testing';
import {clientFor, html, mount, settle, type, waitUntil} from '../../../test/helpers.js';
import {
  ADA,
  BOB,
  CLEO,
  alerts,
  button,
  buttonTexts,
  editorForm,
  field,
  formButton,
  orgAdapter,
  orgProfile,
  pageTitle,
  shadow,
  signIn,
  text,
} from '../../../test/org-profile.js';
import type {AuthOrgProfile} from './org-profile.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('<auth-org-profile> General page', () => {
  it('renders nothing while nobody is signed in', async () => {
    const el = await mount<AuthOrgProfile>(clientFor(orgAdapter()), html`<auth-org-profile></auth-org-profile>`, 'auth-org-profile');
    await settle(el);
    expect(shadow(el).querySelector('nav')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says that no organization is active on the personal account', async () => {
    const {el} = await orgProfile({active: null});
    expect(text(shadow(el))).to.contain('No organization is active');
    expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("shows the owner the organization's name and slug with Edit, Leave and Delete", async () => {
    const {el} = await orgProfile();
    expect(pageTitle(el)).to.equal('General');
    expect(text(shadow(el))).to.contain('Analytical Engines').and.contain('engines');
    expect(buttonTexts(el)).to.include.members(['General', 'Members', 'Edit', 'Leave', 'Delete']);
    await expect(el).to.be.accessible();
  });

  it('lets an admin edit but not delete', async () => {
    const {el} = await orgProfile({as: BOB});
    expect(buttonTexts(el)).to.include.members(['Edit', 'Leave']);
    expect(button(el, 'Delete')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('is read-only for a member: no edit or delete, only Leave', async () => {
    const {el} = await orgProfile({as: CLEO});
    expect(button(el, 'Edit')).to.equal(undefined);
    expect(button(el, 'Delete')).to.equal(undefined);
    expect(button(el, 'Leave')).to.not.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('renames the organization and changes its slug; a hostile name shows as text', async () => {
    const {el, client} = await orgProfile();
    button(el, 'Edit')!.click();
    await settle(el);
    const form = editorForm(el);
    expect(field(form, 'name').value).to.equal('Analytical Engines');
    expect(document.activeElement).to.equal(field(form, 'name'));
    await expect(el).to.be.accessible();
    type(field(form, 'name'), HOSTILE);
    type(field(form, 'slug'), 'new-engines');
    form.requestSubmit();
    await waitUntil(() => text(shadow(el)).includes('Organization saved.'), 'no saved notice');
    expect(client.state.membership!.organization.name).to.equal(HOSTILE);
    expect(client.state.membership!.organization.slug).to.equal('new-engines');
    expect(shadow(el).querySelector('img:not([alt=""])')).to.equal(null);
    expect(text(shadow(el))).to.contain(HOSTILE);
    await expect(el).to.be.accessible();
  });

  it('gives the organization a logo picked from a file, then removes it', async () => {
    const {el, client} = await orgProfile();
    button(el, 'Edit')!.click();
    await settle(el);
    const form = editorForm(el);
    const canvas = document.createElement('canvas');
    canvas.width = 40;
    canvas.height = 30;
    canvas.getContext('2d')!.fillRect(0, 0, 40, 30);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const files = new DataTransfer();
    files.items.add(new File([blob], 'logo.png', {type: 'image/png'}));
    const picker = form.querySelector<HTMLInputElement>('input[type="file"]')!;
    picker.files = files.files;
    picker.dispatchEvent(new Event('change', {bubbles: true}));
    await waitUntil(() => form.querySelector('.ae-logo-preview img'), 'no preview of the logo');
    await expect(el).to.be.accessible();
    form.requestSubmit();
    await waitUntil(() => text(shadow(el)).includes('Organization saved.'), 'no saved notice');
    expect(client.state.membership!.organization.logoUrl).to.match(/^data:image\/(webp|png);base64,/);
    expect(shadow(el).querySelector('[part~="organization-logo"] img')).to.not.equal(null);
    button(el, 'Edit')!.click();
    await settle(el);
    formButton(form, 'Remove logo')!.click();
    await settle(el);
    form.requestSubmit();
    await waitUntil(() => client.state.membership!.organization.logoUrl === null, 'the logo stays');
  });

  it('refuses a slug in the wrong format at the field, before asking the API', async () => {
    const {el} = await orgProfile();
    button(el, 'Edit')!.click();
    await settle(el);
    const form = editorForm(el);
    type(field(form, 'slug'), 'Not A Slug');
    form.requestSubmit();
    await settle(el);
    expect(field(form, 'slug').getAttribute('aria-invalid')).to.equal('true');
    expect(alerts(form)).to.contain('Use lower-case letters, digits and hyphens.');
    await expect(el).to.be.accessible();
  });

  it("shows a taken slug at the field, keeping what was typed", async () => {
    const {el} = await orgProfile();
    button(el, 'Edit')!.click();
    await settle(el);
    const form = editorForm(el);
    type(field(form, 'slug'), 'looms');
    form.requestSubmit();
    await waitUntil(() => alerts(form).includes('This URL is taken.'), 'no slug_taken at the field');
    expect(field(form, 'slug').value).to.equal('looms');
    expect(field(form, 'slug').getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement).to.equal(field(form, 'slug'));
    await expect(el).to.be.accessible();
  });

  it('keeps what was typed when the network is down', async () => {
    const {el, adapter} = await orgProfile();
    button(el, 'Edit')!.click();
    await settle(el);
    const form = editorForm(el);
    type(field(form, 'name'), 'Difference Engines');
    adapter.updateOrganization = () => Promise.reject(new TypeError('Failed to fetch'));
    form.requestSubmit();
    await waitUntil(() => alerts(form) !== '', 'no error shown');
    expect(field(form, 'name').value).to.equal('Difference Engines');
    await expect(el).to.be.accessible();
  });

  it('saves once on a double submit', async () => {
    const {el, adapter} = await orgProfile();
    let calls = 0;
    const update = adapter.updateOrganization.bind(adapter);
    adapter.updateOrganization = (...args) => (calls++, update(...args));
    button(el, 'Edit')!.click();
    await settle(el);
    const form = editorForm(el);
    type(field(form, 'name'), 'Difference Engines');
    form.requestSubmit();
    form.requestSubmit();
    await waitUntil(() => text(shadow(el)).includes('Organization saved.'), 'no saved notice');
    expect(calls).to.equal(1);
  });

  it('tells the last owner to make someone else owner first, and stays', async () => {
    const {el, client} = await orgProfile();
    button(el, 'Leave')!.click();
    await settle(el);
    const form = editorForm(el);
    await expect(el).to.be.accessible();
    formButton(form, 'Leave organization')!.click();
    await waitUntil(() => alerts(form).includes('Make someone else owner first.'), 'no last_owner message');
    expect(client.state.membership?.organization.slug).to.equal('engines');
    await expect(el).to.be.accessible();
  });

  it('lets a member leave; the profile then says no organization is active and goes to after-leave-org-url', async () => {
    const {el, client} = await orgProfile({as: CLEO, template: html`<auth-org-profile after-leave-org-url="#left-:slug"></auth-org-profile>`});
    button(el, 'Leave')!.click();
    await settle(el);
    formButton(editorForm(el), 'Leave organization')!.click();
    await waitUntil(() => text(shadow(el)).includes('No organization is active'), 'still in the organization');
    expect(client.state.membership).to.equal(null);
    expect(location.hash).to.equal('#left-engines');
    history.replaceState(null, '', location.pathname);
    await expect(el).to.be.accessible();
  });

  it('refuses an after-leave-org-url on another origin', async () => {
    const {el} = await orgProfile({as: CLEO, template: html`<auth-org-profile after-leave-org-url="https://evil.example/:slug"></auth-org-profile>`});
    const before = location.href;
    button(el, 'Leave')!.click();
    await settle(el);
    formButton(editorForm(el), 'Leave organization')!.click();
    await waitUntil(() => text(shadow(el)).includes('No organization is active'), 'still in the organization');
    expect(location.href).to.equal(before);
  });

  it('deletes the organization once its name is typed (the button stays disabled until then)', async () => {
    const {el, client, adapter} = await orgProfile();
    button(el, 'Delete')!.click();
    await settle(el);
    const form = editorForm(el);
    const submit = formButton(form, 'Delete organization')!;
    expect(submit.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    type(field(form, 'confirmation'), 'Analytical');
    await settle(el);
    expect(submit.disabled).to.equal(true);
    type(field(form, 'confirmation'), 'Analytical Engines');
    await settle(el);
    expect(submit.disabled).to.equal(false);
    submit.click();
    await waitUntil(() => text(shadow(el)).includes('No organization is active'), 'not deleted');
    expect(client.state.membership).to.equal(null);
    expect((await adapter.listOrganizations()).map((o) => o.slug)).to.deep.equal(['looms']);
  });

  it('shows a forbidden refusal and reads the membership again (demoted elsewhere)', async () => {
    const {el, adapter, orgId} = await orgProfile({as: BOB});
    button(el, 'Edit')!.click();
    await settle(el);
    // Ada, on her own device, makes Bob a member.
    const ada = adapter.newDevice();
    await signIn(ada, ADA);
    const bob = (await ada.listMembers(orgId!)).find((m) => m.user.email === BOB.email)!;
    await ada.updateMemberRole(orgId!, bob.id, 'member');
    let reported = '';
    el.addEventListener('auth-error', (event) => (reported = event.error.code));
    const form = editorForm(el);
    type(field(form, 'name'), 'Bob Was Here');
    form.requestSubmit();
    // The membership read again, the editor closes with the permission and Edit is gone.
    await waitUntil(() => !editorForm(el).querySelector('input'), 'the editor stays open after the refusal');
    expect(reported).to.equal('forbidden');
    expect(button(el, 'Edit')).to.equal(undefined);
    expect(!!button(el, 'Leave')).to.equal(true);
    // The refusal stays said.
    expect(alerts(shadow(el))).to.equal("You don't have permission to do this.");
    await expect(el).to.be.accessible();
  });

  it('resets what it shows when another organization becomes active', async () => {
    const {el, client} = await orgProfile();
    button(el, 'Edit')!.click();
    await settle(el);
    type(field(editorForm(el), 'name'), 'Typed for Engines');
    const looms = (await client.organizations.listOrganizations()).find((o) => o.slug === 'looms')!;
    await client.organizations.setActiveOrganization(looms.id);
    await settle(el);
    expect(editorForm(el).querySelector('input')).to.equal(null);
    expect(text(shadow(el))).to.contain('Jacquard Looms').and.not.contain('Analytical Engines');
  });
});
