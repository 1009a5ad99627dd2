import {expect} from '@open-wc/testing';
import {ShownProblems} from './shown-problems.js';

describe('ShownProblems', () => {
  /** A host that counts the updates it was asked for. */
  const host = () => {
    const counted = {updates: 0, addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true)};
    counted.requestUpdate = () => void counted.updates++;
    return counted;
  };
  const blur = (value: string, defaultValue: string) => {
    const input = document.createElement('input');
    input.defaultValue = defaultValue;
    input.value = value;
    const event = new FocusEvent('blur');
    Object.defineProperty(event, 'target', {value: input});
    return event;
  };

  it('shows a field only once it was left changed, and every field after a submit', () => {
    const h = host();
    const problems = new ShownProblems<'name' | 'slug'>(h);
    problems.onBlur('name')(blur('', ''));
    expect(problems.has('name'), 'left unchanged').to.equal(false);
    problems.onBlur('name')(blur('Acme', ''));
    expect(problems.has('name')).to.equal(true);
    expect(problems.has('slug')).to.equal(false);
    problems.show('name', 'slug');
    expect([problems.has('slug'), problems.size]).to.deep.equal([true, 2]);
    expect(h.updates, 'one update per change, none when nothing changed').to.equal(2);
  });

  it('clear() starts over, asking for an update only when something was shown', () => {
    const h = host();
    const problems = new ShownProblems<'email'>(h);
    problems.clear();
    expect(h.updates).to.equal(0);
    problems.show('email');
    problems.clear();
    expect([problems.has('email'), h.updates]).to.deep.equal([false, 2]);
  });
});
