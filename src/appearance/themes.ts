import {variableToProperty, type AppearanceVariable} from './appearance.js';

export type ThemeVariables = Partial<Record<AppearanceVariable, string>>;

/**
 * A theme is a token set. `dark` holds the values that apply when the reader's system is in
 * dark mode (that is how `auto` follows `prefers-color-scheme`). Themes stack: in a list,
 * later themes override earlier ones, token by token.
 */
export interface Theme {
  variables: ThemeVariables;
  dark?: ThemeVariables;
}

export type ThemeName = 'light' | 'dark' | 'auto' | 'neutral' | 'high-contrast';

/** The light theme's tokens: the built-in default, always in the bundle. */
export const LIGHT: ThemeVariables = {
  colorPrimary: '#4f46e5',
  colorPrimaryForeground: '#ffffff',
  colorDanger: '#c81e1e',
  colorSuccess: '#15803d',
  colorWarning: '#a16207',
  colorNeutral: '#6b7280',
  colorForeground: '#111827',
  colorBackground: '#ffffff',
  colorShadow: 'rgb(15 23 42 / 0.12)',
  colorModalBackdrop: 'rgb(15 23 42 / 0.55)',
};

/** The presets that need no extra code: just the default. */
export const BASE_THEMES: Partial<Record<ThemeName, Theme>> = {light: {variables: LIGHT}};

export type ThemeInput = Theme | ThemeName;

/** Whether the themes name a preset beyond the default (its tokens load on demand). */
export function needsPresets(input: readonly ThemeInput[]): boolean {
  return input.some((theme) => typeof theme === 'string' && theme !== 'light');
}

/** Built-in theme names become their token sets from `presets`; anything else is taken as a theme. */
export function resolveThemes(input: readonly ThemeInput[], presets: Partial<Record<ThemeName, Theme>>): Theme[] {
  return input.flatMap((theme) => {
    if (typeof theme !== 'string') return [theme];
    const preset = presets[theme];
    if (!preset) console.warn(`[auth-elements] unknown theme ${JSON.stringify(theme)}`);
    return preset ? [preset] : [];
  });
}

/** `colorPrimary` → `--_t-color-primary`: the theme tier of a token. */
export function themeProperty(name: AppearanceVariable): string {
  return variableToProperty(name).replace('--auth-', '--_t-');
}

/** Declarations of the theme tier, for the built-in default (trusted values only). */
export function themeDeclarations(variables: ThemeVariables): string {
  return Object.entries(variables)
    .map(([name, value]) => `${themeProperty(name as AppearanceVariable)}: ${value};`)
    .join('\n');
}

const sheets = new Map<string, CSSStyleSheet>();

/**
 * One shared stylesheet setting the theme tier of the merged themes on `:host` (and under
 * `prefers-color-scheme: dark` for themes that have dark values). Values go through the CSSOM,
 * so no value can break out of its declaration.
 */
export function themeSheet(themes: readonly Theme[]): CSSStyleSheet | null {
  if (!themes.length) return null;
  const variables: ThemeVariables = Object.assign({}, ...themes.map((theme) => theme.variables));
  const darkThemes = themes.filter((theme) => theme.dark);
  const dark: ThemeVariables | null = darkThemes.length ? Object.assign({}, variables, ...darkThemes.map((theme) => theme.dark)) : null;
  const key = JSON.stringify([variables, dark]);
  let sheet = sheets.get(key);
  if (sheet) return sheet;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(':host {} @media (prefers-color-scheme: dark) { :host {} }');
  const setAll = (style: CSSStyleDeclaration, values: ThemeVariables, scheme: string) => {
    style.setProperty('--_t-scheme', scheme);
    for (const [name, value] of Object.entries(values)) if (value) style.setProperty(themeProperty(name as AppearanceVariable), value);
  };
  const isDark = (values: ThemeVariables) => luminance(values.colorBackground) < 0.4;
  setAll((sheet.cssRules[0] as CSSStyleRule).style, variables, isDark(variables) ? 'dark' : 'light');
  const media = sheet.cssRules[1] as CSSMediaRule;
  if (dark) setAll((media.cssRules[0] as CSSStyleRule).style, dark, isDark(dark) ? 'dark' : 'light');
  else sheet.deleteRule(1);
  sheets.set(key, sheet);
  return sheet;
}

/** Rough relative luminance of a `#rrggbb` colour (1 when unknown): tells dark themes apart. */
function luminance(color: string | undefined): number {
  const match = color?.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  if (!match) return 1;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
