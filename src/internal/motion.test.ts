import {expect} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import type {AuthSignIn} from '../elements/sign-in/sign-in.js';
import {MemoryAdapter} from '../client/adapters/memory.js';
import {ADA, clientFor, html, input, mount, type, waitUntil} from '../../test/helpers.js';

/** An API that takes its time to check a password (the spinner shows meanwhile). */
class SlowSignIn extends MemoryAdapter {
  override async signInWithPassword(...args: Parameters<MemoryAdapter['signInWithPassword']>) {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return super.signInWithPassword(...args);
  }
}

/** Sign-in with its submit button busy (spinner showing) for as long as the test looks. */
async function busySignIn(appearance?: unknown): Promise<HTMLElement> {
  const el = await mount<AuthSignIn>(clientFor(new SlowSignIn({users: [ADA]})), html`<auth-sign-in .appearance=${appearance}></auth-sign-in>`, 'auth-sign-in');
  type(input(el, 'email'), ADA.email);
  el.querySelector('form')!.requestSubmit();
  await waitUntil(() => el.querySelector('input[name="password"]:not([hidden])'), 'no password step', {timeout: 8000});
  type(input(el, 'password'), ADA.password);
  el.querySelector('form')!.requestSubmit();
  return waitUntil(() => el.querySelector<HTMLElement>('.ae-spinner'), 'no spinner while busy').then(() => el.querySelector<HTMLElement>('.ae-spinner')!);
}

const running = (node: Element) => node.getAnimations().filter((animation) => animation.playState === 'running');

describe('the busy spinner', () => {
  afterEach(async () => {
    await emulateMedia({reducedMotion: 'no-preference'});
  });

  it('spins by default', async () => {
    const spinner = await busySignIn();
    expect(getComputedStyle(spinner).animationName).to.equal('ae-spin');
    expect(running(spinner).length).to.equal(1);
  });

  it('stands still under prefers-reduced-motion: reduce', async () => {
    await emulateMedia({reducedMotion: 'reduce'});
    const spinner = await busySignIn();
    expect(getComputedStyle(spinner).animationName).to.equal('none');
    expect(running(spinner)).to.deep.equal([]);
  });

  it('stands still with animations: false', async () => {
    const spinner = await busySignIn({options: {animations: false}});
    expect(spinner.closest('auth-sign-in')!.matches(':state(no-animations)')).to.equal(true);
    expect(getComputedStyle(spinner).animationName).to.equal('none');
    expect(running(spinner)).to.deep.equal([]);
  });
});
