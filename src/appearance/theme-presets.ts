import {LIGHT, type Theme, type ThemeName, type ThemeVariables} from './themes.js';

/**
 * The built-in themes. Loaded on demand: a page that keeps the default light theme never
 * downloads the others.
 */
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
  light: {variables: LIGHT},
  dark: {variables: dark},
  auto: {variables: LIGHT, dark},
  /** Quiet and flat: ink-black actions, hairline borders, no shadow, small radius. */
  neutral: {
    variables: {
      ...LIGHT,
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
