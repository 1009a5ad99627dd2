import {html, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../appearance/part.js';

export interface MenuItemView {
  label: string;
  /** Decorative: an svg, a copied node, or `nothing` (the room stays, so labels line up). */
  icon: unknown;
  onClick: () => void;
  appearance: PartAppearance;
  /** A link when given, else a button. */
  href?: string;
  /** The icon is one of the kit's line icons (stroked, not filled). */
  line?: boolean;
  /** Under way: `aria-disabled`, and a click does nothing. */
  busy?: boolean;
}

/**
 * One item of a menu button's menu (the user button's, the organization switcher's): a link when
 * it has `href`, else a button, with the `menu-item` part; its label is text, whatever it holds.
 * Styled by menu.styles.ts.
 */
export function menuItem({label, icon, onClick, appearance, href, line = false, busy = false}: MenuItemView): TemplateResult {
  const content = html`<span class="item-icon ${line ? 'line' : ''}" aria-hidden="true">${icon}</span><span class="label">${label}</span>`;
  if (href) return html`<a role="menuitem" href=${href} ${part('menu-item', appearance)} @click=${onClick}>${content}</a>`;
  return html`<button type="button" role="menuitem" ${part('menu-item', appearance)} aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && onClick()}>
    ${content}
  </button>`;
}
