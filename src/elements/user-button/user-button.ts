import {consume} from '@lit/context';
import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {part} from '../../appearance/part.js';
import {hostBase} from '../../appearance/tokens.js';
import {followRedirect, safeLinkTarget} from '../../client/redirect.js';
import type {DeviceAccount} from '../../client/types.js';
import {modalContext, type ModalHost} from '../../context/modal-context.js';
import {AuthMenuActionEvent} from '../../events.js';
import {announce} from '../../internal/announcer.js';
import {AuthElement} from '../../internal/auth-element.js';
import {ChildItems} from '../../internal/child-item.js';
import {avatar, avatarStyles} from '../../internal/avatar.js';
import {gearIcon, plusIcon, signOutIcon} from '../../internal/menu-icons.js';
import {MenuController} from '../../internal/menu-controller.js';
import {menuItem} from '../../internal/menu-item.js';
import {SignOutAction} from '../../internal/sign-out.js';
import {accountList, DeviceAccounts} from './account-list.js';
import {menuEntries, type BuiltInItem, type MenuEntry} from './user-button-items.js';
import {menuStyles} from '../../internal/menu.styles.js';
import {userButtonStyles} from './user-button.styles.js';
import {userContact, userLabel} from '../../internal/user-label.js';

/**
 * @summary The signed-in user's avatar (initials when there is no picture), opening a menu with
 * their name and email, "Manage account" (the profile in a dialog, or a page) and "Sign out",
 * plus items of your own. With multi-session, the other accounts signed in on this device (a
 * choice switches to one, without a reload), "Add account", and "Sign out of all accounts".
 * Renders nothing while nobody is signed in.
 *
 * The menu opens in the top layer (no `overflow: hidden` around the button clips it), as a
 * bottom sheet on narrow screens; arrows, Home, End and typing an item's first letters move
 * through it, Escape, Tab or a click outside close it.
 *
 * @event {AuthSignedOutEvent} auth-signed-out - An account signed out from this menu.
 * @event {AuthErrorEvent} auth-error - Signing out, listing or switching accounts failed (`event.error.code`).
 * @event {AuthMenuActionEvent} auth-menu-action - An `<auth-user-button-action>` was chosen (fired at it, bubbling); cancelable: keeps the menu open.
 *
 * @slot - `<auth-user-button-link>` and `<auth-user-button-action>` children: menu items of your own, or empty actions naming built-in items to reorder them.
 *
 * @csspart trigger - The avatar button.
 * @csspart avatar - The avatar (picture or initials), in the trigger, the preview and the account list.
 * @csspart popover - The panel that opens.
 * @csspart backdrop - Behind the panel on narrow screens, where it opens as a bottom sheet.
 * @csspart user-preview - The name and email at the top of the panel.
 * @csspart user-preview-name - The user's name.
 * @csspart user-preview-email - The user's email.
 * @csspart user-preview-since - When the account was created.
 * @csspart menu - The list of items.
 * @csspart menu-item - Each item (built-in, your own, and each other account).
 * @csspart account-list - The other accounts signed in on this device (multi-session).
 * @csspart alert - The error shown when signing out or switching fails.
 *
 * @cssprop --auth-avatar-size - The avatar's size (2.25rem).
 * @cssprop --auth-popover-width - The panel's width (17rem).
 */
export class AuthUserButton extends AuthElement {
  static override styles = [hostBase, avatarStyles, menuStyles, userButtonStyles];

  /** Focusing the element focuses its trigger (so focus can be handed to it after a sign-in). */
  static override shadowRootOptions: ShadowRootInit = {...AuthElement.shadowRootOptions, delegatesFocus: true};

  /** Where to go after signing out (same origin or an allowlisted origin). */
  @property({attribute: 'after-sign-out-url'}) afterSignOutUrl?: string;

  /** Where to go after switching to another account, or adding one (checked the same way); unset, the page stays. */
  @property({attribute: 'after-switch-session-url'}) afterSwitchSessionUrl?: string;

  /** `modal` (default): "Manage account" opens `<auth-user-profile>` in a dialog. `navigation`: it is a link to `user-profile-url`. */
  @property({attribute: 'user-profile-mode'}) userProfileMode: 'modal' | 'navigation' = 'modal';

  /** The profile page for `user-profile-mode="navigation"`; a URL the redirect policy refuses falls back to the modal. */
  @property({attribute: 'user-profile-url'}) userProfileUrl?: string;

  @consume({context: modalContext, subscribe: true})
  @state()
  protected modals?: ModalHost;

  readonly #menu = new MenuController(this);
  readonly #accounts = new DeviceAccounts(this);
  readonly #signOut = new SignOutAction(this, () => ({
    client: this.client,
    announcement: this.t('announce.signedOut'),
    language: this.activeLocalizer.language,
  }));
  /** Which sign-out is running. */
  #signingOut: 'sign-out' | 'sign-out-all' | null = null;
  #userId: string | null = null;

  constructor() {
    super();
    // The children (items, pages, links, their labels and icons) changed: the element follows.
    new ChildItems(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const user = this.authState.user?.id ?? null;
    if (user !== this.#userId) {
      this.#userId = user;
      this.#accounts.reset();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#menu.open && this.client) void this.#accounts.list(this.client);
  }

  /** The built-in items that apply now, in their default order. */
  #available(): BuiltInItem[] {
    const multi = !!this.client?.capabilities.multiSession;
    const items: BuiltInItem[] = [];
    if (this.#profileLink() || this.modals) items.push('manage-account');
    if (multi) items.push('accounts');
    if (multi && this.modals) items.push('add-account');
    items.push('sign-out');
    if (multi && this.#accounts.others.length) items.push('sign-out-all');
    return items;
  }

  /** The profile page's URL in navigation mode, when the redirect policy allows it. */
  #profileLink(): string | null {
    return this.userProfileMode === 'navigation' ? safeLinkTarget(this.userProfileUrl, this.client?.redirectPolicy) : null;
  }

  override render() {
    const user = this.authState.user;
    if (!user) return nothing;
    const appearance = this.mergedAppearance;
    const open = this.#menu.open;
    const error = this.#signOut.error ?? this.#accounts.error;
    const entries = menuEntries(this.children, this.#available(), this.client?.redirectPolicy);
    return html`
      <button
        class="trigger"
        ${part('trigger', appearance)}
        aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="popover"
        aria-label=${this.t('userButton.open', {name: userLabel(user)})}
        @click=${() => this.#menu.toggle()}
        @keydown=${this.#menu.onTriggerKeydown}
      >
        ${avatar(user, appearance)}
      </button>
      <div class="backdrop" popover="manual" data-menu-backdrop ${part('backdrop', appearance)} @click=${() => void this.#menu.close(true)}></div>
      <div class="popover" id="popover" popover="manual" data-menu-panel ${part('popover', appearance)} @keydown=${this.#menu.onMenuKeydown}>
        <div class="preview" ${part('user-preview', appearance)}>
          ${avatar(user, appearance)}
          <div class="identity">
            <span class="name" ${part('user-preview-name', appearance)}>${user.name}</span>
            <span class="email" ${part('user-preview-email', appearance)}>${userContact(user)}</span>
            <span class="since" ${part('user-preview-since', appearance)}>
              ${this.t('userButton.memberSince', {date: user.createdAt, formatParams: {date: {dateStyle: 'medium'}}})}
            </span>
          </div>
        </div>
        <div role="menu" aria-label=${userLabel(user)} ${part('menu', appearance)}>${entries.map((entry) => this.#entry(entry))}</div>
        ${error ? html`<p class="alert" role="alert" ${part('alert', appearance)}>${this.errorMessage(error)}</p>` : nothing}
      </div>
    `;
  }

  #entry(entry: MenuEntry): TemplateResult | typeof nothing {
    switch (entry.kind) {
      case 'link':
        return this.#item(entry.label, entry.icon, () => void this.#menu.close(false), entry.href);
      case 'action':
        return this.#item(entry.label, entry.icon, () => this.#runAction(entry.item, entry.name, entry.label));
      case 'built-in':
        return this.#builtIn(entry.name);
    }
  }

  #builtIn(name: BuiltInItem): TemplateResult | typeof nothing {
    const busy = this.#signOut.busy;
    switch (name) {
      case 'manage-account':
        return this.#item(this.t('userButton.manageAccount'), gearIcon, () => void this.#manageAccount(), this.#profileLink() ?? undefined, true);
      case 'accounts':
        return accountList({
          accounts: this.#accounts,
          label: this.t('userButton.otherAccounts'),
          switchingLabel: this.t('userButton.switching'),
          appearance: this.mergedAppearance,
          onChoose: (account) => void this.#switchTo(account),
        });
      case 'add-account':
        return this.#item(this.t('userButton.addAccount'), plusIcon, () => void this.#addAccount(), undefined, true);
      case 'sign-out':
        return this.#item(
          this.t(this.#signingOut === 'sign-out' ? 'userButton.signingOut' : 'userButton.signOut'),
          signOutIcon,
          () => void this.#signOutActive(),
          undefined,
          true,
          busy,
        );
      case 'sign-out-all':
        return this.#item(
          this.t(this.#signingOut === 'sign-out-all' ? 'userButton.signingOut' : 'userButton.signOutAll'),
          nothing,
          () => void this.#signOutAll(),
          undefined,
          true,
          busy,
        );
    }
  }

  /** One item (menu-item.ts). */
  #item(label: string, icon: unknown, onClick: () => void, href?: string, line = false, busy = false): TemplateResult {
    return menuItem({label, icon, onClick, href, line, busy, appearance: this.mergedAppearance});
  }

  #runAction(item: HTMLElement, name: string, label: string): void {
    if (item.dispatchEvent(new AuthMenuActionEvent(name, label))) void this.#menu.close(true);
  }

  /** "Manage account": the profile page (navigation mode), else the provider's profile dialog. */
  async #manageAccount(): Promise<void> {
    // The menu closes and focus goes back to the trigger first: the dialog returns it there.
    await this.#menu.close(true);
    if (this.#profileLink()) return; // the link is being followed
    if (this.userProfileMode === 'navigation') {
      console.warn('[auth-elements] <auth-user-button user-profile-mode="navigation">: user-profile-url is missing or was refused; opening the modal instead');
    }
    if (!this.modals) {
      console.warn('[auth-elements] <auth-user-button> is not inside an <auth-provider>: there is no modal to open');
      return;
    }
    await this.modals.openUserProfile();
  }

  /** "Add account": the sign-in card in the provider's dialog, adding the account it signs in. */
  async #addAccount(): Promise<void> {
    await this.#menu.close(true);
    await this.modals?.openSignIn({addAccount: true, afterSignInUrl: this.afterSwitchSessionUrl});
  }

  async #switchTo(account: DeviceAccount): Promise<void> {
    const client = this.client;
    if (!client || !(await this.#accounts.switchTo(client, account))) return;
    announce(this.t('announce.signedIn', {name: userLabel(account.user)}), this.activeLocalizer.language);
    await this.#menu.close(true);
    followRedirect(this.afterSwitchSessionUrl, client.redirectPolicy);
  }

  /** "Sign out": the active account only when others are signed in here (the next one becomes active), else the session. */
  async #signOutActive(): Promise<void> {
    const client = this.client;
    const session = client?.session?.id;
    const others = !!client?.capabilities.multiSession && this.#accounts.others.length > 0;
    this.#signingOut = 'sign-out';
    const done = await this.#signOut.run(
      this.afterSignOutUrl,
      () => void this.#menu.close(client?.state.status === 'signed-in'),
      others && session ? (c) => c.account.signOutAccount(session) : undefined,
    );
    this.#signingOut = null;
    if (done && client?.state.status === 'signed-in') followRedirect(this.afterSwitchSessionUrl, client.redirectPolicy);
  }

  async #signOutAll(): Promise<void> {
    this.#signingOut = 'sign-out-all';
    await this.#signOut.run(this.afterSignOutUrl, () => void this.#menu.close(false), (c) => c.account.signOutAllAccounts());
    this.#signingOut = null;
  }
}
