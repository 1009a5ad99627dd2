import type {ReactiveController, ReactiveControllerHost, TemplateResult} from 'lit';
import {announce} from './announcer.js';
import type {StrengthMeterOptions} from './strength-meter.js';

/** The lowest zxcvbn score (0–4) a new password may have: below it, submit refuses it. */
export const ACCEPTED_SCORE = 3;

/** How a typed password scores: zxcvbn's score and its feedback, as zxcvbn-ts's translation keys. */
export interface StrengthResult {
  score: number;
  /** A key of zxcvbn-ts's `warnings` (`common`, `userInputs`…), or null. */
  warning: string | null;
  /** Keys of zxcvbn-ts's `suggestions` (`anotherWord`, `capitalization`…). */
  suggestions: string[];
}

/** What scores passwords: zxcvbn-ts's `ZxcvbnFactory` (or a test's stand-in). */
export interface PasswordScorer {
  check(password: string, userInputs: string[]): {score: number; feedback: {warning: string | null; suggestions: string[]}};
}

type MeterModule = typeof import('./strength-meter.js');

/** zxcvbn-ts with the common dictionaries and keyboard graphs, set once (its feedback stays as keys, translated by the kit). */
async function loadZxcvbn(): Promise<PasswordScorer> {
  const [{ZxcvbnFactory}, {dictionary, adjacencyGraphs}] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
  return new ZxcvbnFactory({dictionary, graphs: adjacencyGraphs});
}

let loadScorer = loadZxcvbn;
/** The library and the meter, loading or loaded: once per page (a failed load is forgotten, so the next input tries again). */
let loading: Promise<[PasswordScorer, MeterModule]> | null = null;
let loaded: [PasswordScorer, MeterModule] | null = null;

/**
 * Test seam, for tests only: replaces how the scorer loads (`null` puts zxcvbn back) and forgets
 * any loaded one, so a test can make the library fail to load, or load again.
 */
export function setScorerLoaderForTests(loader: (() => Promise<PasswordScorer>) | null): void {
  loadScorer = loader ?? loadZxcvbn;
  loading = loaded = null;
}

function load(): Promise<[PasswordScorer, MeterModule]> {
  return (loading ??= Promise.all([loadScorer(), import('./strength-meter.js')]).then(
    (both) => (loaded = both),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  ));
}

/**
 * The strength of a new password as it is typed: zxcvbn (loaded the first time a new-password
 * field gets input, never before) scores the text once typing pauses, with the person's own
 * details (`userInputs`: email, name) as a dictionary, and the host re-renders with the meter.
 * Results for text no longer typed are dropped. If the library cannot load, there is no meter
 * and nothing is refused: only the password policy applies.
 */
export class PasswordStrength implements ReactiveController {
  #typed = '';
  #result: StrengthResult | null = null;
  #timer?: ReturnType<typeof setTimeout>;
  #announceTimer?: ReturnType<typeof setTimeout>;
  /** The last render's options and the last summary said, for the announcement once typing pauses. */
  #options?: Omit<StrengthMeterOptions, 'result'>;
  #announced = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The person's email, name… (zxcvbn scores a password built from them low). */
    private readonly userInputs: () => string[],
    private readonly delay = 150,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    clearTimeout(this.#announceTimer);
  }

  /** The score of what is typed now, once known. */
  get result(): StrengthResult | null {
    return this.#result;
  }

  /** The text of the new-password field changed. */
  input(text: string): void {
    this.#typed = text;
    clearTimeout(this.#timer);
    if (!text) return this.#show(null);
    this.#timer = setTimeout(() => {
      load().then(
        ([scorer]) => this.#typed === text && this.#show(this.#score(scorer, text)),
        () => this.#show(null),
      );
    }, this.delay);
  }

  /** Forgets what was typed. */
  reset(): void {
    this.input('');
  }

  /**
   * Why a submit must refuse `text` (its score is below ACCEPTED_SCORE), or null: said now when the
   * library is there, else once it loads (a submit waits for that at most `wait` ms); null when it
   * can't load, so nothing is refused.
   */
  refusal(text: string, t: StrengthMeterOptions['t'], wait = 3000): string | null | Promise<string | null> {
    const judge = ([scorer, meter]: [PasswordScorer, MeterModule]) => {
      const result = this.#score(scorer, text);
      return result.score < ACCEPTED_SCORE ? meter.strengthRefusal(t, result) : null;
    };
    if (loaded) return judge(loaded);
    return Promise.race([load().then(judge), new Promise<null>((resolve) => setTimeout(resolve, wait, null))]).catch(() => null);
  }

  /** The meter for what is typed (its styles adopted into `root`), or undefined while there is no score. */
  render(root: Node, options: Omit<StrengthMeterOptions, 'result'>): TemplateResult | undefined {
    this.#options = options;
    return this.#result && loaded ? loaded[1].strengthMeter(root, {...options, result: this.#result}) : undefined;
  }

  #score(scorer: PasswordScorer, text: string): StrengthResult {
    const inputs = this.userInputs().flatMap((value) => [value, ...value.split(/[\s@.]+/)]).filter((value) => value.length > 2);
    const {score, feedback} = scorer.check(text, inputs);
    return {score, warning: feedback.warning || null, suggestions: feedback.suggestions};
  }

  #show(result: StrengthResult | null): void {
    this.#result = result;
    this.host.requestUpdate();
    clearTimeout(this.#announceTimer);
    if (!result) return void (this.#announced = '');
    // Said politely once typing has paused a while, and only when the level changed.
    this.#announceTimer = setTimeout(() => {
      const summary = loaded && this.#options ? loaded[1].strengthSummary(this.#options.t, result.score) : '';
      if (summary && summary !== this.#announced) announce(summary, this.#options!.lang);
      this.#announced = summary;
    }, 1000);
  }
}
