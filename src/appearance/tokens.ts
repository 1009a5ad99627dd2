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

/** What every element's shadow root starts from: tokens, and no inherited page typography. */
export const hostBase = css`
  ${tokens}
  :host {
    box-sizing: border-box;
    color: var(--_fg);
    font-family: var(--_font);
    font-size: var(--_font-size);
    font-style: normal;
    font-weight: 400;
    line-height: 1.5;
    letter-spacing: normal;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    word-spacing: normal;
    white-space: normal;
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
