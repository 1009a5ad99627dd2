import {expect} from '@open-wc/testing';
import {clientFor, html, mount, settle, type, waitUntil} from '../helpers.js';
import {API, createUser, latestCode, network, uniqueEmail} from '../real-server.js';
import {BetterAuthAdapter} from '../../src/client/adapters/better-auth.js';
import type {AuthUserProfile} from '../../src/elements/user-profile/user-profile.js';
import type {AuthUserButton} from '../../src/elements/user-button/user-button.js';
import type {AuthDialog} from '../../src/internal/dialog.js';
import '../../src/define/auth-user-profile.js';

const PASSWORD = 'lovelace1815';

const shadow = (el: Element) => el.shadowRoot!;
const button = (el: AuthUserProfile, label: string) =>
  [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label)!;
const form = (el: AuthUserProfile) => el.querySelector<HTMLFormElement>('form[slot="form"]')!;
const field = (el: AuthUserProfile, name: string) => form(el).querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

/** A PNG drawn in the browser: a real raster image for the API to check and re-encode. */
async function png(): Promise<File> {
  const canvas = new OffscreenCanvas(64, 40);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#0f766e';
  context.fillRect(0, 0, 64, 40);
  return new File([await canvas.convertToBlob({type: 'image/png'})], 'me.png', {type: 'image/png'});
}

/** Picks `file` in the profile's (hidden) file input, as a person choosing it would. */
function pick(el: AuthUserProfile, file: File): void {
  const input = shadow(el).querySelector<HTMLInputElement>('input[type="file"]')!;
  const files = new DataTransfer();
  files.items.add(file);
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
}

describe('<auth-user-profile> against the real server', () => {
  let email: string;

  beforeEach(async () => {
    email = uniqueEmail('profile');
    await createUser('Ada Lovelace', email, PASSWORD);
    await new BetterAuthAdapter({baseURL: API}).signInWithPassword({email, password: PASSWORD});
  });

  afterEach(async () => {
    await network().adapter.signOut();
  });

  async function profile() {
    const client = clientFor(network().adapter);
    const el = await mount<AuthUserProfile>(
      client,
      html`<auth-user-button></auth-user-button><auth-user-profile></auth-user-profile>`,
      'auth-user-profile',
    );
    await waitUntil(() => shadow(el).querySelector('nav'), 'the profile shows');
    return {el, client};
  }

  it('renames the person: the API holds the new name and the user button shows it', async () => {
    const {el} = await profile();
    button(el, 'Update profile').click();
    await settle(el);
    type(field(el, 'name'), 'Ada King <b>');
    form(el).requestSubmit();
    await waitUntil(() => shadow(el).querySelector('[role="status"]'), 'saved');
    const session = await new BetterAuthAdapter({baseURL: API}).getSession();
    expect(session!.user.name).to.equal('Ada King <b>');
    const userButton = document.querySelector<AuthUserButton>('auth-user-button')!;
    await waitUntil(() => shadow(userButton).querySelector('[aria-haspopup="menu"]')?.getAttribute('aria-label')?.includes('Ada King <b>'));
  });

  it('uploads a cropped profile image the API serves as an image, then removes it', async () => {
    const {el, client} = await profile();
    pick(el, await png());
    await waitUntil(() => shadow(el).querySelector<AuthDialog>('auth-dialog.crop-dialog')?.open, 'the crop dialog opens');
    await settle(el);
    const save = shadow(el).querySelector<HTMLButtonElement>('[part~="profile-image-save"]')!;
    save.click();
    await waitUntil(() => client.user?.imageUrl, 'uploaded', {timeout: 10_000});
    const served = await fetch(client.user!.imageUrl!);
    expect(served.status).to.equal(200);
    expect(served.headers.get('content-type')).to.match(/^image\/(webp|png|jpeg)/);
    expect(served.headers.get('x-content-type-options')).to.equal('nosniff');
    await waitUntil(() => shadow(el).querySelector('[part~="avatar"] img'), 'the avatar shows the picture');
    button(el, 'Remove image').click();
    await waitUntil(() => client.user?.imageUrl === null, 'removed');
    expect((await new BetterAuthAdapter({baseURL: API}).getSession())!.user.imageUrl).to.equal(null);
  });

  it('refuses an SVG before sending anything, with a clear message', async () => {
    const {el} = await profile();
    pick(el, new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'me.png', {type: 'image/png'}));
    await waitUntil(() => shadow(el).querySelector('[role="alert"]'));
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('image');
    expect(shadow(el).querySelector<AuthDialog>('auth-dialog.crop-dialog')?.open).to.not.equal(true);
  });

  it('changes the email with the code mailed to the new address', async () => {
    const {el, client} = await profile();
    const newEmail = uniqueEmail('renamed');
    button(el, 'Change email').click();
    await settle(el);
    type(field(el, 'email'), newEmail);
    form(el).requestSubmit();
    await waitUntil(() => field(el, 'code'), 'the code step', {timeout: 10_000});
    type(field(el, 'code'), await latestCode(newEmail));
    form(el).requestSubmit();
    await waitUntil(() => client.user?.email === newEmail, 'the email changed', {timeout: 10_000});
    expect((await new BetterAuthAdapter({baseURL: API}).getSession())!.user.email).to.equal(newEmail);
  });
});
