import {consume} from '@lit/context';
import {LitElement, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {applyVariables, mergeAppearance, type Appearance, type MergedAppearance} from '../appearance/appearance.js';
import type {AppearanceSheets} from '../appearance/appearance-sheets.js';
import {resolveThemes, themeSheet} from '../appearance/themes.js';
import type {AuthClient} from '../client/auth-client.js';
import type {AuthState} from '../client/types.js';
import {appearanceContext} from '../context/appearance-context.js';
import {clientContext} from '../context/client-context.js';
import {localizerContext} from '../context/localizer-context.js';
import {defaultLocalizer, Localizer, mergeLocalizations, type Localization} from '../i18n/localizer.js';
import type {TOptions} from 'i18next';

const LOADING: AuthState = {status: 'loading', user: null, session: null};

interface Subscribable {
  subscribe(listener: () => void): () => void;
}

/**
 * The base of every element: takes the client, localizer and appearance from the nearest
 * `<auth-provider>`, re-renders when any of them changes, and applies appearance variables.
 */
export class AuthElement extends LitElement {
  /** Restyles this element alone; merged over the provider's appearance. */
  @property({attribute: false}) appearance?: Appearance;

  /** This element's language, over the provider's. */
  @property() locale?: string;

  /** Text overrides for this element alone, per language, over the provider's. */
  @property({attribute: false}) localization?: Localization;

  @consume({context: clientContext, subscribe: true})
  @state()
  protected client?: AuthClient;

  @consume({context: localizerContext, subscribe: true})
  @state()
  protected localizer?: Localizer;

  @consume({context: appearanceContext, subscribe: true})
  @state()
  protected providerAppearance?: Appearance;

  /** Custom states (`:state(…)`) the element exposes to CSS. */
  protected readonly internals = this.attachInternals();

  /** A localizer of its own, once the element has its own locale or localization. */
  #ownLocalizer?: Localizer;
  #subscriptions = new Map<string, {source: Subscribable; off: () => void}>();
  #appliedVariables: string[] = [];
  #mergedAppearance: MergedAppearance = mergeAppearance();
  #baseSheets?: CSSStyleSheet[];
  #lightSheet: CSSStyleSheet | null = null;
  #sheetsVersion = 0;

  /** The provider's appearance with this element's on top. */
  protected get mergedAppearance(): MergedAppearance {
    return this.#mergedAppearance;
  }

  /** The selector of this element's own light-DOM form, if it has one (appearance reaches it). */
  protected get lightFormSelector(): string | null {
    return null;
  }

  protected get authState(): AuthState {
    return this.client?.state ?? LOADING;
  }

  /** The localizer in use: the element's own, else the provider's, else English. */
  protected get activeLocalizer(): Localizer {
    return this.#ownLocalizer ?? this.localizer ?? defaultLocalizer();
  }

  protected t(key: string, options?: TOptions): string {
    return this.activeLocalizer.t(key, options);
  }

  /** Re-renders whenever `source` announces a change, for as long as it is the one in use. */
  protected watch(key: string, source: Subscribable | undefined): void {
    const current = this.#subscriptions.get(key);
    if (current?.source === source) return;
    current?.off();
    this.#subscriptions.delete(key);
    if (source) this.#subscriptions.set(key, {source, off: source.subscribe(() => this.requestUpdate())});
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const {off} of this.#subscriptions.values()) off();
    this.#subscriptions.clear();
    this.#adoptLightSheet(null);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.watch('client', this.client);
    this.watch('localizer', this.localizer);
    if (changed.has('appearance') || changed.has('providerAppearance' as keyof AuthElement) || !this.hasUpdated) {
      this.#mergedAppearance = mergeAppearance(this.providerAppearance, this.appearance);
      this.#appliedVariables = applyVariables(this, this.#mergedAppearance, this.#appliedVariables);
      this.#applySheets();
      const animations = this.#mergedAppearance.options.animations !== false;
      this.#setState('no-animations', !animations);
    }
    this.#syncOwnLocalizer(changed);
    this.lang = this.activeLocalizer.language;
    this.dir = this.activeLocalizer.dir;
  }

  /** Keeps the element's own localizer (if it needs one) on its locale or the provider's. */
  #syncOwnLocalizer(changed: PropertyValues<this>): void {
    if (!this.locale && !this.localization && !this.#ownLocalizer) return;
    const own = (this.#ownLocalizer ??= new Localizer());
    this.watch('own-localizer', own);
    const parent = this.localizer ?? defaultLocalizer();
    const language = this.locale || parent.language;
    if (language !== own.language && language !== this.#requestedLanguage) {
      this.#requestedLanguage = language;
      void own.setLanguage(language);
    }
    if (changed.has('localization') || changed.has('localizer' as keyof AuthElement)) {
      own.setOverrides(mergeLocalizations(parent.overrides, this.localization));
    }
    own.setDirection(parent.forcedDir);
  }

  #requestedLanguage?: string;

  /** Turns a custom state on or off (`:state(name)` in CSS). */
  protected setState(name: string, on: boolean): void {
    this.#setState(name, on);
  }

  #setState(name: string, on: boolean): void {
    if (on) this.internals.states.add(name);
    else this.internals.states.delete(name);
  }

  /** Adopts the theme and appearance stylesheets next to the element's own styles. */
  #applySheets(): void {
    const version = ++this.#sheetsVersion;
    const theme = themeSheet(resolveThemes(this.#mergedAppearance.theme));
    const apply = ({shadow, light}: AppearanceSheets) => {
      if (version !== this.#sheetsVersion || !(this.renderRoot instanceof ShadowRoot)) return;
      const root = this.renderRoot;
      this.#baseSheets ??= [...root.adoptedStyleSheets];
      root.adoptedStyleSheets = [...this.#baseSheets, ...[theme, shadow].filter((sheet): sheet is CSSStyleSheet => !!sheet)];
      this.#adoptLightSheet(light);
    };
    const {css, elements} = this.#mergedAppearance;
    // Style objects and appearance.css need a module of their own: only pages that use them load it.
    if (!css.length && Object.values(elements).every((value) => typeof value === 'string')) {
      apply({shadow: null, light: null});
      return;
    }
    const merged = this.#mergedAppearance;
    const selector = this.lightFormSelector;
    // The first time, stay invisible and still until the styles arrive: no flash of the default look.
    const first = !this.#styled;
    if (first) this.#setState('styling', true);
    this.#sheetsPending = import('../appearance/appearance-sheets.js')
      .then(({appearanceSheets}) => appearanceSheets(merged, selector))
      .then(apply, (error) => console.warn('[auth-elements] appearance could not be applied:', error))
      .finally(() => {
        this.#styled = true;
        if (first) requestAnimationFrame(() => this.#setState('styling', false));
      });
  }

  #sheetsPending: Promise<void> = Promise.resolve();
  #styled = false;

  /** An update is complete once the appearance stylesheets it asked for are adopted too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await this.#sheetsPending;
    return result;
  }

  #adoptLightSheet(sheet: CSSStyleSheet | null): void {
    const root = this.getRootNode() as Document | ShadowRoot;
    const others = root.adoptedStyleSheets?.filter((adopted) => adopted !== this.#lightSheet) ?? [];
    this.#lightSheet = this.isConnected ? sheet : null;
    if (root.adoptedStyleSheets) root.adoptedStyleSheets = this.#lightSheet ? [...others, this.#lightSheet] : others;
  }
}
