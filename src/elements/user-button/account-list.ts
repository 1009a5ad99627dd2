import {html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../../appearance/part.js';
import type {AuthClient} from '../../client/auth-client.js';
import {toAuthError, type AuthError} from '../../client/errors.js';
import type {DeviceAccount} from '../../client/types.js';
import {AuthErrorEvent} from '../../events.js';
import {avatar} from '../../internal/avatar.js';
import {userContact, userLabel} from '../../internal/user-label.js';

/**
 * The other accounts signed in on this device (multi-session), for the user button's menu: listed
 * when the menu opens (again whenever the active session changed since), the list aborted when
 * the element goes; and the switch to one of them, one at a time, its failure kept to be shown
 * and fired as `auth-error`.
 */
export class DeviceAccounts implements ReactiveController {
  /** Every account of this device but the active one, once listed. */
  others: DeviceAccount[] = [];
  /** The account being switched to. */
  switching: string | null = null;
  error: AuthError | null = null;
  #listedFor: string | null = null;
  #abort: AbortController | null = null;

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#listedFor = null;
  }

  /** Lists the accounts unless they were listed for this active session already. */
  async list(client: AuthClient): Promise<void> {
    const active = client.session?.id ?? null;
    if (!client.capabilities.multiSession || !active || active === this.#listedFor) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#listedFor = active;
    try {
      const accounts = await client.account.listDeviceAccounts({signal: abort.signal});
      if (abort.signal.aborted) return;
      this.others = accounts.filter((account) => !account.active && account.sessionId !== active);
      this.error = null;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#listedFor = null; // asked again on the next open
      this.#fail(error);
    }
    this.host.requestUpdate();
  }

  /** Forgets the list (someone else is signed in, or nobody). */
  reset(): void {
    this.#abort?.abort();
    this.others = [];
    this.error = null;
    this.#listedFor = null;
  }

  /** Makes `account` the active one; resolves with whether it worked. */
  async switchTo(client: AuthClient, account: DeviceAccount): Promise<boolean> {
    if (this.switching) return false;
    this.switching = account.sessionId;
    this.error = null;
    this.host.requestUpdate();
    try {
      await client.account.switchAccount(account.sessionId);
      return true;
    } catch (error) {
      this.#listedFor = null;
      this.#fail(error);
      return false;
    } finally {
      this.switching = null;
      this.host.requestUpdate();
    }
  }

  #fail(error: unknown): void {
    this.error = toAuthError(error);
    this.host.dispatchEvent(new AuthErrorEvent(this.error));
  }
}

export interface AccountListView {
  accounts: DeviceAccounts;
  label: string;
  switchingLabel: string;
  appearance: PartAppearance;
  onChoose: (account: DeviceAccount) => void;
}

/**
 * The other accounts as a group of menu items: avatar, name and email (as text, whatever they
 * hold); the one being switched to says so, and none can be chosen meanwhile.
 */
export function accountList({accounts, label, switchingLabel, appearance, onChoose}: AccountListView): TemplateResult | typeof nothing {
  if (!accounts.others.length) return nothing;
  const busy = accounts.switching !== null;
  return html`<div role="separator" class="separator"></div>
    <div role="group" aria-label=${label} class="accounts" ${part('account-list', appearance)}>
      ${accounts.others.map(
        (account) => html`<button
          type="button"
          role="menuitem"
          class="account"
          ${part('menu-item', appearance)}
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => !busy && onChoose(account)}
        >
          ${avatar(account.user, appearance)}
          <span class="identity">
            <span class="name">${userLabel(account.user)}</span>
            <span class="email">${accounts.switching === account.sessionId ? switchingLabel : userContact(account.user)}</span>
          </span>
        </button>`,
      )}
    </div>
    <div role="separator" class="separator"></div>`;
}
