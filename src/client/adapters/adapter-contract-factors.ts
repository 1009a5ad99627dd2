/**
 * The contract suite's two-step verification and passkey part: every IdentityAdapter with
 * `multiFactor` / `passkeys` must pass it. Runs in the browser under web-test-runner, like
 * adapter-contract.ts. Codes come from the key the setup returned (otpauth, as an app would);
 * passkeys from Chromium's virtual authenticator (scripts/wtr-webauthn.mjs), so the browser
 * signs for real.
 */
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {Secret, TOTP} from 'otpauth';
import type {IdentityAdapter} from './adapter.js';
import {eachContractTest, expectAuthError, signUpVerified, type ContractSetup} from './adapter-contract.js';

export interface FactorsContractSetup extends ContractSetup {
  /** Makes `adapter`'s current session older than the API's fresh age. */
  ageSession(adapter: IdentityAdapter): Promise<void>;
  /** Makes the sign-in waiting for its second step on `adapter` expire. */
  expireSecondFactor(adapter: IdentityAdapter): Promise<void>;
  /** The issuer the authenticator app shows. */
  issuer: string;
}

const password = 'correct horse 1';

/** A code from the app for this key; `offset` steps of 30 s away from now. */
const appCode = (secret: string, offset = 0) => TOTP.generate({secret: Secret.fromBase32(secret), timestamp: Date.now() + offset * 30_000});

/** A six-digit code that is not the app's, now or a step either side. */
function notTheCode(secret: string): string {
  const near = new Set([-1, 0, 1].map((offset) => appCode(secret, offset)));
  for (let n = 0; ; n++) {
    const code = String((Number(appCode(secret)) + 500_000 + n) % 1_000_000).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

const webauthn = (payload: Record<string, unknown>) => executeServerCommand<unknown, Record<string, unknown>>('webauthn', payload);

export function runFactorsContract(label: string, setup: () => Promise<FactorsContractSetup> | FactorsContractSetup): void {
  describe(`IdentityAdapter two-step and passkey contract: ${label}`, () => {
    let ctx: FactorsContractSetup;
    let adapter: IdentityAdapter;

    eachContractTest(setup, (fresh) => { ctx = fresh; adapter = fresh.adapter; }, {signOutAfter: true});

    /** A verified user, signed in. */
    const signedIn = async () => (await signUpVerified(ctx, adapter, {name: 'Tess Twostep', password})).email;

    /** A signed-in user with two-step verification on: its key and backup codes. */
    const withTwoFactor = async () => {
      const email = await signedIn();
      const setup = await adapter.startTotpSetup!(password);
      await adapter.confirmTotpSetup!(appCode(setup.secret));
      return {email, ...setup};
    };

    /** Signs out and in again with the password, up to the second step. */
    const upToSecondStep = async (email: string) => {
      await adapter.signOut();
      await expectAuthError(adapter.signInWithPassword({email, password}), 'two_factor_required');
      expect(await adapter.getSession(), 'no session before the second step').to.equal(null);
    };

    describe('two-step verification', () => {
      it('says it supports it, with trusted devices', () => {
        expect(adapter.capabilities.multiFactor).to.equal(true);
        expect(adapter.capabilities.trustedDeviceDays).to.equal(30);
      });

      it('sets up with a key for the app, on only once a code from the app confirms it', async () => {
        const email = await signedIn();
        expect((await adapter.getSignInMethods!()).twoFactor).to.equal(false);
        const setup = await adapter.startTotpSetup!(password);
        expect(setup.secret).to.match(/^[A-Z2-7]+=*$/);
        const uri = new URL(setup.uri);
        expect(uri.protocol).to.equal('otpauth:');
        expect(setup.uri.startsWith('otpauth://totp/')).to.equal(true);
        expect(uri.searchParams.get('secret')).to.equal(setup.secret);
        expect(uri.searchParams.get('issuer')).to.equal(ctx.issuer);
        expect(decodeURIComponent(uri.pathname)).to.contain(email);
        expect(setup.backupCodes).to.have.length(10);
        expect(new Set(setup.backupCodes).size).to.equal(10);

        await expectAuthError(adapter.confirmTotpSetup!(notTheCode(setup.secret)), 'invalid_code');
        expect((await adapter.getSignInMethods!()).twoFactor, 'still off after a wrong code').to.equal(false);
        await adapter.confirmTotpSetup!(appCode(setup.secret));
        expect((await adapter.getSignInMethods!()).twoFactor).to.equal(true);
        expect((await adapter.getSession())?.user.email, 'still signed in').to.equal(email);
      });

      it('refuses a setup, new backup codes or turning it off with a wrong password', async () => {
        await signedIn();
        await expectAuthError(adapter.startTotpSetup!('wrong password 9'), 'wrong_password');
        const setup = await adapter.startTotpSetup!(password);
        await adapter.confirmTotpSetup!(appCode(setup.secret));
        await expectAuthError(adapter.regenerateBackupCodes!('wrong password 9'), 'wrong_password');
        await expectAuthError(adapter.disableTwoFactor!('wrong password 9'), 'wrong_password');
        expect((await adapter.getSignInMethods!()).twoFactor).to.equal(true);
      });

      it('asks for the code after the password, and the code from the app signs in', async () => {
        const {email, secret} = await withTwoFactor();
        await upToSecondStep(email);
        await expectAuthError(adapter.verifySecondFactor!({kind: 'totp', code: notTheCode(secret)}), 'invalid_code');
        expect(await adapter.getSession()).to.equal(null);
        const info = await adapter.verifySecondFactor!({kind: 'totp', code: appCode(secret)});
        expect(info.user.email).to.equal(email);
        expect((await adapter.getSession())?.session.id).to.equal(info.session.id);
      });

      it('a wrong password is still invalid_credentials, not the second step', async () => {
        const {email} = await withTwoFactor();
        await adapter.signOut();
        await expectAuthError(adapter.signInWithPassword({email, password: 'wrong password 9'}), 'invalid_credentials');
      });

      it('a backup code signs in once, and only once', async () => {
        const {email, backupCodes} = await withTwoFactor();
        await upToSecondStep(email);
        const info = await adapter.verifySecondFactor!({kind: 'backup-code', code: backupCodes[0]});
        expect(info.user.email).to.equal(email);

        await upToSecondStep(email);
        await expectAuthError(adapter.verifySecondFactor!({kind: 'backup-code', code: backupCodes[0]}), 'code_used');
        await expectAuthError(adapter.verifySecondFactor!({kind: 'backup-code', code: 'nope0-nope0'}), 'invalid_code');
        expect((await adapter.verifySecondFactor!({kind: 'backup-code', code: backupCodes[1]})).user.email).to.equal(email);
      });

      it('new backup codes replace the old ones', async () => {
        const {email, backupCodes} = await withTwoFactor();
        const fresh = await adapter.regenerateBackupCodes!(password);
        expect(fresh).to.have.length(10);
        expect(fresh.filter((code) => backupCodes.includes(code))).to.deep.equal([]);
        await upToSecondStep(email);
        // Old codes are simply wrong now, used or not.
        await expectAuthError(adapter.verifySecondFactor!({kind: 'backup-code', code: backupCodes[2]}), 'invalid_code');
        expect((await adapter.verifySecondFactor!({kind: 'backup-code', code: fresh[0]})).user.email).to.equal(email);
      });

      it('turned off, sign-in no longer asks for a code', async () => {
        const {email} = await withTwoFactor();
        await adapter.disableTwoFactor!(password);
        expect((await adapter.getSignInMethods!()).twoFactor).to.equal(false);
        expect((await adapter.getSession())?.user.email, 'still signed in').to.equal(email);
        await adapter.signOut();
        expect((await adapter.signInWithPassword({email, password})).user.email).to.equal(email);
      });

      it('ends the sign-in after five wrong codes', async () => {
        const {email, secret} = await withTwoFactor();
        await upToSecondStep(email);
        for (let i = 0; i < 5; i++) await expectAuthError(adapter.verifySecondFactor!({kind: 'totp', code: notTheCode(secret)}), 'invalid_code');
        await expectAuthError(adapter.verifySecondFactor!({kind: 'totp', code: appCode(secret)}), 'too_many_attempts');
        // The half-done sign-in is gone: start again with the password.
        await expectAuthError(adapter.verifySecondFactor!({kind: 'totp', code: appCode(secret)}), 'code_expired');
        expect(await adapter.getSession()).to.equal(null);
        await expectAuthError(adapter.signInWithPassword({email, password}), 'two_factor_required');
        expect((await adapter.verifySecondFactor!({kind: 'totp', code: appCode(secret)})).user.email).to.equal(email);
      });

      it('an expired sign-in asks for the password again (code_expired)', async () => {
        const {email, secret} = await withTwoFactor();
        await upToSecondStep(email);
        await ctx.expireSecondFactor(adapter);
        await expectAuthError(adapter.verifySecondFactor!({kind: 'totp', code: appCode(secret)}), 'code_expired');
        expect(await adapter.getSession()).to.equal(null);
      });

      it('without a sign-in waiting, a second step is code_expired', async () => {
        await expectAuthError(adapter.verifySecondFactor!({kind: 'totp', code: '123456'}), 'code_expired');
      });

      it('confirming without a setup begun is invalid_code', async () => {
        await signedIn();
        await expectAuthError(adapter.confirmTotpSetup!('123456'), 'invalid_code');
      });

      it('a trusted device skips the second step next time', async () => {
        const {email, secret} = await withTwoFactor();
        await upToSecondStep(email);
        await adapter.verifySecondFactor!({kind: 'totp', code: appCode(secret), trustDevice: true});
        await adapter.signOut();
        expect((await adapter.signInWithPassword({email, password})).user.email).to.equal(email);
      });
    });

    describe('passkeys', () => {
      let authenticatorId: string;
      beforeEach(async () => {
        authenticatorId = (await webauthn({action: 'add'})) as string;
      });
      afterEach(async () => {
        await webauthn({action: 'remove', authenticatorId});
      });

      it('says it supports them', () => {
        expect(adapter.capabilities.passkeys).to.equal(true);
      });

      it('adds a passkey with the browser, lists, renames and removes it', async () => {
        await signedIn();
        expect(await adapter.listPasskeys!()).to.deep.equal([]);
        const before = Date.now();
        const added = await adapter.addPasskey!('Work laptop');
        expect(added.id).to.be.a('string').and.not.empty;
        expect(added.name).to.equal('Work laptop');
        expect(added.createdAt.getTime()).to.be.within(before - 5000, Date.now() + 5000);
        expect(added.lastUsedAt).to.equal(null);
        expect(added.synced).to.be.a('boolean');
        const held = (await webauthn({action: 'credentials', authenticatorId})) as Array<{rpId: string}>;
        expect(held.map((c) => c.rpId), 'the authenticator holds it for this site').to.deep.equal([location.hostname]);

        // One authenticator holds one passkey per account (the API excludes the ones it knows): forget it here.
        await webauthn({action: 'clear', authenticatorId});
        const second = await adapter.addPasskey!();
        expect(second.name).to.equal(null);
        expect((await adapter.listPasskeys!()).map((p) => p.id), 'newest first').to.deep.equal([second.id, added.id]);

        const renamed = await adapter.renamePasskey!(added.id, 'Phone <b>');
        expect(renamed.name).to.equal('Phone <b>');
        expect((await adapter.listPasskeys!()).find((p) => p.id === added.id)?.name).to.equal('Phone <b>');

        await adapter.removePasskey!(added.id);
        expect((await adapter.listPasskeys!()).map((p) => p.id)).to.deep.equal([second.id]);
      });

      it('signs in with a passkey (skipping two-step verification), and records when', async () => {
        const {email} = await withTwoFactor();
        const added = await adapter.addPasskey!('Laptop');
        await adapter.signOut();
        const info = await adapter.signInWithPasskey!();
        expect(info.user.email).to.equal(email);
        expect((await adapter.getSession())?.session.id).to.equal(info.session.id);
        const [listed] = await adapter.listPasskeys!();
        expect(listed.id).to.equal(added.id);
        expect(listed.lastUsedAt, 'lastUsedAt is set on sign-in').to.be.instanceOf(Date);
      });

      it('a second passkey on an authenticator that holds one: the browser says so, the call is cancelled', async () => {
        await signedIn();
        const added = await adapter.addPasskey!();
        await expectAuthError(adapter.addPasskey!(), 'cancelled');
        expect((await adapter.listPasskeys!()).map((p) => p.id)).to.deep.equal([added.id]);
      });

      it('a passkey removed from the account no longer signs in: passkey_not_found', async () => {
        await signedIn();
        const added = await adapter.addPasskey!();
        await adapter.removePasskey!(added.id);
        await adapter.signOut();
        // The authenticator still holds it; the API does not know it any more.
        await expectAuthError(adapter.signInWithPasskey!(), 'passkey_not_found');
        expect(await adapter.getSession()).to.equal(null);
      });

      it('a prompt that finds no passkey (or is closed) is cancelled', async () => {
        await webauthn({action: 'clear', authenticatorId});
        await expectAuthError(adapter.signInWithPasskey!(), 'cancelled');
      });

      it('an aborted signal rejects with its reason', async () => {
        const controller = new AbortController();
        const reason = new DOMException('The sign-in card went away', 'AbortError');
        controller.abort(reason);
        let caught: unknown;
        await adapter.signInWithPasskey!({signal: controller.signal}).catch((error) => (caught = error));
        expect(caught).to.equal(reason);

        // Aborted while the prompt waits for the person (an authenticator nobody touches).
        await webauthn({action: 'set-presence', authenticatorId, value: false});
        try {
          const waiting = new AbortController();
          const pending = adapter.signInWithPasskey!({signal: waiting.signal}).catch((error) => error);
          await new Promise((resolve) => setTimeout(resolve, 300));
          waiting.abort(reason);
          expect(await pending).to.equal(reason);
        } finally {
          await webauthn({action: 'set-presence', authenticatorId, value: true});
        }
      });

      it('signs in from the autofill list (conditional mediation)', async () => {
        const email = await signedIn();
        await adapter.addPasskey!();
        await adapter.signOut();
        const input = Object.assign(document.createElement('input'), {autocomplete: 'username webauthn'});
        document.body.append(input);
        try {
          expect((await adapter.signInWithPasskey!({autofill: true})).user.email).to.equal(email);
        } finally {
          input.remove();
        }
      });

      it('adding a passkey needs a fresh session', async () => {
        await signedIn();
        await ctx.ageSession(adapter);
        await expectAuthError(adapter.addPasskey!(), 'session_not_fresh');
        expect(await adapter.listPasskeys!()).to.deep.equal([]);
      });
    });
  });
}
