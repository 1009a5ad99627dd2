import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {toAuthError, type AuthError} from '../client/errors.js';
import {ActionCancelled} from './async-action.js';

export type LoadStatus = 'idle' | 'pending' | 'complete' | 'error';

/** Runs the load, possibly through something else (`context.fresh.run`, which may ask for the password first). */
export type LoadWrapper<T> = (load: () => Promise<T>) => Promise<T>;

/**
 * Something an element shows once it has loaded it (the devices signed in, an organization's
 * members): pending, complete or failed, one run at a time. Each run gets an AbortSignal,
 * aborted when a newer run starts, when `reset()` forgets the result, or when the element
 * leaves the document — Lit's Task does not abort on disconnect; as lit/lit#4705 advises, the
 * abort waits a microtask, so an element that is only moved keeps its load. A load cut short by
 * a disconnect starts again on the next `ensure()` once the element is back.
 *
 * A reload keeps the last value while it runs (`value` with status `pending`), so a list does
 * not flash a spinner after every change.
 */
export class Loader<T> implements ReactiveController {
  status: LoadStatus = 'idle';
  value: T | undefined = undefined;
  error: AuthError | null = null;
  #controller: AbortController | null = null;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  /** Starts `load` unless it is under way or has answered (call it while rendering). */
  ensure(load: (signal: AbortSignal) => Promise<T>): void {
    if (this.status === 'idle') void this.run(load);
  }

  /**
   * Loads again (aborting a run under way); true once it answered. A wrapper that ends with
   * ActionCancelled (the person closed the password dialog) leaves the previous state as it was.
   */
  async run(load: (signal: AbortSignal) => Promise<T>, wrap: LoadWrapper<T> = (run) => run()): Promise<boolean> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const before = {status: this.status, error: this.error};
    this.status = 'pending';
    this.error = null;
    this.host.requestUpdate();
    try {
      const value = await wrap(() => load(controller.signal));
      if (this.#controller !== controller) return false;
      this.value = value;
      this.status = 'complete';
      return true;
    } catch (error) {
      if (this.#controller !== controller) return false;
      if (error instanceof ActionCancelled) {
        this.status = before.status === 'pending' ? 'idle' : before.status;
        this.error = before.error;
      } else {
        this.status = 'error';
        this.error = toAuthError(error);
      }
      return false;
    } finally {
      if (this.#controller === controller) {
        this.#controller = null;
        this.host.requestUpdate();
      }
    }
  }

  /** Replaces the value without asking again (a change this element made and knows the result of). */
  set(value: T): void {
    this.value = value;
    this.host.requestUpdate();
  }

  /** Forgets the result and aborts a run under way. */
  reset(): void {
    this.#abort();
    this.status = 'idle';
    this.value = undefined;
    this.error = null;
  }

  hostConnected(): void {
    if (this.status === 'idle') this.host.requestUpdate();
  }

  hostDisconnected(): void {
    queueMicrotask(() => {
      if (this.host.isConnected || !this.#controller) return;
      this.#abort();
      // Load again when the element is back (a value from before stays shown meanwhile).
      this.status = 'idle';
    });
  }

  #abort(): void {
    const controller = this.#controller;
    this.#controller = null;
    controller?.abort();
  }
}
