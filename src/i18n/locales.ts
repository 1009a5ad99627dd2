/** The languages the kit ships, each loaded lazily as its own chunk (English is built in). */
export type LocaleBundle = Record<string, unknown>;

export const LOCALE_LOADERS: Record<string, () => Promise<{default: LocaleBundle}>> = {
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

/** The best supported language for a BCP 47 tag (`de-AT` → `de`), or English. */
export function resolveLocale(tag: string | null | undefined): string {
  if (!tag) return 'en';
  const lower = tag.toLowerCase();
  if (SUPPORTED_LOCALES.includes(lower)) return lower;
  const base = lower.split('-')[0];
  return SUPPORTED_LOCALES.includes(base) ? base : 'en';
}

export function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(language.split('-')[0]) ? 'rtl' : 'ltr';
}
