/** The `appearance` object accepted by `<auth-provider>` (all elements) and by each element. */

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

export interface Appearance {
  /** Design tokens, each mapped to an `--auth-*` custom property. */
  variables?: Partial<Record<AppearanceVariable, string>>;
  /** Per part: a style object, or class names. Keys are the camelCase form of part names. */
  elements?: Record<string, StyleObject | string>;
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

/** Later layers win: theme < provider < element. `elements` merge key by key. */
export function mergeAppearance(...layers: Array<Appearance | undefined>): Appearance {
  const merged: Required<Appearance> = {variables: {}, elements: {}};
  for (const layer of layers) {
    if (!layer) continue;
    Object.assign(merged.variables, layer.variables);
    Object.assign(merged.elements, layer.elements);
  }
  return merged;
}

/** Sets the appearance's variables on a host as `--auth-*` properties; returns what it set. */
export function applyVariables(host: HTMLElement, appearance: Appearance, previous: readonly string[] = []): string[] {
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
