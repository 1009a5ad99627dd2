import {html, nothing, type CSSResult, type PropertyValues, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {part} from '../appearance/part.js';
import type {BuiltInPage, PageContext} from '../elements/user-profile/profile-page.js';
import {AuthElement} from './auth-element.js';
import {AuthLinkItem, AuthPageItem, ChildItems, pageEntries, slotCurrentPage} from './child-item.js';
import {focusIsLost, focusIsWithin} from './focus.js';
import {lightEditorStyles} from './light-editor-styles.js';
import {formOwnerId, LightForm} from './light-form.js';
import {PageRouter, pageNavigation, type NavEntry, type Routing} from './page-navigation.js';
import {busyIndicator} from './status-views.js';

/**
 * What the profiles (`<auth-user-profile>`, `<auth-org-profile>`) are made of: their built-in
 * pages and the integrator's pages and links (children of its page and link classes) in one
 * navigation, routed `virtual` or by `hash`; one light-DOM form for the section whose editor is
 * open (so password managers and autofill see its inputs); focus on the new page's title when
 * the page changes from the navigation, in the editor when it opens, and back on the section's
 * button when it closes. A subclass names its pages, its children's classes and the context its
 * pages are handed, and says when that context changes (another person or organization) with
 * `resetPages()`.
 */
export abstract class ProfileElement<C extends PageContext, P extends BuiltInPage<C> = BuiltInPage<C>> extends AuthElement {
  /** The light form's styles beyond the editors' own (a subclass adds its pickers'). */
  static editorStyles: CSSResult[] = [lightEditorStyles];

  /** `virtual` (default): the page shown lives in the element; `hash`: in the URL (`#/security`), linkable, with the back button. */
  @property() routing: Routing = 'virtual';

  readonly formOwner = formOwnerId();

  /** The built-in pages, in the navigation's order. */
  protected abstract readonly pages: readonly P[];
  /** The classes of the children that are pages and links of the integrator's. */
  protected abstract readonly itemClasses: ReadonlyArray<typeof AuthPageItem | typeof AuthLinkItem>;
  /** The navigation's accessible name (a locale key). */
  protected abstract readonly navigationLabel: string;
  /** What the pages are handed; null while there is nothing to show (nobody signed in, no organization). */
  protected abstract pageContext(): C | null;

  protected readonly router = new PageRouter(this, {routing: () => this.routing, pages: () => this.#entries().filter((e) => e.href === undefined).map((e) => e.path)});
  protected readonly editorForm = new LightForm(this, {
    owner: this.formOwner,
    slot: 'form',
    styles: (this.constructor as typeof ProfileElement).editorStyles,
    content: () => {
      const context = this.pageContext();
      const page = this.builtIn(this.router.current);
      return context && page && this.editing ? page.editor(context, this.editing) : nothing;
    },
    onSubmit: (data) => {
      const context = this.pageContext();
      const page = this.builtIn(this.router.current);
      if (context && page && this.editing) page.submit(context, this.editing, data);
    },
  });

  /** The open editor's section on the current page. */
  protected editing: string | null = null;
  #shownPage = '';

  constructor() {
    super();
    // The children (pages, links, their labels and icons) changed: the element follows.
    new ChildItems(this);
  }

  protected override get lightFormSelector(): string {
    return this.editorForm.selector;
  }

  /** Opens a section's editor (closing any other), or with null closes it; focus follows. */
  protected edit(section: string | null): void {
    const opener = this.editing;
    this.editing = section;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      if (section) {
        this.editorForm.form.querySelector<HTMLElement>('input:not([type="hidden"]):not([hidden]), button')?.focus();
      } else if (opener && (focusIsWithin(this) || focusIsLost())) {
        this.renderRoot.querySelector<HTMLElement>(`#section-${opener} ~ .section-content button`)?.focus();
      }
    });
  }

  /** Nothing typed or loaded for the last person (or organization) stays: every editor closes, every page forgets. */
  protected resetPages(): void {
    this.editing = null;
    this.pages.forEach((page) => page.reset());
  }

  /** Another page is shown (the last one's editor is closed and forgotten already). */
  protected pageChanged(): void {}

  protected builtIn(path: string): P | undefined {
    return this.pages.find((page) => page.path === path);
  }

  #items(): Array<AuthPageItem | AuthLinkItem> {
    return [...this.children].filter((child): child is AuthPageItem | AuthLinkItem => this.itemClasses.some((Item) => child instanceof Item));
  }

  /** The navigation's entries (see pageEntries): built-in pages, then the children's pages and links. */
  #entries(): NavEntry[] {
    const context = this.pageContext();
    const builtIn = this.pages.map((page): NavEntry => ({path: page.path, label: context ? page.title(context) : page.path, icon: page.icon}));
    return pageEntries(builtIn, this.#items(), this.client?.redirectPolicy);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#followPage();
  }

  /** While the session loads or the API can't be reached: the busy indicator, or the reason and a retry; else null. */
  protected sessionView(): TemplateResult | null {
    const {status} = this.authState;
    if (status === 'loading') return html`<div class="profile empty">${busyIndicator(this.t('common.loading'), this.mergedAppearance)}</div>`;
    if (status === 'unavailable') return html`<div class="profile empty">${this.unavailableView()}</div>`;
    return null;
  }

  /** The navigation and the current page (a built-in one with `lead` under its heading, or a child's). */
  protected pagesView(context: C, lead: TemplateResult | typeof nothing = nothing): TemplateResult {
    const appearance = this.mergedAppearance;
    const entries = this.#entries();
    const current = this.router.current;
    slotCurrentPage(this.#items(), current, (path) => !!this.builtIn(path));
    const page = this.builtIn(current);
    const entry = entries.find((candidate) => candidate.path === current);
    return html`<div class="layout">
      <div class="profile columns" ${part('profile', appearance)}>
        ${pageNavigation({label: this.t(this.navigationLabel), entries, router: this.router, appearance})}
        <div class="page" ${part('page', appearance)}>
          ${page
            ? html`${this.#pageHeader(page.title(context), page.subtitle(context))}${lead}${page.render(context)}`
            : html`${this.#pageHeader(entry?.label ?? '')}<div class="custom-page"><slot name="page"></slot></div>`}
        </div>
      </div>
    </div>`;
  }

  /** A page's heading (focused when the page changes) and its line of explanation. */
  #pageHeader(title: string, subtitle?: string): TemplateResult {
    return html`<div class="page-header">
      <h2 class="page-title" tabindex="-1" ${part('page-title', this.mergedAppearance)}>${title}</h2>
      ${subtitle ? html`<p class="page-subtitle">${subtitle}</p>` : nothing}
    </div>`;
  }

  /**
   * Another page is shown: the last page's editor closes and what it held is forgotten, and
   * focus goes to the new page's title when it was on the navigation (keyboard users go on
   * reading from the top of the page).
   */
  #followPage(): void {
    const current = this.router.current;
    if (current === this.#shownPage) return;
    const previous = this.#shownPage;
    this.#shownPage = current;
    if (!previous) return;
    this.editing = null;
    this.builtIn(previous)?.reset();
    this.pageChanged();
    if (focusIsWithin(this) || focusIsLost()) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.page-title')?.focus());
    }
  }
}
