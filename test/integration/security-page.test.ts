// The profile's Security page against the real server: a second session (another "device",
// signed in in bearer mode) is listed, and changing the password with "Sign out of other
// devices" ends it.
import {expect} from '@open-wc/testing';
import {BetterAuthAdapter} from '../../src/client/adapters/better-auth.js';
import {clientFor, html, mount, settle, type, waitUntil} from '../helpers.js';
import {API, createUser, uniqueEmail} from '../real-server.js';
import {button, deviceRows, editor, field, navItem, statusText} from '../security-profile.js';
import type {AuthUserProfile} from '../../src/elements/user-profile/user-profile.js';

const PASSWORD = 'lovelace1815';
const NEW_PASSWORD = 'babbage1791';

describe('<auth-user-profile> Security page against the real server', () => {
  let email: string;
  let here: BetterAuthAdapter;
  let elsewhere: BetterAuthAdapter;

  beforeEach(async () => {
    email = uniqueEmail('security');
    await createUser('Ada Lovelace', email, PASSWORD);
    elsewhere = new BetterAuthAdapter({baseURL: API, mode: 'bearer'});
    await elsewhere.signInWithPassword({email, password: PASSWORD});
    here = new BetterAuthAdapter({baseURL: API});
    await here.signInWithPassword({email, password: PASSWORD});
  });

  afterEach(async () => {
    await here.signOut().catch(() => {});
    await elsewhere.signOut().catch(() => {});
  });

  it('lists both sessions, then a password change that signs out the other device leaves one', async () => {
    const client = clientFor(here);
    const el = await mount<AuthUserProfile>(client, html`<auth-user-profile></auth-user-profile>`, 'auth-user-profile');
    await waitUntil(() => el.shadowRoot!.querySelector('nav'), 'the profile shows');
    navItem(el, 'Security').click();
    await waitUntil(() => deviceRows(el).length === 2, 'two sessions are not listed', {timeout: 8000});
    expect(deviceRows(el).filter((row) => row.includes('This device'))).to.have.length(1);
    expect(deviceRows(el)[1]).to.contain('Last active');
    await expect(el).to.be.accessible();

    button(el, 'Change password').click();
    await settle(el);
    type(field(el, 'currentPassword'), PASSWORD);
    type(field(el, 'newPassword'), NEW_PASSWORD);
    expect(field(el, 'signOutOtherDevices').checked).to.equal(true);
    editor(el).requestSubmit();
    await waitUntil(() => statusText(el).includes('other devices have been signed out'), 'no success notice', {timeout: 8000});
    await waitUntil(() => deviceRows(el).length === 1, 'the other session is still listed', {timeout: 8000});
    expect(deviceRows(el)[0]).to.contain('This device');
    expect(client.state.status).to.equal('signed-in');
    // The other device is signed out; the new password signs in, the old one does not.
    expect(await elsewhere.getSession()).to.equal(null);
    const check = new BetterAuthAdapter({baseURL: API, mode: 'bearer'});
    await check.signInWithPassword({email, password: NEW_PASSWORD});
    await check.signOut();
    let refused: unknown;
    await new BetterAuthAdapter({baseURL: API, mode: 'bearer'}).signInWithPassword({email, password: PASSWORD}).catch((error) => (refused = error));
    expect((refused as {code: string}).code).to.equal('invalid_credentials');
    await expect(el).to.be.accessible();
    client.dispose();
  });

  it('signs the other device out from the list', async () => {
    const client = clientFor(here);
    const el = await mount<AuthUserProfile>(client, html`<auth-user-profile></auth-user-profile>`, 'auth-user-profile');
    await waitUntil(() => el.shadowRoot!.querySelector('nav'), 'the profile shows');
    navItem(el, 'Security').click();
    await waitUntil(() => deviceRows(el).length === 2, 'two sessions are not listed', {timeout: 8000});
    button(el, 'Sign out of device').click();
    await waitUntil(() => deviceRows(el).length === 1, 'the other session is still listed', {timeout: 8000});
    expect(await elsewhere.getSession()).to.equal(null);
    expect(client.state.status).to.equal('signed-in');
    client.dispose();
  });
});
