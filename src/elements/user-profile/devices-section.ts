import {html, nothing, svg, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {DeviceSession, DeviceType} from '../../client/types.js';
import {announce} from '../../internal/announcer.js';
import {RowAction} from '../../internal/async-action.js';
import {restoreFocusIfLost} from '../../internal/focus.js';
import {Loader} from '../../internal/loader.js';
import {absoluteTime, relativeTime} from '../../internal/relative-time.js';
import {rowList, type RowView} from '../../internal/row-list.js';
import {DelayedFlag} from '../../internal/status-views.js';
import {notLoaded, section, sectionAlert, sectionButton, type ProfileContext} from './profile-page.js';
import type {SecuritySection} from './security-section.js';

const ICONS: Record<DeviceType, TemplateResult> = {
  desktop: svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect x="3" y="4" width="18" height="12" rx="2"/><path d="M8 20h8M12 16v4"/></svg>`,
  mobile: svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect x="7" y="2.5" width="10" height="19" rx="2"/><path d="M11 18.5h2"/></svg>`,
  tablet: svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect x="4" y="3" width="16" height="18" rx="2"/><path d="M11 18h2"/></svg>`,
};

/** "Chrome on macOS", with fallbacks for what the user agent did not say. */
export function deviceName(context: ProfileContext, device: Pick<DeviceSession, 'browser' | 'os'>): string {
  const {t} = context;
  const {browser, os} = device;
  if (browser && os) return t('profile.security.devices.browserOnOs', {browser, os});
  if (browser) return browser;
  if (os) return t('profile.security.devices.osOnly', {os});
  return t('profile.security.devices.unknown');
}

/** This device first, then the most recently active. */
const byRecency = (a: DeviceSession, b: DeviceSession) => Number(b.current) - Number(a.current) || b.lastActiveAt.getTime() - a.lastActiveAt.getTime();

/**
 * Active devices: every session of the account, this device first and the others by when they
 * were last active, each signed out from here; or all the others at once.
 */
export class DevicesSection implements SecuritySection {
  readonly id = 'devices';
  readonly #list: Loader<DeviceSession[]>;
  readonly #busy: DelayedFlag;
  /** Signing out a device (its session id) or all the others (`null`). */
  readonly #signOut: RowAction<string | null>;
  #notice: string | null = null;

  constructor(host: ReactiveControllerHost & Element) {
    this.#list = new Loader(host);
    this.#busy = new DelayedFlag(host);
    this.#signOut = new RowAction(host);
  }

  shown(context: ProfileContext): boolean {
    return typeof context.client.adapter.listSessions === 'function';
  }

  reset(): void {
    this.#list.reset();
    this.#signOut.reset();
    this.#notice = null;
  }

  /** Loads the list again (after a change elsewhere on the page, such as a new password). */
  reload(context: ProfileContext): void {
    if (this.#list.status !== 'idle') void this.#list.run(this.#load(context));
  }

  editor(): typeof nothing {
    return nothing;
  }

  submit(): void {}

  #load(context: ProfileContext) {
    return (signal: AbortSignal) => context.client.account.listSessions({signal});
  }

  render(context: ProfileContext): TemplateResult {
    this.#list.ensure(this.#load(context));
    return section({id: this.id, title: context.t('profile.security.devices.title'), context, content: this.#content(context)});
  }

  #content(context: ProfileContext): TemplateResult {
    const {t, appearance} = context;
    // An old session may not list devices: "Continue" asks for the password, then lists them.
    const pending = notLoaded(context, this.#list, this.#busy, {loadingLabel: t('profile.security.devices.loading'), onRetry: () => void this.#list.run(this.#load(context), (load) => context.fresh.run(load))});
    if (pending) return pending;
    const value = this.#list.value!;
    const devices = [...value].sort(byRecency);
    const others = devices.filter((device) => !device.current);
    return html`${sectionAlert(context.errorMessage(this.#signOut.error), context)} ${sectionAlert(this.#notice, context, 'success')}
      ${rowList({
        id: 'devices-list',
        labelledBy: `section-${this.id}`,
        rows: devices.map((device) => this.#row(context, device)),
        appearance,
      })}
      ${others.length
        ? html`<div class="actions">
            ${sectionButton(t('profile.security.devices.signOutOthers'), () => void this.#run(context, null), {
              context,
              busy: this.#signOut.row === null,
            })}
          </div>`
        : html`<p class="section-note">${t('profile.security.devices.onlyThisDevice')}</p>`}`;
  }

  #row(context: ProfileContext, device: DeviceSession): RowView {
    const {t, language} = context;
    // Each isolated (<bdi>): a Latin place or an IP keeps its order in a right-to-left page.
    const where = [device.location, device.ipAddress].filter((text): text is string => !!text);
    const place = where.length ? html`${where.map((text, i) => html`${i ? ' · ' : ''}<bdi>${text}</bdi>`)}` : null;
    const active = device.current
      ? t('profile.security.devices.activeNow')
      : html`<time datetime=${device.lastActiveAt.toISOString()} title=${absoluteTime(device.lastActiveAt, language)}
          >${t('profile.security.devices.lastActive', {time: relativeTime(device.lastActiveAt, language)})}</time
        >`;
    return {
      key: device.id,
      title: deviceName(context, device),
      leading: ICONS[device.deviceType ?? 'desktop'],
      badge: device.current ? t('profile.security.devices.thisDevice') : null,
      details: [place, active],
      actions: device.current
        ? undefined
        : (titleId) =>
            sectionButton(t('profile.security.devices.signOut'), () => void this.#run(context, device), {
              context,
              busy: this.#signOut.row === device.id,
              describedBy: titleId,
            }),
    };
  }

  /** Signs one device out (or, with null, every other one), then lists them again. */
  async #run(context: ProfileContext, device: DeviceSession | null): Promise<void> {
    const {client, t} = context;
    this.#notice = null;
    const done = await this.#signOut.run(device?.id ?? null, () =>
      context.fresh.run(() => (device ? client.account.revokeSession(device.id) : client.account.revokeOtherSessions())),
    );
    if (!done) return;
    this.#notice = device
      ? t('profile.security.devices.signedOut', {device: deviceName(context, device)})
      : t('profile.security.devices.signedOutOthers');
    announce(this.#notice, context.language);
    await this.#list.run(this.#load(context));
    // The button pressed went with its row: the list takes focus.
    void restoreFocusIfLost(() => context.host.shadowRoot?.querySelector<HTMLElement>('#devices-list'));
  }
}
