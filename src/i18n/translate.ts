/**
 * Reads i18next's JSON v4 bundles (the format the kit's locales/ are written in and integrators
 * override) the way i18next v26 does, for the part of i18next the kit uses: nested keys,
 * cardinal plurals by `Intl.PluralRules` (`_zero` first when the count is 0), `{{name}}`
 * interpolation without escaping (Lit renders text as text), and the `number` and `datetime`
 * formats with `formatParams`. A fallback language is looked up after the requested one.
 *
 * Why not i18next itself: it is 16 KB of the script tag's 40 KB sign-in-page budget, for
 * features (backends, namespaces, context, nesting, post-processors) the kit does not use.
 * `localization.test.ts` checks this reader against i18next on every key of every locale.
 */
import type {LocaleBundle} from './locales.js';

/** Values to interpolate, `count` for plurals, and Intl options per formatted value. */
export interface TranslateOptions {
  count?: number;
  formatParams?: Record<string, Intl.NumberFormatOptions & Intl.DateTimeFormatOptions>;
  [name: string]: unknown;
}

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(language: string, count: number): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return rules.select(count);
}

function lookup(bundle: LocaleBundle | undefined, path: string): string | undefined {
  let node: unknown = bundle;
  for (const segment of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The keys i18next tries, best first: `_zero` for 0, the language's plural form, the bare key. */
function candidates(key: string, language: string, count: unknown): string[] {
  if (typeof count !== 'number') return [key];
  const keys = [`${key}_${pluralCategory(language, count)}`, key];
  return count === 0 ? [`${key}_zero`, ...keys] : keys;
}

function format(value: unknown, kind: string | undefined, language: string, params: object | undefined): string {
  if (kind === 'number') return new Intl.NumberFormat(language, params).format(value as number);
  if (kind === 'datetime') return new Intl.DateTimeFormat(language, params).format(value as Date);
  return String(value);
}

const PLACEHOLDER = /\{\{\s*([^,}]+?)\s*(?:,\s*([^}]+?)\s*)?\}\}/g;

/** `{{name}}` / `{{name, format}}`; a name not given stays as written, one given as undefined is empty. */
function interpolate(text: string, language: string, options: TranslateOptions): string {
  return text.replace(PLACEHOLDER, (placeholder, name: string, kind: string | undefined) => {
    if (!Object.prototype.hasOwnProperty.call(options, name)) return placeholder;
    const value = options[name];
    return value === undefined || value === null ? '' : format(value, kind, language, options.formatParams?.[name]);
  });
}

/**
 * The text for `key` in `language` (its bundle first, then each fallback's), interpolated;
 * the key itself when no bundle has it.
 */
export function translate(
  chain: ReadonlyArray<readonly [language: string, bundle: LocaleBundle | undefined]>,
  language: string,
  key: string,
  options: TranslateOptions = {},
): string {
  for (const [code, bundle] of chain) {
    for (const candidate of candidates(key, code, options.count)) {
      const text = lookup(bundle, candidate);
      if (text !== undefined) return interpolate(text, language, options);
    }
  }
  return key;
}
