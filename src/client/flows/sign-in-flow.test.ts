import {expect} from '@open-wc/testing';
import {Secret, TOTP} from 'otpauth';
import {MemoryAdapter} from '../adapters/memory.js';
import {AuthError} from '../errors.js';
import type {PasskeySignInOptions, SessionInfo} from '../types.js';
import type {FlowContext} from './flow-context.js';
import {SignInFlow} from './sign-in-flow.js';

const TESS = {name: 'Tess Twostep', email: 'tess@example.com', password: 'second-step1', twoFactor: {secret: 'JBSWY3DPEHPK3PXP', backupCodes: ['aaaaa-11111']}};
const appCode = () => TOTP.generate({secret: Secret.fromBase32(TESS.twoFactor.secret)});

/** A flow on the memory adapter, recording the sessions it opens. */
function flowOn(adapter = new MemoryAdapter({users: [TESS]})) {
  const opened: SessionInfo[] = [];
  const context: FlowContext = {adapter, openSession: (info) => opened.push(info), navigate: () => {}};
  return {flow: new SignInFlow(context), adapter, opened};
}

/** Email and password of Tess: the flow waits for the second step. */
async function atSecondStep() {
  const setup = flowOn();
  await setup.flow.submitEmail(TESS.email);
  expect(await setup.flow.submitPassword(TESS.password)).to.equal(true);
  expect(setup.flow.state.step).to.equal('two-factor');
  return setup;
}

/** An autofill request that only ends when aborted; the signals it was given. */
function pendingAutofill(adapter: MemoryAdapter) {
  const signals: AbortSignal[] = [];
  adapter.signInWithPasskey = (options?: PasskeySignInOptions) => {
    if (!options?.autofill) return Promise.reject(new AuthError('cancelled', 'closed'));
    signals.push(options.signal!);
    return new Promise((_resolve, reject) => options.signal!.addEventListener('abort', () => reject(options.signal!.reason)));
  };
  return signals;
}

describe('SignInFlow: the second step', () => {
  it('a right password of an account with two-step asks for the code; the app\'s code signs in', async () => {
    const {flow, opened} = await atSecondStep();
    expect(flow.state.error).to.equal(null);
    expect(await flow.submitSecondFactor('totp', appCode())).to.equal(true);
    expect(flow.state.step).to.equal('complete');
    expect(opened.map((info) => info.user.email)).to.deep.equal([TESS.email]);
  });

  it('refuses a code that is no six digits without asking the API', async () => {
    const {flow, adapter} = await atSecondStep();
    let asked = 0;
    adapter.verifySecondFactor = () => (asked++, Promise.reject(new Error('asked')));
    expect(await flow.submitSecondFactor('totp', '12345')).to.equal(false);
    expect(await flow.submitSecondFactor('backup-code', '  ')).to.equal(false);
    expect(flow.state.error?.code).to.equal('invalid_code');
    expect(asked).to.equal(0);
  });

  it('switches between the app\'s code and a backup code, and goes back to the password from either', async () => {
    const {flow} = await atSecondStep();
    flow.useSecondFactor('backup-code');
    expect(flow.state.step).to.equal('backup-code');
    flow.useSecondFactor('totp');
    expect(flow.state.step).to.equal('two-factor');
    flow.back();
    expect(flow.state.step).to.equal('password');
    // Not a second step any more: nothing to switch.
    flow.useSecondFactor('backup-code');
    expect(flow.state.step).to.equal('password');
  });

  it('an expired sign-in and too many codes go back to the password, with their error', async () => {
    for (const code of ['code_expired', 'too_many_attempts'] as const) {
      const {flow, adapter} = await atSecondStep();
      adapter.verifySecondFactor = () => Promise.reject(new AuthError(code, code));
      expect(await flow.submitSecondFactor('totp', '123456')).to.equal(false);
      expect(flow.state.step, code).to.equal('password');
      expect(flow.state.error?.code).to.equal(code);
    }
  });

  it('other refusals keep the step', async () => {
    const {flow, adapter} = await atSecondStep();
    flow.useSecondFactor('backup-code');
    adapter.verifySecondFactor = () => Promise.reject(new AuthError('code_used', 'code_used'));
    expect(await flow.submitSecondFactor('backup-code', 'aaaaa-11111')).to.equal(false);
    expect(flow.state.step).to.equal('backup-code');
    expect(flow.state.error?.code).to.equal('code_used');
  });

  it('an adapter without a second step says it is unsupported', async () => {
    const {flow, adapter} = await atSecondStep();
    (adapter as {verifySecondFactor?: unknown}).verifySecondFactor = undefined;
    expect(await flow.submitSecondFactor('totp', '123456')).to.equal(false);
    expect(flow.state.error?.code).to.equal('unsupported');
  });
});

describe('SignInFlow: passkeys', () => {
  it('a closed prompt is no error, a passkey the API does not know is', async () => {
    const {flow, adapter} = flowOn();
    adapter.signInWithPasskey = () => Promise.reject(new AuthError('cancelled', 'closed'));
    await flow.signInWithPasskey();
    expect(flow.state.error).to.equal(null);
    expect(flow.state.step).to.equal('identifier');
    adapter.signInWithPasskey = () => Promise.reject(new AuthError('passkey_not_found', 'unknown passkey'));
    expect(await flow.signInWithPasskey()).to.equal(false);
    expect(flow.state.error?.code).to.equal('passkey_not_found');
  });

  it('runs one autofill request on the first step, aborted when the step changes', async () => {
    const {flow, adapter} = flowOn();
    const signals = pendingAutofill(adapter);
    flow.startPasskeyAutofill();
    flow.startPasskeyAutofill(); // every render asks: still one request
    expect(signals).to.have.length(1);
    await flow.submitEmail(TESS.email);
    expect(signals[0].aborted).to.equal(true);
    // Not on the first step: no request.
    flow.startPasskeyAutofill();
    expect(signals).to.have.length(1);
    await Promise.resolve();
    expect(flow.state.error).to.equal(null);
    // Back on the first step, a new one.
    flow.back();
    flow.startPasskeyAutofill();
    expect(signals).to.have.length(2);
    expect(signals[1].aborted).to.equal(false);
  });

  it('the passkey button takes over from the autofill request', async () => {
    const {flow, adapter} = flowOn();
    const signals = pendingAutofill(adapter);
    flow.startPasskeyAutofill();
    const prompt = flow.signInWithPasskey();
    expect(signals[0].aborted).to.equal(true);
    await prompt;
    expect(flow.state.error).to.equal(null);
    flow.startPasskeyAutofill();
    expect(signals).to.have.length(2);
  });

  it('a passkey picked from the autofill signs in; a refusal after the pick shows; unsupported autofill does not', async () => {
    const picked = flowOn();
    // A session as the adapter gives one (from an account without two-step).
    const session = await new MemoryAdapter({users: [{...TESS, twoFactor: undefined}]}).signInWithPassword(TESS);
    picked.adapter.signInWithPasskey = () => Promise.resolve(session);
    picked.flow.startPasskeyAutofill();
    await new Promise((resolve) => setTimeout(resolve));
    expect(picked.flow.state.step).to.equal('complete');
    expect(picked.opened).to.have.length(1);

    const refused = flowOn();
    refused.adapter.signInWithPasskey = () => Promise.reject(new AuthError('passkey_not_found', 'unknown passkey'));
    refused.flow.startPasskeyAutofill();
    await new Promise((resolve) => setTimeout(resolve));
    expect(refused.flow.state.error?.code).to.equal('passkey_not_found');
    // It does not start again by itself (an answer that comes at once would loop).
    let again = 0;
    refused.adapter.signInWithPasskey = () => (again++, new Promise(() => {}));
    refused.flow.startPasskeyAutofill();
    expect(again).to.equal(0);

    const unsupported = flowOn();
    unsupported.adapter.signInWithPasskey = () => Promise.reject(new AuthError('unsupported', 'no conditional mediation'));
    unsupported.flow.startPasskeyAutofill();
    await new Promise((resolve) => setTimeout(resolve));
    expect(unsupported.flow.state.error).to.equal(null);
  });

  it('offers passkeys only where the API has them', () => {
    expect(flowOn(new MemoryAdapter({capabilities: {passkeys: false}})).flow.passkeys).to.equal(false);
    expect(flowOn().flow.passkeys).to.equal(typeof PublicKeyCredential === 'function');
  });
});

describe('SignInFlow: other methods', () => {
  const ADA = {name: 'Ada', email: 'ada@example.com', password: 'analytical1'};
  beforeEach(() => localStorage.removeItem('auth-elements:last-sign-in-method'));

  it('lists what the API has; from the password step, not the password', async () => {
    const {flow} = flowOn(new MemoryAdapter({users: [ADA], capabilities: {socialProviders: ['github'], passkeys: false}}));
    expect(flow.showMethods(ADA.email)).to.equal(true);
    expect(flow.methods).to.deep.equal(['password', 'email-code', 'email-link', 'social:github']);
    flow.back();
    expect(flow.state.step).to.equal('identifier');
    await flow.submitEmail(ADA.email);
    flow.showMethods();
    expect(flow.methods).to.deep.equal(['email-code', 'email-link', 'social:github']);
    flow.back();
    expect(flow.state.step).to.equal('password');
  });

  it('a code sent from the list goes back to the list; one sent from Continue, to the email', async () => {
    const {flow} = flowOn(new MemoryAdapter({users: [ADA], capabilities: {emailPassword: false}}));
    await flow.submitEmail(ADA.email);
    expect(flow.state.step).to.equal('email-code');
    flow.back();
    expect(flow.state.step).to.equal('identifier');
    flow.showMethods(ADA.email);
    await flow.sendCode();
    flow.back();
    expect(flow.state.step).to.equal('methods');
  });

  it('remembers the method that signed in, and offers it as last used while the API has it', async () => {
    const adapter = new MemoryAdapter({users: [ADA]});
    const {flow, opened} = flowOn(adapter);
    flow.showMethods(ADA.email);
    await flow.sendCode();
    expect(await flow.submitSignInCode(adapter.latestCode(ADA.email)!)).to.equal(true);
    expect(opened).to.have.length(1);
    expect(flowOn(adapter).flow.lastUsed).to.equal('email-code');
    expect(flowOn(new MemoryAdapter({users: [ADA], capabilities: {emailCode: false}})).flow.lastUsed).to.equal(null);
  });

  it('a provider\'s refusal is provider_denied for a denied consent, provider_failed otherwise', () => {
    const {flow} = flowOn();
    flow.openLanding({kind: 'provider', provider: 'github', error: 'access_denied'});
    expect(flow.state.error?.code).to.equal('provider_denied');
    flow.openLanding({kind: 'provider', provider: 'github', error: 'invalid_code'});
    expect(flow.state.error?.code).to.equal('provider_failed');
  });

  it('an API with neither passwords nor emailed codes or links says so on Continue', async () => {
    const {flow} = flowOn(new MemoryAdapter({users: [ADA], capabilities: {emailPassword: false, emailCode: false, magicLink: false}}));
    expect(await flow.submitEmail(ADA.email)).to.equal(false);
    expect(flow.state.error?.code).to.equal('unsupported');
  });
});

describe('SignInFlow: enterprise sign-in by domain', () => {
  const ADA = {name: 'Ada', email: 'ada@example.com', password: 'analytical1'};
  const enterprise = () => new MemoryAdapter({users: [ADA], capabilities: {enterpriseSSO: true}, enterpriseDomains: ['enterprise.test']});

  it('an address of an enterprise domain signs in there from Continue', async () => {
    const {flow, opened} = flowOn(enterprise());
    expect(await flow.submitEmail('Grace@Enterprise.test', 'https://app.example.test/')).to.equal(true);
    expect(flow.state.step).to.equal('complete');
    expect(opened[0].user.email).to.equal('grace@enterprise.test');
  });

  it('another domain goes on to the password', async () => {
    const {flow, opened} = flowOn(enterprise());
    expect(await flow.submitEmail(ADA.email)).to.equal(true);
    expect(flow.state.step).to.equal('password');
    expect(opened).to.have.length(0);
  });

  it('a failed lookup says why and stays on the first step, with the email', async () => {
    const adapter = enterprise();
    adapter.startEnterpriseSignIn = () => Promise.reject(new AuthError('network'));
    const {flow} = flowOn(adapter);
    expect(await flow.submitEmail(ADA.email)).to.equal(false);
    expect(flow.state).to.deep.include({step: 'identifier', email: ADA.email});
    expect(flow.state.error?.code).to.equal('network');
  });
});
