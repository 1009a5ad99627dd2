/**
 * Children that configure the element around them — `<auth-user-profile-page>`,
 * `<auth-user-profile-link>`, `<auth-user-button-link>`, `<auth-user-button-action>` — carry a
 * label (and a path, a link, a name) and an icon; the parent renders them in its own navigation
 * or menu. `ChildItems` re-renders the parent whenever its children or their settings change.
 */
import {LitElement, nothing, type ReactiveController, type ReactiveControllerHost} from 'lit';
import {property} from 'lit/decorators.js';
import {safeLinkTarget, type RedirectPolicy} from '../client/redirect.js';
import type {NavEntry} from './page-navigation.js';

const CHANGE = 'auth-child-item-change';

/** The base of the configuring children: no rendering of their own; they tell their parent of a change. */
export class AuthChildItem extends LitElement {
  /** The entry's text. */
  @property() label = '';

  /** No shadow root: the content (a custom page's) is the parent's to show. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override updated(): void {
    this.dispatchEvent(new Event(CHANGE, {bubbles: true}));
  }
}

/** A page of the integrator's in a multi-page element (`<auth-user-profile-page>`, `<auth-org-profile-page>`). */
export class AuthPageItem extends AuthChildItem {
  /** The page's path: its hash with `routing="hash"` (`#/billing`). */
  @property() path = '';
}

/** A link out of a multi-page element's navigation (`<auth-user-profile-link>`, `<auth-org-profile-link>`). */
export class AuthLinkItem extends AuthChildItem {
  /** Where the link goes. */
  @property() href = '';
}

/**
 * The navigation's entries of a multi-page element: its built-in pages first in their order,
 * except where an empty page child whose path is a built-in page's places one; then the
 * children in theirs (links only where the redirect policy lets them go).
 */
export function pageEntries(builtIn: readonly NavEntry[], children: ReadonlyArray<AuthPageItem | AuthLinkItem>, policy?: RedirectPolicy): NavEntry[] {
  const placed = new Set<string>();
  const fromChildren: NavEntry[] = [];
  for (const child of children) {
    const icon = iconOf(child);
    if (child instanceof AuthLinkItem) {
      const href = safeLinkTarget(child.href, policy);
      if (href && child.label) fromChildren.push({path: `link:${fromChildren.length}`, label: child.label, href, icon});
      continue;
    }
    const page = builtIn.find((entry) => entry.path === child.path);
    if (page && !child.label) {
      placed.add(page.path);
      fromChildren.push(page);
    } else if (child.path && child.label && !page) {
      fromChildren.push({path: child.path, label: child.label, icon});
    }
  }
  return [...builtIn.filter((entry) => !placed.has(entry.path)), ...fromChildren];
}

/** The current custom page is slotted (`slot="page"`); the other children are not rendered. */
export function slotCurrentPage(children: ReadonlyArray<AuthPageItem | AuthLinkItem>, current: string, isBuiltIn: (path: string) => boolean): void {
  for (const child of children) {
    if (child instanceof AuthPageItem && child.path === current && !isBuiltIn(current)) child.slot = 'page';
    else child.removeAttribute('slot');
  }
}

/** A copy of a child's `slot="icon"` content for the parent's navigation or menu (decorative). */
export function iconOf(child: Element): Node | typeof nothing {
  return child.querySelector(':scope > [slot="icon"]')?.cloneNode(true) ?? nothing;
}

/** A change the host made itself: its own attributes, its light-DOM forms (what it renders there). */
function ownChange(host: Element, record: MutationRecord): boolean {
  const target = record.target instanceof Element ? record.target : record.target.parentElement;
  if (record.target === host) return record.type === 'attributes';
  if (target?.closest('[data-auth-form]')) return true;
  // The slot a custom page is shown in is the host's doing too.
  return record.type === 'attributes' && record.attributeName === 'slot';
}

/**
 * Re-renders the host when children are added or removed, or a child's settings, text or icon
 * change (a label set by a framework, an icon swapped).
 */
export class ChildItems implements ReactiveController {
  #observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  #onChange = (event: Event): void => {
    event.stopPropagation();
    this.host.requestUpdate();
  };

  hostConnected(): void {
    // Made here, not when constructing: a server has no MutationObserver.
    this.#observer ??= new MutationObserver((records) => {
      if (records.some((record) => !ownChange(this.host, record))) this.host.requestUpdate();
    });
    this.#observer.observe(this.host, {childList: true, subtree: true, characterData: true, attributes: true});
    this.host.addEventListener(CHANGE, this.#onChange);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.host.removeEventListener(CHANGE, this.#onChange);
  }
}
