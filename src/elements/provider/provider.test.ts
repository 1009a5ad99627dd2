import {SignInFlow} from '../../client/flows/sign-in-flow.js';
import {expect} from '@open-wc/testing';
import {AuthClient} from '../../client/auth-client.js';
import {ADA, clientFor, fixture, html, memoryAdapter, mount, nextEvent, title, waitUntil} from '../../../test/helpers.js';
import type {AuthSignIn} from '../sign-in/sign-in.js';
import type {AuthProvider} from './provider.js';

describe('<auth-provider>', () => {
  it('builds a client from its attributes and tells the page who is signed in', async () => {
    const provider = await fixture<AuthProvider>(html`<auth-provider adapter="memory"><auth-sign-in></auth-sign-in></auth-provider>`);
    const change = await nextEvent(provider, 'auth-session-change');
    expect(change.state.status).to.equal('signed-out');
    expect(provider.activeClient!.adapter.name).to.equal('memory');
    const signIn = provider.querySelector<AuthSignIn>('auth-sign-in')!;
    await waitUntil(() => signIn.querySelector('input[autocomplete~="username"]'));
    await expect(provider).to.be.accessible();
  });

  it('talks to the better-auth API at api-url by default', async () => {
    const provider = await fixture<AuthProvider>(html`<auth-provider api-url="/api/auth"></auth-provider>`);
    await waitUntil(() => provider.activeClient);
    expect(provider.activeClient!.adapter.name).to.equal('better-auth');
    await provider.activeClient!.ready;
    expect(provider.activeClient!.state.status).to.equal('signed-out');
  });

  it('switches every element to another language at runtime, without a reload', async () => {
    const el = await mount<AuthSignIn>(clientFor(memoryAdapter()), html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
    const provider = el.closest<AuthProvider>('auth-provider')!;
    provider.locale = 'de';
    await waitUntil(() => title(el) === 'Anmelden', 'the title never turned German');
    expect(el.querySelector('label')!.textContent).to.equal('E-Mail-Adresse');
    expect(el.lang).to.equal('de');
    await expect(el).to.be.accessible();
    provider.locale = 'en-GB';
    await waitUntil(() => title(el) === 'Sign in');
  });

  it('takes the language from <html lang> when it has no locale', async () => {
    const previous = document.documentElement.lang;
    document.documentElement.lang = 'de-AT';
    try {
      const el = await mount<AuthSignIn>(clientFor(memoryAdapter()), html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
      await waitUntil(() => title(el) === 'Anmelden');
    } finally {
      document.documentElement.lang = previous;
    }
  });

  it('follows sign-ins made in another tab', async () => {
    const adapter = memoryAdapter();
    // Two clients on one API, both following other tabs, stand for two tabs of one site.
    const thisTab = new AuthClient({adapter});
    const here = await mount<AuthSignIn>(thisTab, html`<auth-sign-in></auth-sign-in>`, 'auth-sign-in');
    const otherTab = new AuthClient({adapter});
    await otherTab.ready;
    const flow = otherTab.startFlow(SignInFlow);
    await flow.submitEmail(ADA.email);
    await flow.submitPassword(ADA.password);
    await waitUntil(() => title(here) === "You're signed in", 'this tab never followed');
    await otherTab.signOut();
    await waitUntil(() => title(here) === 'Sign in', 'this tab never followed the sign-out');
    otherTab.dispose();
    thisTab.dispose();
  });
});
