import {css} from 'lit';

/**
 * `<auth-dialog>`'s look. The native `<dialog>` fills the viewport and stays invisible; inside it
 * a real backdrop node (so `::part(backdrop)` and `appearance.elements.backdrop` reach it, which
 * `::backdrop` can't offer) sits under the panel. Full screen below 30rem. The open animation
 * stops under `prefers-reduced-motion` and `:state(no-animations)` through `hostBase`.
 */
export const dialogStyles = css`
  :host {
    display: contents;
  }
  dialog {
    position: fixed;
    inset: 0;
    width: 100%;
    height: 100%;
    max-width: none;
    max-height: none;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    color: inherit;
    overflow: hidden;
  }
  dialog[open] {
    display: grid;
    place-items: center;
  }
  /* The node below paints the backdrop; the native one stays clear. */
  dialog::backdrop {
    background: transparent;
  }
  dialog:focus-visible {
    outline: none;
  }
  .backdrop {
    position: fixed;
    inset: 0;
    background: var(--_backdrop);
    animation: ae-dialog-fade 150ms ease-out;
  }
  .panel {
    position: relative;
    display: grid;
    grid-template-rows: auto minmax(0, 1fr);
    width: min(calc(100% - 2rem), var(--auth-dialog-width, 28rem));
    max-height: calc(100% - 2rem);
    overflow-wrap: anywhere;
    border: 1px solid var(--_border-subtle);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: 0 24px 48px -12px var(--_shadow), 0 2px 6px -2px var(--_shadow);
    animation: ae-dialog-in 180ms ease-out;
  }
  .header {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.25) 0 calc(var(--_space) * 1.5);
  }
  .title {
    flex: 1;
    min-width: 0;
    margin: 0;
    padding-block-start: 0.25rem;
    font-size: 1.125em;
    font-weight: 650;
    line-height: 1.3;
  }
  .close {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 2rem;
    height: 2rem;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_muted-fg);
    cursor: pointer;
    font: inherit;
  }
  .close:hover {
    background: var(--_muted);
    color: var(--_fg);
  }
  .close:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 2px;
  }
  .close svg {
    width: 1.125rem;
    height: 1.125rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
  }
  .body {
    overflow: auto;
    overscroll-behavior: contain;
    padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
  }
  /*
   * hide-heading: the content's own heading (a card's title) names the dialog; the close button
   * floats in the panel's corner and the body is the card (which drops its own border and shadow).
   */
  :host([hide-heading]) .panel {
    grid-template-rows: minmax(0, 1fr);
    width: min(calc(100% - 2rem), var(--auth-dialog-width, var(--auth-card-max-width, 25rem)));
  }
  :host([hide-heading]) .header {
    position: absolute;
    z-index: 1;
    inset-block-start: calc(var(--_space) * 0.75);
    inset-inline-end: calc(var(--_space) * 0.75);
    padding: 0;
  }
  :host([hide-heading]) .body {
    padding: 0;
    --_card-border: 0;
    --_card-shadow: none;
    --_card-header-inset: 2rem;
  }
  :host([hide-heading]) .body ::slotted(*) {
    max-width: none;
  }
  /* A narrow viewport gets the whole screen. */
  @media (max-width: 30rem) {
    .panel {
      width: 100%;
      height: 100%;
      max-height: none;
      border: 0;
      border-radius: 0;
    }
    :host([hide-heading]) .panel {
      width: 100%;
    }
  }
  @media (forced-colors: active) {
    .panel {
      border: 1px solid CanvasText;
    }
  }
  @keyframes ae-dialog-fade {
    from {
      opacity: 0;
    }
  }
  @keyframes ae-dialog-in {
    from {
      opacity: 0;
      transform: translateY(0.5rem) scale(0.98);
    }
  }
`;
