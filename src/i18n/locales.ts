/** The languages the kit ships, each loaded lazily as its own chunk (English is built in). */
export type LocaleBundle = Record<string, unknown>;

/** The pseudo-locale: English stretched, accented and bracketed, to find unlocalized text. */
export const PSEUDO_LOCALE = 'en-XA';

export const LOCALE_LOADERS: Record<string, () => Promise<{default: LocaleBundle}>> = {
  [PSEUDO_LOCALE]: async () => {
    const [{pseudoLocalize}, en] = await Promise.all([import('./pseudo-locale.js'), import('../../locales/en.json?all')]);
    return {default: pseudoLocalize(en.default)};
  },
  ar: () => import('../../locales/ar.json'),
  cs: () => import('../../locales/cs.json'),
  da: () => import('../../locales/da.json'),
  de: () => import('../../locales/de.json'),
  es: () => import('../../locales/es.json'),
  fi: () => import('../../locales/fi.json'),
  fr: () => import('../../locales/fr.json'),
  he: () => import('../../locales/he.json'),
  hi: () => import('../../locales/hi.json'),
  it: () => import('../../locales/it.json'),
  ja: () => import('../../locales/ja.json'),
  ko: () => import('../../locales/ko.json'),
  nb: () => import('../../locales/nb.json'),
  nl: () => import('../../locales/nl.json'),
  pl: () => import('../../locales/pl.json'),
  pt: () => import('../../locales/pt.json'),
  ru: () => import('../../locales/ru.json'),
  sv: () => import('../../locales/sv.json'),
  tr: () => import('../../locales/tr.json'),
  uk: () => import('../../locales/uk.json'),
  zh: () => import('../../locales/zh.json'),
};

export const SUPPORTED_LOCALES = ['en', ...Object.keys(LOCALE_LOADERS)];

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

/** The best supported language for a BCP 47 tag (`de-AT` → `de`, `zh-Hans-CN` → `zh`), or English. */
export function resolveLocale(tag: string | null | undefined): string {
  const find = (candidate: string) => SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === candidate.toLowerCase());
  return (tag && (find(tag) ?? find(tag.split('-')[0]))) || 'en';
}

export function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(language.split('-')[0]) ? 'rtl' : 'ltr';
}
