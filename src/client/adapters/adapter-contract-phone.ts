/**
 * The contract for sign-in and sign-up by a code texted to a phone number
 * (`capabilities.phoneNumber`): run against every adapter whose API has them.
 */
import {expect} from '@open-wc/testing';
import type {IdentityAdapter} from './adapter.js';
import {eachContractTest, expectAuthError, type ContractSetup} from './adapter-contract.js';

export interface PhoneContractSetup extends ContractSetup {
  /** Makes the code last texted to `phoneNumber` expire now. */
  expirePhoneCode(adapter: IdentityAdapter, phoneNumber: string): Promise<void>;
}

let numbers = 0;
/** A valid US number (415 area; an exchange cannot start with 0 or 1) no test has used. */
const uniqueNumber = () => `+14152${String((Date.now() + ++numbers) % 1_000_000).padStart(6, '0')}`;

export function runPhoneContract(label: string, setup: () => Promise<PhoneContractSetup> | PhoneContractSetup): void {
  describe(`IdentityAdapter sign-in and sign-up by texted code contract: ${label}`, () => {
    let ctx: PhoneContractSetup;
    let adapter: IdentityAdapter;

    eachContractTest(setup, (fresh) => { ctx = fresh; adapter = fresh.adapter; }, {signOutAfter: true});

    const textedCode = async (phoneNumber: string) => {
      const code = await ctx.readLatestCode(phoneNumber);
      expect(code, `a code was texted to ${phoneNumber}`).to.be.a('string');
      expect(code).to.have.length(adapter.capabilities.codeLength);
      return code!;
    };

    /** An account made by phone, signed out. */
    async function phoneAccount(name = 'Pat Phone'): Promise<string> {
      const phoneNumber = uniqueNumber();
      await adapter.sendPhoneCode!(phoneNumber, 'sign-up');
      await adapter.signInWithPhoneCode!(phoneNumber, await textedCode(phoneNumber), name);
      await adapter.signOut();
      return phoneNumber;
    }

    it('says it has them', () => {
      expect(adapter.capabilities.phoneNumber).to.equal(true);
    });

    it('signs up with the code texted: an account with the name and number, and no email', async () => {
      const phoneNumber = uniqueNumber();
      await adapter.sendPhoneCode!(phoneNumber, 'sign-up');
      const info = await adapter.signInWithPhoneCode!(phoneNumber, await textedCode(phoneNumber), 'Pat <b>Phone</b>');
      expect(info.user).to.include({name: 'Pat <b>Phone</b>', email: '', phoneNumber});
      const session = await adapter.getSession();
      expect(session?.user).to.include({id: info.user.id, email: '', phoneNumber});
    });

    it('an account made by phone alone has no invitations (they go to a verified email)', async () => {
      const phoneNumber = uniqueNumber();
      await adapter.sendPhoneCode!(phoneNumber, 'sign-up');
      await adapter.signInWithPhoneCode!(phoneNumber, await textedCode(phoneNumber), 'Ida Invites');
      expect(await adapter.listMyInvitations!()).to.deep.equal([]);
    });

    it('signs in to the account of a number, not with a wrong code', async () => {
      const phoneNumber = await phoneAccount('Sam Signin');
      await adapter.sendPhoneCode!(phoneNumber, 'sign-in');
      const code = await textedCode(phoneNumber);
      await expectAuthError(adapter.signInWithPhoneCode!(phoneNumber, code.replace(/\d/g, (d) => String((Number(d) + 1) % 10))), 'invalid_code');
      const info = await adapter.signInWithPhoneCode!(phoneNumber, code);
      expect(info.user).to.include({name: 'Sam Signin', phoneNumber});
    });

    it('a sign-up with a number that has an account signs in to it, its name unchanged', async () => {
      const phoneNumber = await phoneAccount('First Owner');
      await adapter.sendPhoneCode!(phoneNumber, 'sign-up');
      const info = await adapter.signInWithPhoneCode!(phoneNumber, await textedCode(phoneNumber), 'Someone Else');
      expect(info.user.name).to.equal('First Owner');
    });

    it('texts nothing to a number without an account for sign-in, and says nothing about it', async () => {
      const phoneNumber = uniqueNumber();
      await adapter.sendPhoneCode!(phoneNumber, 'sign-in');
      expect(await ctx.readLatestCode(phoneNumber)).to.equal(null);
      await expectAuthError(adapter.signInWithPhoneCode!(phoneNumber, '123456'), 'invalid_code');
      expect(await adapter.getSession()).to.equal(null);
    });

    it('an expired code is code_expired', async () => {
      const phoneNumber = await phoneAccount();
      await adapter.sendPhoneCode!(phoneNumber, 'sign-in');
      const code = await textedCode(phoneNumber);
      await ctx.expirePhoneCode(adapter, phoneNumber);
      await expectAuthError(adapter.signInWithPhoneCode!(phoneNumber, code), 'code_expired');
    });

    it('a number that is not one is invalid_phone', async () => {
      await expectAuthError(adapter.sendPhoneCode!('+1555', 'sign-up'), 'invalid_phone');
    });
  });
}
