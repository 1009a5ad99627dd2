import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {MemoryAdapter} from '../../client/adapters/memory.js';
import {ADA, clientFor, html, memoryAdapter, mount, nextEvent, settle, type, waitUntil} from '../../../test/helpers.js';
import '../../define/auth-user-profile.js';
import type {AuthUserProfile} from './user-profile.js';
import type {AuthDialog} from '../../internal/dialog.js';

async function signedInProfile(template = html`<auth-user-profile></auth-user-profile>`, adapter: MemoryAdapter = memoryAdapter()) {
  await adapter.signInWithPassword({email: ADA.email, password: ADA.password});
  const client = clientFor(adapter);
  const el = await mount<AuthUserProfile>(client, template, 'auth-user-profile');
  await settle(el);
  return {el, client, adapter};
}

const shadow = (el: Element) => el.shadowRoot!;
const navItems = (el: AuthUserProfile) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="navigation-item"], [part~="navigation-link"]')];
const navLabels = (el: AuthUserProfile) => navItems(el).map((item) => item.textContent!.trim());
const current = (el: AuthUserProfile) => shadow(el).querySelector('[aria-current="page"]')?.textContent!.trim();
const pageTitle = (el: AuthUserProfile) => shadow(el).querySelector('.page-title')!.textContent!.trim();
const button = (el: AuthUserProfile, label: string) =>
  [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label)!;
const form = (el: AuthUserProfile) => el.querySelector<HTMLFormElement>('form[slot="form"]')!;
/** The dialog's opening animation has ended (axe reads colours once it has). */
async function opened(dialog: AuthDialog): Promise<void> {
  await dialog.updateComplete;
  const animated = [...dialog.shadowRoot!.querySelectorAll('.panel, .backdrop, dialog')];
  await Promise.all(animated.flatMap((node) => node.getAnimations()).map((animation) => animation.finished));
}
const field = (el: AuthUserProfile, name: string) => form(el).querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

/** A session older than the API's fresh age, then a change of email: the API wants the password first. */
async function changeEmailOnAnOldSession() {
  const {el, adapter} = await signedInProfile();
  adapter.ageSession(2 * 86400);
  button(el, 'Change email').click();
  await settle(el);
  type(field(el, 'email'), 'ada.king@example.com');
  form(el).requestSubmit();
  return {el, adapter, dialog: shadow(el).querySelector<AuthDialog>('auth-dialog.reauth-dialog')!};
}

describe('<auth-user-profile>', () => {
  it('renders nothing while nobody is signed in', async () => {
    const el = await mount<AuthUserProfile>(clientFor(memoryAdapter()), html`<auth-user-profile></auth-user-profile>`, 'auth-user-profile');
    await settle(el);
    expect(shadow(el).querySelector('nav')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('opens on the Account page with the person\'s name and email, Security beside it', async () => {
    const {el} = await signedInProfile();
    expect(navLabels(el)).to.deep.equal(['Account', 'Security']);
    expect(current(el)).to.equal('Account');
    expect(pageTitle(el)).to.equal('Account');
    expect(shadow(el).textContent).to.contain(ADA.name).and.contain(ADA.email);
    expect(shadow(el).querySelector('nav')!.getAttribute('aria-label')).to.equal('Account settings');
    await expect(el).to.be.accessible();
  });

  it('an account made by phone alone shows its number where the email would be, and offers no password', async () => {
    const adapter = new MemoryAdapter({capabilities: {phoneNumber: true}});
    await adapter.sendPhoneCode('+14155550142', 'sign-up');
    await adapter.signInWithPhoneCode('+14155550142', adapter.latestCode('+14155550142')!, 'Pat Phone');
    const el = await mount<AuthUserProfile>(clientFor(adapter), html`<auth-user-profile></auth-user-profile>`, 'auth-user-profile');
    await settle(el);
    const titles = () => [...shadow(el).querySelectorAll('.section-title')].map((node) => node.textContent!.trim());
    expect(titles()).to.include('Phone number').and.not.include('Email address');
    expect(shadow(el).textContent).to.contain('+14155550142');
    await expect(el).to.be.accessible();
    navItems(el).find((item) => item.textContent!.trim() === 'Security')!.click();
    await waitUntil(() => pageTitle(el) === 'Security', 'the Security page');
    await settle(el);
    expect(titles()).to.not.include('Password');
  });

  it('renames the person, and every element shows the new name at once', async () => {
    const {el, client} = await signedInProfile();
    button(el, 'Update profile').click();
    await settle(el);
    expect(field(el, 'name').value).to.equal(ADA.name);
    expect(document.activeElement).to.equal(field(el, 'name'));
    await expect(el).to.be.accessible();
    type(field(el, 'name'), '<img src=x onerror=alert(1)>');
    form(el).requestSubmit();
    await waitUntil(() => client.user?.name === '<img src=x onerror=alert(1)>');
    await settle(el);
    expect(form(el).querySelector('input')).to.equal(null);
    expect(shadow(el).querySelector('.row-title')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(shadow(el).querySelector('[role="status"]')!.textContent).to.contain('Your name has been saved.');
  });

  it('refuses an empty name without calling the API, and Cancel gives focus back to the button', async () => {
    const {el, adapter} = await signedInProfile();
    button(el, 'Update profile').click();
    await settle(el);
    type(field(el, 'name'), '   ');
    form(el).requestSubmit();
    await settle(el);
    expect(form(el).textContent).to.contain('Enter your name.');
    expect((await adapter.getSession())!.user.name).to.equal(ADA.name);
    [...form(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Cancel')!.click();
    await settle(el);
    await waitUntil(() => shadow(el).activeElement === button(el, 'Update profile'));
  });

  it('keeps the typed name and says what happened when saving fails', async () => {
    const adapter = memoryAdapter();
    const {el} = await signedInProfile(undefined, adapter);
    button(el, 'Update profile').click();
    await settle(el);
    type(field(el, 'name'), 'Ada King');
    adapter.updateProfile = async () => {
      throw new TypeError('Failed to fetch');
    };
    form(el).requestSubmit();
    await waitUntil(() => form(el).querySelector('[role="alert"]'));
    expect(field(el, 'name').value).to.equal('Ada King');
    expect(form(el).querySelector('[role="alert"]')!.textContent!.trim()).to.not.equal('');
    await expect(el).to.be.accessible();
  });

  it('changes the email with a code sent to the new address', async () => {
    const {el, adapter, client} = await signedInProfile();
    const mailedToAda = adapter.mailbox.filter((mail) => mail.to === ADA.email).length;
    button(el, 'Change email').click();
    await settle(el);
    type(field(el, 'email'), 'ada.king@example.com');
    form(el).requestSubmit();
    await waitUntil(() => field(el, 'code'));
    expect(form(el).textContent).to.contain('ada.king@example.com');
    expect(adapter.mailbox.filter((mail) => mail.to === ADA.email)).to.have.length(mailedToAda);
    const code = adapter.latestCode('ada.king@example.com')!;
    await expect(el).to.be.accessible();
    type(field(el, 'code'), code);
    form(el).requestSubmit();
    await waitUntil(() => client.user?.email === 'ada.king@example.com');
    await settle(el);
    expect(shadow(el).textContent).to.contain('ada.king@example.com');
  });

  it('asks for the password when the session is too old, then goes on with the change', async () => {
    const {el, adapter, dialog} = await changeEmailOnAnOldSession();
    await waitUntil(() => dialog.open, 'the password dialog opens');
    const reauth = el.querySelector<HTMLFormElement>('form[slot="reauth-form"]')!;
    const password = reauth.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!;
    await waitUntil(() => document.activeElement === password, 'the password field has focus');
    await opened(dialog);
    await expect(el).to.be.accessible();
    type(password, 'not-it-1');
    reauth.requestSubmit();
    await waitUntil(() => reauth.querySelector('[role="alert"]'), 'a wrong password is said');
    expect(dialog.open).to.equal(true);
    type(password, ADA.password);
    reauth.requestSubmit();
    await waitUntil(() => field(el, 'code'), 'the code step follows');
    expect(dialog.open).to.equal(false);
    expect(adapter.latestCode('ada.king@example.com')).to.be.a('string');
  });

  it('closing the password dialog ends the change quietly, with what was typed kept', async () => {
    const {el, dialog} = await changeEmailOnAnOldSession();
    await waitUntil(() => dialog.open);
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !dialog.open);
    await settle(el);
    expect(field(el, 'email').value).to.equal('ada.king@example.com');
    expect(form(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('crops a picked picture by keyboard and uploads it; the avatar shows it', async () => {
    const {el, client} = await signedInProfile();
    const canvas = new OffscreenCanvas(80, 40);
    canvas.getContext('2d')!.fillRect(0, 0, 80, 40);
    const files = new DataTransfer();
    files.items.add(new File([await canvas.convertToBlob({type: 'image/png'})], 'wide.png', {type: 'image/png'}));
    const picker = shadow(el).querySelector<HTMLInputElement>('input[type="file"]')!;
    picker.files = files.files;
    picker.dispatchEvent(new Event('change'));
    const dialog = shadow(el).querySelector<AuthDialog>('auth-dialog.crop-dialog')!;
    await waitUntil(() => dialog.open, 'the crop dialog opens');
    const cropper = shadow(el).querySelector('auth-image-cropper')!;
    await cropper.updateComplete;
    const frame = shadow(cropper).querySelector<HTMLElement>('[role="img"]')!;
    frame.focus();
    await sendKeys({press: 'ArrowLeft'});
    await sendKeys({press: 'Tab'});
    expect(shadow(cropper).activeElement).to.equal(shadow(cropper).querySelector('input[type="range"]'));
    await sendKeys({press: 'ArrowRight'});
    expect(cropper.zoom).to.be.above(1);
    await opened(dialog);
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('[part~="profile-image-save"]')!.click();
    await waitUntil(() => client.user?.imageUrl, 'uploaded');
    await waitUntil(() => !dialog.open);
    await settle(el);
    expect(shadow(el).querySelector('[part~="avatar"] img')!.getAttribute('src')).to.equal(client.user!.imageUrl);
  });

  it('refuses a file that is not an image before anything is sent', async () => {
    const {el, adapter} = await signedInProfile();
    let uploads = 0;
    const upload = adapter.uploadProfileImage.bind(adapter);
    adapter.uploadProfileImage = (image) => (uploads++, upload(image));
    const files = new DataTransfer();
    files.items.add(new File(['<!doctype html><img src=x onerror=alert(1)>'], 'me.png', {type: 'image/png'}));
    const picker = shadow(el).querySelector<HTMLInputElement>('input[type="file"]')!;
    picker.files = files.files;
    picker.dispatchEvent(new Event('change'));
    await waitUntil(() => shadow(el).querySelector('[role="alert"]'));
    expect(shadow(el).querySelector('[role="alert"]')!.textContent!.trim()).to.not.equal('');
    expect(uploads).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows a page of its own with its content and icon, and a link out', async () => {
    const {el} = await signedInProfile(html`<auth-user-profile>
      <auth-user-profile-page label="Billing" path="billing"><svg slot="icon" viewBox="0 0 1 1"></svg><p id="billing">Your plan: Pro</p></auth-user-profile-page>
      <auth-user-profile-link label="Help" href="/help"></auth-user-profile-link>
      <auth-user-profile-link label="Evil" href="javascript:alert(1)"></auth-user-profile-link>
    </auth-user-profile>`);
    await settle(el);
    expect(navLabels(el)).to.deep.equal(['Account', 'Security', 'Billing', 'Help']);
    expect(el.querySelector<HTMLElement>('#billing')!.checkVisibility()).to.equal(false);
    navItems(el)[2].click();
    await settle(el);
    expect(current(el)).to.equal('Billing');
    expect(pageTitle(el)).to.equal('Billing');
    expect(el.querySelector<HTMLElement>('#billing')!.checkVisibility()).to.equal(true);
    expect(navItems(el)[2].querySelector('svg')).to.not.equal(null);
    expect(navItems(el)[3].getAttribute('href')).to.equal('/help');
    await expect(el).to.be.accessible();
  });

  it('puts the built-in pages where empty pages with their paths stand', async () => {
    const {el} = await signedInProfile(html`<auth-user-profile>
      <auth-user-profile-page label="Billing" path="billing"><p>Plan</p></auth-user-profile-page>
      <auth-user-profile-page path="security"></auth-user-profile-page>
    </auth-user-profile>`);
    await settle(el);
    expect(navLabels(el)).to.deep.equal(['Account', 'Billing', 'Security']);
  });

  it('keeps the page in the hash with routing="hash": linkable, and the back button goes back', async () => {
    history.replaceState(null, '', '#/security');
    try {
      const {el} = await signedInProfile(html`<auth-user-profile routing="hash"></auth-user-profile>`);
      expect(current(el)).to.equal('Security');
      expect(navItems(el)[0].getAttribute('href')).to.equal('#/account');
      const changed = nextEvent(el, 'auth-page-change');
      navItems(el)[0].click();
      expect((await changed).path).to.equal('account');
      expect(location.hash).to.equal('#/account');
      await settle(el);
      expect(current(el)).to.equal('Account');
      history.back();
      await waitUntil(() => current(el) === 'Security', 'back to Security');
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('goes from page to page by keyboard, focus moving to the new page\'s title', async () => {
    const {el} = await signedInProfile();
    navItems(el)[0].focus();
    await sendKeys({press: 'Tab'});
    expect(shadow(el).activeElement).to.equal(navItems(el)[1]);
    await sendKeys({press: 'Enter'});
    await settle(el);
    await waitUntil(() => shadow(el).activeElement === shadow(el).querySelector('.page-title'));
    expect(pageTitle(el)).to.equal('Security');
  });

  it('closes the editor and forgets what was typed when someone else signs in', async () => {
    const {el, client, adapter} = await signedInProfile();
    button(el, 'Update profile').click();
    await settle(el);
    type(field(el, 'name'), 'Half typed');
    await client.signOut();
    await adapter.signUp({name: 'Grace Hopper', email: 'grace@example.com', password: 'cobol1959x'});
    await client.refresh();
    await settle(el);
    expect(form(el).querySelector('input')).to.equal(null);
  });
});
