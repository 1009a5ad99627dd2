import {expect} from '@open-wc/testing';
import {AuthError} from '../../client/errors.js';
import {deepActiveElement} from '../../internal/focus.js';
import {MemoryAdapter} from '../../client/adapters/memory.js';
import type {DeviceSession, ListOptions} from '../../client/types.js';
import {ADA, clientFor, html, memoryAdapter, mount, settle, waitUntil} from '../../../test/helpers.js';
import {
  accessible,
  adaWithDevices,
  announced,
  button,
  CHROME_MAC,
  deviceRows,
  hasButton,
  navItem,
  securityPage,
  sectionText,
  statusText,
} from '../../../test/security-profile.js';
import type {AuthUserProfile} from './user-profile.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const focusedDeep = deepActiveElement;

/** listSessions answers only when the test says; every call's signal is kept. */
class HeldSessions extends MemoryAdapter {
  readonly signals: AbortSignal[] = [];
  release: () => void = () => {};
  override listSessions(options?: ListOptions): Promise<DeviceSession[]> {
    if (options?.signal) this.signals.push(options.signal);
    return new Promise((resolve, reject) => {
      this.release = () => void super.listSessions(options).then(resolve, reject);
      options?.signal?.addEventListener('abort', () => reject(options.signal!.reason));
    });
  }
}

async function mountOnSecurity(adapter: MemoryAdapter): Promise<AuthUserProfile> {
  await adapter.signInWithPassword({email: ADA.email, password: ADA.password});
  const el = await mount<AuthUserProfile>(clientFor(adapter), html`<auth-user-profile></auth-user-profile>`, 'auth-user-profile');
  await settle(el);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="navigation-item"]'), 'no navigation');
  navItem(el, 'Security').click();
  await settle(el);
  return el;
}

describe('<auth-user-profile> Security page: active devices', () => {
  it('lists every device, this one first with its badge, then the most recently active, with IP, place and last activity', async () => {
    const {el} = await securityPage(adaWithDevices());
    const rows = deviceRows(el);
    expect(rows).to.have.length(3);
    expect(rows[0]).to.contain('Chrome on macOS').and.contain('This device').and.contain('Active now');
    expect(rows[1]).to.contain('Safari on iOS').and.contain('198.51.100.23').and.contain('Last active 2 hours ago');
    expect(rows[2]).to.contain('Firefox on Windows').and.contain('Lisbon, Portugal · 203.0.113.7').and.contain('Last active yesterday');
    expect(rows.filter((row) => row.includes('This device'))).to.have.length(1);
    const time = el.shadowRoot!.querySelectorAll('.row-list-item')[1].querySelector('time')!;
    expect(new Date(time.dateTime).getTime()).to.be.closeTo(Date.now() - 2 * 3600_000, 60_000);
    expect(time.title).to.match(/\d/);
    // One "Sign out of device" per other device, each described by its row's title.
    const signOuts = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.row-list-item button')];
    const describedBy = signOuts.map((node) => el.shadowRoot!.getElementById(node.getAttribute('aria-describedby')!)!.textContent!.trim());
    expect(describedBy).to.deep.equal(['Safari on iOS', 'Firefox on Windows']);
    expect(signOuts.map((node) => node.textContent!.trim())).to.deep.equal(['Sign out of device', 'Sign out of device']);
    expect(el.shadowRoot!.querySelectorAll('.row-list-item')[0].querySelector('button')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('.row-list-item svg')).to.have.length(3);
    await accessible(el);
  });

  it('signs one other device out from here, says so, lists the rest and puts focus on the list', async () => {
    const {el, adapter} = await securityPage(adaWithDevices());
    const phone = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.row-list-item button')[0];
    phone.focus();
    phone.click();
    await waitUntil(() => deviceRows(el).length === 2, 'the phone is still listed');
    await settle(el);
    expect(deviceRows(el).join()).not.to.contain('Safari on iOS');
    expect(statusText(el)).to.equal('Safari on iOS has been signed out.');
    await waitUntil(() => announced() === 'Safari on iOS has been signed out.', 'not announced');
    await waitUntil(() => focusedDeep()?.id === 'devices-list', 'focus did not go to the list');
    expect((await adapter.listSessions()).map((session) => session.browser).sort()).to.deep.equal(['Chrome', 'Firefox']);
    await accessible(el);
  });

  it('signs every other device out at once', async () => {
    const {el} = await securityPage(adaWithDevices());
    button(el, 'Sign out of all other devices').click();
    await waitUntil(() => deviceRows(el).length === 1, 'other devices are still listed');
    await settle(el);
    expect(statusText(el)).to.equal('Your other devices have been signed out.');
    expect(hasButton(el, 'Sign out of all other devices')).to.equal(false);
    expect(sectionText(el, 'devices')).to.contain("You aren't signed in on any other device.");
    await accessible(el);
  });

  it('says when this is the only device, with no sign-out buttons', async () => {
    const {el} = await securityPage();
    expect(deviceRows(el)).to.have.length(1);
    expect(deviceRows(el)[0]).to.contain('Chrome on macOS').and.contain('This device');
    expect(sectionText(el, 'devices')).to.contain("You aren't signed in on any other device.");
    expect(hasButton(el, 'Sign out of all other devices')).to.equal(false);
    expect(hasButton(el, 'Sign out of device')).to.equal(false);
    await accessible(el);
  });

  it('says why the list did not load, and "Try again" loads it', async () => {
    let failures = 1;
    class Flaky extends MemoryAdapter {
      override listSessions(options?: ListOptions) {
        if (failures-- > 0) return Promise.reject(new AuthError('network'));
        return super.listSessions(options);
      }
    }
    const {el} = await securityPage(new Flaky({users: [ADA], userAgent: CHROME_MAC}));
    expect(sectionText(el, 'devices')).to.contain("We can't reach the server. Check your connection and try again.");
    expect(deviceRows(el)).to.deep.equal([]);
    await accessible(el);
    button(el, 'Try again').click();
    await waitUntil(() => deviceRows(el).length === 1, 'the list never loaded');
    expect(sectionText(el, 'devices')).not.to.contain("We can't reach the server");
    await accessible(el);
  });

  it('shows a busy indicator only once loading takes a while', async () => {
    const adapter = new HeldSessions({users: [ADA], userAgent: CHROME_MAC});
    const el = await mountOnSecurity(adapter);
    const indicator = () => el.shadowRoot!.querySelector('section[aria-labelledby="section-devices"] .ae-busy');
    expect(indicator()).to.equal(null);
    await waitUntil(() => indicator(), 'no busy indicator', {timeout: 2000});
    expect(indicator()!.getAttribute('role')).to.equal('status');
    expect(indicator()!.textContent!.trim()).to.equal('Loading your devices…');
    await accessible(el);
    adapter.release();
    await waitUntil(() => deviceRows(el).length === 1, 'the list never loaded');
    expect(indicator()).to.equal(null);
  });

  it('aborts the load when the element leaves the document, not when it is only moved, and loads again when back', async () => {
    const adapter = new HeldSessions({users: [ADA], userAgent: CHROME_MAC});
    const el = await mountOnSecurity(adapter);
    const provider = el.parentElement!;
    await waitUntil(() => adapter.signals.length === 1, 'no load started');
    const [first] = adapter.signals;
    provider.append(el); // a move: disconnected and connected in one task
    await new Promise((resolve) => setTimeout(resolve));
    expect(first.aborted).to.equal(false);
    el.remove();
    await new Promise((resolve) => setTimeout(resolve));
    expect(first.aborted).to.equal(true);
    provider.append(el);
    await waitUntil(() => adapter.signals.length === 2, 'no new load after coming back');
    adapter.release();
    await waitUntil(() => deviceRows(el).length === 1, 'the list never loaded');
  });

  it('aborts the load when the page is left', async () => {
    const adapter = new HeldSessions({users: [ADA], userAgent: CHROME_MAC});
    const el = await mountOnSecurity(adapter);
    await waitUntil(() => adapter.signals.length === 1, 'no load started');
    navItem(el, 'Account').click();
    await settle(el);
    expect(adapter.signals[0].aborted).to.equal(true);
  });

  it('shows a hostile user agent and place as text', async () => {
    const adapter = memoryAdapter({
      userAgent: CHROME_MAC,
      users: [{...ADA, otherDevices: [{userAgent: `${HOSTILE} Firefox/125.0 (Windows NT 10.0)`, location: HOSTILE, ipAddress: HOSTILE}]}],
    });
    const {el} = await securityPage(adapter);
    expect(deviceRows(el)[1]).to.contain(`${HOSTILE} · ${HOSTILE}`).and.contain('Firefox on Windows');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    await accessible(el);
    el.closest('auth-provider')!.remove();
    const unknown = memoryAdapter({userAgent: CHROME_MAC, users: [{...ADA, otherDevices: [{userAgent: HOSTILE}]}]});
    const other = await securityPage(unknown);
    expect(deviceRows(other.el)[1]).to.contain('Unknown device');
    expect(other.el.shadowRoot!.querySelector('img')).to.equal(null);
    await accessible(other.el);
  });
});
