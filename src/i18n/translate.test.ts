import {expect} from '@open-wc/testing';
import i18next from 'i18next';
import en from '../../locales/en.json';
import {LOCALE_LOADERS, PSEUDO_LOCALE, type LocaleBundle} from './locales.js';
import {translate, type TranslateOptions} from './translate.js';

/** Every leaf key, plural forms folded into their base key (`errors.rate_limited_wait`). */
function keysOf(bundle: LocaleBundle, prefix = ''): string[] {
  return Object.entries(bundle).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? keysOf(value as LocaleBundle, `${prefix}${key}.`)
      : [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

/** The values the kit's templates pass, hostile ones included (they must come out as written). */
const VALUES: TranslateOptions = {
  name: '<img src=x onerror=alert(1)>',
  email: 'ada@example.com',
  provider: 'GitHub',
  applicationName: '{{name}} & Co',
  date: new Date(Date.UTC(2026, 0, 15, 12)),
  formatParams: {date: {dateStyle: 'medium', timeZone: 'UTC'}},
};
const COUNTS = [0, 1, 2, 3, 5, 11, 22, 101, 1000];

describe('translate (the i18next JSON v4 reader)', () => {
  const languages = ['en', ...Object.keys(LOCALE_LOADERS).filter((language) => language !== PSEUDO_LOCALE)];

  for (const language of languages) {
    it(`reads every ${language} key as i18next v26 does`, async () => {
      const bundle = language === 'en' ? en : (await LOCALE_LOADERS[language]!()).default;
      const reference = i18next.createInstance();
      await reference.init({
        resources: {en: {translation: en}, [language]: {translation: bundle}},
        lng: language,
        fallbackLng: 'en',
        initAsync: false,
        interpolation: {escapeValue: false},
      });
      const chain = language === 'en' ? ([['en', en]] as const) : ([[language, bundle], ['en', en]] as const);
      const keys = [...new Set(keysOf(en))];
      expect(keys.length).to.be.above(80);
      for (const key of keys) {
        for (const options of [VALUES, ...COUNTS.map((count) => ({...VALUES, count}))]) {
          expect(translate(chain, language, key, options), `${language} ${key} ${JSON.stringify(options.count)}`).to.equal(
            reference.t(key, options),
          );
        }
      }
    });
  }

  it('answers the key when no bundle has it, and leaves a value it was not given as written', () => {
    expect(translate([['en', en]], 'en', 'no.such.key')).to.equal('no.such.key');
    expect(translate([['en', {greeting: 'Hi {{name}}, {{ other }}'}]], 'en', 'greeting', {name: 'Ada'})).to.equal(
      'Hi Ada, {{ other }}',
    );
  });

  it('takes a _zero form for a count of 0 in any language, as i18next does', () => {
    const bundle = {items_zero: 'No items', items_one: 'One item', items_other: '{{count}} items'};
    expect(translate([['en', bundle]], 'en', 'items', {count: 0})).to.equal('No items');
    expect(translate([['en', bundle]], 'en', 'items', {count: 1})).to.equal('One item');
    expect(translate([['en', {items_other: '{{count}} items'}]], 'en', 'items', {count: 0})).to.equal('0 items');
  });

  it('does not interpolate inside an interpolated value', () => {
    expect(translate([['en', {greeting: 'Hi {{name}}'}]], 'en', 'greeting', {name: '{{name}}'})).to.equal('Hi {{name}}');
  });

  it('takes the fallback language when the requested one lacks a key, formatted for the requested one', () => {
    const chain = [
      ['de', {}],
      ['en', {total: '{{count, number}} items'}],
    ] as const;
    expect(translate(chain, 'de', 'total', {count: 12345})).to.equal('12.345 items');
  });
});
