import type {nothing} from 'lit';
import {property} from 'lit/decorators.js';
import {safeLinkTarget, type RedirectPolicy} from '../../client/redirect.js';
import {AuthChildItem, iconOf} from '../../internal/child-item.js';

/** The user button's own menu items, by the names an empty `<auth-user-button-action name>` places them with. */
export const BUILT_IN_ITEMS = ['manage-account', 'accounts', 'add-account', 'sign-out', 'sign-out-all'] as const;
export type BuiltInItem = (typeof BUILT_IN_ITEMS)[number];


/**
 * @summary A link of your own in `<auth-user-button>`'s menu (your app's settings, billing,
 * help). Only http(s) and relative links the redirect policy allows are shown.
 *
 * @slot icon - An icon for the item (copied into the menu; decorative).
 */
export class AuthUserButtonLink extends AuthChildItem {
  /** Where the link goes. */
  @property() href = '';
}

/**
 * @summary An action of your own in `<auth-user-button>`'s menu: choosing it fires a cancelable
 * `auth-menu-action` at this element (`event.name`, `event.label`); unless cancelled, the menu
 * then closes and focus goes back to the button. An empty action whose `name` is a built-in
 * item's (`manage-account`, `accounts`, `add-account`, `sign-out`, `sign-out-all`) places that
 * item here instead, so the built-in items can be reordered.
 *
 * @event {AuthMenuActionEvent} auth-menu-action - The item was chosen (`event.name`, `event.label`); cancelable: keeps the menu open.
 *
 * @slot icon - An icon for the item (copied into the menu; decorative).
 */
export class AuthUserButtonAction extends AuthChildItem {
  /** What listeners tell the action by (`event.name`); the label when unset. With no label, a built-in item's name places it. */
  @property() name = '';
}

/** One entry of the menu, in order: a built-in item, or one of the children. */
export type MenuEntry =
  | {kind: 'built-in'; name: BuiltInItem}
  | {kind: 'link'; label: string; href: string; icon: Node | typeof nothing}
  | {kind: 'action'; label: string; name: string; icon: Node | typeof nothing; item: AuthUserButtonAction};

/**
 * The menu's entries: "Manage account" first, then the children in their order, then the other
 * built-in items in theirs — except where an empty `<auth-user-button-action name="sign-out">`
 * places one. `available` lists the built-in items that apply (without multi-session: no account
 * list, "Add account" or "Sign out of all accounts"). Icons are copies of the children's `icon`
 * slot content, as the user profile does for its navigation.
 */
export function menuEntries(children: Iterable<Element>, available: readonly BuiltInItem[], policy?: RedirectPolicy): MenuEntry[] {
  const placed = new Set<BuiltInItem>();
  const fromChildren: MenuEntry[] = [];
  for (const child of children) {
    const icon = iconOf(child);
    if (child instanceof AuthUserButtonLink) {
      const href = safeLinkTarget(child.href, policy);
      if (href && child.label) fromChildren.push({kind: 'link', label: child.label, href, icon});
    } else if (child instanceof AuthUserButtonAction) {
      const builtIn = BUILT_IN_ITEMS.find((name) => name === child.name);
      if (builtIn && !child.label) {
        if (available.includes(builtIn) && !placed.has(builtIn)) {
          placed.add(builtIn);
          fromChildren.push({kind: 'built-in', name: builtIn});
        }
      } else if (child.label) {
        fromChildren.push({kind: 'action', label: child.label, name: child.name || child.label, icon, item: child});
      }
    }
  }
  const rest = (first: boolean) =>
    available.filter((name) => !placed.has(name) && (name === 'manage-account') === first).map((name): MenuEntry => ({kind: 'built-in', name}));
  return [...rest(true), ...fromChildren, ...rest(false)];
}
