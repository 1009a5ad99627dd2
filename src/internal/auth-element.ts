import {consume} from '@lit/context';
import {isServer, LitElement, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {applyVariables, mergeAppearance, type Appearance, type MergedAppearance} from '../appearance/appearance.js';
import {elementSheets, type ElementSheets} from '../appearance/element-sheets.js';
import {LOADING_STATE, type AuthClient} from '../client/auth-client.js';
import type {AuthError} from '../client/errors.js';
import type {AuthState} from '../client/types.js';
import {appearanceContext} from '../context/appearance-context.js';
import {clientContext} from '../context/client-context.js';
import {localizerContext} from '../context/localizer-context.js';
import {defaultLocalizer, Localizer, mergeLocalizations, type Localization} from '../i18n/localizer.js';
import type {TranslateOptions} from '../i18n/translate.js';
import {unavailableNotice} from './status-views.js';


interface Subscribable {
  subscribe(listener: () => void): () => void;
}

/**
 * The base of every element: takes the client, localizer and appearance from the nearest
 * `<auth-provider>`, re-renders when any of them changes, and applies appearance variables.
 *
 * @cssprop --auth-color-primary - Actions: the primary button, links, focus (appearance `colorPrimary`).
 * @cssprop --auth-color-primary-foreground - Text on the primary colour (`colorPrimaryForeground`).
 * @cssprop --auth-color-danger - Errors (`colorDanger`).
 * @cssprop --auth-color-success - Success notices and met password rules (`colorSuccess`).
 * @cssprop --auth-color-warning - Waits such as rate limits (`colorWarning`).
 * @cssprop --auth-color-neutral - The grey that borders and muted surfaces are mixed from (`colorNeutral`).
 * @cssprop --auth-color-foreground - Text (`colorForeground`).
 * @cssprop --auth-color-muted - Quiet surfaces: tags, hovered menu items (`colorMuted`).
 * @cssprop --auth-color-muted-foreground - Secondary text (`colorMutedForeground`).
 * @cssprop --auth-color-background - The card and panels (`colorBackground`).
 * @cssprop --auth-color-input - Input backgrounds (`colorInput`).
 * @cssprop --auth-color-input-foreground - Input text (`colorInputForeground`).
 * @cssprop --auth-color-border - Borders (`colorBorder`).
 * @cssprop --auth-color-ring - The focus ring (`colorRing`).
 * @cssprop --auth-color-shadow - Shadows (`colorShadow`).
 * @cssprop --auth-color-modal-backdrop - Behind sheets and dialogs (`colorModalBackdrop`).
 * @cssprop --auth-font-family - Text (`fontFamily`).
 * @cssprop --auth-font-family-buttons - Buttons (`fontFamilyButtons`).
 * @cssprop --auth-font-size - The base size everything scales from (`fontSize`).
 * @cssprop --auth-font-weight - Labels and buttons (`fontWeight`).
 * @cssprop --auth-radius - Corner radius (`borderRadius`).
 * @cssprop --auth-spacing - The base gap everything scales from (`spacing`).
 *
 * @cssstate no-animations - `appearance.options.animations` is false.
 * @cssstate styling - The element waits for its theme or appearance styles (it is hidden meanwhile).
 */
export class AuthElement extends LitElement {
  /**
   * The locale namespaces the element reads beyond the built-in ones (src/i18n/built-in.ts):
   * they load when it first renders, and `localeReady` says when they are there.
   */
  static localeNamespaces: readonly string[] = [];

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

  /**
   * Custom states (`:state(…)`) the element exposes to CSS. (Lit's server DOM shim has
   * attachInternals too; a DOM without it, such as jsdom, gets no states rather than an error.)
   */
  protected readonly internals: ElementInternals | null = typeof this.attachInternals === 'function' ? this.attachInternals() : null;

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
    return this.client?.state ?? LOADING_STATE;
  }

  /** The localizer in use: the element's own, else the provider's, else English. */
  protected get activeLocalizer(): Localizer {
    return this.#ownLocalizer ?? this.localizer ?? defaultLocalizer();
  }

  protected t(key: string, options?: TranslateOptions): string {
    return this.activeLocalizer.t(key, options);
  }

  /** Why the API can't be reached, and a "Try again" button (one retry at a time). */
  protected unavailableView(): TemplateResult {
    return unavailableNotice({
      message: this.errorMessage(this.authState.error) ?? '',
      retryLabel: this.t('common.retry'),
      retryingLabel: this.t('common.retrying'),
      retrying: this.retryingSession,
      onRetry: () => void this.#retry(),
      appearance: this.mergedAppearance,
    });
  }

  /** A session check asked for by "Try again" is under way. */
  @state() private retryingSession = false;

  async #retry(): Promise<void> {
    this.retryingSession = true;
    try {
      await this.client?.refresh();
    } finally {
      this.retryingSession = false;
    }
  }

  /** An error's localized message (a 429 says how long to wait, from Retry-After), or null. */
  protected errorMessage(error: AuthError | null | undefined): string | null {
    if (!error) return null;
    if (error.code === 'rate_limited' && error.retryAfter) {
      return this.t('errors.rate_limited_wait', {count: Math.ceil(error.retryAfter)});
    }
    return this.t(`errors.${error.code}`);
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
      // Inline variables and adopted stylesheets are the browser's (a server has no CSSOM): the
      // server renders the shell with the element's own styles, the appearance applies on hydration.
      if (!isServer) {
        this.#appliedVariables = applyVariables(this, this.#mergedAppearance, this.#appliedVariables);
        this.#applySheets();
      }
      const animations = this.#mergedAppearance.options.animations !== false;
      this.setState('no-animations', !animations);
    }
    this.#syncOwnLocalizer(changed);
    this.#requireNamespaces();
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

  /** Whether the localizer holds every namespace this element reads (see `localeNamespaces`). */
  protected localeReady = true;

  #requireNamespaces(): void {
    const {localeNamespaces} = this.constructor as typeof AuthElement;
    const localizer = this.activeLocalizer;
    this.localeReady = localizer.has(localeNamespaces);
    // The localizer tells its subscribers (this element among them) once they have loaded.
    if (!this.localeReady) localizer.require(localeNamespaces).catch((error) => console.warn('[auth-elements] texts could not be loaded:', error));
  }

  /** Turns a custom state on or off (`:state(name)` in CSS). */
  protected setState(name: string, on: boolean): void {
    if (on) this.internals?.states.add(name);
    else this.internals?.states.delete(name);
  }

  /** Adopts the theme and appearance stylesheets next to the element's own styles. */
  #applySheets(): void {
    const version = ++this.#sheetsVersion;
    const apply = ({theme, shadow, light}: ElementSheets) => {
      if (version !== this.#sheetsVersion || !(this.renderRoot instanceof ShadowRoot)) return;
      const root = this.renderRoot;
      this.#baseSheets ??= [...root.adoptedStyleSheets];
      root.adoptedStyleSheets = [...this.#baseSheets, ...[theme, shadow].filter((sheet): sheet is CSSStyleSheet => !!sheet)];
      this.#adoptLightSheet(light);
    };
    const sheets = elementSheets(this.#mergedAppearance, this.lightFormSelector);
    if (!(sheets instanceof Promise)) {
      apply(sheets);
      this.#styled = true;
      this.setState('styling', false);
      return;
    }
    // Until the first styles arrive, stay invisible and still: no flash of the default look.
    if (!this.#styled) this.setState('styling', true);
    this.#sheetsPending = sheets
      .then(apply, (error) => console.warn('[auth-elements] appearance could not be applied:', error))
      .then(() => {
        // Only the newest request reveals the element (an older one may finish first).
        if (version !== this.#sheetsVersion || this.#styled) return;
        this.#styled = true;
        // Shown once a frame has painted the new look still hidden and without transitions
        // (so nothing animates from the default look); updateComplete waits for it.
        return new Promise<void>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              this.setState('styling', false);
              resolve();
            }),
          ),
        );
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
