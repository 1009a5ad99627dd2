import {css, html, nothing, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../appearance/part.js';
import {adoptLightStyles} from './light-styles.js';
import {ACCEPTED_SCORE, type StrengthResult} from './password-strength.js';

/** What the meter needs beside the score. */
export interface StrengthMeterOptions {
  /** The meter's id, which the password input names in `aria-describedby`. */
  id: string;
  result: StrengthResult;
  t: (key: string, values?: Record<string, unknown>) => string;
  /** The language announcements are said in. */
  lang?: string;
  appearance: PartAppearance;
}

/** Score 0–4 → the level shown (and how many of the four segments are filled). */
const LEVELS = ['weak', 'weak', 'fair', 'good', 'strong'] as const;
const SEGMENTS = [1, 1, 2, 3, 4];

/** zxcvbn-ts's feedback keys the locales translate (`password.strength.warning.*`, `password.strength.suggestion.*`). */
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
export function strengthSummary(t: StrengthMeterOptions['t'], score: number): string {
  return t('password.strength.summary', {level: t(`password.strength.level.${LEVELS[score] ?? 'weak'}`)});
}

/** Why the password is weak, in the person's language: zxcvbn's warning, else its first suggestion. */
export function strengthReason(t: StrengthMeterOptions['t'], {warning, suggestions}: StrengthResult): string {
  if (warning && WARNINGS.has(warning)) return t(`password.strength.warning.${warning}`);
  const suggestion = suggestions.find((key) => SUGGESTIONS.has(key)) ?? 'anotherWord';
  return t(`password.strength.suggestion.${suggestion}`);
}

/** The field problem a submit shows for a password scored below the accepted score. */
export function strengthRefusal(t: StrengthMeterOptions['t'], result: StrengthResult): string {
  return t('password.strength.refused', {reason: strengthReason(t, result)});
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
