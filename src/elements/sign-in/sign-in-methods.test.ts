import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {ADA, clientFor, errorText, html, input, land, memoryAdapter, mount, nextEvent, settle, submit, title, type, waitUntil} from '../../../test/helpers.js';
import {dialogs, modalGone} from '../../../test/modal.js';
import type {AuthSignIn} from './sign-in.js';

const LAST_METHOD = 'auth-elements:last-sign-in-method';
const LINK_ASKED = 'auth-elements:sign-in-link-asked';

async function signInElement(adapter = memoryAdapter(), attributes = html`<auth-sign-in></auth-sign-in>`) {
  return mount<AuthSignIn>(clientFor(adapter), attributes, 'auth-sign-in');
}

/** The methods list's buttons, by their text. */
const methodButtons = (el: Element) => [...el.querySelectorAll<HTMLButtonElement>('form [data-method]')];
const methodTexts = (el: Element) => methodButtons(el).map((button) => button.textContent!.replace(/\s+/g, ' ').trim());
const method = (el: Element, name: string) => el.querySelector<HTMLButtonElement>(`form [data-method="${name}"]`)!;
const linkButton = (el: Element, text: string) => [...el.querySelectorAll<HTMLButtonElement>('form button')].find((button) => button.textContent!.trim() === text)!;

/** Opens "Use another method" from the first step with `email` typed. */
async function toMethods(el: AuthSignIn, email = ADA.email) {
  type(input(el, 'email'), email);
  linkButton(el, 'Use another method').click();
  await waitUntil(() => methodButtons(el).length > 0, 'the methods list loads');
  await settle(el);
}

describe('<auth-sign-in> other ways to sign in', () => {
  const original = location.href;
  beforeEach(() => {
    localStorage.removeItem(LAST_METHOD);
    localStorage.removeItem(LINK_ASKED);
  });
  afterEach(() => history.replaceState(null, '', original));

  it('"Use another method" lists every way the API allows, for the email typed', async () => {
    const el = await signInElement(memoryAdapter({capabilities: {socialProviders: ['github']}}));
    await toMethods(el);
    expect(title(el)).to.equal('Use another method');
    expect(methodTexts(el)).to.deep.equal([
      'Sign in with your password',
      `Email a code to ${ADA.email}`,
      `Email a sign-in link to ${ADA.email}`,
      ...(method(el, 'passkey') ? ['Sign in with a passkey'] : []),
      'Continue with GitHub',
    ]);
    await expect(el).to.be.accessible();
  });

  it('checks the email first, like Continue', async () => {
    const el = await signInElement();
    type(input(el, 'email'), 'not-an-email');
    linkButton(el, 'Use another method').click();
    await settle(el);
    expect(title(el)).to.equal('Sign in');
    expect(errorText(el)).to.equal('Enter a valid email address.');
  });

  it('shows no "Use another method" when the API has no emailed codes or links', async () => {
    const el = await signInElement(memoryAdapter({capabilities: {emailCode: false, magicLink: false}}));
    expect(linkButton(el, 'Use another method')).to.equal(undefined);
  });

  it('signs in with a code emailed, by keyboard alone, and badges it "Last used" next time', async () => {
    const adapter = memoryAdapter();
    const el = await signInElement(adapter);
    await toMethods(el);
    method(el, 'email-code').focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => title(el) === 'Check your email', 'the code step shows');
    await settle(el);
    expect(document.activeElement).to.equal(input(el, 'code'));
    await expect(el).to.be.accessible();
    const code = adapter.latestCode(ADA.email)!;
    const signedIn = nextEvent(el, 'auth-signed-in');
    await sendKeys({type: code});
    expect((await signedIn).user.email).to.equal(ADA.email);
    expect(localStorage.getItem(LAST_METHOD)).to.equal('email-code');

    const again = await signInElement(memoryAdapter());
    await toMethods(again);
    expect(method(again, 'email-code').textContent).to.contain('Last used');
    expect(method(again, 'email-link').textContent).to.not.contain('Last used');
    await expect(again).to.be.accessible();
  });

  it('a wrong code says so and keeps the step; Back returns to the list', async () => {
    const adapter = memoryAdapter();
    const el = await signInElement(adapter);
    await toMethods(el);
    method(el, 'email-code').click();
    await waitUntil(() => title(el) === 'Check your email');
    const code = adapter.latestCode(ADA.email)!;
    type(input(el, 'code'), code.replace(/\d/g, (d) => String((Number(d) + 1) % 10)));
    await submit(el);
    expect(errorText(el)).to.equal("That code isn't right. Check the email and try again.");
    linkButton(el, 'Back').click();
    await settle(el);
    expect(title(el)).to.equal('Use another method');
  });

  it('emails a sign-in link that opens this page, and the page it opens signs in', async () => {
    const adapter = memoryAdapter();
    const el = await signInElement(adapter);
    await toMethods(el);
    method(el, 'email-link').click();
    await waitUntil(() => title(el) === 'Check your email');
    expect(el.shadowRoot!.textContent).to.contain(`We sent a sign-in link to ${ADA.email}`);
    await expect(el).to.be.accessible();
    const link = new URL(adapter.latestLink(ADA.email)!);
    expect(link.pathname).to.equal(location.pathname);

    // The link opened in this browser (another tab of it): it signs in at once.
    land({'auth-link': link.searchParams.get('auth-link')!});
    const landed = await signInElement(adapter);
    await waitUntil(() => title(landed) === "You're signed in", 'signed in with the link');
    expect(new URL(location.href).searchParams.has('auth-link'), 'the token left the address bar').to.equal(false);
    expect(localStorage.getItem(LAST_METHOD)).to.equal('email-link');
    await expect(landed).to.be.accessible();
  });

  it('a page without a sign-in card shows the modal one for a link asked for elsewhere', async () => {
    const adapter = memoryAdapter();
    await adapter.sendSignInLink(ADA.email, location.href);
    land({'auth-link': new URL(adapter.latestLink(ADA.email)!).searchParams.get('auth-link')!});
    await mount(clientFor(adapter), html`<p>The site's page</p>`, 'p');
    await waitUntil(() => dialogs()[0]?.open && title(dialogs()[0].querySelector('auth-sign-in')!) === 'Sign in on this device?', 'the modal asks');
    await expect(dialogs()[0]).to.be.accessible();
    linkButton(dialogs()[0].querySelector('auth-sign-in')!, 'Sign in here').click();
    await modalGone();
  });

  it('a link opened in another browser asks before signing in there', async () => {
    const adapter = memoryAdapter();
    await adapter.sendSignInLink(ADA.email, location.href);
    const token = new URL(adapter.latestLink(ADA.email)!).searchParams.get('auth-link')!;
    land({'auth-link': token});
    const el = await signInElement(adapter);
    await waitUntil(() => title(el) === 'Sign in on this device?');
    expect(el.shadowRoot!.textContent).to.contain('asked for in another browser');
    await expect(el).to.be.accessible();
    const signedIn = nextEvent(el, 'auth-signed-in');
    linkButton(el, 'Sign in here').click();
    expect((await signedIn).user.email).to.equal(ADA.email);
  });

  it('a used link, an expired one and a made-up one each say why, with the way back', async () => {
    const adapter = memoryAdapter();
    await adapter.sendSignInLink(ADA.email, location.href);
    const token = new URL(adapter.latestLink(ADA.email)!).searchParams.get('auth-link')!;
    await adapter.signInWithLink(token);
    await adapter.signOut();
    const cases: Array<[string, string]> = [[token, 'This sign-in link was already used. Request a new one.'], ['made-up', "This sign-in link isn't valid. Request a new one."]];
    await adapter.sendSignInLink(ADA.email, location.href);
    const expiring = new URL(adapter.latestLink(ADA.email)!).searchParams.get('auth-link')!;
    adapter.expireSignIn({token: expiring});
    cases.push([expiring, 'This sign-in link has expired. Request a new one.']);
    for (const [shown, message] of cases) {
      localStorage.setItem(LINK_ASKED, `${Date.now()}|`);
      land({'auth-link': shown});
      const el = await signInElement(adapter);
      await waitUntil(() => errorText(el) === message, message);
      await expect(el).to.be.accessible();
      linkButton(el, 'Back to sign in').click();
      await settle(el);
      expect(title(el)).to.equal('Sign in');
    }
  });

  it('a provider\'s refusal comes back to the card, which says why', async () => {
    land({'auth-provider': 'github', error: 'access_denied'});
    const el = await signInElement(memoryAdapter({capabilities: {socialProviders: ['github']}}));
    // The landing's reader loads on demand.
    await waitUntil(() => errorText(el) === "Access wasn't allowed. Try again, or use another way to sign in.", 'the refusal shows');
    expect(new URL(location.href).searchParams.has('error')).to.equal(false);
    await expect(el).to.be.accessible();

    land({'auth-provider': 'github', error: 'state_mismatch'});
    const other = await signInElement(memoryAdapter({capabilities: {socialProviders: ['github']}}));
    await waitUntil(() => errorText(other) === "Signing in with that provider didn't work. Try again.", 'the failure shows');
  });

  it('a page without a sign-in card gets the modal one for the link, which signs in (and so is never shown)', async () => {
    const adapter = memoryAdapter();
    await adapter.sendSignInLink(ADA.email, location.href);
    localStorage.setItem(LINK_ASKED, `${Date.now()}|`);
    land({'auth-link': new URL(adapter.latestLink(ADA.email)!).searchParams.get('auth-link')!});
    const client = clientFor(adapter);
    await mount(client, html`<p>The site's page</p>`, 'p');
    await waitUntil(() => client.state.status === 'signed-in', 'signed in by the link');
    expect(client.user?.email).to.equal(ADA.email);
    await modalGone();
    expect(dialogs()).to.deep.equal([]);
  });

  it('an API without passwords sends the code from Continue', async () => {
    const adapter = memoryAdapter({capabilities: {emailPassword: false}});
    const el = await signInElement(adapter);
    type(input(el, 'email'), ADA.email);
    await submit(el);
    await waitUntil(() => title(el) === 'Check your email');
    expect(adapter.latestCode(ADA.email)).to.be.a('string');
    await toMethodsFromCode(el);
    expect(methodTexts(el)).to.not.include('Sign in with your password');
  });
});

async function toMethodsFromCode(el: AuthSignIn) {
  linkButton(el, 'Use another method').click();
  await waitUntil(() => methodButtons(el).length > 0);
}
