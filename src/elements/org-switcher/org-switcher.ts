import {consume} from '@lit/context';
import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {repeat} from 'lit/directives/repeat.js';
import {part} from '../../appearance/part.js';
import {hostBase} from '../../appearance/tokens.js';
import {followRedirect, organizationUrl, safeLinkTarget} from '../../client/redirect.js';
import type {Organization} from '../../client/types.js';
import {modalContext, type ModalHost} from '../../context/modal-context.js';
import {announce} from '../../internal/announcer.js';
import {AuthElement} from '../../internal/auth-element.js';
import {avatar, avatarStyles, organizationAvatar} from '../../internal/avatar.js';
import {checkIcon} from '../../internal/icons.js';
import {MenuController} from '../../internal/menu-controller.js';
import {chevronIcon, gearIcon, plusIcon} from '../../internal/menu-icons.js';
import {menuItem} from '../../internal/menu-item.js';
import {menuStyles} from '../../internal/menu.styles.js';
import {statusStyles} from '../../internal/status-styles.js';
import {OrganizationChoices, PERSONAL, type Choice} from './organization-choices.js';
import {orgSwitcherStyles} from './org-switcher.styles.js';

type Mode = 'modal' | 'navigation';

/**
 * @summary The active organization's logo (its initials when it has none) and name — or the
 * personal account — opening a menu of the person's organizations to switch between, with
 * "Manage organization" and "Create organization". A switch sets the active organization on the
 * session without a reload (the provider fires `auth-org-change`). Renders nothing while nobody
 * is signed in, a placeholder while the session loads.
 *
 * The organizations are listed each time the menu opens (the last list stays shown meanwhile).
 * The menu opens in the top layer, as a bottom sheet on narrow screens; Enter, Space or
 * ArrowDown open it on the active choice, arrows, Home, End and typing a name's first letters
 * move through it, Escape, Tab or a click outside close it.
 *
 * URLs (`after-select-org-url`, `after-create-org-url`, `after-leave-org-url`, `org-profile-url`)
 * may hold `:slug` and `:id`, replaced by the organization's (URL-encoded). Every URL must pass
 * the client's redirect policy (this origin or `allowed-redirect-origins`); one that does not is
 * ignored (and logged).
 *
 * @event {AuthErrorEvent} auth-error - Listing the organizations or switching failed (`event.error.code`).
 *
 * @csspart org-switcher-trigger - The button showing the active organization or the personal account.
 * @csspart org-switcher-trigger-name - Its name in the trigger.
 * @csspart org-switcher-chevron - The trigger's chevron.
 * @csspart org-switcher-skeleton - The placeholder shown while the session loads.
 * @csspart organization-logo - An organization's logo (or initials), in the trigger and the menu.
 * @csspart avatar - The person's avatar, for the personal account.
 * @csspart org-switcher-popover - The panel that opens.
 * @csspart backdrop - Behind the panel on narrow screens, where it opens as a bottom sheet.
 * @csspart org-switcher-menu - The menu.
 * @csspart menu-item - Each item: the personal account, each organization, Manage, Create, Try again.
 * @csspart menu-item-check - The active choice's checkmark.
 * @csspart menu-status - The row saying the organizations are loading, or why they could not be listed.
 * @csspart alert - Why a switch failed.
 *
 * @cssprop --auth-org-switcher-max-width - The trigger's widest (16rem); a longer name is cut with an ellipsis.
 * @cssprop --auth-avatar-size - The logo's and avatar's size in the trigger (1.75rem).
 * @cssprop --auth-popover-width - The panel's width (17rem).
 */
export class AuthOrgSwitcher extends AuthElement {
  static override styles = [hostBase, avatarStyles, statusStyles, menuStyles, orgSwitcherStyles];
  static override localeNamespaces = ['organization', 'orgSwitcher'];

  /** Focusing the element focuses its trigger. */
  static override shadowRootOptions: ShadowRootInit = {...AuthElement.shadowRootOptions, delegatesFocus: true};

  /** No personal account to choose: only organizations (and "Create organization"). */
  @property({type: Boolean, attribute: 'hide-personal'}) hidePersonal = false;

  /** Where to go after choosing an organization (`:slug`, `:id`); unset, the page stays. */
  @property({attribute: 'after-select-org-url'}) afterSelectOrgUrl?: string;

  /** Where to go after choosing the personal account; unset, the page stays. */
  @property({attribute: 'after-select-personal-url'}) afterSelectPersonalUrl?: string;

  /** Where to go once an organization was created in the modal and its invite step is done (`:slug`, `:id`). */
  @property({attribute: 'after-create-org-url'}) afterCreateOrgUrl?: string;

  /** Where the organization profile goes after leaving or deleting the organization (`:slug`, `:id`: the one left). */
  @property({attribute: 'after-leave-org-url'}) afterLeaveOrgUrl?: string;

  /** `modal` (default): "Create organization" opens `<auth-create-org>` in the provider's dialog. `navigation`: a link to `create-org-url`. */
  @property({attribute: 'create-org-mode'}) createOrgMode: Mode = 'modal';

  /** The page with `<auth-create-org>`, for `create-org-mode="navigation"` (a URL the policy refuses: the modal instead). */
  @property({attribute: 'create-org-url'}) createOrgUrl?: string;

  /** `modal` (default): "Manage organization" opens `<auth-org-profile>` in the provider's dialog. `navigation`: a link to `org-profile-url`. */
  @property({attribute: 'org-profile-mode'}) orgProfileMode: Mode = 'modal';

  /** The page with `<auth-org-profile>` (`:slug`, `:id`), for `org-profile-mode="navigation"`. */
  @property({attribute: 'org-profile-url'}) orgProfileUrl?: string;

  @consume({context: modalContext, subscribe: true})
  @state()
  protected modals?: ModalHost;

  readonly #menu = new MenuController(this, {openOn: 'checked'});
  readonly #choices = new OrganizationChoices(this);
  #userId: string | null = null;
  /** The list was asked for since the menu opened. */
  #listedThisOpen = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const user = this.authState.user?.id ?? null;
    if (user !== this.#userId) {
      this.#userId = user;
      this.#choices.reset();
      if (!user) void this.#menu.close(false);
    }
    // The menu opened (this render shows it): the organizations are listed again.
    if (!this.#menu.open) {
      if (this.#listedThisOpen) this.#choices.clearErrors();
      this.#listedThisOpen = false;
    } else if (!this.#listedThisOpen && this.client) {
      this.#listedThisOpen = true;
      void this.#list();
    }
  }

  override render() {
    const user = this.authState.user;
    if (this.authState.status === 'loading' || (user && !this.localeReady)) {
      return html`<span class="skeleton" role="status" ${part('org-switcher-skeleton', this.mergedAppearance)}
        ><span class="ae-visually-hidden">${this.t('common.loading')}</span></span
      >`;
    }
    if (!user) return nothing;
    const appearance = this.mergedAppearance;
    const organization = this.authState.membership?.organization;
    const name = organization?.name ?? this.t('organization.personalAccount');
    const error = this.#choices.switchError;
    return html`
      <button
        class="trigger"
        ${part('org-switcher-trigger', appearance)}
        aria-haspopup="menu"
        aria-expanded=${this.#menu.open ? 'true' : 'false'}
        aria-controls="popover"
        aria-label=${this.t('orgSwitcher.open', {name})}
        @click=${() => this.#menu.toggle()}
        @keydown=${this.#menu.onTriggerKeydown}
      >
        ${organization ? organizationAvatar(organization, appearance) : avatar(user, appearance)}
        <span class="trigger-name" ${part('org-switcher-trigger-name', appearance)}>${name}</span>
        <span class="chevron" aria-hidden="true" ${part('org-switcher-chevron', appearance)}>${chevronIcon}</span>
      </button>
      <div class="backdrop" popover="manual" data-menu-backdrop ${part('backdrop', appearance)} @click=${() => void this.#menu.close(true)}></div>
      <div class="popover" id="popover" popover="manual" data-menu-panel ${part('org-switcher-popover', appearance)} @keydown=${this.#menu.onMenuKeydown}>
        <div role="menu" aria-label=${this.t('orgSwitcher.menu')} ${part('org-switcher-menu', appearance)}>
          ${this.#choiceGroup()} ${this.#actions()}
        </div>
        ${error ? html`<p class="alert" role="alert" ${part('alert', appearance)}>${this.errorMessage(error)}</p>` : nothing}
      </div>
    `;
  }

  /** The personal account and the organizations (menuitemradio: one is checked), and the list's state. */
  #choiceGroup(): TemplateResult | typeof nothing {
    const {loading, listError} = this.#choices;
    const organizations = this.#organizations();
    const status = listError ? this.#listFailed() : loading && !this.#choices.organizations ? this.#statusRow(this.t('orgSwitcher.loading'), true) : nothing;
    if (this.hidePersonal && !organizations.length && status === nothing) return nothing;
    return html`<div role="group" class="choices" aria-label=${this.t('orgSwitcher.accounts')} aria-busy=${loading ? 'true' : 'false'}>
        ${this.hidePersonal ? nothing : this.#choice(PERSONAL, this.t('organization.personalAccount'), avatar(this.authState.user!, this.mergedAppearance))}
        ${repeat(
          organizations,
          (organization) => organization.id,
          (organization) => this.#choice(organization.id, organization.name, organizationAvatar(organization, this.mergedAppearance)),
        )}
        ${status}
      </div>
      <div role="separator" class="separator"></div>`;
  }

  /** The listed organizations, the active one as the state knows it now (renamed, or just created and not listed yet). */
  #organizations(): Organization[] {
    const active = this.authState.membership?.organization;
    const listed = this.#choices.organizations ?? [];
    if (!active) return listed;
    return listed.some((organization) => organization.id === active.id)
      ? listed.map((organization) => (organization.id === active.id ? active : organization))
      : [active, ...listed];
  }

  #choice(choice: Choice, name: string, picture: TemplateResult): TemplateResult {
    const appearance = this.mergedAppearance;
    const checked = (this.authState.membership?.organization.id ?? PERSONAL) === choice;
    const switching = this.#choices.switching;
    return html`<button
      type="button"
      role="menuitemradio"
      class="choice"
      aria-checked=${checked ? 'true' : 'false'}
      aria-disabled=${switching !== undefined && switching !== choice ? 'true' : 'false'}
      ${part('menu-item', appearance)}
      @click=${() => void this.#choose(choice, name)}
    >
      ${picture}
      <span class="choice-name">${name}</span>
      ${switching === choice ? html`<span class="choice-note">${this.t('orgSwitcher.switching')}</span>` : nothing}
      <span class="check" aria-hidden="true" ${part('menu-item-check', appearance)}>${checked ? checkIcon : nothing}</span>
    </button>`;
  }

  /** A row saying what the list is doing: an item of the menu that cannot be chosen (read when explored). */
  #statusRow(text: string, busy: boolean, id?: string): TemplateResult {
    return html`<div role="menuitem" aria-disabled="true" class="status" id=${id ?? nothing} ${part('menu-status', this.mergedAppearance)}>
      ${busy ? html`<span class="ae-spinner" aria-hidden="true"></span>` : nothing}<span>${text}</span>
    </div>`;
  }

  /** Why the list failed, and Try again (described by the reason). */
  #listFailed(): TemplateResult {
    return html`${this.#statusRow(this.errorMessage(this.#choices.listError) ?? '', false, 'list-error')}
      <button type="button" role="menuitem" class="retry" aria-describedby="list-error" ${part('menu-item', this.mergedAppearance)} @click=${() => void this.#list()}>
        <span class="item-icon" aria-hidden="true"></span><span class="label">${this.t('common.retry')}</span>
      </button>`;
  }

  #actions(): TemplateResult {
    const appearance = this.mergedAppearance;
    const organization = this.authState.membership?.organization;
    const manage = organization
      ? menuItem({
          label: this.t('orgSwitcher.manageOrganization'),
          icon: gearIcon,
          line: true,
          href: this.#link(this.orgProfileMode, this.#organizationUrl(this.orgProfileUrl, organization)) ?? undefined,
          onClick: () => void this.#manage(),
          appearance,
        })
      : nothing;
    const create = menuItem({
      label: this.t('orgSwitcher.createOrganization'),
      icon: plusIcon,
      line: true,
      href: this.#link(this.createOrgMode, this.createOrgUrl) ?? undefined,
      onClick: () => void this.#create(),
      appearance,
    });
    return html`${manage}${create}`;
  }

  #organizationUrl(template: string | undefined, organization: Organization): string | null {
    return template ? organizationUrl(template, organization) : null;
  }

  /** A navigation mode's page, when the redirect policy allows it. */
  #link(mode: Mode, url: string | null | undefined): string | null {
    return mode === 'navigation' ? safeLinkTarget(url, this.client?.redirectPolicy) : null;
  }

  async #list(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const hadFocus = !!this.renderRoot.querySelector('.retry:focus');
    await this.#choices.list(client);
    await this.updateComplete;
    // "Try again" is gone once the list is there: focus goes to the active choice.
    if (hadFocus && this.#menu.open && !this.renderRoot.querySelector('.retry')) void this.#menu.show('checked');
  }

  async #choose(choice: Choice, name: string): Promise<void> {
    const client = this.client;
    if (!client || this.#choices.switching !== undefined) return;
    if ((this.authState.membership?.organization.id ?? PERSONAL) === choice) {
      await this.#menu.close(true);
      return;
    }
    const membership = await this.#choices.switchTo(client, choice);
    if (membership === false) return; // the alert says why; focus stays on the choice
    announce(this.t('orgSwitcher.switched', {name}), this.activeLocalizer.language);
    await this.#menu.close(true);
    const target = membership ? this.#organizationUrl(this.afterSelectOrgUrl, membership.organization) : this.afterSelectPersonalUrl;
    followRedirect(target, client.redirectPolicy);
  }

  /** "Create organization": the provider's dialog (a navigation mode's link is being followed otherwise). */
  async #create(): Promise<void> {
    await this.#menu.close(true);
    if (this.#link(this.createOrgMode, this.createOrgUrl)) return;
    if (this.createOrgMode === 'navigation') {
      console.warn('[auth-elements] <auth-org-switcher create-org-mode="navigation">: create-org-url is missing or was refused; opening the modal instead');
    }
    if (!this.#modals()) return;
    await this.modals!.openCreateOrganization({afterCreateOrgUrl: this.afterCreateOrgUrl});
  }

  /** "Manage organization": the provider's dialog, or the profile page. */
  async #manage(): Promise<void> {
    const organization = this.authState.membership?.organization;
    await this.#menu.close(true);
    if (!organization || this.#link(this.orgProfileMode, this.#organizationUrl(this.orgProfileUrl, organization))) return;
    if (this.orgProfileMode === 'navigation') {
      console.warn('[auth-elements] <auth-org-switcher org-profile-mode="navigation">: org-profile-url is missing or was refused; opening the modal instead');
    }
    if (!this.#modals()) return;
    await this.modals!.openOrganizationProfile({afterLeaveOrgUrl: this.afterLeaveOrgUrl});
  }

  #modals(): boolean {
    if (!this.modals) console.warn('[auth-elements] <auth-org-switcher> is not inside an <auth-provider>: there is no modal to open');
    return !!this.modals;
  }
}
