import {css, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {part} from '../../appearance/part.js';
import {hostBase} from '../../appearance/tokens.js';
import type {AuthError} from '../../client/errors.js';
import {followRedirect, organizationUrl} from '../../client/redirect.js';
import type {Invitation, Membership} from '../../client/types.js';
import {AuthInvitationAcceptedEvent} from '../../events.js';
import {actionButtonStyles} from '../../internal/action-button.styles.js';
import {task} from '../../internal/async-action.js';
import {AuthElement} from '../../internal/auth-element.js';
import {Loader} from '../../internal/loader.js';
import {avatarStyles, organizationAvatar} from '../../internal/avatar.js';
import {cardStyles} from '../../internal/card.js';
import {focusIsLost, focusIsWithin} from '../../internal/focus.js';
import {busyIndicator, unavailableNotice} from '../../internal/status-views.js';
import {statusStyles} from '../../internal/status-styles.js';

/**
 * The buttons it shows, each loaded when first shown (a signed-in guest never needs the sign-in
 * ones). Each stays its element's own chunk, which the autoloader and this element share.
 */
const BUTTONS = {
  signedOut: () => Promise.all([import('../../define/auth-sign-in-button.js'), import('../../define/auth-sign-up-button.js')]),
  wrongAccount: () => import('../../define/auth-sign-out-button.js'),
};

/** Refusals that say the invitation itself can't be used (no retry helps). */
const UNUSABLE = new Set(['invitation_not_found', 'invitation_expired', 'invitation_revoked', 'invitation_used', 'organization_not_found']);
/** An invitation's status other than pending, as the code that says why it can't be used. */
const STATUS_CODES = {accepted: 'invitation_used', declined: 'invitation_used', revoked: 'invitation_revoked', expired: 'invitation_expired'} as const;

type Outcome = {kind: 'accepted'; membership: Membership} | {kind: 'declined'};

/**
 * @summary The page an organization invitation's email links to. The invited person sees who
 * invites them where, with which role, and joins or declines. Signed out, it asks them to sign in
 * or create an account with the invited address (the provider's modal keeps them on this page);
 * signed in with another address, it says so and offers to sign out. Expired, revoked and used
 * invitations each get their own message.
 *
 * The invitation comes from `invitation-id`, else from the page URL's `id` query parameter
 * (`invitation-param` names another), as the reference server's links (`/invitation?id=…`) carry it.
 *
 * @event {AuthInvitationAcceptedEvent} auth-invitation-accepted - The person joined (`event.membership`: the organization, active now, and their role).
 *
 * @csspart card - The card.
 * @csspart header-title - Its heading.
 * @csspart header-subtitle - The line under it.
 * @csspart organization-logo - The organization's logo or initials.
 * @csspart invitation-actions - The row of buttons.
 * @csspart primary-button - "Accept invitation".
 * @csspart secondary-button - "Decline".
 * @csspart signed-in-as - Who is signed in.
 * @csspart alert - An error.
 *
 * @cssprop --auth-card-max-width - The card's largest width (25rem).
 */
export class AuthOrgInvitation extends AuthElement {
  static override styles = [
    hostBase,
    actionButtonStyles,
    cardStyles,
    statusStyles,
    avatarStyles,
    css`
      .header .avatar {
        --auth-avatar-size: 3rem;
        margin-inline: auto;
        margin-block-end: calc(var(--_space) * 0.5);
        font-size: 1.125em;
      }
      .body {
        display: grid;
        gap: var(--_space);
        justify-items: center;
        text-align: center;
      }
      .signed-in-as {
        margin: 0;
        color: var(--_muted-fg);
        font-size: 0.875em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: calc(var(--_space) * 0.75);
      }
      .message {
        margin: 0;
      }
      .alert {
        max-width: none;
        margin: 0;
      }
    `,
  ];

  static override localeNamespaces = ['orgInvitation', 'organization'];

  /** The invitation to show; without it, the page URL's `invitation-param` query parameter. */
  @property({attribute: 'invitation-id'}) invitationId?: string;

  /** The query parameter of the page URL that holds the invitation's id (`id`). */
  @property({attribute: 'invitation-param'}) invitationParam = 'id';

  /** Where to go once the person has joined (`:slug` and `:id` become the organization's); checked by the redirect policy. Without it, the card says they joined. */
  @property({attribute: 'after-accept-url'}) afterAcceptUrl?: string;

  @state() private outcome: Outcome | null = null;

  readonly #accepting = task(this);
  readonly #declining = task(this);
  readonly #invitation = new Loader<Invitation>(this);
  /** Who and which invitation the shown one was loaded for. */
  #loadedFor = '';
  #shownTitle = '';

  /** The invitation's id, from the attribute or the page URL. */
  get resolvedInvitationId(): string | null {
    const own = this.invitationId?.trim();
    if (own) return own;
    return new URL(location.href).searchParams.get(this.invitationParam)?.trim() || null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const {status, user} = this.authState;
    const id = this.resolvedInvitationId;
    const key = status === 'signed-in' && user && id ? `${user.id} ${id}` : '';
    if (key === this.#loadedFor) return;
    // A new person or invitation: what was loaded or decided for the last one does not carry over.
    this.#loadedFor = key;
    this.#invitation.reset();
    this.outcome = null;
  }

  #load(id: string) {
    return (signal: AbortSignal) => this.client!.organizations.getInvitation(id, {signal});
  }

  async #accept(invitation: Invitation): Promise<void> {
    const client = this.client;
    if (!client) return;
    let membership: Membership | undefined;
    const joined = await this.#accepting.run(async () => (membership = await client.organizations.acceptInvitation(invitation.id)));
    if (!joined || !membership) return;
    this.outcome = {kind: 'accepted', membership};
    this.dispatchEvent(new AuthInvitationAcceptedEvent(membership));
    if (this.afterAcceptUrl) followRedirect(organizationUrl(this.afterAcceptUrl, membership.organization), client.redirectPolicy);
  }

  async #decline(invitation: Invitation): Promise<void> {
    const client = this.client;
    if (!client) return;
    if (await this.#declining.run(() => client.organizations.declineInvitation(invitation.id))) this.outcome = {kind: 'declined'};
  }

  override render() {
    if (!this.localeReady) return nothing;
    const {status} = this.authState;
    if (status === 'loading') return this.#card(this.t('orgInvitation.invited'), undefined, busyIndicator(this.t('common.loading'), this.mergedAppearance));
    if (status === 'unavailable') return this.#card(this.t('orgInvitation.invited'), undefined, this.unavailableView());
    if (!this.resolvedInvitationId) return this.#unusable(this.t('orgInvitation.incomplete'));
    if (status === 'signed-out') {
      void BUTTONS.signedOut();
      return this.#card(
        this.t('orgInvitation.invited'),
        this.t('orgInvitation.signInFirst'),
        html`<div class="actions" ${part('invitation-actions', this.mergedAppearance)}><auth-sign-in-button></auth-sign-in-button><auth-sign-up-button></auth-sign-up-button></div>`,
      );
    }
    if (this.outcome) return this.#outcomeView(this.outcome);
    const id = this.resolvedInvitationId!;
    this.#invitation.ensure(this.#load(id));
    if (this.#invitation.status === 'error' && this.#invitation.error) return this.#loadFailed(this.#invitation.error, id);
    const invitation = this.#invitation.value;
    if (!invitation) return this.#card(this.t('orgInvitation.invited'), undefined, busyIndicator(this.t('orgInvitation.loading'), this.mergedAppearance));
    if (invitation.status !== 'pending') return this.#unusable(this.t(`errors.${STATUS_CODES[invitation.status]}`));
    return this.#pending(invitation);
  }

  #pending(invitation: Invitation): TemplateResult {
    const appearance = this.mergedAppearance;
    const role = this.t(`organization.role.${invitation.role}`);
    const organization = invitation.organization.name;
    const busy = this.#accepting.pending || this.#declining.pending;
    const error = this.#accepting.error ?? this.#declining.error;
    return this.#card(
      this.t('orgInvitation.join', {organization}),
      invitation.inviterName ? this.t('orgInvitation.invitedBy', {inviter: invitation.inviterName, role}) : this.t('orgInvitation.invitedAs', {role}),
      html`${error ? html`<p class="alert" role="alert" ${part('alert', appearance)}>${this.errorMessage(error)}</p>` : nothing}
        <div class="actions" ${part('invitation-actions', appearance)}>
          ${this.#button('primary', this.#accepting.pending ? this.t('orgInvitation.accepting') : this.t('orgInvitation.accept'), busy, this.#accepting.pending, () => void this.#accept(invitation))}
          ${this.#button('secondary', this.#declining.pending ? this.t('orgInvitation.declining') : this.t('orgInvitation.decline'), busy, this.#declining.pending, () => void this.#decline(invitation))}
        </div>
        ${this.#signedInAs()}`,
      invitation.organization,
    );
  }

  #outcomeView(outcome: Outcome): TemplateResult {
    if (outcome.kind === 'declined') {
      const organization = this.#invitation.value?.organization.name ?? '';
      return this.#card(this.t('orgInvitation.declined'), this.t('orgInvitation.declinedBody', {organization}));
    }
    const {organization, role} = outcome.membership;
    return this.#card(this.t('orgInvitation.joined', {organization: organization.name}), this.t('orgInvitation.joinedBody', {role: this.t(`organization.role.${role}`)}), nothing, organization);
  }

  #loadFailed(error: AuthError, id: string): TemplateResult {
    if (error.code === 'wrong_account') {
      void BUTTONS.wrongAccount();
      return this.#card(
        this.t('orgInvitation.wrongAccount'),
        this.errorMessage(error) ?? undefined,
        html`${this.#signedInAs()}<div class="actions" ${part('invitation-actions', this.mergedAppearance)}><auth-sign-out-button></auth-sign-out-button></div>`,
      );
    }
    if (UNUSABLE.has(error.code)) return this.#unusable(this.errorMessage(error) ?? '');
    return this.#card(
      this.t('orgInvitation.invited'),
      undefined,
      unavailableNotice({
        message: this.errorMessage(error) ?? '',
        retryLabel: this.t('common.retry'),
        retryingLabel: this.t('common.retrying'),
        retrying: false,
        onRetry: () => void this.#invitation.run(this.#load(id)),
        appearance: this.mergedAppearance,
      }),
    );
  }

  #unusable(message: string): TemplateResult {
    return this.#card(this.t('orgInvitation.unusable'), message);
  }

  #signedInAs(): TemplateResult | typeof nothing {
    const email = this.authState.user?.email;
    return email ? html`<p class="signed-in-as" ${part('signed-in-as', this.mergedAppearance)}>${this.t('orgInvitation.signedInAs', {email})}</p>` : nothing;
  }

  #button(variant: 'primary' | 'secondary', label: string, busy: boolean, spinning: boolean, onClick: () => void): TemplateResult {
    return html`<button
      type="button"
      class="button ${variant}"
      aria-disabled=${busy ? 'true' : 'false'}
      ${part(`${variant}-button`, this.mergedAppearance)}
      @click=${() => !busy && onClick()}
    >
      ${spinning ? html`<span class="ae-spinner" aria-hidden="true"></span>` : nothing}${label}
    </button>`;
  }

  #card(title: string, subtitle?: string, body: TemplateResult | typeof nothing = nothing, organization?: Invitation['organization']): TemplateResult {
    const appearance = this.mergedAppearance;
    return html`<section class="card" aria-labelledby="title" ${part('card', appearance)}>
      <header class="header" ${part('header', appearance)}>
        ${organization ? organizationAvatar(organization, appearance) : nothing}
        <h1 id="title" tabindex="-1" ${part('header-title', appearance)}>${title}</h1>
        ${subtitle ? html`<p class="subtitle" ${part('header-subtitle', appearance)}>${subtitle}</p>` : nothing}
      </header>
      ${body === nothing ? nothing : html`<div class="body">${body}</div>`}
    </section>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A new state of the card (joined, declined, refused): its title takes the focus when the
    // focus was on what went away, so keyboard and screen-reader users hear what happened.
    const title = this.renderRoot.querySelector<HTMLElement>('#title');
    const text = title?.textContent ?? '';
    if (text === this.#shownTitle) return;
    const first = !this.#shownTitle;
    this.#shownTitle = text;
    if (!first && title && (focusIsWithin(this) || focusIsLost())) title.focus();
  }
}
