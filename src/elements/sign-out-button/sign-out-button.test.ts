import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {ADA, clientFor, html, memoryAdapter, mount, nextEvent, waitUntil} from '../../../test/helpers.js';
import {MemoryAdapter} from '../../client/adapters/memory.js';
import {AuthError} from '../../client/errors.js';
import {deepActiveElement} from '../../internal/focus.js';
import type {AuthSignOutButton} from './sign-out-button.js';

/** A sign-out button inside a provider, signed in as Ada on `adapter`. */
async function signedIn(adapter: MemoryAdapter = memoryAdapter(), button = html`<auth-sign-out-button></auth-sign-out-button>`) {
  await adapter.signInWithPassword({email: ADA.email, password: ADA.password});
  const client = clientFor(adapter);
  const el = await mount<AuthSignOutButton>(client, button, 'auth-sign-out-button');
  return {el, client};
}

const defaultButton = (el: AuthSignOutButton) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="sign-out-button"]');
const alertText = (el: AuthSignOutButton) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? '';

/** Sign-out that waits until `release()` is called, then fails with `error` (or succeeds). */
class ControlledSignOut extends MemoryAdapter {
  error: AuthError | null = null;
  calls = 0;
  #release?: () => void;
  release = () => this.#release?.();
  override async signOut(): Promise<void> {
    this.calls++;
    await new Promise<void>((resolve) => (this.#release = resolve));
    if (this.error) throw this.error;
    return super.signOut();
  }
}

describe('<auth-sign-out-button>', () => {
  it('signs out by keyboard, busy meanwhile, then hides itself', async () => {
    const adapter = new ControlledSignOut({users: [ADA]});
    const {el, client} = await signedIn(adapter);
    const button = defaultButton(el)!;
    expect(button.textContent!.trim()).to.equal('Sign out');
    await expect(el).to.be.accessible();
    button.focus();
    const signedOut = nextEvent(el, 'auth-signed-out');
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Signing out…');
    await expect(el).to.be.accessible();
    // A second press while it works sends nothing more.
    button.click();
    expect(adapter.calls).to.equal(1);
    adapter.release();
    await signedOut;
    expect(client.state.status).to.equal('signed-out');
    await el.updateComplete;
    expect(defaultButton(el)).to.equal(null);
    expect(el.checkVisibility()).to.equal(false);
  });

  it('shows a 429 with how long to wait, as an alert, and works on a second try', async () => {
    const adapter = new ControlledSignOut({users: [ADA]});
    adapter.error = new AuthError('rate_limited', 'rate_limited', {status: 429, retryAfter: 42});
    const {el, client} = await signedIn(adapter);
    const failed = nextEvent(el, 'auth-error');
    defaultButton(el)!.click();
    adapter.release();
    expect((await failed).error.code).to.equal('rate_limited');
    await el.updateComplete;
    expect(alertText(el)).to.equal('Too many attempts. Try again in 42 seconds.');
    expect(client.state.status).to.equal('signed-in');
    expect(defaultButton(el)!.getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();

    adapter.error = null;
    defaultButton(el)!.click();
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    adapter.release();
    await waitUntil(() => client.state.status === 'signed-out');
  });

  it('says so when the network is down', async () => {
    const adapter = new ControlledSignOut({users: [ADA]});
    adapter.error = new AuthError('network', 'network');
    const {el} = await signedIn(adapter);
    defaultButton(el)!.click();
    adapter.release();
    await waitUntil(() => alertText(el) !== '');
    expect(alertText(el)).to.equal("We can't reach the server. Check your connection and try again.");
  });

  it('is hidden while signed out', async () => {
    const el = await mount<AuthSignOutButton>(clientFor(memoryAdapter()), html`<auth-sign-out-button></auth-sign-out-button>`, 'auth-sign-out-button');
    expect(defaultButton(el)).to.equal(null);
    expect(el.checkVisibility()).to.equal(false);
  });

  it("uses the integrator's slotted button, and follows after-sign-out-url", async () => {
    const {el, client} = await signedIn(memoryAdapter(), html`<auth-sign-out-button after-sign-out-url="#signed-out"><button class="mine">Log out</button></auth-sign-out-button>`);
    expect(defaultButton(el)).to.equal(null);
    const mine = el.querySelector<HTMLButtonElement>('button.mine')!;
    expect(mine.checkVisibility()).to.equal(true);
    await expect(el).to.be.accessible();
    mine.focus();
    expect(deepActiveElement()).to.equal(mine);
    await sendKeys({press: 'Enter'});
    await waitUntil(() => client.state.status === 'signed-out');
    try {
      await waitUntil(() => location.hash === '#signed-out', 'did not follow after-sign-out-url');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('shows a hostile label as text', async () => {
    const hostile = '<script>window.__pwned = 1</script><b>Leave</b>';
    const {el} = await signedIn(memoryAdapter(), html`<auth-sign-out-button label=${hostile}></auth-sign-out-button>`);
    expect(defaultButton(el)!.textContent!.trim()).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('b, script')).to.equal(null);
  });
});
