import {css} from 'lit';

/**
 * What the profile's light-DOM editors add to the forms' styles (light-styles.ts, same rules of
 * self-defence): a row of buttons at the end of a form, a checkbox with its label, a danger button.
 */
export const lightEditorStyles = css`
  @layer auth-base {
  form[data-auth-form] .ae-form-actions {
    display: flex !important;
    flex-wrap: wrap !important;
    justify-content: flex-end !important;
    gap: calc(var(--_space) * 0.5) !important;
  }
  form[data-auth-form] .ae-form-actions .ae-primary {
    width: auto !important;
  }
  form[data-auth-form] .ae-check {
    display: flex !important;
    align-items: center !important;
    gap: calc(var(--_space) * 0.5) !important;
    font-size: 0.875em !important;
    cursor: pointer !important;
  }
  form[data-auth-form] .ae-check input {
    width: 1rem !important;
    height: 1rem !important;
    margin: 0 !important;
    accent-color: var(--_primary) !important;
  }
  form[data-auth-form] .ae-check input:focus-visible {
    outline: var(--_focus-outline) !important;
    outline-offset: 2px !important;
  }
  /* Outlined in the danger colour: its text contrasts with the card as error text does, in every theme. */
  form[data-auth-form] .ae-primary.ae-danger {
    border-color: var(--_danger-border) !important;
    background: var(--_danger-subtle) !important;
    color: var(--_danger) !important;
    box-shadow: none !important;
  }
  form[data-auth-form] .ae-primary.ae-danger:hover {
    background: color-mix(in srgb, var(--_danger) 16%, var(--_bg)) !important;
  }
  form[data-auth-form] .ae-primary[disabled] {
    cursor: not-allowed !important;
    opacity: 0.55 !important;
  }
  }
`;
