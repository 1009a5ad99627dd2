import {css, type CSSResult} from 'lit';

/**
 * Styles for the forms the kit renders in the light DOM (where password managers can see
 * the inputs). They live in the document, so they defend themselves: every rule is scoped to
 * `form[data-auth-form]`, starts from `all: revert`, and is `!important`, so a host page's
 * global `input {…}`, `button {…}` or `form {…}` rules cannot reach our nodes, and nothing of
 * ours reaches the page. (SVG is left alone: `revert` would drop its geometry attributes.) Appearance styles are inline `!important` and still win.
 */
export const lightStyles = css`
  @layer auth-user, auth-base;
  @layer auth-base {
  form[data-auth-form],
  form[data-auth-form] :not(svg, svg *) {
    all: revert !important;
    box-sizing: border-box !important;
  }
  form[data-auth-form] [hidden] {
    display: none !important;
  }
  form[data-auth-form] {
    display: grid !important;
    gap: calc(var(--_space) * 1) !important;
    margin: 0 !important;
    padding: 0 !important;
    width: 100% !important;
  }
  form[data-auth-form] .ae-field {
    display: grid !important;
    gap: calc(var(--_space) * 0.375) !important;
  }
  form[data-auth-form] .ae-field-row {
    display: flex !important;
    flex-wrap: wrap !important;
    align-items: baseline !important;
    justify-content: space-between !important;
    gap: calc(var(--_space) * 0.5) !important;
  }
  form[data-auth-form] .ae-label {
    display: block !important;
    font-size: 0.875em !important;
    font-weight: var(--_font-weight) !important;
    line-height: 1.4 !important;
  }
  form[data-auth-form] .ae-optional {
    display: inline-block !important;
    padding: 0.0625em 0.5em !important;
    border-radius: 999px !important;
    background: var(--_muted) !important;
    color: var(--_muted-fg) !important;
    font-size: 0.75em !important;
    line-height: 1.5 !important;
  }
  form[data-auth-form] .ae-input-wrap {
    position: relative !important;
  }
  form[data-auth-form] .ae-input {
    display: block !important;
    width: 100% !important;
    min-height: 2.5rem !important;
    margin: 0 !important;
    padding: 0.5em 0.75em !important;
    border: 1px solid var(--_border) !important;
    border-radius: var(--_radius) !important;
    background: var(--_input) !important;
    color: var(--_input-fg) !important;
    font-family: var(--_font) !important;
    font-size: max(16px, 1em) !important;
    line-height: 1.4 !important;
    outline: none !important;
    transition: border-color 0.15s !important;
  }
  form[data-auth-form] .ae-input:focus-visible {
    border-color: var(--_ring) !important;
    outline: var(--_focus-outline) !important;
    outline-offset: 0 !important;
  }
  form[data-auth-form] .ae-input[aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }
  form[data-auth-form] .ae-input.ae-has-toggle {
    padding-inline-end: 2.75rem !important;
  }
  /* The code field is a size container, so the code's digits shrink to fit a narrow card. */
  form[data-auth-form] .ae-field:has(> .ae-code) {
    container-type: inline-size !important;
  }
  form[data-auth-form] .ae-input.ae-code {
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace !important;
    /* Six digits with their spacing and padding take about 8.4em: at most 11% of the field each. */
    font-size: min(1.5em, 11cqi) !important;
    letter-spacing: 0.5em !important;
    text-align: center !important;
    padding-inline-start: 1em !important;
  }
  form[data-auth-form] .ae-toggle {
    position: absolute !important;
    inset-block: 0 !important;
    inset-inline-end: 0 !important;
    display: inline-flex !important;
    align-items: center !important;
    justify-content: center !important;
    width: 2.75rem !important;
    margin: 0 !important;
    padding: 0 !important;
    border: 0 !important;
    border-radius: var(--_radius) !important;
    background: transparent !important;
    color: var(--_muted-fg) !important;
    cursor: pointer !important;
  }
  form[data-auth-form] .ae-toggle:focus-visible {
    outline: var(--_focus-outline) !important;
    outline-offset: -4px !important;
  }
  form[data-auth-form] .ae-link:focus-visible {
    outline: var(--_focus-outline) !important;
    outline-offset: 2px !important;
  }
  form[data-auth-form] svg {
    display: block !important;
    width: 1.25em !important;
    height: 1.25em !important;
    fill: none !important;
    stroke: currentColor !important;
    stroke-width: 2 !important;
    stroke-linecap: round !important;
    stroke-linejoin: round !important;
  }
  form[data-auth-form] .ae-field-error,
  form[data-auth-form] .ae-alert {
    display: block !important;
    margin: 0 !important;
    color: var(--_danger) !important;
    font-size: 0.875em !important;
    line-height: 1.4 !important;
  }
  form[data-auth-form] .ae-alert {
    padding: 0.625em 0.75em !important;
    border: 1px solid color-mix(in srgb, var(--_danger) 35%, transparent) !important;
    border-radius: var(--_radius) !important;
    background: color-mix(in srgb, var(--_danger) 8%, var(--_bg)) !important;
  }
  form[data-auth-form] .ae-alert[data-tone='warning'] {
    color: var(--_fg) !important;
    border-color: var(--_warning-border) !important;
    background: var(--_warning-subtle) !important;
  }
  form[data-auth-form] .ae-notice {
    display: block !important;
    margin: 0 !important;
    color: var(--_success) !important;
    font-size: 0.875em !important;
  }
  form[data-auth-form] .ae-rules {
    display: grid !important;
    gap: 0.125em !important;
    margin: 0 !important;
    padding: 0 !important;
    list-style: none !important;
    color: var(--_muted-fg) !important;
    font-size: 0.8125em !important;
  }
  form[data-auth-form] .ae-rules-title {
    display: block !important;
    margin: 0 !important;
    color: var(--_muted-fg) !important;
    font-size: 0.8125em !important;
  }
  form[data-auth-form] .ae-rule {
    display: flex !important;
    align-items: center !important;
    gap: 0.375em !important;
  }
  form[data-auth-form] .ae-rule[data-met] {
    color: var(--_success) !important;
  }
  form[data-auth-form] .ae-primary,
  form[data-auth-form] .ae-social-button {
    display: inline-flex !important;
    align-items: center !important;
    justify-content: center !important;
    gap: 0.5em !important;
    width: 100% !important;
    min-height: 2.5rem !important;
    margin: 0 !important;
    padding: 0.5em 1em !important;
    border: 1px solid transparent !important;
    border-radius: var(--_radius) !important;
    background: var(--_primary) !important;
    color: var(--_primary-fg) !important;
    font-family: var(--_font-buttons) !important;
    font-size: 1em !important;
    font-weight: var(--_font-weight) !important;
    line-height: 1.4 !important;
    cursor: pointer !important;
    box-shadow: 0 1px 2px var(--_shadow) !important;
    transition: background-color 0.15s, border-color 0.15s !important;
  }
  form[data-auth-form] .ae-primary:hover {
    background: var(--_primary-hover) !important;
  }
  form[data-auth-form] .ae-primary:focus-visible,
  form[data-auth-form] .ae-social-button:focus-visible {
    outline: var(--_focus-outline) !important;
    outline-offset: 2px !important;
  }
  form[data-auth-form] .ae-primary[aria-disabled='true'],
  form[data-auth-form] .ae-social-button[aria-disabled='true'] {
    cursor: progress !important;
    opacity: 0.8 !important;
  }
  form[data-auth-form] .ae-spinner {
    display: inline-block !important;
    width: 1em !important;
    height: 1em !important;
    border: 2px solid currentColor !important;
    border-inline-end-color: transparent !important;
    border-radius: 50% !important;
    animation: ae-spin 0.7s linear infinite !important;
  }
  form[data-auth-form] .ae-link {
    display: inline !important;
    margin: 0 !important;
    padding: 0 !important;
    border: 0 !important;
    background: none !important;
    color: var(--_primary) !important;
    font-family: var(--_font) !important;
    font-size: 0.875em !important;
    font-weight: var(--_font-weight) !important;
    text-decoration: none !important;
    cursor: pointer !important;
    justify-self: start !important;
    border-radius: 2px !important;
  }
  form[data-auth-form] .ae-link:hover {
    text-decoration: underline !important;
  }
  form[data-auth-form] .ae-actions {
    display: flex !important;
    flex-wrap: wrap !important;
    justify-content: space-between !important;
    gap: calc(var(--_space) * 0.5) !important;
  }
  form[data-auth-form] .ae-hint {
    margin: 0 !important;
    color: var(--_muted-fg) !important;
    font-size: 0.875em !important;
    line-height: 1.45 !important;
    overflow-wrap: anywhere !important;
  }
  form[data-auth-form] .ae-busy {
    display: flex !important;
    align-items: center !important;
    justify-content: center !important;
    gap: 0.5em !important;
    padding: calc(var(--_space) * 0.75) !important;
    color: var(--_muted-fg) !important;
    font-size: 0.875em !important;
  }
  form[data-auth-form] .ae-unavailable {
    display: grid !important;
    gap: calc(var(--_space) * 0.75) !important;
  }
  form[data-auth-form] .ae-secondary {
    display: inline-flex !important;
    align-items: center !important;
    justify-content: center !important;
    gap: 0.5em !important;
    min-height: 2.5rem !important;
    padding: 0.5em 1em !important;
    border: 1px solid var(--_border) !important;
    border-radius: var(--_radius) !important;
    background: var(--_bg) !important;
    color: var(--_fg) !important;
    font-family: var(--_font-buttons) !important;
    font-size: 1em !important;
    font-weight: var(--_font-weight) !important;
    cursor: pointer !important;
  }
  form[data-auth-form] .ae-secondary:hover {
    background: var(--_muted) !important;
  }
  form[data-auth-form] .ae-secondary:focus-visible {
    outline: var(--_focus-outline) !important;
    outline-offset: 2px !important;
  }
  form[data-auth-form] .ae-secondary[aria-disabled='true'] {
    cursor: progress !important;
  }
  form[data-auth-form] .ae-visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
  }
  /* The social buttons' own rules load with them: social-buttons.ts. */
  /* Text buttons look like links under forced colors too (their colour and background are repainted). */
  @media (forced-colors: active) {
    form[data-auth-form] .ae-link {
      color: LinkText !important;
      text-decoration: underline !important;
    }
  }
  /* The spinner stands still (the button still says it is working). */
  @media (prefers-reduced-motion: reduce) {
    form[data-auth-form] [class] {
      transition: none !important;
      animation: none !important;
    }
  }
  :state(no-animations) > form[data-auth-form] [class],
  :state(styling) > form[data-auth-form] [class] {
    transition: none !important;
    animation: none !important;
  }
  }
  @keyframes ae-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;

const adopted = new WeakMap<Document | ShadowRoot, Set<CSSStyleSheet>>();

/**
 * Adopts the light-DOM form styles (plus `more`, such as the profile's editor styles) into the
 * document or shadow root that holds an element, each sheet once.
 */
export function adoptLightStyles(root: Node, ...more: CSSResult[]): void {
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  const has = adopted.get(root) ?? new Set<CSSStyleSheet>();
  adopted.set(root, has);
  const sheets = [lightStyles, ...more].map((styles) => styles.styleSheet).filter((sheet): sheet is CSSStyleSheet => !!sheet && !has.has(sheet));
  if (!sheets.length) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  sheets.forEach((sheet) => has.add(sheet));
}
