import {kebab, type MergedAppearance, type StyleObject} from './appearance.js';

/** The layer of integrator CSS in the document: before the kit's, so its !important wins. */
export const USER_LAYER = 'auth-user';

const cssTexts = new Map<unknown, Promise<string>>();

/** `appearance.css` is loaded (and its code with it) only by pages that use it. */
function cachedCssText(css: MergedAppearance['css'][number]): Promise<string> {
  let text = cssTexts.get(css);
  if (text === undefined) {
    text = import('./user-css.js').then(({userCssText}) => userCssText(css));
    cssTexts.set(css, text);
  }
  return text;
}

/** `elements` style objects as `!important` rules on `[part~=…]` under `scope`, built through the CSSOM. */
function elementRules(elements: Record<string, StyleObject | string>, scope: string): string {
  const sheet = new CSSStyleSheet();
  for (const [key, value] of Object.entries(elements)) {
    if (typeof value === 'string') continue;
    const index = sheet.insertRule(`${scope}[part~="${kebab(key)}"] {}`, sheet.cssRules.length);
    const style = (sheet.cssRules[index] as CSSStyleRule).style;
    for (const [property, declaration] of Object.entries(value)) {
      style.setProperty(property.startsWith('--') ? property : kebab(property), declaration, 'important');
    }
  }
  return [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
}

export interface AppearanceSheets {
  /** For the element's shadow root. */
  shadow: CSSStyleSheet | null;
  /** For the document (or shadow root) that holds the element's light-DOM form, scoped to it. */
  light: CSSStyleSheet | null;
}

function sheetOf(text: string): CSSStyleSheet | null {
  if (!text.trim()) return null;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return sheet;
}

/**
 * The stylesheets that carry an element's `appearance.css` and `elements` style objects.
 * `formSelector` names the element's own light-DOM form (null for elements without one).
 * Synchronous unless there is `css` (its code and any URL load first).
 */
export function appearanceSheets(appearance: MergedAppearance, formSelector: string | null): AppearanceSheets | Promise<AppearanceSheets> {
  const build = (css: string[]): AppearanceSheets => {
    const userCss = css.join('\n');
    const shadow = sheetOf(`${userCss}\n${elementRules(appearance.elements, '')}`);
    if (!formSelector) return {shadow, light: null};
    const scoped = `${userCss ? `@scope (${formSelector}) {\n${userCss}\n}\n` : ''}${elementRules(appearance.elements, `${formSelector} `)}`;
    return {shadow, light: scoped.trim() ? sheetOf(`@layer ${USER_LAYER} {\n${scoped}\n}`) : null};
  };
  return appearance.css.length ? Promise.all(appearance.css.map(cachedCssText)).then(build) : build([]);
}
