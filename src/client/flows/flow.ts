import {AuthError, toAuthError} from '../errors.js';
import {Listeners} from '../listeners.js';

/** What a pending flow is doing, so an element can say so ("Signing in…"). */
export type FlowActivity = 'sign-in' | 'sign-up' | 'verify' | 'send-code' | 'send-link' | 'reset';

export interface FlowState<Step extends string> {
  step: Step;
  /** The email the flow is about (kept across steps and failures); on a first step that takes either, what was typed. */
  email: string;
  /** The phone number a code was texted to (E.164), when the flow is about one; '' otherwise. */
  phoneNumber: string;
  /** The last failure, cleared when the next action starts. */
  error: AuthError | null;
  /** True while a request is under way; further submits are ignored. */
  pending: boolean;
  /** What the pending request does (null when idle). */
  activity: FlowActivity | null;
  /** Set when a code has just been sent again, so the element can say so. */
  codeSent: boolean;
}

/**
 * The shared machinery of a multi-step flow: one action at a time (a double-clicked submit
 * sends one request), failures kept as an AuthError without losing the step or the input.
 */
export abstract class Flow<Step extends string> {
  #state: FlowState<Step>;
  #listeners = new Listeners<FlowState<Step>>();

  constructor(initialStep: Step) {
    this.#state = {step: initialStep, email: '', phoneNumber: '', error: null, pending: false, activity: null, codeSent: false};
  }

  get state(): FlowState<Step> {
    return this.#state;
  }

  subscribe(listener: (state: FlowState<Step>) => void): () => void {
    return this.#listeners.add(listener);
  }

  protected set(patch: Partial<FlowState<Step>>): void {
    this.#state = {...this.#state, ...patch};
    this.#listeners.emit(this.#state);
  }

  /** Runs one action unless another is under way. Resolves true when it succeeded. */
  protected async run(activity: FlowActivity, action: () => Promise<void>): Promise<boolean> {
    if (this.#state.pending) return false;
    this.set({pending: true, activity, error: null, codeSent: false});
    try {
      await action();
      this.set({pending: false, activity: null});
      return true;
    } catch (error) {
      this.set({pending: false, activity: null, error: toAuthError(error)});
      return false;
    }
  }

  /** Hides the error shown (the person changed what the step asks for). */
  clearError(): void {
    if (this.#state.error && !this.#state.pending) this.set({error: null});
  }

  /** Shows an error found before any request (client-side validation, or words the element could not load). */
  fail(error: AuthError): void {
    this.set({error});
  }
}
