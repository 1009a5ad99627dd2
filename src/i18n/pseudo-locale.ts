import type {LocaleBundle} from './locales.js';

const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ď', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ĺ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ď', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ĺ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/**
 * `Sign in` → `[Šîĝñ îñ ~~~]`: every letter accented, about 40% longer, bracketed — so text
 * that was not localized, or that truncates, stands out. Placeholders stay intact.
 */
export function pseudoLocalizeString(text: string): string {
  const parts = text.split(/(\{\{[^}]*\}\})/);
  const accented = parts.map((part) => (part.startsWith('{{') ? part : [...part].map((ch) => ACCENTED[ch] ?? ch).join(''))).join('');
  const padding = '~'.repeat(Math.max(2, Math.round(text.length * 0.4)));
  return `[${accented} ${padding}]`;
}

export function pseudoLocalize(bundle: LocaleBundle): LocaleBundle {
  return Object.fromEntries(
    Object.entries(bundle).map(([key, value]) => [
      key,
      typeof value === 'string' ? pseudoLocalizeString(value) : pseudoLocalize(value as LocaleBundle),
    ]),
  );
}
