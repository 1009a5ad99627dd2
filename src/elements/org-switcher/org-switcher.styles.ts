import {css} from 'lit';

/** `<auth-org-switcher>`'s own look, over the menu panel's (menu.styles.ts). */
export const orgSwitcherStyles = css`
  :host {
    display: inline-block;
    position: relative;
    max-width: 100%;
  }
  .trigger {
    --auth-avatar-size: 1.75rem;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    max-width: min(100%, var(--auth-org-switcher-max-width, 16rem));
    min-height: 2.5rem;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    font-weight: var(--_font-weight);
    text-align: start;
    cursor: pointer;
  }
  .trigger:hover {
    background: var(--_muted);
  }
  /* A halo of the theme's background keeps the ring's contrast on any page colour. */
  .trigger:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_bg);
  }
  .avatar {
    font-size: min(0.875em, calc(var(--auth-avatar-size, 2.25rem) * 0.4));
  }
  .trigger-name {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .chevron {
    display: inline-flex;
    flex: none;
    width: 1rem;
    height: 1rem;
    margin-inline-start: auto;
    color: var(--_muted-fg);
  }
  .chevron svg,
  .check svg {
    width: 100%;
    height: 100%;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .skeleton {
    display: inline-block;
    width: 10rem;
    max-width: 100%;
    height: 2.5rem;
    border-radius: var(--_radius);
    background: var(--_muted);
  }
  .choices {
    display: grid;
  }
  .choice {
    --auth-avatar-size: 1.75rem;
  }
  .choice-name {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .choice-note {
    color: var(--_muted-fg);
    font-size: 0.875em;
  }
  .check {
    display: inline-flex;
    flex: none;
    width: 1rem;
    height: 1rem;
    color: var(--_primary);
  }
  .status {
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem;
    color: var(--_muted-fg);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  [role='menuitem'].status {
    cursor: default;
  }
  [role='menuitem'].status:hover {
    background: none;
  }
  .ae-visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
