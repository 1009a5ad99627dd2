import {BUILT_IN_ENGLISH, loadEnglish} from './built-in.js';
import {Listeners} from '../client/listeners.js';
import {directionOf, LOCALE_LOADERS, resolveLocale, type LocaleBundle} from './locales.js';
import {translate, type TranslateOptions} from './translate.js';

/** Deep partial bundles by language: `{en: {signIn: {title: 'Welcome back'}}}`. */
export type Localization = Record<string, LocaleBundle>;

function deepMerge(base: LocaleBundle, override: LocaleBundle | undefined): LocaleBundle {
  if (!override) return base;
  const merged: LocaleBundle = {...base};
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    merged[key] =
      value && typeof value === 'object' && current && typeof current === 'object'
        ? deepMerge(current as LocaleBundle, value as LocaleBundle)
        : value;
  }
  return merged;
}

/** Later overrides win, deep, language by language. */
export function mergeLocalizations(...layers: Array<Localization | undefined>): Localization {
  const merged: Localization = {};
  for (const layer of layers) {
    for (const [language, bundle] of Object.entries(layer ?? {})) merged[language] = deepMerge(merged[language] ?? {}, bundle);
  }
  return merged;
}

/**
 * The kit's translations: i18next-format bundles read by `translate()`, private to each provider
 * (never the host page's i18next). English is built in; other languages load on first use.
 * Integrator overrides (`localization`) are merged over the shipped bundles, deep, per language.
 */
export class Localizer {
  #changes = new Listeners<string>();
  #language = 'en';
  #requested = 'en';
  #bundles = new Map<string, LocaleBundle>([['en', BUILT_IN_ENGLISH]]);
  /** Shipped bundle merged with the overrides, per language, as `t()` reads it. */
  #resolved = new Map<string, LocaleBundle>([['en', BUILT_IN_ENGLISH]]);
  /** English beyond the built-in namespaces, once something asked for it. */
  #fullEnglish: Promise<void> | null = null;
  #overrides: Localization = {};
  #forcedDir: 'ltr' | 'rtl' | null = null;

  get language(): string {
    return this.#language;
  }

  /** The writing direction: the language's, unless one was forced. */
  get dir(): 'ltr' | 'rtl' {
    return this.#forcedDir ?? directionOf(this.language);
  }

  t(key: string, options?: TranslateOptions): string {
    const chain = [[this.#language, this.#resolved.get(this.#language)] as const];
    if (this.#language !== 'en') chain.push(['en', this.#resolved.get('en')]);
    return translate(chain, this.#language, key, options);
  }

  /** Switches language (loading its bundle first); unknown languages fall back to English. */
  async setLanguage(tag: string | null | undefined): Promise<void> {
    const language = resolveLocale(tag);
    this.#requested = language;
    if (!this.#bundles.has(language)) {
      const bundle = await LOCALE_LOADERS[language]?.();
      if (!bundle) return;
      this.#bundles.set(language, bundle.default);
      this.#install(language);
    }
    // A later request may have overtaken this one while its bundle loaded.
    if (this.#requested !== language) return;
    this.#language = language;
    this.#changes.emit(language);
  }

  /**
   * Whether the language in use, and English behind it, hold these top-level namespaces (the
   * profile's `profile`, `reauth`…). English ships only the cards' namespaces built in.
   */
  has(namespaces: readonly string[]): boolean {
    return [this.#language, 'en'].every((language) => {
      const bundle = this.#bundles.get(language);
      return !bundle || namespaces.every((namespace) => namespace in bundle);
    });
  }

  /**
   * Loads what `has(namespaces)` lacks (the rest of English), then tells subscribers. Resolves
   * at once when nothing is missing.
   */
  require(namespaces: readonly string[]): Promise<void> {
    if (this.has(namespaces)) return Promise.resolve();
    return (this.#fullEnglish ??= loadEnglish().then(
      ({default: english}) => {
        this.#bundles.set('en', english);
        this.#install('en');
        this.#changes.emit(this.language);
      },
      (error: unknown) => {
        this.#fullEnglish = null;
        throw error;
      },
    ));
  }

  /** Replaces the integrator's overrides (a deep partial bundle per language). */
  setOverrides(overrides: Localization | undefined): void {
    const touched = new Set([...Object.keys(this.#overrides), ...Object.keys(overrides ?? {})]);
    this.#overrides = overrides ?? {};
    for (const language of touched) if (this.#bundles.has(language)) this.#install(language);
    this.#changes.emit(this.language);
  }

  /** The integrator's overrides in use. */
  get overrides(): Localization {
    return this.#overrides;
  }

  /** The forced writing direction, or null when it follows the language. */
  get forcedDir(): 'ltr' | 'rtl' | null {
    return this.#forcedDir;
  }

  /** Forces a writing direction (null: follow the language). */
  setDirection(dir: 'ltr' | 'rtl' | null): void {
    if (dir === this.#forcedDir) return;
    this.#forcedDir = dir;
    this.#changes.emit(this.language);
  }

  /** Calls the listener after every change of language, overrides or direction. */
  subscribe(listener: (language: string) => void): () => void {
    return this.#changes.add(listener);
  }

  #install(language: string): void {
    this.#resolved.set(language, deepMerge(this.#bundles.get(language)!, this.#overrides[language]));
  }
}

let fallback: Localizer | undefined;

/** The English localizer elements use when no provider is around them. */
export function defaultLocalizer(): Localizer {
  return (fallback ??= new Localizer());
}
