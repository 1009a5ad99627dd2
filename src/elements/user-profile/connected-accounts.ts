import {css, html, nothing, type ReactiveControllerHost, type SVGTemplateResult, type TemplateResult} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import {part} from '../../appearance/part.js';
import type {AuthError} from '../../client/errors.js';
import type {ConnectedAccount, SignInMethods} from '../../client/types.js';
import {announce} from '../../internal/announcer.js';
import {confirmStyles} from '../../internal/confirm-styles.js';
import {RowAction} from '../../internal/async-action.js';
import {restoreFocusIfLost} from '../../internal/focus.js';
import {Loader} from '../../internal/loader.js';
import {absoluteTime} from '../../internal/relative-time.js';
import {rowList, type RowView} from '../../internal/row-list.js';
import {providerName} from '../../internal/provider-name.js';
import {DelayedFlag} from '../../internal/status-views.js';
import {connectReturnUrl, takeConnectLanding} from './connect-landing.js';
import {notLoaded, section, sectionAlert, sectionButton, type ProfileContext} from './profile-page.js';

const LIST_ID = 'connected-list';
const k = (key: string) => `profile.connected.${key}`;

/** What the section shows: the linked accounts, and whether a password is another way in. */
interface Connected {
  accounts: ConnectedAccount[];
  methods: Pick<SignInMethods, 'password'>;
}

/**
 * The section's own rules, adopted into the profile's shadow root when it first renders: the
 * providers' marks are filled shapes (the row list draws its icons as strokes), and the
 * confirmation's layout.
 */
export const connectedAccountsStyles = css`
  .row-list-leading .provider-icon {
    display: contents;
  }
  .row-list-leading .provider-icon svg {
    fill: currentColor;
    stroke: none;
  }
  .provider-initial {
    font-weight: 650;
    line-height: 1;
  }
  ${confirmStyles}
`;

/**
 * Connected accounts, on the Account page: each social or OpenID Connect account linked to the
 * person (the provider's name and mark, the email there, since when), "Disconnect" after a
 * confirmation — never offered for the only way in (no password, no other account: the API
 * refuses it too, `last_sign_in_method`) — and "Connect <provider>" for each provider of the
 * API not linked yet. Connecting leaves for the provider and comes back to this page
 * (connect-landing.ts), where the section says how it went; an adapter that links at once
 * (memory) comes back without leaving.
 */
export class ConnectedAccountsSection {
  readonly id = 'connected';
  readonly #list: Loader<Connected>;
  readonly #busy: DelayedFlag;
  /** Connecting a provider (its id). */
  readonly #connect: RowAction;
  /** Disconnecting an account (its id). */
  readonly #disconnect: RowAction;
  /** The account asked about before it goes (the dialog is open while set). */
  #confirming: ConnectedAccount | null = null;
  #notice: string | null = null;
  /** A refusal the provider sent back with. */
  #landingError: AuthError | null = null;
  #icons: Readonly<Record<string, SVGTemplateResult>> | null = null;
  #iconsLoading = false;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    this.#list = new Loader(host);
    this.#busy = new DelayedFlag(host);
    this.#connect = new RowAction(host);
    this.#disconnect = new RowAction(host);
  }

  shown(context: ProfileContext): boolean {
    return typeof context.client.adapter.listConnectedAccounts === 'function' && context.client.capabilities.socialProviders.length > 0;
  }

  reset(): void {
    this.#list.reset();
    this.#connect.reset();
    this.#disconnect.reset();
    this.#confirming = null;
    this.#notice = null;
    this.#landingError = null;
  }

  #load(context: ProfileContext) {
    const {account, adapter} = context.client;
    return async (signal: AbortSignal): Promise<Connected> => {
      const [accounts, methods] = await Promise.all([
        account.listConnectedAccounts({signal}),
        // Without a way to ask, a password is assumed: the API still refuses the last way in.
        typeof adapter.getSignInMethods === 'function' ? account.getSignInMethods({signal}) : {password: true},
      ]);
      return {accounts, methods};
    };
  }

  render(context: ProfileContext): TemplateResult {
    this.#adoptStyles(context);
    this.#takeLanding(context);
    this.#list.ensure(this.#load(context));
    return html`${section({id: this.id, title: context.t(k('title')), context, content: this.#content(context)})}${this.#dialog(context)}`;
  }

  #content(context: ProfileContext): TemplateResult {
    const {t, appearance} = context;
    const pending = notLoaded(context, this.#list, this.#busy, {
      loadingLabel: t(k('loading')),
      onRetry: () => void this.#list.run(this.#load(context), (load) => context.fresh.run(load)),
    });
    if (pending) return pending;
    const {accounts, methods} = this.#list.value!;
    const onlyWayIn = !methods.password && accounts.length === 1;
    const linked = new Set(accounts.map((account) => account.provider));
    const unlinked = context.client.capabilities.socialProviders.filter((provider) => !linked.has(provider));
    // The dialog shows its own failures; the section the rest (a refusal brought back, a connect that failed).
    const failed = this.#connect.error ?? this.#landingError ?? (this.#confirming ? null : this.#disconnect.error);
    return html`${sectionAlert(context.errorMessage(failed), context)} ${sectionAlert(this.#notice, context, 'success')}
      ${accounts.length
        ? rowList({id: LIST_ID, labelledBy: `section-${this.id}`, rows: accounts.map((account) => this.#row(context, account, onlyWayIn)), appearance})
        : html`<p class="section-note empty-note">${t(k('empty'))}</p>`}
      ${unlinked.length
        ? html`<div class="actions">
            ${repeat(unlinked, (provider) => provider, (provider) =>
              sectionButton(t(k('connect'), {provider: this.#name(context, provider)}), () => void this.#start(context, provider), {
                context,
                busy: this.#connect.row === provider,
                name: 'connected-connect-button',
              }),
            )}
          </div>`
        : nothing}`;
  }

  #name(context: ProfileContext, provider: string): string {
    return providerName(provider, context.client.capabilities.socialProviderNames);
  }

  #row(context: ProfileContext, account: ConnectedAccount, onlyWayIn: boolean): RowView {
    const {t, language} = context;
    const name = this.#name(context, account.provider);
    const icon = this.#icons?.[account.provider];
    const linkedOn = html`<time datetime=${account.linkedAt.toISOString()} title=${absoluteTime(account.linkedAt, language)}
      >${t(k('linkedOn'), {date: new Intl.DateTimeFormat(language, {dateStyle: 'medium'}).format(account.linkedAt)})}</time
    >`;
    return {
      key: account.id,
      title: name,
      leading: icon
        ? html`<span class="provider-icon">${icon}</span>`
        : html`<span class="provider-initial" aria-hidden="true">${name.charAt(0)}</span>`,
      // An address keeps its order in a right-to-left page.
      details: [account.email ? html`<bdi>${account.email}</bdi>` : null, linkedOn, onlyWayIn ? t(k('onlyWayIn')) : null],
      actions: onlyWayIn
        ? undefined
        : (titleId) =>
            sectionButton(t(k('disconnect')), () => this.#ask(context, account), {
              context,
              busy: this.#disconnect.row === account.id,
              describedBy: titleId,
              name: 'connected-disconnect-button',
            }),
    };
  }

  #dialog(context: ProfileContext): TemplateResult {
    const {t, appearance, ownAppearance} = context;
    const account = this.#confirming;
    const pending = this.#disconnect.pending;
    const name = account ? this.#name(context, account.provider) : '';
    const close = () => {
      if (pending || !this.#confirming) return;
      this.#confirming = null;
      this.#disconnect.reset();
      this.host.requestUpdate();
    };
    return html`<auth-dialog
      class="connected-dialog"
      .open=${!!account}
      .appearance=${ownAppearance}
      label=${account ? t(k('disconnectTitle'), {provider: name}) : ''}
      @auth-dialog-request-close=${(event: Event) => pending && event.preventDefault()}
      @auth-dialog-closed=${close}
    >
      ${account
        ? html`<div class="confirm">
            <p class="confirm-text">${t(k('disconnectText'), {provider: name})}</p>
            ${sectionAlert(context.errorMessage(this.#disconnect.errorOf(account.id)), context)}
            <div class="actions confirm-actions">
              ${sectionButton(t('common.cancel'), close, {context, variant: 'text', name: 'confirm-cancel'})}
              <button
                type="button"
                class="button danger"
                ${part('confirm-button', appearance)}
                aria-disabled=${pending ? 'true' : 'false'}
                @click=${() => !pending && void this.#remove(context, account)}
              >
                ${pending ? html`<span class="spinner" aria-hidden="true"></span>${t(k('disconnecting'))}` : t(k('disconnect'))}
              </button>
            </div>
          </div>`
        : nothing}
    </auth-dialog>`;
  }

  /** One thing at a time: a new action ends the last one's messages. */
  #settle(): void {
    this.#notice = null;
    this.#landingError = null;
    this.#connect.reset();
    this.#disconnect.reset();
  }

  #ask(context: ProfileContext, account: ConnectedAccount): void {
    this.#settle();
    this.#confirming = account;
    context.host.requestUpdate();
  }

  async #remove(context: ProfileContext, account: ConnectedAccount): Promise<void> {
    const done = await this.#disconnect.run(account.id, () => context.fresh.run(() => context.client.account.unlinkAccount(account.provider, account.id)));
    if (!done) {
      // Refused as the last way in: the list learns why (another device may have changed it).
      if (this.#disconnect.error?.code === 'last_sign_in_method') void this.#list.run(this.#load(context));
      return;
    }
    this.#confirming = null;
    const {value} = this.#list;
    if (value) this.#list.set({...value, accounts: value.accounts.filter((each) => each.id !== account.id)});
    this.#say(context, context.t(k('disconnected'), {provider: this.#name(context, account.provider)}));
    await this.#list.run(this.#load(context));
    this.#focusList(context);
  }

  /** Starts linking: off to the provider, or (an adapter that links at once) back here linked. */
  async #start(context: ProfileContext, provider: string): Promise<void> {
    this.#settle();
    const callbackURL = connectReturnUrl(provider);
    await this.#connect.run(provider, async () => {
      const {redirectUrl} = await context.client.account.linkAccount(provider, callbackURL, callbackURL);
      if (redirectUrl === callbackURL) return this.#linked(context, provider);
      location.assign(redirectUrl);
      // Busy until the page goes; usable again if it comes back from the back/forward cache.
      await new Promise<void>((resolve) => {
        const onShow = (event: PageTransitionEvent) => {
          if (!event.persisted) return;
          removeEventListener('pageshow', onShow);
          resolve();
        };
        addEventListener('pageshow', onShow);
      });
    });
  }

  /** Linked: the section says so and lists it. */
  async #linked(context: ProfileContext, provider: string): Promise<void> {
    this.#say(context, context.t(k('connected'), {provider: this.#name(context, provider)}));
    await this.#list.run(this.#load(context));
    this.#focusList(context);
  }

  /** The address came back from a provider (once per page): a refusal, or linked. */
  #takeLanding(context: ProfileContext): void {
    const landing = takeConnectLanding();
    if (!landing) return;
    if (landing.error) this.#landingError = landing.error;
    else this.#say(context, context.t(k('connected'), {provider: this.#name(context, landing.provider)}));
  }

  /** The list takes focus once the button pressed is gone (or the first Connect button, with no list). */
  #focusList(context: ProfileContext): void {
    const root = context.host.shadowRoot;
    void restoreFocusIfLost(() => root?.querySelector<HTMLElement>(`#${LIST_ID}`) ?? root?.querySelector<HTMLElement>('[part~="connected-connect-button"]'));
  }

  #say(context: ProfileContext, message: string): void {
    this.#notice = message;
    announce(message, context.language);
    context.host.requestUpdate();
  }

  #adoptStyles(context: ProfileContext): void {
    const root = context.host.shadowRoot;
    const sheet = connectedAccountsStyles.styleSheet;
    if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    if (this.#icons || this.#iconsLoading) return;
    this.#iconsLoading = true;
    void import('../../internal/social-icons.js').then(({socialIcons}) => {
      this.#icons = socialIcons;
      this.host.requestUpdate();
    });
  }
}
