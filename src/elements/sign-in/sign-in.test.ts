import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {MemoryAdapter} from '../../client/adapters/memory.js';
import type {PasswordCredentials} from '../../client/types.js';
import {ADA, clientFor, codeDescription, errorText, html, input, memoryAdapter, mount, nextEvent, settle, submit, title, type, waitUntil} from '../../../test/helpers.js';
import type {AuthSignIn} from './sign-in.js';

const UNVERIFIED = {name: 'Una Verified', email: 'una@example.com', password: 'pending123', emailVerified: false};

async function signInElement(adapter = memoryAdapter(), attributes = html`<auth-sign-in></auth-sign-in>`) {
  return mount<AuthSignIn>(clientFor(adapter), attributes, 'auth-sign-in');
}

async function toPasswordStep(el: AuthSignIn, email = ADA.email) {
  type(input(el, 'email'), email);
  await submit(el);
  expect(title(el)).to.equal('Enter your password');
}

describe('<auth-sign-in>', () => {
  it('asks for the email first, in a light-DOM form password managers can read', async () => {
    const el = await signInElement();
    expect(title(el)).to.equal('Sign in');
    const found = document.querySelectorAll('input[autocomplete~="username"]');
    expect(found.length).to.equal(1);
    expect(found[0].closest('form')).to.equal(el.querySelector('form'));
    expect(found[0].id).to.not.equal('');
    expect(found[0].getAttribute('name')).to.equal('email');
    await expect(el).to.be.accessible();
  });

  it('signs in with email then password, typed and submitted with the keyboard', async () => {
    const el = await signInElement();
    input(el, 'email').focus();
    await sendKeys({type: ADA.email});
    await sendKeys({press: 'Enter'});
    await settle(el);
    const password = document.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!;
    expect(password.closest('form')).to.equal(el.querySelector('form'));
    expect(document.activeElement).to.equal(password);
    // The email stays in the form so password managers save the pair.
    expect(el.querySelector<HTMLInputElement>('input[autocomplete~="username"]')!.value).to.equal(ADA.email);
    await expect(el).to.be.accessible();
    const signedIn = nextEvent(el, 'auth-signed-in');
    await sendKeys({type: ADA.password});
    await sendKeys({press: 'Enter'});
    expect((await signedIn).user.email).to.equal(ADA.email);
    await settle(el);
    expect(title(el)).to.equal("You're signed in");
    expect(el.querySelector('form input')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('refuses a malformed email before asking the server', async () => {
    const el = await signInElement();
    type(input(el, 'email'), 'not-an-email');
    await submit(el);
    expect(title(el)).to.equal('Sign in');
    expect(errorText(el)).to.equal('Enter a valid email address.');
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'email').value).to.equal('not-an-email');
    await expect(el).to.be.accessible();
  });

  it('says the same for a wrong password and an unknown email, and keeps what was typed', async () => {
    const el = await signInElement();
    await toPasswordStep(el);
    type(input(el, 'password'), 'wrong-password1');
    await submit(el);
    const wrongPassword = errorText(el);
    expect(wrongPassword).to.equal('The email or password is incorrect.');
    expect(input(el, 'password').value).to.equal('wrong-password1');
    expect(input(el, 'password').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    const other = await signInElement();
    await toPasswordStep(other, 'nobody@example.com');
    type(input(other, 'password'), 'wrong-password1');
    await submit(other);
    expect(errorText(other)).to.equal(wrongPassword);
  });

  it('goes back to the email step with the email kept', async () => {
    const el = await signInElement();
    await toPasswordStep(el);
    el.querySelector<HTMLButtonElement>('button[part="back-link"]')!.click();
    await settle(el);
    expect(title(el)).to.equal('Sign in');
    expect(input(el, 'email').value).to.equal(ADA.email);
  });

  it('shows and hides the password', async () => {
    const el = await signInElement();
    await toPasswordStep(el);
    const toggle = el.querySelector<HTMLButtonElement>('button[aria-controls]')!;
    expect(toggle.getAttribute('aria-label')).to.equal('Show password');
    toggle.click();
    await settle(el);
    expect(input(el, 'password').type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    // The state is said once, by aria-pressed: the name stays the same.
    expect(toggle.getAttribute('aria-label')).to.equal('Show password');
    toggle.click();
    await settle(el);
    expect(input(el, 'password').type).to.equal('password');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
  });

  it('verifies an unverified email with a code, then signs in', async () => {
    const adapter = memoryAdapter({users: [ADA, UNVERIFIED]});
    const el = await signInElement(adapter);
    await toPasswordStep(el, UNVERIFIED.email);
    type(input(el, 'password'), UNVERIFIED.password);
    await submit(el);
    expect(title(el)).to.equal('Verify your email');
    expect(codeDescription(el)).to.equal(`Enter the 6-digit code we sent to ${UNVERIFIED.email}.`);
    expect(document.activeElement).to.equal(document.querySelector('input[autocomplete="one-time-code"]'));
    await expect(el).to.be.accessible();

    type(input(el, 'code'), '000000');
    await settle(el);
    expect(errorText(el)).to.equal("That code isn't right. Check the email and try again.");
    await expect(el).to.be.accessible();

    // Pasting the code with a space still works: the field keeps the digits and submits itself.
    type(input(el, 'code'), `${adapter.latestCode(UNVERIFIED.email)!.slice(0, 3)} ${adapter.latestCode(UNVERIFIED.email)!.slice(3)}`);
    await settle(el);
    expect(title(el)).to.equal("You're signed in");
  });

  it('says when a code has expired, and sends a new one on request', async () => {
    const adapter = memoryAdapter({users: [UNVERIFIED], codeTtlMs: 0});
    const el = await signInElement(adapter);
    await toPasswordStep(el, UNVERIFIED.email);
    type(input(el, 'password'), UNVERIFIED.password);
    await submit(el);
    type(input(el, 'code'), adapter.latestCode(UNVERIFIED.email)!);
    await settle(el);
    expect(errorText(el)).to.equal('That code has expired. Request a new one.');
    const sent = adapter.mailbox.length;
    el.querySelector<HTMLButtonElement>('button[part="resend-code-link"]')!.click();
    await settle(el);
    expect(adapter.mailbox.length).to.equal(sent + 1);
    expect(el.querySelector('[role="status"]')!.textContent).to.contain(`We sent a new code to ${UNVERIFIED.email}`);
    await expect(el).to.be.accessible();
  });

  it('resets a forgotten password with a code and signs in with the new one', async () => {
    const adapter = memoryAdapter();
    const el = await signInElement(adapter);
    await toPasswordStep(el);
    el.querySelector<HTMLButtonElement>('button[part="forgot-password-link"]')!.click();
    await settle(el);
    expect(title(el)).to.equal('Reset your password');
    await expect(el).to.be.accessible();

    type(input(el, 'code'), '111111');
    await settle(el);
    expect(errorText(el)).to.contain("That code isn't right");

    type(input(el, 'code'), adapter.latestCode(ADA.email)!);
    await settle(el);
    expect(title(el)).to.equal('Set a new password');
    expect(document.activeElement).to.equal(document.querySelector('input[autocomplete="new-password"]'));
    type(input(el, 'password'), 'onlyletters');
    await settle(el);
    const rules = [...el.querySelectorAll('.ae-rule')].map((rule) => rule.hasAttribute('data-met'));
    expect(rules).to.deep.equal([true, false]);
    await expect(el).to.be.accessible();
    await submit(el);
    expect(errorText(el)).to.equal('Choose a password that meets every rule below.');

    type(input(el, 'password'), 'difference-engine-1822');
    await submit(el);
    expect(title(el)).to.equal("You're signed in");
    await adapter.signOut();
    expect((await adapter.signInWithPassword({email: ADA.email, password: 'difference-engine-1822'})).user.email).to.equal(ADA.email);
  });

  it('sends one request for a double-clicked submit', async () => {
    class CountingAdapter extends MemoryAdapter {
      signIns = 0;
      override signInWithPassword(credentials: PasswordCredentials) {
        this.signIns++;
        return super.signInWithPassword(credentials);
      }
    }
    const adapter = new CountingAdapter({users: [ADA], latency: 50});
    const el = await signInElement(adapter);
    await toPasswordStep(el);
    type(input(el, 'password'), ADA.password);
    const button = el.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    button.click();
    button.click();
    await el.updateComplete;
    expect(el.querySelector('button[type="submit"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect(el.querySelector('form')!.hasAttribute('aria-busy')).to.equal(true);
    await expect(el).to.be.accessible();
    await settle(el);
    expect(adapter.signIns).to.equal(1);
    expect(title(el)).to.equal("You're signed in");
  });

  it('links to sign-up only with a safe sign-up-url', async () => {
    const linked = await signInElement(memoryAdapter(), html`<auth-sign-in sign-up-url="/sign-up"></auth-sign-in>`);
    const link = linked.shadowRoot!.querySelector('a')!;
    expect(link.textContent).to.equal('Sign up');
    // As written, for the browser to resolve when it is followed (right in a single-page app).
    expect(link.getAttribute('href')).to.equal('/sign-up');
    expect(link.href).to.equal(`${location.origin}/sign-up`);
    const hostile = await signInElement(memoryAdapter(), html`<auth-sign-in sign-up-url="javascript:alert(1)"></auth-sign-in>`);
    expect(hostile.shadowRoot!.querySelector('a')).to.equal(null);
    // No link, no empty footer line either.
    expect(hostile.shadowRoot!.querySelector('[part~="footer"], .footer')).to.equal(null);
  });

  it('asks before following its sign-up link (auth-switch-request), and stays put when the page says no', async () => {
    const el = await signInElement(memoryAdapter(), html`<auth-sign-in sign-up-url="#sign-up-page"></auth-sign-in>`);
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="footer-action-link"]')!;
    const requests: Array<{to: string; url: string | null}> = [];
    const veto = (event: GlobalEventHandlersEventMap['auth-switch-request']) => {
      requests.push({to: event.to, url: event.url});
      event.preventDefault();
    };
    document.addEventListener('auth-switch-request', veto);
    try {
      link.click();
      expect(requests).to.deep.equal([{to: 'sign-up', url: '#sign-up-page'}]);
      expect(location.hash).to.equal('');
    } finally {
      document.removeEventListener('auth-switch-request', veto);
    }
    link.click();
    expect(location.hash).to.equal('#sign-up-page');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('offers "Sign up" as a button that only asks to switch, when told to switch in place without a URL', async () => {
    const el = await signInElement();
    expect(el.shadowRoot!.querySelector('[part~="footer-action-link"]')).to.equal(null);
    el.switchInPlace = true;
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="footer-action-link"]')!;
    expect(button.textContent).to.equal('Sign up');
    expect(button.type).to.equal('button');
    const request = nextEvent(el, 'auth-switch-request');
    button.click();
    expect((await request).to).to.equal('sign-up');
    await expect(el).to.be.accessible();
  });

  it('refuses to redirect off-site after sign-in, and follows a same-origin target', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const el = await signInElement(memoryAdapter(), html`<auth-sign-in after-sign-in-url="https://evil.example/steal"></auth-sign-in>`);
      await toPasswordStep(el);
      type(input(el, 'password'), ADA.password);
      await submit(el);
      expect(title(el)).to.equal("You're signed in");
      expect(location.origin).to.not.equal('https://evil.example');
      expect(warnings.join()).to.contain('refused redirect');
    } finally {
      console.warn = warn;
    }
    const el = await signInElement(memoryAdapter(), html`<auth-sign-in after-sign-in-url="#welcome"></auth-sign-in>`);
    await toPasswordStep(el);
    type(input(el, 'password'), ADA.password);
    await submit(el);
    expect(location.hash).to.equal('#welcome');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('shows the signed-in state when someone is already signed in', async () => {
    const adapter = memoryAdapter();
    await adapter.signInWithPassword({email: ADA.email, password: ADA.password});
    const el = await signInElement(adapter);
    expect(title(el)).to.equal("You're signed in");
    expect(el.shadowRoot!.textContent).to.contain('Welcome back, Ada Lovelace.');
    await expect(el).to.be.accessible();
  });
});

describe('<auth-sign-in> social buttons', () => {
  const social = (providers: string[]) => memoryAdapter({capabilities: {socialProviders: providers}});
  const buttons = (el: Element) => [...el.querySelectorAll<HTMLButtonElement>('[part="social-button"]')];

  it('offers the API\'s providers above the email form and signs in with one', async () => {
    const el = await signInElement(social(['github', 'google']));
    // The icons are a chunk of their own (each provider's initial shows until they arrive).
    await waitUntil(() => buttons(el).length === 2 && buttons(el).every((b) => b.querySelector('svg')), 'no social buttons with icons', {timeout: 5000});
    expect(buttons(el).map((button) => button.textContent!.trim())).to.deep.equal(['Continue with GitHub', 'Continue with Google']);
    const divider = el.querySelector('[part="divider"]')!;
    expect(divider.compareDocumentPosition(input(el, 'email')) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await expect(el).to.be.accessible();
    const signedIn = nextEvent(el, 'auth-signed-in');
    buttons(el)[0].click();
    expect((await signedIn).user.email).to.equal('github.user@example.com');
  });

  it('follows the placement and variant options', async () => {
    const adapter = social(['github', 'google', 'apple']);
    const el = await signInElement(adapter, html`<auth-sign-in .appearance=${{options: {socialButtonsPlacement: 'bottom'}}}></auth-sign-in>`);
    await waitUntil(() => buttons(el).length === 3);
    // Three providers: icons only, each named for assistive technology.
    expect(buttons(el).map((button) => button.getAttribute('aria-label'))).to.deep.equal([
      'Continue with GitHub',
      'Continue with Google',
      'Continue with Apple',
    ]);
    expect(input(el, 'email').compareDocumentPosition(buttons(el)[0]) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows no social buttons when the API has no providers', async () => {
    const el = await signInElement();
    expect(buttons(el)).to.have.length(0);
    expect(el.querySelector('[part="divider"]')).to.equal(null);
  });
});
