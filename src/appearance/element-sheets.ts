import type {MergedAppearance} from './appearance.js';
import type {AppearanceSheets} from './appearance-sheets.js';
import {BASE_THEMES, needsPresets, resolveThemes, themeSheet} from './themes.js';

/** Every stylesheet an element's appearance adds: its theme, and its style objects and CSS. */
export interface ElementSheets extends AppearanceSheets {
  theme: CSSStyleSheet | null;
}

/**
 * The stylesheets for an element's merged appearance. Synchronous for the default look;
 * when the appearance names a theme preset, style objects or CSS, the code for them loads
 * on demand first (pages that don't use them never download it).
 */
export function elementSheets(appearance: MergedAppearance, formSelector: string | null): ElementSheets | Promise<ElementSheets> {
  const {theme, css, elements} = appearance;
  const wantsPresets = needsPresets(theme);
  const wantsRules = css.length > 0 || Object.values(elements).some((value) => typeof value !== 'string');
  if (!wantsPresets && !wantsRules) return {theme: themeSheet(resolveThemes(theme, BASE_THEMES)), shadow: null, light: null};
  return Promise.all([
    wantsPresets ? import('./theme-presets.js').then(({THEMES}) => THEMES) : BASE_THEMES,
    wantsRules
      ? import('./appearance-sheets.js').then(({appearanceSheets}) => appearanceSheets(appearance, formSelector))
      : {shadow: null, light: null},
  ]).then(([presets, sheets]) => ({theme: themeSheet(resolveThemes(theme, presets)), ...sheets}));
}
