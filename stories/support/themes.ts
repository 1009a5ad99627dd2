import {THEMES} from '../../src/appearance/theme-presets.js';
import type {ThemeName} from '../../src/appearance/themes.js';
import {PSEUDO_LOCALE, SUPPORTED_LOCALES} from '../../src/i18n/locales.js';

/** The built-in themes, in the order the toolbar and the docs list them. */
export const THEME_NAMES = Object.keys(THEMES) as ThemeName[];

export function isThemeName(name: unknown): name is ThemeName {
  return typeof name === 'string' && name in THEMES;
}

/**
 * The page behind a story in a theme: the theme's own background and text colour, so what axe
 * and a reviewer judge is what users see. A theme with dark values (`auto`) follows
 * prefers-color-scheme through `light-dark()`.
 */
export function canvasColors(name: ThemeName): {background: string; color: string; colorScheme: string} {
  const {variables, dark} = THEMES[name];
  const light = {background: variables.colorBackground ?? '#ffffff', color: variables.colorForeground ?? '#111827'};
  if (!dark) return {...light, colorScheme: isDark(light.background) ? 'dark' : 'light'};
  return {
    background: `light-dark(${light.background}, ${dark.colorBackground ?? light.background})`,
    color: `light-dark(${light.color}, ${dark.colorForeground ?? light.color})`,
    colorScheme: 'light dark',
  };
}

function isDark(hex: string): boolean {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
}

/** Every shipped language as the toolbar shows it: its own name, with the English one beside. */
export function localeItems(): Array<{value: string; title: string; right: string}> {
  return SUPPORTED_LOCALES.map((code) => {
    if (code === PSEUDO_LOCALE) return {value: code, title: 'Pseudo (accented, bracketed)', right: code};
    const native = displayName(code, code);
    const english = displayName(code, 'en');
    return {value: code, title: native === english ? native : `${native} — ${english}`, right: code};
  });
}

function displayName(code: string, inLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([inLanguage], {type: 'language'}).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1);
  } catch {
    return code;
  }
}
