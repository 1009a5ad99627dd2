/**
 * The contract suite's connected accounts: listing the social and OpenID Connect accounts
 * linked to a person, starting a link, and unlinking — never the last way in. Runs in the
 * browser under web-test-runner, like adapter-contract.ts.
 *
 * Linking for real needs a provider's round trip (its login page, its consent): the reference
 * server in web-test-runner has none it can complete, so there the suite checks that a link
 * starts (an http(s) address to send the browser to), and the round trip is the e2e's
 * (test/e2e/connected-accounts.test.mjs). An adapter that links at once (memory) is held to the
 * rest here: the account listed with its email, unlinked, and the last one refused.
 */
import {expect} from '@open-wc/testing';
import type {IdentityAdapter} from './adapter.js';
import {eachContractTest, expectAuthError, signUpVerified, type ContractSetup} from './adapter-contract.js';

export interface ConnectedContractSetup extends ContractSetup {
  /** A provider the API offers (in `capabilities.socialProviders`). */
  provider: string;
}

const password = 'correct horse 1';

/**
 * `linksAtOnce`: the adapter links without a round trip (`linkAccount` answers the callback
 * address, linked) and `signInWithSocial` opens a session at once, so the suite also holds it to
 * listing, unlinking and the last way in. Without it (a real API) those need a provider's round
 * trip and are the e2e's.
 */
export function runConnectedAccountsContract(
  label: string,
  setup: () => Promise<ConnectedContractSetup> | ConnectedContractSetup,
  {linksAtOnce}: {linksAtOnce: boolean},
): void {
  describe(`IdentityAdapter connected accounts contract: ${label}`, () => {
    let ctx: ConnectedContractSetup;
    let adapter: IdentityAdapter;
    const page = new URL('/profile?tab=1#/account', location.href).href;

    eachContractTest(setup, (fresh) => { ctx = fresh; adapter = fresh.adapter; }, {signOutAfter: true});

    /** A verified user with a password, signed in. */
    const signedIn = async () => (await signUpVerified(ctx, adapter, {name: 'Connie Nected', password})).email;

    /** Links an account of the provider (an adapter that links at once answers the page it was given). */
    const link = async () => {
      const {redirectUrl} = await adapter.linkAccount!(ctx.provider, page);
      expect(redirectUrl, 'linked at once: back to the page').to.equal(page);
    };

    it('has the three methods', () => {
      expect(adapter.listConnectedAccounts).to.be.a('function');
      expect(adapter.linkAccount).to.be.a('function');
      expect(adapter.unlinkAccount).to.be.a('function');
    });

    it('lists no connected account for an account with only a password (the password is not one)', async () => {
      await signedIn();
      expect(await adapter.listConnectedAccounts!()).to.deep.equal([]);
    });

    it('needs a session to list, link or unlink', async () => {
      await expectAuthError(adapter.listConnectedAccounts!(), 'session_expired');
      await expectAuthError(adapter.linkAccount!(ctx.provider, page), 'session_expired');
    });

    it('starts a link: an http(s) address to send the browser to (the provider, or back here when linked at once)', async () => {
      await signedIn();
      const {redirectUrl} = await adapter.linkAccount!(ctx.provider, page, page);
      expect(new URL(redirectUrl).protocol).to.match(/^https?:$/);
      if (linksAtOnce) expect(redirectUrl).to.equal(page);
      else expect(new URL(redirectUrl).origin, 'the provider, not this page').to.not.equal(location.origin);
    });

    it('refuses a provider the API does not offer', async () => {
      await signedIn();
      await expectAuthError(adapter.linkAccount!('no-such-provider', page), 'unsupported');
    });

    if (!linksAtOnce) return;

    describe('linked at once', () => {
      it('an account linked at once is listed with its provider, email and date, and counts as a way in', async () => {
        const email = await signedIn();
        await link();
        const [account, ...more] = await adapter.listConnectedAccounts!();
        expect(more).to.deep.equal([]);
        expect(account.provider).to.equal(ctx.provider);
        expect(account.email).to.equal(email);
        expect(account.id).to.be.a('string').and.not.equal('');
        expect(account.accountId).to.be.a('string').and.not.equal('');
        expect(account.linkedAt).to.be.instanceOf(Date);
        expect(Math.abs(account.linkedAt.getTime() - Date.now())).to.be.below(60_000);
        expect((await adapter.getSignInMethods!()).socialProviders).to.deep.equal([ctx.provider]);
        // Linking again adds nothing.
        await link();
        expect(await adapter.listConnectedAccounts!()).to.have.length(1);
      });

      it('unlinks an account while the password is still a way in', async () => {
        await signedIn();
        await link();
        const [account] = await adapter.listConnectedAccounts!();
        await adapter.unlinkAccount!(account.provider, account.id);
        expect(await adapter.listConnectedAccounts!()).to.deep.equal([]);
        expect((await adapter.getSignInMethods!()).socialProviders).to.deep.equal([]);
      });

      it('refuses to unlink the only way in (no password, no other account)', async () => {
        const result = await adapter.signInWithSocial(ctx.provider, page);
        expect(result, 'signed in at once').to.have.property('session');
        const [account, ...more] = await adapter.listConnectedAccounts!();
        expect(more).to.deep.equal([]);
        expect(account.provider).to.equal(ctx.provider);
        expect((await adapter.getSignInMethods!()).password).to.equal(false);
        await expectAuthError(adapter.unlinkAccount!(account.provider, account.id), 'last_sign_in_method');
        expect(await adapter.listConnectedAccounts!()).to.have.length(1);
      });
    });
  });
}
