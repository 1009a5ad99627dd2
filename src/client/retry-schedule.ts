import type {AuthError} from './errors.js';

export interface RetryOptions {
  /** The first wait, in milliseconds (default 1000); each failure doubles it. */
  baseDelayMs?: number;
  /** The longest wait between two attempts (default 30000). */
  maxDelayMs?: number;
}

/**
 * When to ask the API again after a session check failed: exponential backoff with jitter,
 * never sooner than a 429's Retry-After, and at once when the browser comes back online or the
 * tab becomes visible again. Framework-free; the window events are optional (absent on a server).
 */
export class RetrySchedule {
  readonly #retry: () => void;
  readonly #base: number;
  readonly #max: number;
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #listening = false;

  constructor(retry: () => void, options: RetryOptions = {}) {
    this.#retry = retry;
    this.#base = options.baseDelayMs ?? 1000;
    this.#max = options.maxDelayMs ?? 30_000;
  }

  /** How long the next wait is, for this failure (milliseconds). */
  nextDelay(error: AuthError): number {
    const backoff = Math.min(this.#max, this.#base * 2 ** this.#attempt);
    // ±20 % so that many tabs or clients don't retry in step.
    const jittered = backoff * (0.8 + Math.random() * 0.4);
    const wait = error.retryAfter ? Math.max(jittered, error.retryAfter * 1000) : jittered;
    return Math.round(wait);
  }

  /** A check failed: try again after the backoff (and as soon as the browser is back). */
  failed(error: AuthError): void {
    clearTimeout(this.#timer);
    const delay = this.nextDelay(error);
    this.#attempt++;
    this.#timer = setTimeout(() => this.#fire(), delay);
    this.#listen(true);
  }

  /** A check answered: forget the failures. */
  succeeded(): void {
    this.stop();
    this.#attempt = 0;
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#listen(false);
  }

  #fire = (): void => {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#retry();
  };

  #onVisibility = (): void => {
    if (globalThis.document?.visibilityState === 'visible') this.#fire();
  };

  #listen(on: boolean): void {
    if (on === this.#listening || typeof globalThis.addEventListener !== 'function') return;
    this.#listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    globalThis[method]('online', this.#fire);
    globalThis.document?.[method]('visibilitychange', this.#onVisibility);
  }
}
