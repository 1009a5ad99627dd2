import {css} from 'lit';

/**
 * The default button of `<auth-sign-in-button>`, `<auth-sign-up-button>` and
 * `<auth-sign-out-button>`: the kit's primary and secondary buttons (the cards' Continue and
 * "Try again"), sized to their text. In the shadow root, so page CSS (`button {…}`) can't reach it.
 */
export const actionButtonStyles = css`
  :host {
    display: inline-block;
  }
  :host(:state(inactive)) {
    display: none !important;
  }
  slot[hidden] {
    display: none;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.5rem;
    margin: 0;
    padding: 0.5em 1em;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    font-family: var(--_font-buttons);
    font-size: 1em;
    font-weight: var(--_font-weight);
    line-height: 1.4;
    cursor: pointer;
    transition: background-color 0.15s, border-color 0.15s;
  }
  .primary {
    background: var(--_primary);
    color: var(--_primary-fg);
    box-shadow: 0 1px 2px var(--_shadow);
  }
  .primary:hover {
    background: var(--_primary-hover);
  }
  .secondary {
    border-color: var(--_border);
    background: var(--_bg);
    color: var(--_fg);
  }
  .secondary:hover {
    background: var(--_muted);
  }
  /* On any page colour: a halo of the theme's background keeps the ring's contrast. */
  .button:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_bg);
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  .alert {
    display: block;
    margin-block-start: 0.375rem;
    max-width: 20rem;
    color: var(--_danger);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
  }
`;
