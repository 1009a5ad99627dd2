import {css, html, nothing, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../appearance/part.js';
import {announce} from './announcer.js';
import {adoptLightStyles} from './light-styles.js';

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

export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What the meter needs beside the score. */
export interface StrengthMeterOptions {
  /** The meter's id, which the password input names in `aria-describedby`. */
  id: string;
  result: StrengthResult;
  t: Translate;
  /** The language announcements are said in. */
  lang?: string;
  appearance: PartAppearance;
}

/** Score 0–4 → the level shown (and how many of the four segments are filled). */
const LEVELS = ['weak', 'weak', 'fair', 'good', 'strong'] as const;
const SEGMENTS = [1, 1, 2, 3, 4];

/** zxcvbn-ts's feedback keys the locales translate (`passwordStrength.warning.*`, `passwordStrength.suggestion.*`). */
const WARNINGS = new Set([
  'straightRow', 'keyPattern', 'simpleRepeat', 'extendedRepeat', 'sequences', 'recentYears', 'dates', 'topTen',
  'topHundred', 'common', 'similarToCommon', 'wordByItself', 'namesByThemselves', 'commonNames', 'userInputs', 'pwned',
]);
const SUGGESTIONS = new Set([
  'l33t', 'reverseWords', 'allUppercase', 'capitalization', 'dates', 'recentYears', 'associatedYears', 'sequences',
  'repeated', 'longerKeyboardPattern', 'anotherWord', 'useWords', 'noNeed', 'pwned',
]);

/**
 * The meter's light-DOM styles (with the forms' rules of self-defence, light-styles.ts), loaded
 * with this module: four segments in the meaning colours (danger, warning, success), the level as
 * text beside them (never colour alone), the reason under it.
 */
export const strengthStyles = css`
  @layer auth-base {
  form[data-auth-form] .ae-strength {
    display: grid !important;
    gap: 0.25em !important;
    margin: 0 !important;
    color: var(--_muted-fg) !important;
    font-size: 0.8125em !important;
    line-height: 1.4 !important;
    --_strength: var(--_danger) !important;
  }
  form[data-auth-form] .ae-strength[data-level='fair'] {
    --_strength: var(--_warning) !important;
  }
  form[data-auth-form] .ae-strength:is([data-level='good'], [data-level='strong']) {
    --_strength: var(--_success) !important;
  }
  form[data-auth-form] .ae-strength-meter {
    display: grid !important;
    grid-template-columns: repeat(4, 1fr) !important;
    gap: 0.25rem !important;
  }
  form[data-auth-form] .ae-strength-segment {
    display: block !important;
    height: 0.25rem !important;
    border-radius: 999px !important;
    background: var(--_muted) !important;
  }
  form[data-auth-form] .ae-strength-segment[data-on] {
    background: var(--_strength) !important;
  }
  form[data-auth-form] .ae-strength-label {
    display: block !important;
    margin: 0 !important;
    color: var(--_strength) !important;
    font-weight: var(--_font-weight) !important;
  }
  form[data-auth-form] .ae-strength-hint {
    display: block !important;
    margin: 0 !important;
  }
  @media (forced-colors: active) {
    form[data-auth-form] .ae-strength-segment {
      border: 1px solid CanvasText !important;
    }
    form[data-auth-form] .ae-strength-segment[data-on] {
      background: CanvasText !important;
    }
  }
  }
`;

/** The level said as text: "Password strength: Weak". */
export function strengthSummary(t: Translate, score: number): string {
  return t('passwordStrength.summary', {level: t(`passwordStrength.level.${LEVELS[score] ?? 'weak'}`)});
}

/** Why the password is weak, in the person's language: zxcvbn's warning, else its first suggestion. */
export function strengthReason(t: Translate, {warning, suggestions}: StrengthResult): string {
  if (warning && WARNINGS.has(warning)) return t(`passwordStrength.warning.${warning}`);
  const suggestion = suggestions.find((key) => SUGGESTIONS.has(key)) ?? 'anotherWord';
  return t(`passwordStrength.suggestion.${suggestion}`);
}

/** The field problem a submit shows for a password scored below the accepted score. */
export function strengthRefusal(t: Translate, result: StrengthResult): string {
  return t('passwordStrength.refused', {reason: strengthReason(t, result)});
}

/**
 * The strength meter under a new-password field (its styles adopted into `root`): four segments
 * (decorative), the level as text and, below the accepted score, why.
 */
export function strengthMeter(root: Node, options: StrengthMeterOptions): TemplateResult {
  adoptLightStyles(root, strengthStyles);
  const {id, result, t, appearance} = options;
  const filled = SEGMENTS[result.score] ?? 1;
  return html`<div class="ae-strength" id=${id} data-level=${LEVELS[result.score] ?? 'weak'} ${part('password-strength', appearance)}>
    <div class="ae-strength-meter" aria-hidden="true" ${part('password-strength-meter', appearance)}>
      ${[1, 2, 3, 4].map((segment) => html`<span class="ae-strength-segment" ?data-on=${segment <= filled}></span>`)}
    </div>
    <p class="ae-strength-label" ${part('password-strength-label', appearance)}>${strengthSummary(t, result.score)}</p>
    ${result.score < ACCEPTED_SCORE ? html`<p class="ae-strength-hint">${strengthReason(t, result)}</p>` : nothing}
  </div>`;
}

/** zxcvbn-ts with the common dictionaries and keyboard graphs, set once (its feedback stays as keys, translated by the kit). */
async function loadZxcvbn(): Promise<PasswordScorer> {
  const [{ZxcvbnFactory}, {dictionary, adjacencyGraphs}] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
  return new ZxcvbnFactory({dictionary, graphs: adjacencyGraphs});
}

let loadScorer = loadZxcvbn;
/** zxcvbn, loading or loaded: once per page (a failed load is forgotten, so the next input tries again). */
let loading: Promise<PasswordScorer> | null = null;
let loaded: PasswordScorer | null = null;

/**
 * Test seam, for tests only: replaces how the scorer loads (`null` puts zxcvbn back) and forgets
 * any loaded one, so a test can make the library fail to load, or load again.
 */
export function setScorerLoaderForTests(loader: (() => Promise<PasswordScorer>) | null): void {
  loadScorer = loader ?? loadZxcvbn;
  loading = loaded = null;
}

function scorer(): Promise<PasswordScorer> {
  return (loading ??= loadScorer().then(
    (scorer) => (loaded = scorer),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  ));
}

/**
 * The scoring behind PasswordStrength (password-strength.ts), loaded with the meter: scores the
 * typed text once typing pauses (`delay` ms), drops results for text no longer typed, and says the
 * level politely once typing has paused a while and only when it changed.
 */
export class StrengthEngine {
  /** The score of what is typed now, once known. */
  result: StrengthResult | null = null;
  #typed = '';
  #timer?: ReturnType<typeof setTimeout>;
  #announceTimer?: ReturnType<typeof setTimeout>;
  /** The last render's options and the last summary said, for the announcement. */
  #options?: Omit<StrengthMeterOptions, 'result'>;
  #announced = '';

  constructor(
    private readonly changed: () => void,
    private readonly userInputs: () => string[],
    private readonly delay = 150,
  ) {}

  input(text: string): void {
    this.#typed = text;
    clearTimeout(this.#timer);
    if (!text) return this.#show(null);
    this.#timer = setTimeout(() => {
      scorer().then(
        (loaded) => this.#typed === text && this.#show(this.#score(loaded, text)),
        () => this.#show(null),
      );
    }, this.delay);
  }

  /** Why a submit must refuse `text`, or null (rejects when zxcvbn can't load). */
  refusal(text: string, t: Translate): string | null | Promise<string | null> {
    const judge = (loaded: PasswordScorer) => {
      const result = this.#score(loaded, text);
      return result.score < ACCEPTED_SCORE ? strengthRefusal(t, result) : null;
    };
    return loaded ? judge(loaded) : scorer().then(judge);
  }

  render(root: Node, options: Omit<StrengthMeterOptions, 'result'>): TemplateResult | undefined {
    this.#options = options;
    return this.result ? strengthMeter(root, {...options, result: this.result}) : undefined;
  }

  stop(): void {
    clearTimeout(this.#timer);
    clearTimeout(this.#announceTimer);
  }

  #score(loaded: PasswordScorer, text: string): StrengthResult {
    // The whole email and name, and their words ("alice" of "alice@example.com").
    const inputs = this.userInputs().flatMap((value) => [value, ...value.split(/[\s@.]+/)]).filter((value) => value.length > 2);
    const {score, feedback} = loaded.check(text, inputs);
    return {score, warning: feedback.warning || null, suggestions: feedback.suggestions};
  }

  #show(result: StrengthResult | null): void {
    this.result = result;
    this.changed();
    clearTimeout(this.#announceTimer);
    if (!result) return void (this.#announced = '');
    this.#announceTimer = setTimeout(() => {
      const options = this.#options;
      const summary = options ? strengthSummary(options.t, result.score) : '';
      if (summary && summary !== this.#announced) announce(summary, options!.lang);
      this.#announced = summary;
    }, 1000);
  }
}
