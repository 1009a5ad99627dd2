import {SignInFlow} from '../client/flows/sign-in-flow.js';
// The form base's mechanisms, held for every flow element: a flow starts over when the user
// changes; focus is never left on <body>; busy and success are announced politely.
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {AuthClient} from '../client/auth-client.js';
import {ADA, clientFor, codeDescription, fixture, html, input, memoryAdapter, mount, settle, submit, title, type, waitUntil} from '../../test/helpers.js';
import type {AuthProvider} from '../elements/provider/provider.js';
import type {AuthSignIn} from '../elements/sign-in/sign-in.js';
import type {AuthSignUp} from '../elements/sign-up/sign-up.js';
import {deepActiveElement} from './focus.js';

// A password zxcvbn scores strong: the strength check lets it through.
const NEW_USER = {name: 'Grace Hopper', email: 'grace@example.com', password: 'cobol-compiler-1959'};

async function signInWithPassword(el: AuthSignIn) {
  type(input(el, 'email'), ADA.email);
  await submit(el);
  type(input(el, 'password'), ADA.password);
  await submit(el);
}

async function signUpAndVerify(el: AuthSignUp, adapter: ReturnType<typeof memoryAdapter>) {
  type(input(el, 'name'), NEW_USER.name);
  type(input(el, 'email'), NEW_USER.email);
  type(input(el, 'password'), NEW_USER.password);
  await submit(el);
  type(input(el, 'code'), adapter.latestCode(NEW_USER.email)!);
  await settle(el);
}

/** Types Ada's email and password with the keyboard, each submitted with Enter. */
async function signInWithKeyboard(el: AuthSignIn) {
  input(el, 'email').focus();
  await sendKeys({type: ADA.email});
  await sendKeys({press: 'Enter'});
  await settle(el);
  await sendKeys({type: ADA.password});
  await sendKeys({press: 'Enter'});
}

/** Signed in on the card; a sign-out brings back its first step, empty. */
async function expectFreshSignInAfterSignOut(client: AuthClient, el: AuthSignIn) {
  expect(title(el)).to.equal("You're signed in");
  await client.signOut();
  await settle(el);
  expect(title(el)).to.equal('Sign in');
  expect(input(el, 'email').value).to.equal('');
}

const announcer = () => document.querySelector('[data-auth-announcer]');
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve))));

describe('flows start over when the user changes', () => {
  it('<auth-sign-in> offers a fresh sign-in after a sign-out, without a reload', async () => {
    const client = clientFor(memoryAdapter());
    const el = await mount<AuthSignIn>(client, html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
    await signInWithPassword(el);
    await expectFreshSignInAfterSignOut(client, el);
    await signInWithPassword(el);
    expect(title(el)).to.equal("You're signed in");
    expect(el.shadowRoot!.textContent).to.contain('Welcome back, Ada Lovelace.');
  });

  it('<auth-sign-up> offers a fresh sign-up after a sign-out', async () => {
    const adapter = memoryAdapter();
    const client = clientFor(adapter);
    const el = await mount<AuthSignUp>(client, html`<auth-sign-up></auth-sign-up>`, 'auth-sign-up');
    await signUpAndVerify(el, adapter);
    expect(title(el)).to.equal('Your account is ready');
    await client.signOut();
    await settle(el);
    expect(title(el)).to.equal('Create your account');
    expect(input(el, 'email').value).to.equal('');
  });

  it('a step half done for one user is dropped when someone else signs in and out', async () => {
    const adapter = memoryAdapter();
    const client = clientFor(adapter);
    const el = await mount<AuthSignIn>(client, html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
    type(input(el, 'email'), 'someone@example.com');
    await submit(el);
    expect(title(el)).to.equal('Enter your password');
    // Another element (or tab) signs Ada in, then out.
    const other = client.startFlow(SignInFlow);
    await other.submitEmail(ADA.email);
    await other.submitPassword(ADA.password);
    await settle(el);
    await expectFreshSignInAfterSignOut(client, el);
  });
});

describe('focus is never lost', () => {
  it('completing a sign-in on a lone card focuses its title', async () => {
    const el = await mount<AuthSignIn>(clientFor(memoryAdapter()), html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
    await signInWithKeyboard(el);
    await settle(el);
    await frames();
    expect(deepActiveElement()).to.equal(el.shadowRoot!.querySelector('h1'));
    expect(title(el)).to.equal("You're signed in");
  });

  it('signing in swaps the content and focus goes to the first thing shown for signed-in users', async () => {
    const client = clientFor(memoryAdapter());
    await client.ready;
    const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}>
      <auth-signed-out><auth-sign-in></auth-sign-in></auth-signed-out>
      <auth-signed-in><auth-user-button></auth-user-button><a href="#account">Account</a></auth-signed-in>
    </auth-provider>`);
    const el = provider.querySelector<AuthSignIn>('auth-sign-in')!;
    await el.updateComplete;
    await signInWithKeyboard(el);
    await waitUntil(() => client.state.status === 'signed-in');
    const button = provider.querySelector('auth-user-button')!;
    await waitUntil(() => deepActiveElement() === button.shadowRoot!.querySelector('button'), 'focus did not reach the user button');
  });

  it('signing out from the user menu hands focus to the sign-in form', async () => {
    const adapter = memoryAdapter();
    await adapter.signInWithPassword(ADA);
    const client = clientFor(adapter);
    await client.ready;
    const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}>
      <auth-signed-in><auth-user-button></auth-user-button></auth-signed-in>
      <auth-signed-out><auth-sign-in></auth-sign-in></auth-signed-out>
    </auth-provider>`);
    const button = provider.querySelector('auth-user-button')!;
    await button.updateComplete;
    button.shadowRoot!.querySelector<HTMLButtonElement>('button')!.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => button.shadowRoot!.activeElement?.getAttribute('role') === 'menuitem');
    await sendKeys({press: 'End'}); // "Sign out", after "Manage account"
    await sendKeys({press: 'Enter'});
    await waitUntil(() => client.state.status === 'signed-out');
    const el = provider.querySelector<AuthSignIn>('auth-sign-in')!;
    await waitUntil(() => deepActiveElement() === input(el, 'email'), 'focus was left behind');
  });

  it('following "Sign up" to a card shown on the same page focuses that card', async () => {
    const client = clientFor(memoryAdapter());
    await client.ready;
    const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}>
      <auth-sign-in sign-up-url="#sign-up-test"></auth-sign-in>
      <auth-sign-up sign-in-url="#sign-in-test" hidden></auth-sign-up>
    </auth-provider>`);
    const signIn = provider.querySelector<AuthSignIn>('auth-sign-in')!;
    const signUp = provider.querySelector<AuthSignUp>('auth-sign-up')!;
    await signIn.updateComplete;
    await signUp.updateComplete;
    // The page's own router swaps the cards on the hash (as the demo does).
    const route = () => {
      signUp.hidden = location.hash !== '#sign-up-test';
      signIn.hidden = !signUp.hidden;
    };
    // …and takes its time about it, as a real router may.
    const slowRoute = () => setTimeout(route, 150);
    addEventListener('hashchange', slowRoute);
    try {
      const link = signIn.shadowRoot!.querySelector<HTMLAnchorElement>('a[href="#sign-up-test"]')!;
      link.focus();
      await sendKeys({press: 'Enter'});
      await waitUntil(() => !signUp.hidden);
      await waitUntil(() => deepActiveElement() === input(signUp, 'name'), 'focus was left on the hidden card');
    } finally {
      removeEventListener('hashchange', slowRoute);
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('a sign-out in another tab does not pull focus away from what the user is doing', async () => {
    const adapter = memoryAdapter();
    const client = clientFor(adapter);
    await client.ready;
    const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}>
      <input id="search" aria-label="Search" />
      <auth-sign-in></auth-sign-in>
    </auth-provider>`);
    const el = provider.querySelector<AuthSignIn>('auth-sign-in')!;
    await signInWithPassword(el);
    const search = provider.querySelector<HTMLInputElement>('#search')!;
    search.focus();
    await client.signOut();
    await settle(el);
    await frames();
    expect(document.activeElement).to.equal(search);
  });
});

describe('announcements', () => {
  it('says politely what is under way and who signed in', async () => {
    const adapter = memoryAdapter({latency: 80});
    const client = new AuthClient({adapter, syncTabs: false});
    const el = await mount<AuthSignIn>(client, html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
    const region = announcer()!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    type(input(el, 'email'), ADA.email);
    await submit(el);
    type(input(el, 'password'), ADA.password);
    el.querySelector('form')!.requestSubmit();
    await waitUntil(() => region.textContent === 'Signing in…', 'busy was not announced');
    expect(el.querySelector('button[type="submit"]')!.textContent!.trim()).to.equal('Signing in…');
    await waitUntil(() => region.textContent === 'Signed in as Ada Lovelace.', 'success was not announced');
    expect(region.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})).to.equal(true);
    expect(region.getBoundingClientRect().width).to.be.at.most(1);
  });

  it('a hostile page stylesheet cannot show the live region', async () => {
    const style = document.createElement('style');
    style.textContent = 'div { position: static !important; width: 300px !important; height: 300px !important; clip-path: none !important; }';
    document.head.append(style);
    try {
      await mount<AuthSignIn>(clientFor(memoryAdapter()), html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
      expect(announcer()!.getBoundingClientRect().width).to.be.at.most(1);
    } finally {
      style.remove();
    }
  });
});

describe('code steps', () => {
  it('the code input is described by the line saying where the code went', async () => {
    const adapter = memoryAdapter();
    const el = await mount<AuthSignUp>(clientFor(adapter), html`<auth-sign-up></auth-sign-up>`, 'auth-sign-up');
    type(input(el, 'name'), NEW_USER.name);
    type(input(el, 'email'), NEW_USER.email);
    type(input(el, 'password'), NEW_USER.password);
    await submit(el);
    expect(codeDescription(el)).to.equal(`Enter the 6-digit code we sent to ${NEW_USER.email}.`);
    // Said once: the card's header no longer repeats it.
    expect(el.shadowRoot!.textContent).to.not.contain(NEW_USER.email);
    type(input(el, 'code'), '000000');
    await settle(el);
    expect(codeDescription(el)).to.equal(`Enter the 6-digit code we sent to ${NEW_USER.email}. That code isn't right. Check the email and try again.`);
    await expect(el).to.be.accessible();
  });
});

describe("a flow's new password: the strength meter and refusal, for every flow element", () => {
  const meterLabel = (el: Element) => el.querySelector('[part="password-strength-label"]')?.textContent?.trim() ?? '';
  const fieldError = (el: Element) => el.querySelector('.ae-field-error')?.textContent?.trim() ?? '';

  async function toNewPasswordStep(el: AuthSignIn, adapter: ReturnType<typeof memoryAdapter>) {
    type(input(el, 'email'), ADA.email);
    await submit(el);
    el.querySelector<HTMLButtonElement>('button[part="forgot-password-link"]')!.click();
    await settle(el);
    type(input(el, 'code'), adapter.latestCode(ADA.email)!);
    await settle(el);
    expect(title(el)).to.equal('Set a new password');
  }

  it("<auth-sign-in>'s new password after a reset code shows the meter and refuses a weak one, keeping it", async () => {
    const adapter = memoryAdapter();
    const el = await mount<AuthSignIn>(clientFor(adapter), html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
    await toNewPasswordStep(el, adapter);
    type(input(el, 'password'), 'ada@example.com1');
    await waitUntil(() => meterLabel(el) === 'Password strength: Weak', 'no meter on the new-password step', {timeout: 5000});
    await settle(el);
    expect(input(el, 'password').getAttribute('aria-describedby')).to.contain(el.querySelector('[part="password-strength"]')!.id);
    await expect(el).to.be.accessible();
    await submit(el);
    expect(fieldError(el)).to.equal("Too easy to guess. Don't use your name or email address in your password.");
    expect(input(el, 'password').value).to.equal('ada@example.com1');
    expect(title(el)).to.equal('Set a new password');
    await expect(el).to.be.accessible();

    type(input(el, 'password'), 'difference-engine-1822');
    await waitUntil(() => meterLabel(el) === 'Password strength: Strong', 'the meter does not follow', {timeout: 5000});
    await submit(el);
    expect(title(el)).to.equal("You're signed in");
  });

  it('the meter reads right to left in Arabic, its level in words', async () => {
    const client = clientFor(memoryAdapter());
    await client.ready;
    const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client} locale="ar"><auth-sign-up></auth-sign-up></auth-provider>`);
    const el = provider.querySelector<AuthSignUp>('auth-sign-up')!;
    await waitUntil(() => el.getAttribute('dir') === 'rtl', 'the card is not right to left');
    type(input(el, 'password'), 'password1');
    await waitUntil(() => meterLabel(el) !== '', 'no meter', {timeout: 5000});
    await settle(el);
    expect(meterLabel(el)).to.equal('قوة كلمة المرور: ضعيفة');
    expect(el.querySelector('.ae-strength-hint')!.textContent!.trim()).to.equal('هذه كلمة مرور شائعة الاستخدام.');
    const [first, second] = [...el.querySelectorAll('.ae-strength-segment')].map((segment) => segment.getBoundingClientRect());
    expect(first.left).to.be.greaterThan(second.left, 'the filled segment starts on the right');
    await expect(el).to.be.accessible();
  });
});
