import {expect} from '@open-wc/testing';
import {AuthClient} from '../../client/auth-client.js';
import {MemoryAdapter} from '../../client/adapters/memory.js';
import type {SessionInfo} from '../../client/types.js';
import {fixture, html, waitUntil} from '../../../test/helpers.js';
import type {AuthProvider} from '../provider/provider.js';
import type {AuthSignIn} from '../sign-in/sign-in.js';

/** A memory adapter whose session check answers only when the test says so. */
class SlowAdapter extends MemoryAdapter {
  #answer?: () => void;

  override getSession(): Promise<SessionInfo | null> {
    return new Promise<void>((resolve) => (this.#answer = resolve)).then(() => super.getSession());
  }

  answer(): void {
    this.#answer?.();
  }
}

async function slowPage(inner: ReturnType<typeof html>) {
  const adapter = new SlowAdapter();
  const client = new AuthClient({adapter, syncTabs: false});
  const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}>${inner}</auth-provider>`);
  return {adapter, client, provider};
}

const status = (root: Element) => root.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? null;

describe('<auth-loading>', () => {
  it('shows nothing for a fast check, a busy indicator once the check is slow, and goes when it answers', async () => {
    const {adapter, client, provider} = await slowPage(html`<auth-loading delay="150"></auth-loading>
      <auth-signed-out><p id="out">Signed out</p></auth-signed-out>`);
    const loading = provider.querySelector('auth-loading')!;
    await loading.updateComplete;
    expect(status(loading), 'nothing flashes for a fast API').to.equal(null);
    await waitUntil(() => status(loading) === 'Loading…', 'no busy indicator for a slow check');
    expect(provider.querySelector('#out')!.checkVisibility()).to.equal(false);
    await expect(loading).to.be.accessible();
    adapter.answer();
    await client.ready;
    await waitUntil(() => status(loading) === null, 'the indicator stayed');
    await waitUntil(() => provider.querySelector('#out')!.checkVisibility());
    client.dispose();
  });

  it('shows its own children instead of the spinner', async () => {
    const {adapter, client, provider} = await slowPage(html`<auth-loading delay="0"><p id="skeleton">Getting things ready</p></auth-loading>`);
    await waitUntil(() => provider.querySelector('#skeleton')!.checkVisibility());
    expect(status(provider.querySelector('auth-loading')!)).to.equal(null);
    adapter.answer();
    await client.ready;
    await waitUntil(() => !provider.querySelector('#skeleton')!.checkVisibility());
    client.dispose();
  });
});

describe('<auth-sign-in> while the session loads', () => {
  it('shows a busy indicator in its card after a short delay, then the form', async () => {
    const {adapter, client, provider} = await slowPage(html`<auth-sign-in></auth-sign-in>`);
    const el = provider.querySelector<AuthSignIn>('auth-sign-in')!;
    await el.updateComplete;
    expect(el.querySelector('input'), 'no form before the API says who is signed in').to.equal(null);
    await waitUntil(() => el.querySelector('[role="status"]')?.textContent?.trim() === 'Loading…', 'no busy indicator');
    await expect(el).to.be.accessible();
    adapter.answer();
    await waitUntil(() => el.querySelector('input[autocomplete~="username"]'));
    expect(el.querySelector('[role="status"]')).to.equal(null);
    client.dispose();
  });
});
