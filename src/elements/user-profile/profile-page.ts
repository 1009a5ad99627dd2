/**
 * What the built-in pages of the profiles share — the user profile's (Account, Security;
 * two-step verification and passkeys come as further sections of Security) and the
 * organization profile's (General, Members), each with a PageContext of its kind: the context the element hands them, the section
 * layout (a title on one side, the value and its actions on the other), and the editor model —
 * one section at a time opens an editor, rendered into the element's light-DOM form (so
 * password managers and autofill see its inputs) and slotted where the section's value was.
 */
import {css, html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {part} from '../../appearance/part.js';
import type {Appearance, MergedAppearance} from '../../appearance/appearance.js';
import type {AuthClient} from '../../client/auth-client.js';
import type {AuthError} from '../../client/errors.js';
import type {User} from '../../client/types.js';
import type {TranslateOptions} from '../../i18n/translate.js';
import type {FreshSession} from '../../internal/fresh-session.js';
import type {LightForm} from '../../internal/light-form.js';
import {rowListStyles} from '../../internal/row-list.js';
import type {Loader} from '../../internal/loader.js';
import {busyIndicator, unavailableNotice, type DelayedFlag} from '../../internal/status-views.js';

/** What a page of a multi-page element (the user profile, the organization profile) is handed. */
export interface PageContext {
  host: ReactiveControllerHost & HTMLElement;
  client: AuthClient;
  appearance: MergedAppearance;
  /** The element's own `appearance`, for the kit elements it renders (dialogs): the provider's reaches them by itself. */
  ownAppearance: Appearance | undefined;
  language: string;
  t(key: string, options?: TranslateOptions): string;
  errorMessage(error: AuthError | null | undefined): string | null;
  /** The light-DOM form editors render into. */
  form: LightForm;
  /** The section whose editor is open on this page, or null. */
  editing: string | null;
  /** Opens a section's editor (closing any other), or with null closes it; focus follows. */
  edit(section: string | null): void;
}

export interface ProfileContext extends PageContext {
  user: User;
  /** Runs a sensitive action, asking for the password first when the API wants it. */
  fresh: FreshSession;
}

/** A page the element has by itself. */
export interface BuiltInPage<C extends PageContext = ProfileContext> {
  readonly path: string;
  readonly icon: TemplateResult;
  /** The navigation entry and the page's heading. */
  title(context: C): string;
  subtitle(context: C): string;
  render(context: C): TemplateResult;
  /** The open section's editor, rendered into the light-DOM form. */
  editor(context: C, section: string): TemplateResult | typeof nothing;
  submit(context: C, section: string, data: FormData): void;
  /** Forget what was typed or loaded (the user changed, or the page was left). */
  reset(): void;
}

export interface SectionView {
  /** Unique within the page: the heading's id and the editor's name. */
  id: string;
  title: string;
  context: PageContext;
  /** The section's value and actions, while no editor is open here. */
  content: TemplateResult | typeof nothing;
  /**
   * Above the open editor, in the shadow DOM: what is no field (a step's heading and
   * explanation, a QR code), so the light-DOM form holds only inputs and their buttons.
   */
  lead?: TemplateResult | typeof nothing;
}

/** One row of a page: its title, then its value — or its open editor, slotted from the light DOM. */
export function section({id, title, context, content, lead = nothing}: SectionView): TemplateResult {
  const {appearance} = context;
  return html`<section class="section" aria-labelledby=${`section-${id}`} ${part('profile-section', appearance)}>
    <h3 class="section-title" id=${`section-${id}`} ${part('profile-section-title', appearance)}>${title}</h3>
    <div class="section-content" ${part('profile-section-content', appearance)}>
      ${context.editing === id ? html`<div class="editor" ${part('profile-editor', appearance)}>${lead}<slot name="form"></slot></div>` : content}
    </div>
  </section>`;
}

/** A button in the shadow DOM (a section's action): `secondary`, `primary` (the step's way on), `text` or `danger`. */
export function sectionButton(
  label: string,
  onClick: () => void,
  options: {variant?: 'secondary' | 'primary' | 'text' | 'danger'; busy?: boolean; name?: string; context: PageContext; describedBy?: string},
): TemplateResult {
  const {variant = 'secondary', busy = false, name = 'profile-section-button', context} = options;
  return html`<button
    type="button"
    class="button ${variant}"
    aria-disabled=${busy ? 'true' : 'false'}
    aria-describedby=${options.describedBy ?? nothing}
    ${part(name, context.appearance)}
    @click=${() => !busy && onClick()}
  >
    ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${label}
  </button>`;
}

/**
 * What a section shows until its list has loaded: after a failure its message and a retry
 * ("Continue" where the API wants a fresh session: the retry asks for the password first);
 * while loading, once `busy` says the wait is worth mentioning, `loadingLabel` with a spinner.
 * Null once there is a value to show — also after a failed reload with `keepValue`, which
 * keeps showing the last value (otherwise the failure shows in its place).
 */
export function notLoaded<T>(
  context: PageContext,
  list: Loader<T>,
  busy: DelayedFlag,
  {loadingLabel, onRetry, keepValue = false}: {loadingLabel: string; onRetry: () => void; keepValue?: boolean},
): TemplateResult | null {
  const {value, status, error} = list;
  busy.sync(value === undefined && status !== 'error');
  if (value !== undefined && (status !== 'error' || keepValue)) return null;
  const {t, appearance} = context;
  const failure = status === 'error' ? error : null;
  if (!failure) return busy.value ? busyIndicator(loadingLabel, appearance) : html``;
  return unavailableNotice({
    message: context.errorMessage(failure) ?? '',
    retryLabel: t(failure.code === 'session_not_fresh' ? 'common.continue' : 'common.retry'),
    retryingLabel: t('common.retrying'),
    retrying: false,
    onRetry,
    appearance,
  });
}

/** An error or notice in the shadow DOM, announced. */
export function sectionAlert(message: string | null, context: PageContext, tone: 'danger' | 'success' = 'danger'): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return tone === 'danger'
    ? html`<p class="alert" role="alert" ${part('alert', context.appearance)}>${message}</p>`
    : html`<p class="notice" role="status" ${part('notice', context.appearance)}>${message}</p>`;
}

/** Cancel and the submit button at the end of an editor (light DOM). */
export function editorActions(context: PageContext, submit: {label: string; busy: boolean; busyLabel: string; danger?: boolean; disabled?: boolean}): TemplateResult {
  return html`<div class="ae-form-actions">
    <button type="button" class="ae-secondary" ${part('form-button-secondary', context.appearance)} @click=${() => context.edit(null)}>
      ${context.t('common.cancel')}
    </button>
    <button
      type="submit"
      class="ae-primary ${submit.danger ? 'ae-danger' : ''}"
      ?disabled=${!!submit.disabled}
      aria-disabled=${submit.busy ? 'true' : 'false'}
      ${part('form-button-primary', context.appearance)}
    >
      ${submit.busy ? html`<span class="ae-spinner" aria-hidden="true"></span>${submit.busyLabel}` : submit.label}
    </button>
  </div>`;
}

export const sectionStyles = css`
  ${rowListStyles}
  /* A line of text in a section (an empty state, a hint): no paragraph margins. */
  .section-note {
    margin: 0;
    color: var(--_muted-fg);
    font-size: 0.875em;
  }
  /* A section that could not load says why, with "Try again" sized like the section's buttons. */
  .section-content .ae-unavailable {
    justify-items: start;
  }
  .section-content .ae-unavailable .ae-alert {
    justify-self: stretch;
  }
  .section-content .ae-unavailable .ae-secondary {
    min-height: 2.25rem;
    padding: 0.375em 0.875em;
    font-size: 0.875em;
  }
  .page-header {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    padding-block-end: calc(var(--_space) * 1);
    border-block-end: 1px solid var(--_border-subtle);
  }
  .page-title {
    margin: 0;
    font-size: 1.125em;
    font-weight: 650;
    line-height: 1.3;
  }
  .page-title:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .page-subtitle {
    margin: 0;
    color: var(--_muted-fg);
    font-size: 0.875em;
  }
  .section {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 0.75);
    padding-block: calc(var(--_space) * 1.25);
    border-block-end: 1px solid var(--_border-subtle);
  }
  .section:last-child {
    border-block-end: 0;
  }
  .section-title {
    margin: 0;
    font-size: 0.875em;
    font-weight: var(--_font-weight);
    line-height: 1.5;
  }
  .section-content {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  .editor {
    padding: calc(var(--_space) * 1);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    box-shadow: 0 1px 3px var(--_shadow);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  .row-main {
    display: grid;
    flex: 1 1 12rem;
    min-width: 0;
    gap: calc(var(--_space) * 0.125);
  }
  .row-title {
    font-size: 0.875em;
    font-weight: var(--_font-weight);
    overflow-wrap: anywhere;
  }
  .row-detail {
    color: var(--_muted-fg);
    font-size: 0.8125em;
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-block;
    padding: 0.0625em 0.5em;
    border-radius: 999px;
    background: var(--_muted);
    color: var(--_muted-fg);
    font-size: 0.75em;
    font-weight: var(--_font-weight);
    vertical-align: middle;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.25rem;
    margin: 0;
    padding: 0.375em 0.875em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font-family: var(--_font-buttons);
    font-size: 0.875em;
    font-weight: var(--_font-weight);
    line-height: 1.4;
    cursor: pointer;
  }
  .button:hover {
    background: var(--_muted);
  }
  .button:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 2px;
  }
  .button[aria-disabled='true'] {
    cursor: progress;
  }
  .button.primary {
    border-color: transparent;
    background: var(--_primary);
    color: var(--_primary-fg);
  }
  .button.primary:hover {
    background: var(--_primary-hover);
  }
  .crop {
    display: grid;
    gap: calc(var(--_space) * 1);
  }
  .crop-actions {
    justify-content: flex-end;
  }
  .button.text {
    border-color: transparent;
    background: none;
    color: var(--_primary);
    padding-inline: 0.5em;
  }
  .button.text:hover {
    background: var(--_muted);
  }
  .button.danger {
    border-color: var(--_danger-border);
    background: var(--_danger-subtle);
    color: var(--_danger);
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.7s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  .alert,
  .notice {
    margin: 0;
    padding: calc(var(--_space) * 0.625) calc(var(--_space) * 0.75);
    border-radius: var(--_radius);
    font-size: 0.875em;
  }
  .alert {
    border: 1px solid var(--_danger-border);
    background: var(--_danger-subtle);
    color: var(--_danger);
  }
  /* Success text on the card's own background: the contrast the form notices (.ae-notice) have in every theme. */
  .notice {
    border: 1px solid var(--_success);
    background: var(--_bg);
    color: var(--_success);
  }
  /* The page is the container (user-profile.ts): two columns once the page itself is wide enough. */
  @container (min-width: 34rem) {
    .section {
      grid-template-columns: 12rem minmax(0, 1fr);
      gap: calc(var(--_space) * 1.5);
    }
  }
`;

/** The frame of a profile element (user-profile.ts, org-profile.ts): the card, the page beside the navigation, a custom page, an empty profile. */
export const profileLayoutStyles = css`
  .profile {
    overflow: hidden;
    border: var(--_card-border, 1px solid var(--_border-subtle));
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: var(--_card-shadow, 0 10px 30px -12px var(--_shadow), 0 2px 6px -2px var(--_shadow));
  }
  .page {
    container-type: inline-size;
    display: grid;
    align-content: start;
    padding: min(calc(var(--_space) * 2), max(var(--_space), 6cqi));
    overflow-wrap: anywhere;
  }
  .section .avatar {
    --auth-avatar-size: 3rem;
    font-size: 1.125em;
  }
  .custom-page {
    padding-block-start: calc(var(--_space) * 1.25);
  }
  .empty {
    padding: calc(var(--_space) * 2);
  }
`;
