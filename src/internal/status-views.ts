import {html, isServer, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
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
