import {css} from 'lit';

/**
 * The meaning tokens every element reads, with the light theme as their defaults. Themes and
 * `appearance.variables` set the public `--auth-*` properties on any ancestor or on the host;
 * element styles read only these private aliases.
 */
export const tokens = css`
  :host {
    --_primary: var(--auth-color-primary, #4f46e5);
    --_primary-fg: var(--auth-color-primary-foreground, #ffffff);
    --_primary-hover: color-mix(in srgb, var(--_primary) 85%, #000000);
    --_danger: var(--auth-color-danger, #c81e1e);
    --_success: var(--auth-color-success, #15803d);
    --_fg: var(--auth-color-foreground, #111827);
    --_muted: var(--auth-color-muted, #f3f4f6);
    --_muted-fg: var(--auth-color-muted-foreground, #4b5563);
    --_bg: var(--auth-color-background, #ffffff);
    --_input: var(--auth-color-input, #ffffff);
    --_input-fg: var(--auth-color-input-foreground, var(--_fg));
    --_border: var(--auth-color-border, #c4c9d2);
    --_ring: var(--auth-color-ring, color-mix(in srgb, var(--_primary) 55%, transparent));
    --_shadow: var(--auth-color-shadow, rgb(15 23 42 / 0.12));
    --_font: var(--auth-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-buttons: var(--auth-font-family-buttons, var(--_font));
    --_font-size: var(--auth-font-size, 0.9375rem);
    --_font-weight: var(--auth-font-weight, 500);
    --_radius: var(--auth-radius, 0.5rem);
    --_space: var(--auth-spacing, 1rem);
    --_focus-ring: 0 0 0 3px var(--_ring);
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
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
