import {css, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {part} from '../../appearance/part.js';
import {hostBase} from '../../appearance/tokens.js';
import type {AuthErrorCode} from '../../client/errors.js';
import {followRedirect, organizationUrl} from '../../client/redirect.js';
import {isValidSlug, slugify} from '../../client/slug.js';
import type {Invitation, Membership} from '../../client/types.js';
import {AuthErrorEvent, AuthOrgCreatedEvent, AuthOrgSetupCompleteEvent} from '../../events.js';
import {announce, ensureAnnouncer} from '../../internal/announcer.js';
import {task} from '../../internal/async-action.js';
import {AuthElement} from '../../internal/auth-element.js';
import {card, cardStyles} from '../../internal/card.js';
import {alert, primaryButton, textField} from '../../internal/fields.js';
import {focusIsLost, focusIsWithin} from '../../internal/focus.js';
import {formOwnerId, LightForm} from '../../internal/light-form.js';
import {OrganizationLogo, organizationLogoStyles} from '../../internal/organization-logo.js';
import {busyIndicator} from '../../internal/status-views.js';
import {statusStyles} from '../../internal/status-styles.js';
import {inviteFieldStyles} from '../../internal/invite-addresses.js';
import {InviteStep, type InviteContext} from './invite-step.js';
import {ShownProblems} from '../../internal/shown-problems.js';

type Step = 'details' | 'invite' | 'done';
type Field = 'name' | 'slug';
/** What the check as you type says of the slug. */
type Availability = 'idle' | 'checking' | 'available' | 'taken' | 'failed';

/** How long typing must pause before the slug's availability is asked. */
const CHECK_DELAY_MS = 300;
/** The API's refusals that belong to the slug field. */
const SLUG_ERRORS = new Set<AuthErrorCode>(['slug_taken', 'invalid_slug']);
const k = (key: string) => `createOrg.${key}`;

/** The slug's availability in its colour (light DOM: the same self-defence as light-styles.ts). */
const createOrgStyles = css`
  @layer auth-base {
  form[data-auth-form] .ae-slug-status[data-availability='available'] {
    color: var(--_success) !important;
  }
  form[data-auth-form] .ae-slug-status[data-availability='taken'] {
    color: var(--_danger) !important;
  }
  }
`;

/**
 * @summary Creates an organization: its name, its slug (derived from the name as it is typed,
 * editable, checked for availability), an optional logo; then an "Invite members" step that can
 * be skipped. The person becomes its owner and it becomes the active organization. Renders
 * nothing while nobody is signed in. Its form and inputs live in the light DOM (slot `form`).
 *
 * Light-DOM parts (in the form; restyle them with `appearance.elements`, whose keys are these
 * names in camelCase): form-field, form-field-label, form-field-input, form-field-error,
 * form-field-optional, primary-button, alert, notice, slug-hint, slug-status, organization-logo,
 * organization-logo-preview, organization-logo-button, organization-logo-remove, invite-failures, skip-button.
 *
 * @event {AuthOrgCreatedEvent} auth-org-created - The organization exists (`event.membership`); fired before the invite step.
 * @event {AuthOrgSetupCompleteEvent} auth-org-setup-complete - The invite step is over (`event.invited`); cancelable: `preventDefault()` keeps `after-create-org-url` from being followed.
 * @event {AuthErrorEvent} auth-error - An error is shown (`event.error.code`).
 *
 * @slot form - Filled by the element itself with its light-DOM `<form>`; do not use.
 *
 * @csspart card - The card around everything.
 * @csspart header - The title block.
 * @csspart header-title - The title.
 * @csspart header-subtitle - The line under the title.
 *
 * @cssprop --auth-card-max-width - The card's maximum width (25rem).
 *
 * @cssstate busy - A request is under way.
 */
export class AuthCreateOrg extends AuthElement {
  static override styles = [
    hostBase,
    cardStyles,
    statusStyles,
    css`
      :host([hidden]) {
        display: none;
      }
    `,
  ];
  static override localeNamespaces = ['organization', 'organizationLogo', 'createOrg'];

  /**
   * Where to go once it is set up (`:slug` and `:id` are replaced, URL-encoded); same origin or
   * an allowlisted one. Without it, a short "done" state shows.
   */
  @property({attribute: 'after-create-org-url'}) afterCreateOrgUrl?: string;

  /** Leaves out the "Invite members" step. */
  @property({type: Boolean, attribute: 'skip-invitation-screen'}) skipInvitationScreen = false;

  @state() private step: Step = 'details';
  @state() private availability: Availability = 'idle';

  #name = '';
  #slug = '';
  /** The slug was typed by hand: it no longer follows the name. */
  #slugEdited = false;
  readonly #shownProblems = new ShownProblems<Field>(this);
  #membership: Membership | null = null;
  #invitedCount = 0;
  #user: string | null = null;
  #checkTimer: ReturnType<typeof setTimeout> | undefined;
  #check: AbortController | null = null;
  #lastStep: Step = 'details';
  #reportedError: unknown = null;

  readonly #creating = task(this);
  readonly #invite = new InviteStep(this);
  readonly #logo = new OrganizationLogo(this, () => this.#creating.reset());

  readonly #form = new LightForm(this, {
    owner: formOwnerId(),
    slot: 'form',
    content: () => this.#formContent(),
    onSubmit: () => this.#submit(),
    busy: () => this.#creating.pending || this.#invite.sending.pending || this.#logo.busy,
    styles: [organizationLogoStyles, inviteFieldStyles, createOrgStyles],
  });

  protected override get lightFormSelector(): string {
    return this.#form.selector;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureAnnouncer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopCheck();
  }

  /** Focuses the step's first field (or, once done, the title). */
  focusFirstField(): void {
    const form = this.#form.form;
    const target = this.step === 'done' ? null : form.querySelector<HTMLElement>('input:not([hidden]):not([type="file"]), textarea');
    (target ?? this.renderRoot.querySelector<HTMLElement>('h1'))?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const user = this.authState.user?.id ?? null;
    // Someone else signed in or out: what was typed was theirs.
    if (user !== this.#user) this.#startOver();
    this.#user = user;
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const busy = this.#creating.pending || this.#invite.sending.pending;
    this.#form.form.toggleAttribute('aria-busy', busy);
    this.setState('busy', busy);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const error = this.#creating.error ?? this.#invite.sending.error;
    if (error && error !== this.#reportedError) this.dispatchEvent(new AuthErrorEvent(error));
    this.#reportedError = error;
    if (this.step !== this.#lastStep) {
      this.#lastStep = this.step;
      if (focusIsWithin(this) || focusIsLost()) this.focusFirstField();
    }
  }

  #startOver(): void {
    this.#stopCheck();
    this.step = 'details';
    this.#lastStep = 'details';
    this.availability = 'idle';
    this.#name = '';
    this.#slug = '';
    this.#slugEdited = false;
    this.#shownProblems.clear();
    this.#membership = null;
    this.#invitedCount = 0;
    this.#creating.reset();
    this.#invite.reset();
    this.#logo.value = null;
  }

  override render(): TemplateResult | typeof nothing {
    const {status} = this.authState;
    if (status === 'loading') return busyIndicator(this.t('common.loading'), this.mergedAppearance);
    if (status === 'unavailable') return this.unavailableView();
    if (status !== 'signed-in' || !this.localeReady) return nothing;
    const name = this.#membership?.organization.name ?? '';
    const [title, subtitle] = {
      details: [k('title'), k('subtitle')],
      invite: [k('invite.title'), k('invite.subtitle')],
      done: [k('doneTitle'), this.#invitedCount ? k('doneSubtitleInvited') : k('doneSubtitle')],
    }[this.step];
    return card({
      title: this.t(title),
      subtitle: this.t(subtitle, {name}),
      appearance: this.mergedAppearance,
    });
  }

  #formContent(): TemplateResult | typeof nothing {
    if (this.authState.status !== 'signed-in' || !this.localeReady) return nothing;
    if (this.step === 'invite' && this.#membership) return this.#invite.render(this.#inviteContext(this.#membership));
    if (this.step !== 'details') return nothing;
    const appearance = this.mergedAppearance;
    const error = this.#creating.error;
    const slugError = error && SLUG_ERRORS.has(error.code) ? this.errorMessage(error) : null;
    const formError = error && !slugError ? this.errorMessage(error) : null;
    const ids = {hint: this.#form.nodeId('slug-hint'), status: this.#form.nodeId('slug-status')};
    return html`${alert(formError, appearance, error?.code === 'rate_limited' ? 'warning' : 'danger')}
      ${textField({
        id: this.#form.nodeId('name'),
        name: 'name',
        label: this.t(k('nameLabel')),
        autocomplete: 'organization',
        value: this.#name,
        error: this.#problem('name'),
        onInput: (event) => this.#onName((event.target as HTMLInputElement).value),
        onBlur: this.#shownProblems.onBlur('name'),
        appearance,
      })}
      ${textField({
        id: this.#form.nodeId('slug'),
        name: 'slug',
        label: this.t(k('slugLabel')),
        autocomplete: 'off',
        value: this.#slug,
        error: slugError ?? this.#problem('slug'),
        describedBy: `${ids.hint} ${ids.status}`,
        after: html`<p class="ae-hint" id=${ids.hint} ${part('slug-hint', appearance)}>${this.t(k('slugHint'))}</p>
          <p class="ae-hint ae-slug-status" id=${ids.status} role="status" data-availability=${this.availability} ${part('slug-status', appearance)}>${this.#availabilityText() || nothing}</p>`,
        onInput: (event) => this.#onSlug((event.target as HTMLInputElement).value),
        onBlur: this.#shownProblems.onBlur('slug'),
        appearance,
      })}
      ${this.#logo.render({
        id: this.#form.nodeId('logo'),
        t: (key, options) => this.t(key, options),
        errorMessage: (failure) => this.errorMessage(failure),
        appearance,
        disabled: this.#creating.pending,
      })}
      ${primaryButton(this.t(k('submit')), this.#creating.pending, this.t(k('creating')), appearance)}`;
  }

  #availabilityText(): string {
    const slug = this.#slug;
    switch (this.availability) {
      case 'checking':
        return this.t(k('slugChecking'));
      case 'available':
        return this.t(k('slugAvailable'), {slug});
      case 'taken':
        return this.t(k('slugTaken'), {slug});
      case 'failed':
        return this.t(k('slugCheckFailed'));
      default:
        return '';
    }
  }

  #problem(field: Field): string | undefined {
    if (!this.#shownProblems.has(field)) return undefined;
    if (field === 'name') return this.#name.trim() ? undefined : this.t(k('nameRequired'));
    if (!this.#slug) return this.t(k('slugRequired'));
    return isValidSlug(this.#slug) ? undefined : this.t('errors.invalid_slug');
  }

  #onName(value: string): void {
    this.#name = value;
    if (!this.#slugEdited) this.#setSlug(slugify(value));
    this.requestUpdate();
  }

  #onSlug(value: string): void {
    // Emptied by hand, the slug follows the name again.
    this.#slugEdited = value !== '';
    this.#setSlug(value);
    this.requestUpdate();
  }

  #setSlug(slug: string): void {
    if (slug === this.#slug) return;
    this.#slug = slug;
    if (this.#creating.error && SLUG_ERRORS.has(this.#creating.error.code)) this.#creating.reset();
    this.#scheduleCheck();
  }

  #stopCheck(): void {
    clearTimeout(this.#checkTimer);
    this.#checkTimer = undefined;
    this.#check?.abort();
    this.#check = null;
  }

  /** Asks whether the slug is free once typing pauses, dropping the question before it. */
  #scheduleCheck(): void {
    this.#stopCheck();
    this.availability = 'idle';
    const slug = this.#slug;
    const client = this.client;
    if (!client || !isValidSlug(slug)) return;
    this.#checkTimer = setTimeout(async () => {
      const check = new AbortController();
      this.#check = check;
      this.availability = 'checking';
      try {
        const free = await client.organizations.isSlugAvailable(slug, {signal: check.signal});
        if (this.#check === check) this.availability = free ? 'available' : 'taken';
      } catch {
        // The API checks again on submit; a check that failed blocks nothing.
        if (this.#check === check && !check.signal.aborted) this.availability = 'failed';
      } finally {
        if (this.#check === check) this.#check = null;
      }
    }, CHECK_DELAY_MS);
  }

  #submit(): void {
    if (this.step === 'invite' && this.#membership) {
      void this.#invite.submit(this.#inviteContext(this.#membership));
      return;
    }
    if (this.step === 'details') void this.#create();
  }

  async #create(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.#shownProblems.show('name', 'slug');
    const first = (['name', 'slug'] as const).find((field) => this.#problem(field));
    if (first) {
      this.requestUpdate();
      void this.updateComplete.then(() => this.#form.form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
      return;
    }
    let membership: Membership | undefined;
    const created = await this.#creating.run(async () => {
      membership = await client.organizations.createOrganization({name: this.#name.trim(), slug: this.#slug, logoUrl: this.#logo.value});
    });
    if (!created || !membership) {
      const error = this.#creating.error;
      if (error && SLUG_ERRORS.has(error.code)) {
        this.availability = 'idle';
        void this.updateComplete.then(() => this.#form.form.querySelector<HTMLElement>('[name="slug"]')?.focus());
      }
      return;
    }
    this.#stopCheck();
    this.#membership = membership;
    this.dispatchEvent(new AuthOrgCreatedEvent(membership));
    announce(this.t(k('created'), {name: membership.organization.name}), this.activeLocalizer.language);
    if (this.skipInvitationScreen) this.#finish([]);
    else this.step = 'invite';
  }

  #inviteContext(membership: Membership): InviteContext {
    return {
      client: this.client!,
      membership,
      appearance: this.mergedAppearance,
      language: this.activeLocalizer.language,
      t: (key, options) => this.t(key, options),
      errorMessage: (error) => this.errorMessage(error),
      nodeId: (name) => this.#form.nodeId(name),
      form: this.#form.form,
      done: (invited) => this.#finish(invited),
    };
  }

  /** Set up: tells the page, then follows `after-create-org-url` (unless the page said not to) and shows "done". */
  #finish(invited: readonly Invitation[]): void {
    const membership = this.#membership!;
    this.#invitedCount = invited.length;
    this.step = 'done';
    const event = new AuthOrgSetupCompleteEvent(membership, invited);
    if (!this.dispatchEvent(event) || !this.afterCreateOrgUrl) return;
    followRedirect(organizationUrl(this.afterCreateOrgUrl, membership.organization), this.client?.redirectPolicy);
  }
}
