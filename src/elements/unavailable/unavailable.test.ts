import {expect} from '@open-wc/testing';
import {AuthClient} from '../../client/auth-client.js';
import {MemoryAdapter} from '../../client/adapters/memory.js';
import {AuthError, type AuthErrorCode} from '../../client/errors.js';
import type {SessionInfo} from '../../client/types.js';
import {ADA, fixture, html, nextEvent, title, waitUntil} from '../../../test/helpers.js';
import type {AuthProvider} from '../provider/provider.js';
import type {AuthSignIn} from '../sign-in/sign-in.js';

/** Ada is signed in on the "server", but its session checks fail while `failure` is set. */
class DownAdapter extends MemoryAdapter {
  failure: {code: AuthErrorCode; retryAfter?: number} | null = {code: 'network'};

  override getSession(): Promise<SessionInfo | null> {
    if (this.failure) return Promise.reject(new AuthError(this.failure.code, this.failure.code, {retryAfter: this.failure.retryAfter}));
    return super.getSession();
  }
}

async function downPage(failure: DownAdapter['failure'] = {code: 'network'}) {
  const adapter = new DownAdapter({users: [ADA]});
  await adapter.signInWithPassword(ADA);
  adapter.failure = failure;
  // Automatic retries far away: the test decides when the API comes back.
  const client = new AuthClient({adapter, syncTabs: false, retry: {baseDelayMs: 60_000}});
  await client.ready;
  const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}>
    <auth-unavailable></auth-unavailable>
    <auth-signed-out><auth-sign-in id="wrapped"></auth-sign-in></auth-signed-out>
    <auth-signed-in><p id="welcome">Welcome back</p></auth-signed-in>
  </auth-provider>`);
  const unavailable = provider.querySelector('auth-unavailable')!;
  await unavailable.updateComplete;
  return {adapter, client, provider, unavailable};
}

const alertText = (el: Element) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const shown = (el: Element | null) => !!el?.checkVisibility();

describe('<auth-unavailable>', () => {
  const cases: Array<[DownAdapter['failure'], string]> = [
    [{code: 'network'}, "We can't reach the server. Check your connection and try again."],
    [{code: 'server'}, 'Something went wrong on our side. Try again in a moment.'],
    [{code: 'rate_limited', retryAfter: 30}, 'Too many attempts. Try again in 30 seconds.'],
    [{code: 'malformed_response'}, "The server sent an answer we couldn't read. Try again in a moment."],
  ];
  for (const [failure, message] of cases) {
    it(`says why (${failure!.code}) and shows neither signed-in nor signed-out content`, async () => {
      const {provider, unavailable, client} = await downPage(failure);
      expect(client.state.status).to.equal('unavailable');
      expect(alertText(unavailable)).to.equal(message);
      expect(shown(provider.querySelector('#welcome'))).to.equal(false);
      expect(shown(provider.querySelector('#wrapped'))).to.equal(false);
      expect(provider.querySelector('input'), 'no sign-in form for someone who may be signed in').to.equal(null);
      await expect(unavailable).to.be.accessible();
      client.dispose();
    });
  }

  it('"Try again" asks again and shows the signed-in content once the API answers', async () => {
    const {adapter, provider, unavailable, client} = await downPage();
    const retry = unavailable.shadowRoot!.querySelector<HTMLButtonElement>('button')!;
    expect(retry.textContent!.trim()).to.equal('Try again');
    adapter.failure = null;
    retry.click();
    await waitUntil(() => shown(provider.querySelector('#welcome')), 'the signed-in content never showed');
    expect(unavailable.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    client.dispose();
  });

  it('shows its own children instead of the built-in alert', async () => {
    const adapter = new DownAdapter();
    const client = new AuthClient({adapter, syncTabs: false, retry: false});
    await client.ready;
    const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}>
      <auth-unavailable><p id="custom">Our sign-in service is down.</p></auth-unavailable>
    </auth-provider>`);
    const unavailable = provider.querySelector('auth-unavailable')!;
    await unavailable.updateComplete;
    expect(shown(provider.querySelector('#custom'))).to.equal(true);
    expect(unavailable.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    client.dispose();
  });

  it('shows nothing once the state is known', async () => {
    const client = new AuthClient({adapter: new MemoryAdapter(), syncTabs: false});
    await client.ready;
    const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}><auth-unavailable></auth-unavailable></auth-provider>`);
    const unavailable = provider.querySelector('auth-unavailable')!;
    await unavailable.updateComplete;
    expect(unavailable.shadowRoot!.childElementCount).to.equal(0);
  });

  it('the provider reports the failed check as an auth-error from a real unreachable API', async () => {
    const provider = await fixture<AuthProvider>(html`<auth-provider api-url="http://127.0.0.1:9/api/auth"><auth-unavailable></auth-unavailable></auth-provider>`);
    const failed = await nextEvent(provider, 'auth-error');
    expect(failed.error.code).to.equal('network');
    expect(provider.activeClient!.state.status).to.equal('unavailable');
    const unavailable = provider.querySelector('auth-unavailable')!;
    await waitUntil(() => alertText(unavailable).includes("We can't reach the server"));
    provider.activeClient!.dispose();
  });
});

describe('<auth-sign-in> while the API is unavailable', () => {
  it('shows the reason and "Try again" in its card, then the form once the API answers', async () => {
    const adapter = new DownAdapter();
    const client = new AuthClient({adapter, syncTabs: false, retry: {baseDelayMs: 60_000}});
    await client.ready;
    const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}><auth-sign-in></auth-sign-in></auth-provider>`);
    const el = provider.querySelector<AuthSignIn>('auth-sign-in')!;
    await el.updateComplete;
    expect(title(el)).to.equal('Sign in');
    expect(el.querySelector('[role="alert"]')!.textContent!.trim()).to.equal("We can't reach the server. Check your connection and try again.");
    expect(el.querySelector('input'), 'no form until the API says who is signed in').to.equal(null);
    await expect(el).to.be.accessible();
    adapter.failure = null;
    el.querySelector<HTMLButtonElement>('form button')!.click();
    await waitUntil(() => el.querySelector('input[autocomplete~="username"]'), 'the form never came back');
    expect(el.querySelector('[role="alert"]')).to.equal(null);
    client.dispose();
  });
});
