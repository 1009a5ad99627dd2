import type {ReactiveController, ReactiveControllerHost, TemplateResult} from 'lit';
import type {StrengthEngine, StrengthMeterOptions, StrengthResult, Translate} from './strength-meter.js';

export type {StrengthResult};

/**
 * The strength of a new password as it is typed (issue 9). This part is all a page carries up
 * front: the scoring, the meter and zxcvbn-ts (strength-meter.ts) load the first time a
 * new-password field gets input, and a submit that finds them not there yet waits for them a
 * little. They score the text once typing pauses, with the person's own details (`userInputs`:
 * email, name) as a dictionary; the host re-renders with the meter. A submit refuses a password
 * that scores too low (`refused` says why). If they cannot load, there is no meter and nothing is
 * refused: only the password policy applies; the next input tries again.
 */
export class PasswordStrength implements ReactiveController {
  /** Why the last submit refused the password (too easy to guess), until it is typed again. */
  refused: string | null = null;
  /** A submit waits for the scoring to load before judging the password. */
  judging = false;
  #engine?: StrengthEngine;
  #loading?: Promise<StrengthEngine>;
  #typed = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The person's email, name… (a password built from them scores low). */
    private readonly userInputs: () => string[],
    /** Loads what the meter says (the texts of `passwordStrength`), if they may be missing. */
    private readonly prepare?: () => Promise<void>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#engine?.stop();
  }

  /** The score of what is typed now, once known. */
  get result(): StrengthResult | null {
    return this.#engine?.result ?? null;
  }

  /** The text of the new-password field changed. */
  input(text: string): void {
    this.#typed = text;
    this.refused = null;
    if (this.#engine) this.#engine.input(text);
    else if (text) this.#load().then((engine) => engine.input(this.#typed), () => {});
  }

  /** Forgets what was typed. */
  reset(): void {
    this.input('');
  }

  /**
   * Judges `password` for a submit: `proceed()` when it may go, `refuse()` (with `refused` set)
   * when it is too easy to guess. While the scoring loads (at most a few seconds), `form` says it
   * is busy; if it can't load, the password goes.
   */
  submit(password: string, t: Translate, form: HTMLFormElement, proceed: () => void, refuse: () => void): void {
    const judged = (reason: string | null) => {
      this.refused = reason;
      this.host.requestUpdate();
      if (reason) refuse();
      else proceed();
    };
    const refusal = this.#engine ? this.#engine.refusal(password, t) : this.#load().then((engine) => engine.refusal(password, t));
    if (!(refusal instanceof Promise)) return judged(refusal);
    this.#judging(form, true);
    void Promise.race([refusal, new Promise<null>((resolve) => setTimeout(resolve, 3000, null))])
      .catch(() => null)
      .then((reason) => {
        this.#judging(form, false);
        judged(reason);
      });
  }

  /** The meter for what is typed (its styles adopted into `root`), or undefined while there is no score. */
  render(root: Node, options: Omit<StrengthMeterOptions, 'result'>): TemplateResult | undefined {
    return this.#engine?.render(root, options);
  }

  #judging(form: HTMLFormElement, on: boolean): void {
    this.judging = on;
    form.toggleAttribute('aria-busy', on);
    this.host.requestUpdate();
  }

  #load(): Promise<StrengthEngine> {
    return (this.#loading ??= Promise.all([import('./strength-meter.js'), this.prepare?.()]).then(
      ([{StrengthEngine}]) => (this.#engine = new StrengthEngine(() => this.host.requestUpdate(), this.userInputs)),
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    ));
  }
}
