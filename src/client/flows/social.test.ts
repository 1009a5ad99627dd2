import {expect} from '@open-wc/testing';
import {MemoryAdapter} from '../adapters/memory.js';
import type {SessionInfo, SocialSignInResult} from '../types.js';
import type {FlowContext} from './flow-context.js';
import {SignInFlow} from './sign-in-flow.js';
import {SignUpFlow} from './sign-up-flow.js';

const CALLBACK = 'https://app.example.test/signed-in';
const AUTHORIZE = 'https://github.com/login/oauth/authorize?state=xyz';

/** A memory adapter that answers social sign-ins with a redirect, like a real API. */
class RedirectingAdapter extends MemoryAdapter {
  override async signInWithSocial(provider: string, callbackURL: string): Promise<SocialSignInResult> {
    await super.signInWithSocial(provider, callbackURL); // same checks (unsupported, latency)
    await this.signOut();
    return {redirectUrl: AUTHORIZE};
  }
}

function setup(adapter: MemoryAdapter = new MemoryAdapter({capabilities: {socialProviders: ['github']}})) {
  const opened: SessionInfo[] = [];
  const navigated: string[] = [];
  const calls: string[] = [];
  const errorURLs: Array<string | undefined> = [];
  const signInWithSocial = adapter.signInWithSocial.bind(adapter);
  adapter.signInWithSocial = (provider, callbackURL, errorURL) => {
    calls.push(`${provider} ${callbackURL}`);
    errorURLs.push(errorURL);
    return signInWithSocial(provider, callbackURL, errorURL);
  };
  const context: FlowContext = {adapter, openSession: (info) => opened.push(info), navigate: (url) => navigated.push(url)};
  return {adapter, context, opened, navigated, calls, errorURLs};
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).to.equal(true);
};

for (const [label, create] of [
  ['SignInFlow', (context: FlowContext) => new SignInFlow(context)],
  ['SignUpFlow', (context: FlowContext) => new SignUpFlow(context)],
] as const) {
  describe(`${label}.signInWithSocial`, () => {
    it('a refusal comes back to this page, marked with the provider; the redirect is remembered until the client settles it', async () => {
      localStorage.removeItem('auth-elements:social-sign-in');
      const {context, navigated, errorURLs} = setup(new RedirectingAdapter({capabilities: {socialProviders: ['github']}}));
      void create(context).signInWithSocial('github', CALLBACK);
      await until(() => navigated.length === 1);
      const errorURL = new URL(errorURLs[0]!);
      expect(errorURL.origin + errorURL.pathname).to.equal(location.origin + location.pathname);
      expect(errorURL.searchParams.get('auth-provider')).to.equal('github');
      expect(localStorage.getItem('auth-elements:social-sign-in')).to.match(/^\d+\|github$/);
      const {lastSignInMethod} = await import('../sign-in-memory.js');
      const {settleSocialSignIn} = await import('../social-pending.js');
      settleSocialSignIn(true);
      expect(lastSignInMethod()).to.equal('social:github');
      expect(localStorage.getItem('auth-elements:social-sign-in')).to.equal(null);
    });

    it('opens the session and completes when the adapter signs in at once', async () => {
      const {context, opened, navigated, calls} = setup();
      const flow = create(context);
      expect(await flow.signInWithSocial('github', CALLBACK)).to.equal(true);
      expect(calls).to.deep.equal([`github ${CALLBACK}`]);
      expect(opened).to.have.length(1);
      expect(opened[0].user.email).to.equal('github.user@example.com');
      expect(flow.state.step).to.equal('complete');
      expect(flow.state.pending).to.equal(false);
      expect(flow.state.error).to.equal(null);
      expect(navigated).to.deep.equal([]);
    });

    it('navigates to the redirect URL and stays pending while the page leaves', async () => {
      const {context, opened, navigated} = setup(new RedirectingAdapter({capabilities: {socialProviders: ['github']}}));
      const flow = create(context);
      const initialStep = flow.state.step;
      let settled = false;
      void flow.signInWithSocial('github', CALLBACK).then(() => (settled = true));
      await until(() => navigated.length > 0);
      expect(navigated).to.deep.equal([AUTHORIZE]);
      await new Promise((r) => setTimeout(r, 20));
      expect(flow.state.pending).to.equal(true);
      expect(flow.state.step).to.equal(initialStep);
      expect(opened).to.deep.equal([]);
      expect(settled).to.equal(false);
    });

    it('is usable again when the page comes back from the back/forward cache', async () => {
      const {context, navigated} = setup(new RedirectingAdapter({capabilities: {socialProviders: ['github']}}));
      const flow = create(context);
      const done = flow.signInWithSocial('github', CALLBACK);
      await until(() => navigated.length > 0);
      window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: false}));
      await new Promise((r) => setTimeout(r, 10));
      expect(flow.state.pending, 'a fresh load is not a return').to.equal(true);
      window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
      expect(await done).to.equal(true);
      expect(flow.state.pending).to.equal(false);
    });

    it('shows `unsupported` for a provider the adapter does not list', async () => {
      const {context, opened, navigated} = setup();
      const flow = create(context);
      expect(await flow.signInWithSocial('gitlab', CALLBACK)).to.equal(false);
      expect(flow.state.error?.code).to.equal('unsupported');
      expect(flow.state.pending).to.equal(false);
      expect(flow.state.step).to.not.equal('complete');
      expect(opened).to.deep.equal([]);
      expect(navigated).to.deep.equal([]);
    });

    it('sends one request for a double call', async () => {
      const {context, opened, calls} = setup(new MemoryAdapter({latency: 20, capabilities: {socialProviders: ['github']}}));
      const flow = create(context);
      const [first, second] = await Promise.all([
        flow.signInWithSocial('github', CALLBACK),
        flow.signInWithSocial('github', CALLBACK),
      ]);
      expect([first, second]).to.deep.equal([true, false]);
      expect(calls).to.have.length(1);
      expect(opened).to.have.length(1);
    });
  });
}
