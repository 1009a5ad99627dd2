import {css, unsafeCSS} from 'lit';
import {LIGHT, themeDeclarations} from './themes.js';

/**
 * The meaning tokens every element reads. Three tiers, strongest first:
 *   1. `--auth-*` set by the integrator (page CSS on any ancestor, or `appearance.variables`),
 *   2. `--_t-*` set by the theme (`appearance.theme`; the light theme below by default),
 *   3. a value derived from other tokens (shade scales mixed from one colour).
 * Element styles read only the private `--_*` aliases.
 */
export const tokens = css`
  :host {
    ${unsafeCSS(themeDeclarations(LIGHT))}
    --_t-scheme: light;
  }
  :host {
    color-scheme: var(--_t-scheme);
    --_primary: var(--auth-color-primary, var(--_t-color-primary));
    --_primary-fg: var(--auth-color-primary-foreground, var(--_t-color-primary-foreground));
    --_danger: var(--auth-color-danger, var(--_t-color-danger));
    --_success: var(--auth-color-success, var(--_t-color-success));
    --_warning: var(--auth-color-warning, var(--_t-color-warning));
    --_neutral: var(--auth-color-neutral, var(--_t-color-neutral));
    --_fg: var(--auth-color-foreground, var(--_t-color-foreground));
    --_bg: var(--auth-color-background, var(--_t-color-background));
    --_muted: var(--auth-color-muted, var(--_t-color-muted, color-mix(in srgb, var(--_neutral) 14%, var(--_bg))));
    --_muted-fg: var(--auth-color-muted-foreground, var(--_t-color-muted-foreground, color-mix(in srgb, var(--_fg) 72%, var(--_bg))));
    --_input: var(--auth-color-input, var(--_t-color-input, var(--_bg)));
    --_input-fg: var(--auth-color-input-foreground, var(--_t-color-input-foreground, var(--_fg)));
    --_border: var(--auth-color-border, var(--_t-color-border, color-mix(in srgb, var(--_neutral) 82%, var(--_bg))));
    /* Inputs keep a 3:1 boundary (WCAG 1.4.11); the card's outline can be quieter. */
    --_border-subtle: color-mix(in srgb, var(--_border) 45%, var(--_bg));
    /* Solid, so the focus indicator keeps the primary colour's 3:1 against the background (WCAG 1.4.11). */
    --_ring: var(--auth-color-ring, var(--_t-color-ring, var(--_primary)));
    --_shadow: var(--auth-color-shadow, var(--_t-color-shadow));
    --_backdrop: var(--auth-color-modal-backdrop, var(--_t-color-modal-backdrop));
    --_font: var(--auth-font-family, var(--_t-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif));
    --_font-buttons: var(--auth-font-family-buttons, var(--_t-font-family-buttons, var(--_font)));
    --_font-size: var(--auth-font-size, var(--_t-font-size, 0.9375rem));
    --_font-weight: var(--auth-font-weight, var(--_t-font-weight, 500));
    --_radius: var(--auth-radius, var(--_t-radius, 0.5rem));
    --_space: var(--auth-spacing, var(--_t-spacing, 1rem));
    /* Scales mixed from one colour. */
    --_primary-hover: color-mix(in srgb, var(--_primary) 85%, var(--_fg));
    --_danger-subtle: color-mix(in srgb, var(--_danger) 9%, var(--_bg));
    --_danger-border: color-mix(in srgb, var(--_danger) 40%, var(--_bg));
    --_warning-subtle: color-mix(in srgb, var(--_warning) 10%, var(--_bg));
    --_warning-border: color-mix(in srgb, var(--_warning) 45%, var(--_bg));
    /*
     * The focus indicator of every focusable node: an outline, never only a box-shadow, so it
     * stays when forced colors (Windows High Contrast) drop shadows and repaint outlines.
     */
    --_focus-outline: 2px solid var(--_ring);
  }
`;

/**
 * What every element's shadow root starts from: tokens, and typography the host page can't
 * override by accident (`!important` on `:host` beats page rules such as `* {font-family: …}`;
 * restyle through appearance variables instead). Light-DOM forms inherit it through the slot.
 */
export const hostBase = css`
  ${tokens}
  :host {
    box-sizing: border-box !important;
    color: var(--_fg) !important;
    font-family: var(--_font) !important;
    font-size: var(--_font-size) !important;
    font-style: normal !important;
    font-weight: 400 !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    text-align: start !important;
    text-transform: none !important;
    text-indent: 0 !important;
    word-spacing: normal !important;
    white-space: normal !important;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :host(:state(styling)) {
    visibility: hidden;
  }
  :host(:state(styling)) *,
  :host(:state(no-animations)) *,
  :host(:state(styling)) *::before,
  :host(:state(no-animations)) *::before,
  :host(:state(no-animations)) *::after {
    animation: none !important;
    transition: none !important;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
