// The strength controller on its own: zxcvbn loads only once a new password is typed, scores
// with the person's own details, drops results for text no longer typed, and a failed load is
// tried again on the next input while refusing nothing.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {ReactiveElement} from 'lit';
import {PasswordStrength, setScorerLoaderForTests, type PasswordScorer} from './password-strength.js';

class StrengthHost extends ReactiveElement {
  inputs: string[] = [];
  readonly strength = new PasswordStrength(this, () => this.inputs);
}
customElements.define('test-strength-host', StrengthHost);

const t = (key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key);
const zxcvbnFetched = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('@zxcvbn-ts'));

describe('PasswordStrength', () => {
  afterEach(() => setScorerLoaderForTests(null));

  it('fetches zxcvbn only once a new password is typed, then scores it', async () => {
    const host = await fixture<StrengthHost>(html`<test-strength-host></test-strength-host>`);
    await host.updateComplete;
    expect(zxcvbnFetched()).to.equal(false);
    expect(host.strength.result).to.equal(null);

    host.strength.input('password1');
    await waitUntil(() => host.strength.result, 'no score');
    expect(zxcvbnFetched()).to.equal(true);
    expect(host.strength.result).to.deep.equal({score: 0, warning: 'common', suggestions: ['anotherWord']});

    host.strength.input('mauve otter quartz lantern');
    await waitUntil(() => host.strength.result?.score === 4, 'a passphrase is not strong');
    host.strength.input('');
    expect(host.strength.result).to.equal(null);
  });

  it('scores a password built from the email and name low ("alice@example.com" → "alice2024")', async () => {
    const host = await fixture<StrengthHost>(html`<test-strength-host></test-strength-host>`);
    host.strength.input('alice2024');
    await waitUntil(() => host.strength.result, 'no score');
    const without = host.strength.result!;
    host.inputs = ['alice@example.com', 'Alice Liddell'];
    host.strength.input('alice2024!');
    await waitUntil(() => host.strength.result?.warning === 'userInputs', 'the email is not recognised');
    expect(host.strength.result!.score).to.be.below(3);
    expect(without.warning).to.not.equal('userInputs');
  });

  it('keeps only the score of what is typed now', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const checked: string[] = [];
    setScorerLoaderForTests(async () => {
      await gate;
      return {check: (password: string) => (checked.push(password), {score: password.length > 10 ? 4 : 1, feedback: {warning: null, suggestions: []}})} satisfies PasswordScorer;
    });
    const host = await fixture<StrengthHost>(html`<test-strength-host></test-strength-host>`);
    host.strength.input('short');
    await new Promise((resolve) => setTimeout(resolve, 200));
    host.strength.input('a much longer one');
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await waitUntil(() => host.strength.result, 'no score');
    expect(host.strength.result!.score).to.equal(4);
    expect(checked).to.deep.equal(['a much longer one']);
  });

  it('refuses nothing when zxcvbn cannot load, and loads it on the next input once it can', async () => {
    let attempts = 0;
    setScorerLoaderForTests(() => (attempts++, Promise.reject(new Error('offline'))));
    const host = await fixture<StrengthHost>(html`<test-strength-host></test-strength-host>`);
    host.strength.input('password1');
    await waitUntil(() => attempts === 1, 'no load attempted');
    expect(await host.strength.refusal('password1', t)).to.equal(null);
    expect(host.strength.result).to.equal(null);

    setScorerLoaderForTests(async () => ({check: () => ({score: 0, feedback: {warning: 'common', suggestions: []}})}));
    host.strength.input('password12');
    await waitUntil(() => host.strength.result, 'the next input did not load the library');
    expect(host.strength.refusal('password12', t)).to.equal('password.strength.refused {"reason":"password.strength.warning.common"}');
  });
});
