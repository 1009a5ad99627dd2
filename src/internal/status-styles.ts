import {css} from 'lit';

/**
 * The status views' styles (status-views.ts) for a shadow root: `<auth-loading>`,
 * `<auth-unavailable>`, the profile. A module of their own, so a card, whose views render in its
 * light-DOM form (light-styles.ts), does not carry them.
 */
export const statusStyles = css`
  .ae-busy {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    padding: calc(var(--_space) * 0.75);
    color: var(--_muted-fg);
    font-size: 0.875em;
  }
  .ae-unavailable {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .ae-alert {
    padding: 0.625em 0.75em;
    border: 1px solid var(--_warning-border);
    border-radius: var(--_radius);
    background: var(--_warning-subtle);
    color: var(--_fg);
    font-size: 0.875em;
    line-height: 1.45;
    overflow-wrap: anywhere;
  }
  .ae-secondary {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.5rem;
    padding: 0.5em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    font-family: var(--_font-buttons);
    font-weight: var(--_font-weight);
    cursor: pointer;
  }
  .ae-secondary:hover {
    background: var(--_muted);
  }
  .ae-secondary:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 2px;
  }
  .ae-secondary[aria-disabled='true'] {
    cursor: progress;
  }
  .ae-spinner {
    flex: none;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: ae-spin 0.7s linear infinite;
  }
  :host(:state(no-animations)) .ae-spinner {
    animation: none;
  }
  @media (prefers-reduced-motion: reduce) {
    .ae-spinner {
      animation: none;
    }
  }
  @keyframes ae-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
