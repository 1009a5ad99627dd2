/**
 * The shared contract suite: every IdentityAdapter must pass it. Runs in the browser under
 * web-test-runner (mocha globals, open-wc's expect).
 */
import {expect} from '@open-wc/testing';
import {AuthError, type AuthErrorCode} from '../errors.js';
import type {SessionInfo} from '../types.js';
import type {IdentityAdapter} from './adapter.js';

export interface ContractSetup {
  /** A fresh adapter, signed out. */
  adapter: IdentityAdapter;
  /** The newest code the API emailed to this address (verification or reset), or null. */
  readLatestCode(email: string): Promise<string | null>;
  /** An email address no test has used. */
  uniqueEmail(): string;
}

/** Awaits a promise that must reject with an AuthError of this code. */
export async function expectAuthError(promise: Promise<unknown>, code: AuthErrorCode): Promise<AuthError> {
  let result: unknown;
  try {
    result = await promise;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(AuthError);
    expect((error as AuthError).code, (error as AuthError).message).to.equal(code);
    return error as AuthError;
  }
  throw new Error(`expected AuthError(${code}), resolved with ${JSON.stringify(result)}`);
}

/** Leaves no account signed in on `adapter` (cookie-mode adapters share the browser's cookies). */
export async function signOutEverywhere(adapter: IdentityAdapter): Promise<void> {
  await (adapter.signOutAllAccounts?.() ?? adapter.signOut()).catch(() => {});
}

/**
 * A contract part's per-test hooks: before each test a fresh setup, its adapter's capabilities
 * loaded (what the client asks before anything renders), handed to `use`; with `signOutAfter`,
 * no account is left signed in on it after each test (signOutEverywhere).
 */
export function eachContractTest<S extends ContractSetup>(
  setup: () => Promise<S> | S,
  use: (ctx: S) => void,
  {signOutAfter}: {signOutAfter: boolean},
): void {
  let adapter: IdentityAdapter | undefined;
  beforeEach(async () => {
    const ctx = await setup();
    adapter = ctx.adapter;
    use(ctx);
    await adapter.loadCapabilities?.();
  });
  if (signOutAfter) afterEach(() => (adapter ? signOutEverywhere(adapter) : undefined));
}

/**
 * A new person on `adapter`: signed up with an address no test has used and `password`, then
 * verified with the code the API mailed, which signs them in. Answers the email and the session.
 */
export async function signUpVerified(
  ctx: ContractSetup,
  adapter: IdentityAdapter,
  {name, password}: {name: string; password: string},
): Promise<{email: string; info: SessionInfo}> {
  const email = ctx.uniqueEmail();
  await adapter.signUp({name, email, password});
  const code = await ctx.readLatestCode(email);
  expect(code, `a code was sent to ${email}`).to.be.a('string');
  const info = await adapter.verifyEmail(email, code!);
  expect(info, 'signed in on verification').to.not.equal(null);
  return {email, info: info!};
}

/** Where a social provider sends the browser back to. */
const callbackURL = () => new URL('/signed-in', location.href).href;

/** A code that differs from the real one in every digit. */
const wrongCode = (code: string) => code.replace(/\d/g, (d) => String((Number(d) + 1) % 10));

export function runAdapterContract(label: string, setup: () => Promise<ContractSetup> | ContractSetup): void {
  describe(`IdentityAdapter contract: ${label}`, () => {
    let ctx: ContractSetup;
    let adapter: IdentityAdapter;
    const password = 'correct horse 1';

    eachContractTest(setup, (fresh) => { ctx = fresh; adapter = fresh.adapter; }, {signOutAfter: false});

    const latestCode = async (email: string) => {
      const code = await ctx.readLatestCode(email);
      expect(code, `a code was sent to ${email}`).to.be.a('string');
      expect(code).to.have.length(adapter.capabilities.codeLength);
      return code!;
    };

    /** A verified user, signed out. */
    const verifiedUser = async () => {
      const email = ctx.uniqueEmail();
      await adapter.signUp({name: 'Vera Verified', email, password});
      await adapter.verifyEmail(email, await latestCode(email));
      await adapter.signOut();
      return email;
    };

    it('declares its capabilities', () => {
      const {capabilities} = adapter;
      expect(adapter.name).to.be.a('string').and.not.empty;
      expect(capabilities.emailPassword).to.equal(true);
      expect(capabilities.codeLength).to.equal(6);
      expect(capabilities.passwordPolicy).to.deep.equal({minLength: 8, maxLength: 128, requireLetterAndDigit: true});
      expect(capabilities.socialProviders).to.be.an('array');
    });

    it('starts signed out', async () => {
      expect(await adapter.getSession()).to.equal(null);
      expect(await adapter.getToken()).to.equal(null);
    });

    it('signs up, verifies the email with a code and opens a session', async () => {
      const email = ctx.uniqueEmail();
      const result = await adapter.signUp({name: 'Ada Lovelace', email, password});
      expect(result.verificationRequired).to.equal(true);
      expect(result.session).to.equal(null);
      expect(result.user.email).to.equal(email);
      expect(result.user.name).to.equal('Ada Lovelace');
      expect(result.user.emailVerified).to.equal(false);
      expect(result.user.createdAt).to.be.instanceOf(Date);
      const firstCode = await latestCode(email);

      // Signing in before verifying is refused, and a new code is sent.
      await expectAuthError(adapter.signInWithPassword({email, password}), 'email_not_verified');
      const code = await latestCode(email);
      expect(await adapter.getSession()).to.equal(null);

      await expectAuthError(adapter.verifyEmail(email, wrongCode(code)), 'invalid_code');
      if (code !== firstCode) await expectAuthError(adapter.verifyEmail(email, firstCode), 'invalid_code');

      const info = await adapter.verifyEmail(email, code);
      expect(info, 'a session opens on verification').to.not.equal(null);
      expect(info!.user.email).to.equal(email);
      expect(info!.user.emailVerified).to.equal(true);
      expect(info!.session.userId).to.equal(info!.user.id);
      expect(info!.session.expiresAt.getTime()).to.be.greaterThan(Date.now());

      const session = await adapter.getSession();
      expect(session?.user.id).to.equal(info!.user.id);
      expect(session?.user.imageUrl).to.equal(null);
      expect(session?.session.id).to.equal(info!.session.id);

      const token = await adapter.getToken();
      expect(token).to.be.a('string').and.not.empty;

      await adapter.signOut();
      expect(await adapter.getSession()).to.equal(null);
      expect(await adapter.getToken()).to.equal(null);
    });

    it('signs in a verified user with the password', async () => {
      const email = await verifiedUser();
      const info = await adapter.signInWithPassword({email, password});
      expect(info.user.email).to.equal(email);
      expect((await adapter.getSession())?.session.id).to.equal(info.session.id);
      expect(await adapter.getToken()).to.be.a('string').and.not.empty;
      await adapter.signOut();
      expect(await adapter.getSession()).to.equal(null);
    });

    it('refuses a wrong password and an unknown email alike', async () => {
      const email = await verifiedUser();
      const wrong = await expectAuthError(adapter.signInWithPassword({email, password: 'wrong password 1'}), 'invalid_credentials');
      const unknown = await expectAuthError(
        adapter.signInWithPassword({email: ctx.uniqueEmail(), password}),
        'invalid_credentials',
      );
      expect(unknown.status).to.equal(wrong.status);
      expect(await adapter.getSession()).to.equal(null);
    });

    it('refuses a taken email', async () => {
      const email = await verifiedUser();
      await expectAuthError(adapter.signUp({name: 'Again', email, password: 'another one 2'}), 'email_taken');
    });

    it('enforces the password policy on sign-up', async () => {
      const email = ctx.uniqueEmail();
      await expectAuthError(adapter.signUp({name: 'S', email, password: 'ab1'}), 'password_too_short');
      await expectAuthError(adapter.signUp({name: 'S', email, password: `a1${'x'.repeat(127)}`}), 'password_too_long');
      await expectAuthError(adapter.signUp({name: 'S', email, password: 'onlyletters'}), 'password_too_weak');
      await expectAuthError(adapter.signUp({name: 'S', email, password: '1234567890'}), 'password_too_weak');
      await expectAuthError(adapter.signUp({name: 'S', email: 'not-an-email', password}), 'invalid_email');
    });

    it('resends a verification code on request', async () => {
      const email = ctx.uniqueEmail();
      await adapter.signUp({name: 'R', email, password});
      await adapter.sendVerificationCode(email);
      const code = await latestCode(email);
      expect(await adapter.verifyEmail(email, code)).to.not.equal(null);
    });

    it('resets a password with a code', async () => {
      const email = await verifiedUser();
      await adapter.requestPasswordReset(email);
      const code = await latestCode(email);

      await expectAuthError(adapter.checkPasswordResetCode(email, wrongCode(code)), 'invalid_code');
      await adapter.checkPasswordResetCode(email, code);
      // Checking does not use the code up.
      await adapter.checkPasswordResetCode(email, code);

      await expectAuthError(adapter.resetPassword(email, code, 'onlyletters'), 'password_too_weak');
      const newPassword = 'new password 2';
      await adapter.resetPassword(email, code, newPassword);
      // A used code is gone.
      await expectAuthError(adapter.resetPassword(email, code, 'newer password 3'), 'invalid_code');

      await expectAuthError(adapter.signInWithPassword({email, password}), 'invalid_credentials');
      const info = await adapter.signInWithPassword({email, password: newPassword});
      expect(info.user.email).to.equal(email);
      await adapter.signOut();
    });

    it('locks a code after too many wrong tries', async () => {
      const email = await verifiedUser();
      await adapter.requestPasswordReset(email);
      const code = await latestCode(email);
      for (let i = 0; i < 3; i++) {
        await expectAuthError(adapter.checkPasswordResetCode(email, wrongCode(code)), 'invalid_code');
      }
      await expectAuthError(adapter.checkPasswordResetCode(email, code), 'too_many_attempts');
    });

    it('refuses a social provider it does not list', async () => {
      await expectAuthError(adapter.signInWithSocial('no-such-provider', callbackURL()), 'unsupported');
      expect(await adapter.getSession()).to.equal(null);
    });

    it('an address of a domain without an enterprise provider gets none (the sign-in goes on)', async () => {
      if (!adapter.capabilities.enterpriseSSO) return expect(adapter.startEnterpriseSignIn ? await adapter.startEnterpriseSignIn(ctx.uniqueEmail(), callbackURL()) : null).to.equal(null);
      expect(await adapter.startEnterpriseSignIn!(ctx.uniqueEmail(), callbackURL())).to.equal(null);
      expect(await adapter.getSession()).to.equal(null);
    });

    it('signs in with a social provider it lists (a redirect, or a verified session)', async () => {
      const [provider] = adapter.capabilities.socialProviders;
      expect(provider, 'the contract runs with one social provider configured').to.be.a('string');
      const result = await adapter.signInWithSocial(provider, callbackURL());
      if ('redirectUrl' in result) {
        expect(new URL(result.redirectUrl).protocol).to.match(/^https?:$/);
        expect(await adapter.getSession(), 'no session before the provider answers').to.equal(null);
        return;
      }
      const {user, session} = result.session;
      expect(user.emailVerified).to.equal(true);
      expect(user.email).to.be.a('string').and.not.empty;
      expect(session.userId).to.equal(user.id);
      expect((await adapter.getSession())?.session.id).to.equal(session.id);
      await adapter.signOut();
      expect(await adapter.getSession()).to.equal(null);
    });

    it('accepts a reset request for an unknown email without telling', async () => {
      const email = ctx.uniqueEmail();
      await adapter.requestPasswordReset(email);
      expect(await ctx.readLatestCode(email)).to.equal(null);
    });
  });
}
