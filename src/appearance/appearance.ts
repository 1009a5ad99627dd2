/** The `appearance` object accepted by `<auth-provider>` (all elements) and by each element. */
import type {ThemeInput} from './themes.js';

export const APPEARANCE_VARIABLES = [
  'colorPrimary',
  'colorPrimaryForeground',
  'colorDanger',
  'colorSuccess',
  'colorWarning',
  'colorNeutral',
  'colorForeground',
  'colorMuted',
  'colorMutedForeground',
  'colorBackground',
  'colorInput',
  'colorInputForeground',
  'colorBorder',
  'colorRing',
  'colorShadow',
  'colorModalBackdrop',
  'fontFamily',
  'fontFamilyButtons',
  'fontSize',
  'fontWeight',
  'borderRadius',
  'spacing',
] as const;

export type AppearanceVariable = (typeof APPEARANCE_VARIABLES)[number];

/** CSS declarations by property name (`backgroundColor` or `background-color`). */
export type StyleObject = Record<string, string>;

export interface AppearanceOptions {
  /** A logo shown with the card (an image URL). */
  logoImageUrl?: string;
  /** `inside` the card's header (default), `outside` above the card, or `none`. */
  logoPlacement?: 'inside' | 'outside' | 'none';
  /** The product's name: titles say "Sign in to …", and it labels the logo. */
  applicationName?: string;
  /** Social sign-in buttons above (`top`, default) or below (`bottom`) the email form. */
  socialButtonsPlacement?: 'top' | 'bottom';
  /** Full-width buttons with the provider's name, icon-only buttons, or `auto` (icons from 3 providers on). */
  socialButtonsVariant?: 'blockButton' | 'iconButton' | 'auto';
  termsPageUrl?: string;
  privacyPageUrl?: string;
  helpPageUrl?: string;
  /** Show optional fields such as the name at sign-up (default true). */
  showOptionalFields?: boolean;
  /** Transitions and animations (default true; `prefers-reduced-motion` always turns them off). */
  animations?: boolean;
}

/** CSS given as text, as a constructed stylesheet, or as the URL of a stylesheet. */
export type AppearanceCss = string | CSSStyleSheet | URL;

export interface Appearance {
  /** A built-in theme (`light`, `dark`, `auto`, `neutral`, `high-contrast`), a theme object, or a stack of them. */
  theme?: ThemeInput | ThemeInput[];
  /** Design tokens, each mapped to an `--auth-*` custom property. */
  variables?: Partial<Record<AppearanceVariable, string>>;
  /** Per part: a style object, or class names. Keys are the camelCase form of part names. */
  elements?: Record<string, StyleObject | string>;
  options?: AppearanceOptions;
  /**
   * CSS that styles the parts (for class names given in `elements`, such as a site's Tailwind
   * output). Its declarations win over the kit's own styles, and it reaches light-DOM nodes
   * only inside the element's own form.
   */
  css?: AppearanceCss;
}

/** `colorPrimary` → `--auth-color-primary`; `borderRadius` → `--auth-radius`. */
export function variableToProperty(name: AppearanceVariable): string {
  if (name === 'borderRadius') return '--auth-radius';
  return `--auth-${kebab(name)}`;
}

export function kebab(camel: string): string {
  return camel.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export function camel(kebabName: string): string {
  return kebabName.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** An appearance after merging: every part present, `css` as a list (each layer's, in order). */
export interface MergedAppearance {
  theme: ThemeInput[];
  variables: Partial<Record<AppearanceVariable, string>>;
  elements: Record<string, StyleObject | string>;
  options: AppearanceOptions;
  css: AppearanceCss[];
}

/**
 * Later layers win (provider, then element): the last layer that names a theme sets it;
 * variables, elements and options merge key by key; every layer's `css` applies, in order.
 */
export function mergeAppearance(...layers: Array<Appearance | undefined>): MergedAppearance {
  const merged: MergedAppearance = {theme: [], variables: {}, elements: {}, options: {}, css: []};
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.theme !== undefined) merged.theme = Array.isArray(layer.theme) ? [...layer.theme] : [layer.theme];
    Object.assign(merged.variables, layer.variables);
    Object.assign(merged.elements, layer.elements);
    Object.assign(merged.options, layer.options);
    if (layer.css) merged.css.push(layer.css);
  }
  return merged;
}

/** Sets the appearance's variables on a host as `--auth-*` properties; returns what it set. */
export function applyVariables(host: HTMLElement, appearance: Pick<Appearance, 'variables'>, previous: readonly string[] = []): string[] {
  for (const property of previous) host.style.removeProperty(property);
  const applied: string[] = [];
  for (const [name, value] of Object.entries(appearance.variables ?? {})) {
    if (!value || !APPEARANCE_VARIABLES.includes(name as AppearanceVariable)) continue;
    const property = variableToProperty(name as AppearanceVariable);
    host.style.setProperty(property, value);
    applied.push(property);
  }
  return applied;
}
