// Against the real server: a first session check that fails is "unavailable" — never the
// sign-in form for someone who is signed in — and the page recovers without a reload.
import {expect} from '@open-wc/testing';
import {AuthClient} from '../../src/client/auth-client.js';
import type {AuthProvider} from '../../src/elements/provider/provider.js';
import {fixture, html, waitUntil} from '../helpers.js';
import {createUser, network, uniqueEmail, type NetworkMode} from '../real-server.js';

const PASSWORD = 'unavailable1';

const MESSAGES: Array<[NetworkMode, string]> = [
  ['offline', "We can't reach the server. Check your connection and try again."],
  ['server-error', 'Something went wrong on our side. Try again in a moment.'],
  ['rate-limited', 'Too many attempts. Try again in 30 seconds.'],
  ['malformed', "The server sent an answer we couldn't read. Try again in a moment."],
  ['wrong-shape', "The server sent an answer we couldn't read. Try again in a moment."],
];

describe('session state against the real server', () => {
  let email: string;
  before(async () => {
    email = uniqueEmail('down');
    await createUser('Dana Down', email, PASSWORD);
  });

  for (const [mode, message] of MESSAGES) {
    it(`a signed-in person whose first check meets "${mode}" is told so, and sees their page once it answers`, async () => {
      const conditions = network();
      await conditions.adapter.signInWithPassword({email, password: PASSWORD});
      conditions.state.mode = mode;
      const client = new AuthClient({adapter: conditions.adapter, syncTabs: false, retry: {baseDelayMs: 60_000}});
      try {
        const provider = await fixture<AuthProvider>(html`<auth-provider .client=${client}>
          <auth-unavailable></auth-unavailable>
          <auth-signed-out><auth-sign-in></auth-sign-in></auth-signed-out>
          <auth-signed-in><p id="home">Home</p></auth-signed-in>
        </auth-provider>`);
        await client.ready;
        const unavailable = provider.querySelector('auth-unavailable')!;
        await waitUntil(() => unavailable.shadowRoot!.querySelector('[role="alert"]'), 'no alert');
        expect(unavailable.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim()).to.equal(message);
        expect(provider.querySelector('auth-sign-in')!.checkVisibility(), 'the sign-in form is not offered').to.equal(false);
        await expect(unavailable).to.be.accessible();
        // The connection comes back: the browser says so, and the client asks again at once.
        conditions.state.mode = 'online';
        window.dispatchEvent(new Event('online'));
        await waitUntil(() => provider.querySelector('#home')!.checkVisibility(), 'the signed-in page never showed');
        expect(client.user?.email).to.equal(email);
        expect(unavailable.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      } finally {
        client.dispose();
        await conditions.adapter.signOut();
      }
    });
  }
});
