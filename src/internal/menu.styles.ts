import {css} from 'lit';

/**
 * The look of a menu button's panel (the user button's, the organization switcher's): the panel
 * and the narrow screen's backdrop are `popover`s in the top layer, the panel placed by
 * `placeNextTo()` (`--_panel-top`, `--_panel-left`) except on a narrow screen, where it is a
 * bottom sheet over the backdrop; the items (`menuitem`, `menuitemradio`) with their icons,
 * separators and the alert under the menu. Used with MenuController (menu-controller.ts).
 */
export const menuStyles = css`
  .popover {
    position: fixed;
    inset: auto;
    top: var(--_panel-top, 0);
    left: var(--_panel-left, 0);
    box-sizing: border-box;
    width: var(--auth-popover-width, 17rem);
    max-width: calc(100vw - 1rem);
    max-height: calc(100vh - 1rem);
    margin: 0;
    overflow: auto;
    padding: 0.5rem;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    box-shadow: 0 12px 32px -8px var(--_shadow), 0 2px 6px -2px var(--_shadow);
  }
  .backdrop {
    display: none;
  }
  /* On narrow screens the panel becomes a bottom sheet over a backdrop. */
  @media (max-width: 30rem) {
    .backdrop:popover-open {
      display: block;
      position: fixed;
      inset: 0;
      width: auto;
      height: auto;
      margin: 0;
      padding: 0;
      border: 0;
      background: var(--_backdrop);
    }
    .popover {
      inset: auto 0.5rem 0.5rem 0.5rem;
      width: auto;
      max-width: none;
    }
  }
  [role='menu'] {
    display: grid;
  }
  .separator {
    margin: 0.25rem 0;
    border-block-start: 1px solid var(--_border-subtle);
  }
  /* Two rules in a row (the list at the menu's end, or a moved list) are one. */
  .separator + .separator,
  .separator:first-child,
  .separator:last-child {
    display: none;
  }
  [role^='menuitem'] {
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: 0.625rem;
    width: 100%;
    padding: 0.5rem;
    border: 0;
    border-radius: calc(var(--_radius) * 0.75);
    background: none;
    color: var(--_fg);
    font: inherit;
    text-align: start;
    text-decoration: none;
    cursor: pointer;
  }
  [role^='menuitem']:hover,
  [role^='menuitem']:focus-visible {
    background: var(--_muted);
  }
  [role^='menuitem']:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: -2px;
  }
  [role^='menuitem'][aria-disabled='true'] {
    cursor: progress;
  }
  .item-icon {
    display: inline-flex;
    flex: none;
    width: 1.125rem;
    height: 1.125rem;
    color: var(--_muted-fg);
  }
  /* Items without an icon keep its room: every label starts at the same place. */
  .item-icon svg {
    width: 100%;
    height: 100%;
  }
  /* The built-in items' line icons (an integrator's icon keeps its own paint). */
  .item-icon.line svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .item-icon > :not(svg) {
    max-width: 100%;
    max-height: 100%;
  }
  .alert {
    margin: 0.25rem 0.5rem 0;
    color: var(--_danger);
    font-size: 0.875em;
  }
`;
