import {css} from 'lit';

/** What the two-step verification and passkeys sections add to the profile's shadow styles. */
export const securityStyles = css`
  /* A step of an editor, above its fields (heading, explanation, QR code); or the backup codes. */
  .step {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    justify-items: start;
  }
  .editor > .step {
    margin-block-end: calc(var(--_space) * 1);
  }
  .step > * {
    max-width: 100%;
  }
  .step-title {
    margin: 0;
    font-size: 0.9375em;
    font-weight: 650;
    line-height: 1.4;
  }
  .step-title:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .step-hint {
    margin: 0;
    color: var(--_muted-fg);
    font-size: 0.875em;
  }
  .step-end {
    justify-self: stretch;
    justify-content: flex-end;
  }
  .badge-on {
    border: 1px solid var(--_success);
    background: var(--_bg);
    color: var(--_success);
  }
  /* The QR code keeps a white quiet zone and dark modules in every theme (a camera reads dark on light). */
  .qr-frame {
    display: inline-grid;
    padding: 0;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: #ffffff;
    overflow: hidden;
    forced-color-adjust: none;
  }
  .qr-code {
    display: block;
    width: 11rem;
    height: 11rem;
    background: #ffffff;
  }
  .disclosure {
    justify-self: stretch;
    font-size: 0.875em;
  }
  .disclosure > summary {
    width: fit-content;
    color: var(--_primary);
    font-weight: var(--_font-weight);
    cursor: pointer;
    border-radius: 2px;
  }
  .disclosure > summary:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 2px;
  }
  .disclosure-body {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    justify-items: start;
    padding-block-start: calc(var(--_space) * 0.5);
  }
  .disclosure-body .step-hint {
    font-size: 1em;
  }
  .secret,
  .backup-codes code {
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    font-size: 1rem;
    letter-spacing: 0.04em;
    overflow-wrap: anywhere;
  }
  .secret {
    padding: 0.375em 0.625em;
    border-radius: var(--_radius);
    background: var(--_muted);
    color: var(--_fg);
    user-select: all;
  }
  .backup-codes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: calc(var(--_space) * 0.375) calc(var(--_space) * 1);
    justify-self: stretch;
    margin: 0;
    padding: calc(var(--_space) * 0.75);
    list-style: none;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_muted);
    color: var(--_fg);
  }
  .empty-note {
    padding: calc(var(--_space) * 0.75);
    border: 1px dashed var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .confirm-question {
    color: var(--_fg);
  }
  /* Renaming in a row: the field, its error and its buttons, across the row. */
  .rename {
    display: grid;
    gap: calc(var(--_space) * 0.375);
    margin-block-start: calc(var(--_space) * 0.25);
    /* It sits in a row's detail line (0.8125em): back to the section's size. */
    font-size: calc(1em / 0.8125);
  }
  .rename-label {
    color: var(--_fg);
    font-size: 0.875em;
    font-weight: var(--_font-weight);
  }
  .rename-input {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.25rem;
    margin: 0;
    padding: 0.375em 0.625em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_input);
    color: var(--_input-fg);
    font: inherit;
    font-size: max(16px, 1em);
  }
  .rename-input:focus-visible {
    border-color: var(--_ring);
    outline: var(--_focus-outline);
    outline-offset: 0;
  }
  .rename-input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .rename-error {
    margin: 0;
    color: var(--_danger);
  }
`;
