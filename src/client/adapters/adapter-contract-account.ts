/**
 * The contract suite's account part: every IdentityAdapter with account methods must pass it.
 * Runs in the browser under web-test-runner, like adapter-contract.ts.
 */
import {expect} from '@open-wc/testing';
import type {IdentityAdapter} from './adapter.js';
import {eachContractTest, expectAuthError, signOutEverywhere, signUpVerified, type ContractSetup} from './adapter-contract.js';

export interface AccountContractSetup extends ContractSetup {
  /** Another device of the same API (its own session), signed out. */
  secondDevice(): IdentityAdapter;
  /** Makes `adapter`'s current session older than the API's fresh age. */
  ageSession(adapter: IdentityAdapter): Promise<void>;
}

const password = 'correct horse 1';
const hostile = '<img src=x onerror=alert(1)>';

/** A real PNG, drawn on a canvas. */
async function pngBlob(width = 64, height = 48): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#c03';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#08f';
  context.fillRect(0, 0, width / 2, height / 2);
  return canvas.convertToBlob({type: 'image/png'});
}

export function runAccountContract(label: string, setup: () => Promise<AccountContractSetup> | AccountContractSetup): void {
  describe(`IdentityAdapter account contract: ${label}`, () => {
    let ctx: AccountContractSetup;
    let adapter: IdentityAdapter;
    const devices: IdentityAdapter[] = [];

    eachContractTest(setup, (fresh) => { ctx = fresh; adapter = fresh.adapter; }, {signOutAfter: true});

    afterEach(async () => {
      // The other devices this test opened: leave no account signed in on them either.
      for (const device of devices.splice(0)) await signOutEverywhere(device);
    });

    const code = async (email: string) => {
      const value = await ctx.readLatestCode(email);
      expect(value, `a code was sent to ${email}`).to.be.a('string');
      return value!;
    };

    /** A verified user, signed in on `adapter`. */
    const signedIn = async (name = 'Ada Account', on: IdentityAdapter = adapter) => signUpVerified(ctx, on, {name, password});

    const device = async (email: string) => {
      const other = ctx.secondDevice();
      devices.push(other);
      await other.loadCapabilities?.();
      await other.signInWithPassword({email, password});
      return other;
    };

    it('says what it supports for accounts', () => {
      const {profileImage, changeEmail, deleteAccount, freshAge} = adapter.capabilities;
      expect(profileImage?.maxBytes).to.be.greaterThan(0);
      expect(profileImage?.types).to.include.members(['image/png', 'image/jpeg']);
      expect(profileImage?.types).to.not.include('image/svg+xml');
      expect(changeEmail).to.equal(true);
      expect(deleteAccount).to.equal(true);
      expect(freshAge).to.be.a('number');
    });

    it('renames the user; a hostile name round-trips as text', async () => {
      await signedIn();
      const user = await adapter.updateProfile!({name: hostile});
      expect(user.name).to.equal(hostile);
      expect((await adapter.getSession())?.user.name).to.equal(hostile);
    });

    it('uploads a profile image, refuses what is not one, and removes it', async () => {
      await signedIn();
      const user = await adapter.uploadProfileImage!(await pngBlob());
      expect(user.imageUrl).to.be.a('string');
      expect((await adapter.getSession())?.user.imageUrl).to.equal(user.imageUrl);
      const served = await fetch(user.imageUrl!);
      expect(served.ok).to.equal(true);
      expect(served.headers.get('content-type')).to.equal('image/webp');

      const svg = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], {type: 'image/png'});
      await expectAuthError(adapter.uploadProfileImage!(svg), 'invalid_image');
      const html = new Blob(['<!doctype html><p>hi</p>'], {type: 'image/png'});
      await expectAuthError(adapter.uploadProfileImage!(html), 'invalid_image');
      const big = new Blob([await pngBlob(), new Uint8Array(adapter.capabilities.profileImage!.maxBytes)], {type: 'image/png'});
      await expectAuthError(adapter.uploadProfileImage!(big), 'image_too_large');
      expect((await adapter.getSession())?.user.imageUrl, 'a refused upload changes nothing').to.equal(user.imageUrl);

      const removed = await adapter.removeProfileImage!();
      expect(removed.imageUrl).to.equal(null);
      expect((await adapter.getSession())?.user.imageUrl).to.equal(null);
    });

    it('changes the email with a code sent to the new address', async () => {
      const {email} = await signedIn();
      const newEmail = ctx.uniqueEmail();
      const oldCode = await ctx.readLatestCode(email);
      await expectAuthError(adapter.requestEmailChange!(email), 'invalid_email');
      await adapter.requestEmailChange!(newEmail);
      const sent = await code(newEmail);
      expect(await ctx.readLatestCode(email), 'the old address receives nothing').to.equal(oldCode);
      const wrong = sent.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
      await expectAuthError(adapter.confirmEmailChange!(newEmail, wrong), 'invalid_code');
      const user = await adapter.confirmEmailChange!(newEmail, sent);
      expect(user.email).to.equal(newEmail);
      expect(user.emailVerified).to.equal(true);
      expect((await adapter.getSession())?.user.email).to.equal(newEmail);
      await adapter.signOut();
      await expectAuthError(adapter.signInWithPassword({email, password}), 'invalid_credentials');
      expect((await adapter.signInWithPassword({email: newEmail, password})).user.email).to.equal(newEmail);
    });

    it('changes the password, signing out the other devices', async () => {
      const {email} = await signedIn();
      const other = await device(email);
      const newPassword = 'new password 2';
      await expectAuthError(adapter.changePassword!({currentPassword: 'wrong password 9', newPassword}), 'wrong_password');
      await expectAuthError(adapter.changePassword!({currentPassword: password, newPassword: 'onlyletters'}), 'password_too_weak');
      const info = await adapter.changePassword!({currentPassword: password, newPassword, signOutOtherDevices: true});
      expect(info?.user.email).to.equal(email);
      expect((await adapter.getSession())?.session.id, 'this device continues on the new session').to.equal(info!.session.id);
      expect(await other.getSession(), 'the other device is signed out').to.equal(null);
      await expectAuthError(other.signInWithPassword({email, password}), 'invalid_credentials');
      await other.signInWithPassword({email, password: newPassword});
      await expectAuthError(adapter.setPassword!('another one 3'), 'password_already_set');
      expect(await adapter.getSignInMethods!()).to.deep.equal({password: true, socialProviders: [], twoFactor: false});
    });

    it('lists the sessions with the current one flagged, and revokes others', async () => {
      const {email, info} = await signedIn();
      const other = await device(email);
      const sessions = await adapter.listSessions!();
      const current = sessions.filter((session) => session.current);
      expect(current.map((session) => session.id)).to.deep.equal([info.session.id]);
      expect(sessions[0].current, 'the current one first').to.equal(true);
      const otherId = (await other.getSession())!.session.id;
      const listed = sessions.find((session) => session.id === otherId);
      expect(listed, 'the other device is listed').to.not.equal(undefined);
      expect(listed!.lastActiveAt).to.be.instanceOf(Date);
      expect(listed!.expiresAt.getTime()).to.be.greaterThan(Date.now());
      expect(current[0].browser, 'the browser comes from the user agent').to.equal('Chrome');

      await adapter.revokeSession!(otherId);
      expect(await other.getSession()).to.equal(null);
      expect((await adapter.listSessions!()).map((session) => session.id)).to.not.include(otherId);

      const third = await device(email);
      await adapter.revokeOtherSessions!();
      expect(await third.getSession()).to.equal(null);
      expect((await adapter.getSession())?.session.id).to.equal(info.session.id);
      await adapter.revokeSession!(info.session.id);
      expect(await adapter.getSession(), 'revoking the current session signs out').to.equal(null);
    });

    it('deletes the account: its password then signs in no more', async () => {
      const {email} = await signedIn();
      const other = await device(email);
      await expectAuthError(adapter.deleteAccount!({password: 'wrong password 9'}), 'wrong_password');
      await adapter.deleteAccount!({password});
      expect(await adapter.getSession()).to.equal(null);
      expect(await other.getSession(), 'every session is gone').to.equal(null);
      await expectAuthError(adapter.signInWithPassword({email, password}), 'invalid_credentials');
    });

    it('asks for the password again on an old session, then goes on', async () => {
      const {info} = await signedIn();
      await ctx.ageSession(adapter);
      await expectAuthError(adapter.requestEmailChange!(ctx.uniqueEmail()), 'session_not_fresh');
      await expectAuthError(adapter.deleteAccount!(), 'session_not_fresh');
      await expectAuthError(adapter.reauthenticate!('wrong password 9'), 'wrong_password');
      const fresh = await adapter.reauthenticate!(password);
      expect(fresh.user.id).to.equal(info.user.id);
      expect((await adapter.getSession())?.session.id).to.equal(fresh.session.id);
      const newEmail = ctx.uniqueEmail();
      await adapter.requestEmailChange!(newEmail);
      await code(newEmail);
    });

    it('keeps several accounts on one device: add, list, switch, sign out one, sign out all', async () => {
      if (!adapter.capabilities.multiSession) {
        await expectAuthError(adapter.listDeviceAccounts!(), 'unsupported');
        return;
      }
      const first = await signedIn('First Account');
      await adapter.signOut();
      const second = await signedIn(hostile);
      await adapter.signOut();
      const a = await adapter.signInWithPassword({email: first.email, password});
      // Signing in while signed in adds the account and makes it active.
      const b = await adapter.signInWithPassword({email: second.email, password});
      let accounts = await adapter.listDeviceAccounts!();
      expect(accounts.map((account) => [account.user.email, account.active]).toSorted()).to.deep.equal(
        [[first.email, false], [second.email, true]].toSorted(),
      );
      expect(accounts.find((account) => account.active)?.user.name).to.equal(hostile);

      const switched = await adapter.switchAccount!(a.session.id);
      expect(switched.user.email).to.equal(first.email);
      expect((await adapter.getSession())?.user.email).to.equal(first.email);

      const next = await adapter.signOutAccount!(a.session.id);
      expect(next?.user.email, 'the other account becomes active').to.equal(second.email);
      expect((await adapter.getSession())?.session.id).to.equal(b.session.id);
      accounts = await adapter.listDeviceAccounts!();
      expect(accounts.map((account) => account.user.email)).to.deep.equal([second.email]);

      await adapter.signInWithPassword({email: first.email, password});
      expect(await adapter.listDeviceAccounts!()).to.have.length(2);
      await adapter.signOutAllAccounts!();
      expect(await adapter.getSession()).to.equal(null);
      expect(await adapter.listDeviceAccounts!()).to.deep.equal([]);
    });

    it('stops a list call when its signal aborts', async () => {
      await signedIn();
      const controller = new AbortController();
      controller.abort();
      let caught: unknown;
      await adapter.listSessions!({signal: controller.signal}).catch((error) => (caught = error));
      expect((caught as DOMException)?.name).to.equal('AbortError');
    });
  });
}
