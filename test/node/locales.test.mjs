// Every locale bundle has exactly the keys English has: nothing left untranslated, nothing stale.
// Every pluralized key has exactly the plural forms its language needs, and every string keeps
// English's placeholders.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {basename, dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../locales');
const read = (file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

/** i18next's plural suffixes (cardinal; the kit has no ordinal keys). */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Leaf keys as dotted paths; i18next plural forms (`_one`, `_other`, …) count as one key. */
function keys(bundle, prefix = '') {
  return Object.entries(bundle).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key.replace(PLURAL_SUFFIX, '')}`],
  );
}

function leaves(bundle, prefix = '') {
  return Object.entries(bundle).flatMap(([key, value]) =>
    value && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

/**
 * Interpolation placeholders in a string, whole and normalized, such as `{{email}}` or
 * `{{count, number}}`: the name and the format both have to match English.
 */
const placeholders = (text) =>
  [...text.matchAll(/\{\{(.*?)\}\}/g)].map((match) => `{{${match[1].trim().replace(/\s*,\s*/g, ', ')}}}`).sort();

/** Text left over once the placeholders are taken out: a stray `{{`, `}}` is a broken placeholder. */
const strayBraces = (text) => /\{\{|\}\}/.test(text.replace(/\{\{(.*?)\}\}/g, ''));

/**
 * The BCP-47 tag of each bundle. It is the language code the bundle is registered under
 * (LOCALE_LOADERS in src/i18n/locales.ts), which is what i18next hands to Intl.PluralRules
 * to choose a plural suffix, so it must name the same language (and region, if any) as that code.
 */
const TAGS = {
  ar: 'ar',
  cs: 'cs',
  da: 'da',
  de: 'de',
  en: 'en',
  es: 'es',
  fi: 'fi',
  fr: 'fr',
  he: 'he',
  hi: 'hi',
  it: 'it',
  ja: 'ja',
  ko: 'ko',
  nb: 'nb',
  nl: 'nl',
  pl: 'pl',
  pt: 'pt',
  ru: 'ru',
  sv: 'sv',
  tr: 'tr',
  uk: 'uk',
  zh: 'zh',
};
const tagOf = (file) => TAGS[basename(file, '.json')];

/**
 * The plural categories a language uses (cardinal), exactly as i18next v26 looks them up: it
 * calls `new Intl.PluralRules(code).select(count)` and reads `key_<category>` (with no
 * `compatibilityJSON`; v26 knows only this v4 format). `_zero` is the one exception: i18next
 * tries it first for a count of 0 in any language, but only languages whose rules have a zero
 * category (Arabic here) may have it; elsewhere 0 takes the form Intl gives it, like any number.
 */
const categoriesOf = (tag) => [...new Intl.PluralRules(tag).resolvedOptions().pluralCategories].sort();

/** Numbers to probe plural rules with: integers, one and two fraction digits, big round numbers. */
const PROBES = [
  ...Array.from({length: 1101}, (_, i) => i),
  ...Array.from({length: 201}, (_, i) => i / 10),
  ...Array.from({length: 301}, (_, i) => i / 100),
  1e4, 1e5, 1e6, 2e6, 1e7, 1e9,
];

/**
 * The categories that stand for a single number in a language: Arabic zero (0), one (1) and two (2),
 * Hebrew two, `one` in English, German, Czech, Polish … Only a form for such a category may leave the
 * number out, because the word alone says it ("ثانيتين", "one character"). Every other form must show
 * `{{count…}}`: Russian and Ukrainian `one` also means 21 and 101, French and Portuguese `one` 0 and
 * 1.5, Hindi `one` 0, Danish `one` 0.1 to 1.6, Hebrew `one` 0.5, and `other` and `many` are never one
 * number.
 */
function singleNumberCategories(tag) {
  const rules = new Intl.PluralRules(tag);
  const numbers = new Map();
  for (const n of new Set(PROBES)) {
    const category = rules.select(n);
    numbers.set(category, (numbers.get(category) ?? new Set()).add(n));
  }
  return new Set([...numbers].filter(([, set]) => set.size === 1).map(([category]) => category));
}

/** Keys with plural forms in a bundle, each with the suffixes it has and whether the bare key is there too. */
function pluralKeys(bundle) {
  const all = leaves(bundle).map(([key]) => key);
  const plural = new Map();
  for (const key of all) {
    const match = key.match(PLURAL_SUFFIX);
    if (match) plural.set(key.replace(PLURAL_SUFFIX, ''), [...(plural.get(key.replace(PLURAL_SUFFIX, '')) ?? []), match[1]]);
  }
  return new Map([...plural].map(([key, forms]) => [key, {forms: forms.sort(), bare: all.includes(key)}]));
}

const english = read('en.json');
const englishKeys = [...new Set(keys(english))].sort();
const englishPlurals = pluralKeys(english);
const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
const others = files.filter((file) => file !== 'en.json');

/** English's placeholders for a key; for a plural key, those of its `_other` form (`_one` may leave the number out). */
function englishPlaceholders(key) {
  const base = key.replace(PLURAL_SUFFIX, '');
  const value = englishPlurals.has(base) ? leaves(english).find(([k]) => k === `${base}_other`)?.[1] : leaves(english).find(([k]) => k === base)?.[1];
  return placeholders(value ?? '');
}

test('there are locales besides English', () => {
  assert.ok(others.length >= 1);
});

test('English has plural keys, each with an _other form', () => {
  assert.ok(englishPlurals.size >= 1);
  for (const [key, {forms}] of englishPlurals) assert.ok(forms.includes('other'), `${key}_other`);
});

test('every locale file has a BCP-47 tag Intl.PluralRules knows', () => {
  for (const file of files) {
    const tag = tagOf(file);
    assert.ok(tag, `${file}: add it to TAGS`);
    assert.equal(Intl.getCanonicalLocales(tag)[0], tag, `${file}: ${tag} is not a canonical tag`);
    assert.deepEqual(Intl.PluralRules.supportedLocalesOf(tag), [tag], `${file}: Intl.PluralRules has no rules for ${tag}`);
  }
});

for (const file of others) {
  test(`${file} has exactly the keys of en.json`, () => {
    const bundle = read(file);
    const own = [...new Set(keys(bundle))].sort();
    assert.deepEqual(englishKeys.filter((key) => !own.includes(key)), [], 'missing keys');
    assert.deepEqual(own.filter((key) => !englishKeys.includes(key)), [], 'keys English does not have');
    for (const [key, value] of leaves(bundle)) {
      assert.equal(typeof value, 'string', `${key} is text`);
      assert.notEqual(value.trim(), '', `${key} is empty`);
    }
  });
}

for (const file of files) {
  const tag = tagOf(file);

  test(`${file} has exactly the plural forms ${tag} needs for every plural key`, () => {
    const expected = categoriesOf(tag);
    const own = pluralKeys(read(file));
    // Plural in English, or pluralized by this translation on its own: either way i18next picks by category.
    for (const key of new Set([...englishPlurals.keys(), ...own.keys()])) {
      const {forms = [], bare = false} = own.get(key) ?? {};
      assert.deepEqual(
        expected.filter((category) => !forms.includes(category)).map((category) => `${key}_${category}`),
        [],
        `${file}: missing plural forms (${tag} uses ${expected.join(', ')})`,
      );
      assert.deepEqual(
        forms.filter((category) => !expected.includes(category)).map((category) => `${key}_${category}`),
        [],
        `${file}: plural forms ${tag} does not use`,
      );
      // i18next would fall back to the bare key for a missing form and hide the gap.
      assert.equal(bare, false, `${file}: ${key} has a form without plural suffix`);
    }
  });

  test(`${file} keeps every placeholder of en.json`, () => {
    const single = singleNumberCategories(tag);
    for (const [key, value] of leaves(read(file))) {
      assert.equal(strayBraces(value), false, `${file}: ${key} has a broken placeholder: ${value}`);
      const expected = englishPlaceholders(key);
      const actual = placeholders(value);
      const category = key.match(PLURAL_SUFFIX)?.[1];
      const base = key.replace(PLURAL_SUFFIX, '');
      if (category && englishPlurals.has(base) && single.has(category)) {
        // A single-number form may drop the count, but keeps everything else.
        const withoutCount = expected.filter((placeholder) => !/^\{\{count\b/.test(placeholder));
        assert.ok(
          [expected, withoutCount].some((allowed) => JSON.stringify(allowed) === JSON.stringify(actual)),
          `${file}: ${key}: placeholders ${actual.join(' ')} (en: ${expected.join(' ')}; the count may be left out)`,
        );
      } else {
        assert.deepEqual(actual, expected, `${file}: ${key}: placeholders differ`);
      }
    }
  });
}
