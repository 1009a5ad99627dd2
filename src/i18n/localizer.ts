import i18next, {type i18n, type TOptions} from 'i18next';
import en from '../../locales/en.json';
import {Listeners} from '../client/listeners.js';
import {directionOf, LOCALE_LOADERS, resolveLocale} from './locales.js';

/**
 * A private i18next instance (never the host page's global one) with the kit's bundles.
 * English is built in; other languages load on first use.
 */
export class Localizer {
  readonly #i18n: i18n;
  #changes = new Listeners<string>();
  #requested = 'en';

  constructor() {
    this.#i18n = i18next.createInstance();
    void this.#i18n.init({
      resources: {en: {translation: en}},
      lng: 'en',
      fallbackLng: 'en',
      initAsync: false,
      // Lit renders text as text: escaping here would show entities to users.
      interpolation: {escapeValue: false},
    });
  }

  get language(): string {
    return this.#i18n.language;
  }

  get dir(): 'ltr' | 'rtl' {
    return directionOf(this.language);
  }

  t(key: string, options?: TOptions): string {
    return this.#i18n.t(key, options) as string;
  }

  /** Switches language (loading its bundle first); unknown languages fall back to English. */
  async setLanguage(tag: string | null | undefined): Promise<void> {
    const language = resolveLocale(tag);
    this.#requested = language;
    if (!this.#i18n.hasResourceBundle(language, 'translation')) {
      const bundle = await LOCALE_LOADERS[language]?.();
      if (!bundle) return;
      this.#i18n.addResourceBundle(language, 'translation', bundle.default, true, true);
    }
    // A later request may have overtaken this one while its bundle loaded.
    if (this.#requested !== language) return;
    await this.#i18n.changeLanguage(language);
    this.#changes.emit(language);
  }

  /** Calls the listener after every language change. */
  subscribe(listener: (language: string) => void): () => void {
    return this.#changes.add(listener);
  }
}

let fallback: Localizer | undefined;

/** The English localizer elements use when no provider is around them. */
export function defaultLocalizer(): Localizer {
  return (fallback ??= new Localizer());
}
