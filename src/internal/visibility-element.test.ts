import {SignInFlow} from '../client/flows/sign-in-flow.js';
import {expect} from '@open-wc/testing';
import {MemoryAdapter} from '../client/adapters/memory.js';
import {ADA, clientFor, fixture, html, memoryAdapter, waitUntil} from '../../test/helpers.js';
import type {AuthProvider} from '../elements/provider/provider.js';

/** Whether the light-DOM child is rendered (slotted into a shown slot). */
const shown = (element: Element) => element.getClientRects().length > 0;

async function page(adapter: MemoryAdapter) {
  const client = clientFor(adapter);
  const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}>
    <auth-signed-in><p id="in">Welcome</p></auth-signed-in>
    <auth-signed-out><p id="out">Please sign in</p></auth-signed-out>
  </auth-provider>`);
  return {client, provider, inside: provider.querySelector('#in')!, outside: provider.querySelector('#out')!};
}

describe('<auth-signed-in> and <auth-signed-out>', () => {
  it('show neither while the session loads', async () => {
    const {client, inside, outside, provider} = await page(memoryAdapter({latency: 200}));
    expect(client.state.status).to.equal('loading');
    expect(shown(inside)).to.equal(false);
    expect(shown(outside)).to.equal(false);
    await expect(provider).to.be.accessible();
  });

  it('show only the signed-out content to a visitor', async () => {
    const {client, inside, outside, provider} = await page(memoryAdapter());
    await client.ready;
    await waitUntil(() => shown(outside));
    expect(shown(inside)).to.equal(false);
    await expect(provider).to.be.accessible();
  });

  it('switch when the user signs in and out', async () => {
    const adapter = memoryAdapter();
    const {client, inside, outside} = await page(adapter);
    await client.ready;
    const flow = client.startFlow(SignInFlow);
    await flow.submitEmail(ADA.email);
    await flow.submitPassword(ADA.password);
    await waitUntil(() => shown(inside), 'signed-in content never appeared');
    expect(shown(outside)).to.equal(false);
    await client.signOut();
    await waitUntil(() => shown(outside), 'signed-out content never came back');
    expect(shown(inside)).to.equal(false);
  });
});
