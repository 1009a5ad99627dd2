/**
 * Pages inside one element (the user profile; the organization profile later): which page is
 * shown, kept in the element (`routing="virtual"`) or in the URL's hash (`routing="hash"`,
 * `#/security`: linkable, and the back button goes to the previous page), and the navigation
 * that lists the pages — a sidebar, or a bar across the top in a narrow container.
 */
import {css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../appearance/part.js';

export type Routing = 'virtual' | 'hash';

/** One entry of the navigation: a page of the element, or a link elsewhere. */
export interface NavEntry {
  path: string;
  label: string;
  /** A link out of the element (`<auth-user-profile-link>`) instead of a page. */
  href?: string;
  icon?: TemplateResult | Node | typeof nothing;
}

/** Fired when the element shows another page (`event.path`). */
export class AuthPageChangeEvent extends Event {
  static readonly type = 'auth-page-change';
  constructor(readonly path: string) {
    super(AuthPageChangeEvent.type, {bubbles: true, composed: true});
  }
}

const HASH_PREFIX = '#/';

/** The path a hash names (`#/security` → `security`), or null when it names none. */
export function pathOfHash(hash: string): string | null {
  return hash.startsWith(HASH_PREFIX) ? decodeURIComponent(hash.slice(HASH_PREFIX.length)) || null : null;
}

/**
 * Which page is shown. `pages()` lists the paths that exist (the first is the default); an
 * unknown path shows the first page. In hash mode the hash is the truth: `go()` changes it (a
 * history entry), and a hash changed by a link or the back button changes the page.
 */
export class PageRouter implements ReactiveController {
  #virtual: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: {routing: () => Routing; pages: () => readonly string[]},
  ) {
    host.addController(this);
  }

  /** The page shown now. */
  get current(): string {
    const pages = this.options.pages();
    const wanted = this.options.routing() === 'hash' ? pathOfHash(location.hash) : this.#virtual;
    return wanted && pages.includes(wanted) ? wanted : (pages[0] ?? '');
  }

  /** Shows `path`; tells listeners (`auth-page-change`) when the page really changed. */
  go(path: string): void {
    if (this.options.routing() === 'hash') {
      // The hashchange that follows updates the page and tells listeners.
      if (pathOfHash(location.hash) !== path) location.hash = `${HASH_PREFIX}${encodeURIComponent(path)}`;
      return;
    }
    this.#virtual = path;
    this.host.requestUpdate();
    this.#report();
  }

  /** The link to a page: a real `#/path` in hash mode; none in virtual mode (buttons there). */
  href(path: string): string | undefined {
    return this.options.routing() === 'hash' ? `${HASH_PREFIX}${encodeURIComponent(path)}` : undefined;
  }

  /** The page listeners last heard of (null until the first render). */
  #reported: string | null = null;

  /** Tells listeners when the page is another than the one they last heard of. */
  #report(): void {
    const now = this.current;
    if (this.#reported !== null && now !== this.#reported) this.host.dispatchEvent(new AuthPageChangeEvent(now));
    this.#reported = now;
  }

  #onHashChange = (): void => {
    if (this.options.routing() !== 'hash') return;
    this.host.requestUpdate();
    this.#report();
  };

  hostConnected(): void {
    addEventListener('hashchange', this.#onHashChange);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.#onHashChange);
  }

  hostUpdated(): void {
    // (What the location says is the truth: an update may run between a new hash and its hashchange.)
    this.#reported ??= this.current;
  }
}

export interface NavigationView {
  label: string;
  entries: readonly NavEntry[];
  router: PageRouter;
  appearance: PartAppearance;
}

/**
 * The navigation: a list of links (hash routing) or buttons (virtual routing), the current one
 * `aria-current="page"`; links out of the element are plain links.
 */
export function pageNavigation({label, entries, router, appearance}: NavigationView): TemplateResult {
  const current = router.current;
  const item = (entry: NavEntry) => {
    const content = html`<span class="nav-icon" aria-hidden="true">${entry.icon ?? nothing}</span><span class="nav-label">${entry.label}</span>`;
    if (entry.href !== undefined) {
      return html`<a class="nav-item" href=${entry.href} ${part('navigation-link', appearance)}>${content}</a>`;
    }
    const go = (event: Event) => {
      event.preventDefault();
      router.go(entry.path);
    };
    const here = entry.path === current ? 'page' : nothing;
    const href = router.href(entry.path);
    return href
      ? html`<a class="nav-item" href=${href} aria-current=${here} ${part('navigation-item', appearance)} @click=${go}>${content}</a>`
      : html`<button type="button" class="nav-item" aria-current=${here} ${part('navigation-item', appearance)} @click=${go}>
          ${content}
        </button>`;
  };
  return html`<nav class="nav" aria-label=${label} ${part('navigation', appearance)}>
    <ul class="nav-list" role="list">
      ${entries.map((entry) => html`<li>${item(entry)}</li>`)}
    </ul>
  </nav>`;
}

/**
 * The navigation beside the page above 40rem of the element's width (`container-type` on the
 * layout), a scrolling bar across the top below.
 */
export const navigationStyles = css`
  .layout {
    container-type: inline-size;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
  }
  .nav {
    padding: calc(var(--_space) * 0.75);
    border-block-end: 1px solid var(--_border-subtle);
    overflow-x: auto;
  }
  .nav-list {
    display: flex;
    gap: calc(var(--_space) * 0.25);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .nav-item {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.625);
    width: 100%;
    min-height: 2.25rem;
    padding: calc(var(--_space) * 0.375) calc(var(--_space) * 0.75);
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_muted-fg);
    font: inherit;
    font-size: 0.875em;
    font-weight: var(--_font-weight);
    text-align: start;
    text-decoration: none;
    white-space: nowrap;
    cursor: pointer;
  }
  .nav-item:hover {
    background: var(--_muted);
    color: var(--_fg);
  }
  .nav-item[aria-current='page'] {
    background: var(--_muted);
    color: var(--_fg);
  }
  .nav-item:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 1px;
  }
  .nav-icon {
    display: inline-flex;
    flex: none;
    width: 1.125rem;
    height: 1.125rem;
  }
  .nav-icon:empty {
    display: none;
  }
  .nav-icon svg,
  .nav-icon ::slotted(*) {
    width: 100%;
    height: 100%;
  }
  @container (min-width: 40rem) {
    .columns {
      display: grid;
      grid-template-columns: 13rem minmax(0, 1fr);
    }
    .nav {
      border-block-end: 0;
      border-inline-end: 1px solid var(--_border-subtle);
      overflow: visible;
    }
    .nav-list {
      flex-direction: column;
    }
  }
`;

declare global {
  interface GlobalEventHandlersEventMap {
    'auth-page-change': AuthPageChangeEvent;
  }
}
