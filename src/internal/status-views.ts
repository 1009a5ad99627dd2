import {css, html, isServer, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../appearance/part.js';

/** How long a session check may take before a busy indicator shows (no flash for fast APIs). */
export const BUSY_DELAY_MS = 400;

/**
 * A flag that turns true once something has been going on for a while (a delayed spinner):
 * `sync(active)` on every update; the host re-renders when it flips.
 */
export class DelayedFlag implements ReactiveController {
  value = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly delay: () => number = () => BUSY_DELAY_MS,
  ) {
    host.addController(this);
  }

  sync(active: boolean): void {
    if (!active) {
      this.#clear();
      this.value = false;
      return;
    }
    if (this.value || this.#timer) return;
    const ms = this.delay();
    if (ms <= 0) {
      this.value = true;
      return;
    }
    // A server renders once: no timer to keep its process busy, the flag turns in the browser.
    if (isServer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.value = true;
      this.host.requestUpdate();
    }, ms);
  }

  hostDisconnected(): void {
    this.#clear();
  }

  #clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/** A spinner with its text, announced politely (the spinner stops under reduced motion). */
export function busyIndicator(label: string, appearance: PartAppearance): TemplateResult {
  return html`<div class="ae-busy" role="status" ${part('busy', appearance)}>
    <span class="ae-spinner" aria-hidden="true"></span><span>${label}</span>
  </div>`;
}

export interface UnavailableView {
  /** Why (the error's localized message). */
  message: string;
  retryLabel: string;
  retryingLabel: string;
  retrying: boolean;
  onRetry: () => void;
  appearance: PartAppearance;
}

/** "The API can't be reached": the reason as an alert, and a way to try again at once. */
export function unavailableNotice(view: UnavailableView): TemplateResult {
  return html`<div class="ae-unavailable" ${part('unavailable', view.appearance)}>
    <div class="ae-alert" data-tone="warning" role="alert" ${part('alert', view.appearance)}>${view.message}</div>
    <button
      type="button"
      class="ae-secondary"
      ${part('retry-button', view.appearance)}
      aria-disabled=${view.retrying ? 'true' : 'false'}
      @click=${() => !view.retrying && view.onRetry()}
    >
      ${view.retrying ? html`<span class="ae-spinner" aria-hidden="true"></span>${view.retryingLabel}` : view.retryLabel}
    </button>
  </div>`;
}

/** The same views in a shadow root (`<auth-loading>`, `<auth-unavailable>`). */
export const statusStyles = css`
  .ae-busy {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    padding: calc(var(--_space) * 0.75);
    color: var(--_muted-fg);
    font-size: 0.875em;
  }
  .ae-unavailable {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .ae-alert {
    padding: 0.625em 0.75em;
    border: 1px solid var(--_warning-border);
    border-radius: var(--_radius);
    background: var(--_warning-subtle);
    color: var(--_fg);
    font-size: 0.875em;
    line-height: 1.45;
    overflow-wrap: anywhere;
  }
  .ae-secondary {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.5rem;
    padding: 0.5em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    font-family: var(--_font-buttons);
    font-weight: var(--_font-weight);
    cursor: pointer;
  }
  .ae-secondary:hover {
    background: var(--_muted);
  }
  .ae-secondary:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 2px;
  }
  .ae-secondary[aria-disabled='true'] {
    cursor: progress;
  }
  .ae-spinner {
    flex: none;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: ae-spin 0.7s linear infinite;
  }
  :host(:state(no-animations)) .ae-spinner {
    animation: none;
  }
  @media (prefers-reduced-motion: reduce) {
    .ae-spinner {
      animation: none;
    }
  }
  @keyframes ae-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
