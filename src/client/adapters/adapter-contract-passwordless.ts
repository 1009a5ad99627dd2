/**
 * The contract for sign-in without a password: a code emailed for sign-in and a sign-in link.
 * Runs against every adapter whose API has them (`capabilities.emailCode`, `magicLink`).
 */
import {expect} from '@open-wc/testing';
import type {IdentityAdapter} from './adapter.js';
import {eachContractTest, expectAuthError, type ContractSetup} from './adapter-contract.js';

export interface PasswordlessContractSetup extends ContractSetup {
  /** The newest sign-in link the API emailed to this address, or null. */
  readLatestLink(email: string): Promise<string | null>;
  /** Makes the sign-in code last sent to `email` expire now. */
  expireCode(adapter: IdentityAdapter, email: string): Promise<void>;
  /** Makes the sign-in link with this token expire now. */
  expireLink(adapter: IdentityAdapter, token: string): Promise<void>;
}

/** The page a link opens, with its own parameters (the link keeps them). */
const page = () => new URL('/sign-in?from=contract', location.href).href;

const tokenOf = (link: string) => new URL(link).searchParams.get('auth-link') ?? '';

export function runPasswordlessContract(label: string, setup: () => Promise<PasswordlessContractSetup> | PasswordlessContractSetup): void {
  describe(`IdentityAdapter sign-in by emailed code and link contract: ${label}`, () => {
    let ctx: PasswordlessContractSetup;
    let adapter: IdentityAdapter;
    const password = 'correct horse 1';

    eachContractTest(setup, (fresh) => { ctx = fresh; adapter = fresh.adapter; }, {signOutAfter: false});

    /** A verified account, signed out. */
    async function account(): Promise<string> {
      const email = ctx.uniqueEmail();
      await adapter.signUp({name: 'Pat Passwordless', email, password});
      await adapter.verifyEmail(email, (await ctx.readLatestCode(email))!);
      await adapter.signOut();
      return email;
    }

    async function mailedLink(email: string): Promise<string> {
      const before = await ctx.readLatestLink(email);
      await adapter.sendSignInLink!(email, page());
      const link = await ctx.readLatestLink(email);
      expect(link, `a link was mailed to ${email}`).to.be.a('string');
      expect(link).to.not.equal(before);
      return link!;
    }

    it('says it has both', () => {
      expect(adapter.capabilities.emailCode).to.equal(true);
      expect(adapter.capabilities.magicLink).to.equal(true);
    });

    describe('a code emailed for sign-in', () => {
      it('signs in with the code, not with a wrong one', async () => {
        const email = await account();
        await adapter.sendSignInCode!(email);
        const code = (await ctx.readLatestCode(email))!;
        expect(code).to.have.length(adapter.capabilities.codeLength);
        await expectAuthError(adapter.signInWithCode!(email, code.replace(/\d/g, (d) => String((Number(d) + 1) % 10))), 'invalid_code');
        const info = await adapter.signInWithCode!(email, code);
        expect(info.user.email).to.equal(email);
        expect((await adapter.getSession())?.user.email).to.equal(email);
      });

      it('an expired code is code_expired', async () => {
        const email = await account();
        await adapter.sendSignInCode!(email);
        const code = (await ctx.readLatestCode(email))!;
        await ctx.expireCode(adapter, email);
        await expectAuthError(adapter.signInWithCode!(email, code), 'code_expired');
        expect(await adapter.getSession()).to.equal(null);
      });

      it('sends nothing to an address without an account, and says nothing about it', async () => {
        const email = ctx.uniqueEmail();
        await adapter.sendSignInCode!(email);
        expect(await ctx.readLatestCode(email)).to.equal(null);
        await expectAuthError(adapter.signInWithCode!(email, '123456'), 'invalid_code');
      });

      it('refuses a malformed address', async () => {
        await expectAuthError(adapter.sendSignInCode!('not-an-email'), 'invalid_email');
      });
    });

    describe('a sign-in link', () => {
      it('opens the page that asked for it, keeping its parameters, and signs in once', async () => {
        const email = await account();
        const link = new URL(await mailedLink(email));
        expect(link.origin + link.pathname).to.equal(new URL(page()).origin + '/sign-in');
        expect(link.searchParams.get('from')).to.equal('contract');
        const info = await adapter.signInWithLink!(tokenOf(link.href));
        expect(info.user.email).to.equal(email);
        expect((await adapter.getSession())?.user.email).to.equal(email);
        await adapter.signOut();
        await expectAuthError(adapter.signInWithLink!(tokenOf(link.href)), 'link_used');
        expect(await adapter.getSession()).to.equal(null);
      });

      it('an expired link is link_expired; a made-up one invalid_link', async () => {
        const email = await account();
        const link = await mailedLink(email);
        await ctx.expireLink(adapter, tokenOf(link));
        await expectAuthError(adapter.signInWithLink!(tokenOf(link)), 'link_expired');
        await expectAuthError(adapter.signInWithLink!('abcdefghijklmnopqrstuvwxyzABCDEF'), 'invalid_link');
        expect(await adapter.getSession()).to.equal(null);
      });

      it('sends none to an address without an account', async () => {
        const email = ctx.uniqueEmail();
        await adapter.sendSignInLink!(email, page());
        expect(await ctx.readLatestLink(email)).to.equal(null);
      });
    });
  });
}
