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

const light: ThemeVariables = {
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

const dark: ThemeVariables = {
  colorPrimary: '#a5b4fc',
  colorPrimaryForeground: '#111827',
  colorDanger: '#fca5a5',
  colorSuccess: '#86efac',
  colorWarning: '#fcd34d',
  colorNeutral: '#94a3b8',
  colorForeground: '#f1f5f9',
  colorBackground: '#111827',
  colorInput: '#1f2937',
  colorShadow: 'rgb(0 0 0 / 0.5)',
  colorModalBackdrop: 'rgb(0 0 0 / 0.7)',
};

export const THEMES: Record<ThemeName, Theme> = {
  light: {variables: light},
  dark: {variables: dark},
  auto: {variables: light, dark},
  /** Quiet and flat: ink-black actions, hairline borders, no shadow, small radius. */
  neutral: {
    variables: {
      ...light,
      colorPrimary: '#18181b',
      colorNeutral: '#71717a',
      colorForeground: '#09090b',
      colorShadow: 'transparent',
      borderRadius: '0.25rem',
      fontWeight: '600',
    },
  },
  /** Maximum contrast: black on white, solid borders, bold text, a strong focus ring. */
  'high-contrast': {
    variables: {
      colorPrimary: '#0033cc',
      colorPrimaryForeground: '#ffffff',
      colorDanger: '#a80000',
      colorSuccess: '#005a00',
      colorWarning: '#6b4000',
      colorNeutral: '#000000',
      colorForeground: '#000000',
      colorMuted: '#e8e8e8',
      colorMutedForeground: '#000000',
      colorBackground: '#ffffff',
      colorInput: '#ffffff',
      colorBorder: '#000000',
      colorRing: '#000000',
      colorShadow: 'transparent',
      colorModalBackdrop: 'rgb(0 0 0 / 0.8)',
      fontWeight: '700',
      borderRadius: '0.25rem',
    },
  },
};

export type ThemeInput = Theme | ThemeName;

/** Built-in theme names become their token sets; anything else is taken as a theme. */
export function resolveThemes(input: ThemeInput | readonly ThemeInput[] | undefined): Theme[] {
  const list = input === undefined ? [] : Array.isArray(input) ? input : [input as ThemeInput];
  return list.flatMap((theme) => {
    if (typeof theme !== 'string') return [theme];
    if (theme in THEMES) return [THEMES[theme as ThemeName]];
    console.warn(`[auth-elements] unknown theme ${JSON.stringify(theme)}`);
    return [];
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
