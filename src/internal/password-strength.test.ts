// The strength controller on its own: zxcvbn loads only once a new password is typed, scores
// with the person's own details, drops results for text no longer typed, and a failed load is
// tried again on the next input while refusing nothing.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {ReactiveElement} from 'lit';
import {PasswordStrength} from './password-strength.js';
import {setScorerLoaderForTests, type PasswordScorer} from './strength-meter.js';

class StrengthHost extends ReactiveElement {
  inputs: string[] = [];
  readonly strength = new PasswordStrength(this, () => this.inputs);
}
customElements.define('test-strength-host', StrengthHost);

const t = (key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key);
const fetched = (name: string) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(name));

/** What a submit decides: `go` or the refusal's text. */
function submitted(host: StrengthHost, password: string): Promise<string> {
  const form = document.createElement('form');
  return new Promise((resolve) => host.strength.submit(password, t, form, () => resolve('go'), () => resolve(host.strength.refused!)));
}

describe('PasswordStrength', () => {
  afterEach(() => setScorerLoaderForTests(null));

  // (This file imports strength-meter.js for its test seam; the page budget, scripts/page-budget.mjs,
  // holds that a sign-in page does not load it.)
  it('fetches zxcvbn only once a new password is typed, then scores it', async () => {
    const host = await fixture<StrengthHost>(html`<test-strength-host></test-strength-host>`);
    await host.updateComplete;
    expect(fetched('@zxcvbn-ts')).to.equal(false);
    expect(host.strength.result).to.equal(null);

    host.strength.input('password1');
    await waitUntil(() => host.strength.result, 'no score');
    expect(fetched('@zxcvbn-ts')).to.equal(true);
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
    expect(await submitted(host, 'password1')).to.equal('go');
    expect(host.strength.result).to.equal(null);
    expect(host.strength.refused).to.equal(null);

    setScorerLoaderForTests(async () => ({check: () => ({score: 0, feedback: {warning: 'common', suggestions: []}})}));
    host.strength.input('password12');
    await waitUntil(() => host.strength.result, 'the next input did not load the library');
    expect(await submitted(host, 'password12')).to.equal('passwordStrength.refused {"reason":"passwordStrength.warning.common"}');
    // Typing again forgets the refusal.
    host.strength.input('password123');
    expect(host.strength.refused).to.equal(null);
  });
});
