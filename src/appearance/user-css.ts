import type {AppearanceCss} from './appearance.js';

/**
 * `appearance.css` as text whose every declaration is `!important`, so it wins over the kit's
 * own (defensive) styles wherever it is adopted. Text and constructed sheets are read at once;
 * a URL is loaded through a `<link>` (governed by the page's `style-src`), never `fetch`.
 */
export function userCssText(css: AppearanceCss): string | Promise<string> {
  if (typeof css === 'string') return importantText(parse(css));
  if (css instanceof URL) return loadStylesheet(css).then(importantText);
  return importantText(parse([...css.cssRules].map((rule) => rule.cssText).join('\n')));
}

function parse(text: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return sheet;
}

function importantText(sheet: CSSStyleSheet): string {
  makeImportant(sheet.cssRules);
  return [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
}

/** Every declaration of every style rule (nested in @media, @layer, @supports, nesting…) gets !important. */
function makeImportant(rules: CSSRuleList): void {
  for (const rule of rules) {
    if (rule instanceof CSSStyleRule) {
      const style = rule.style;
      for (const property of [...style]) style.setProperty(property, style.getPropertyValue(property), 'important');
    }
    if ('cssRules' in rule) makeImportant((rule as CSSGroupingRule).cssRules);
  }
}

/** Loads a stylesheet in a throw-away shadow root (so it styles nothing) and reads its rules. */
function loadStylesheet(url: URL): Promise<CSSStyleSheet> {
  const holder = document.createElement('div');
  holder.hidden = true;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = url.href;
  holder.attachShadow({mode: 'open'}).append(link);
  document.body.append(holder);
  return new Promise<CSSStyleSheet>((resolve, reject) => {
    link.onload = () => {
      try {
        const text = [...link.sheet!.cssRules].map((rule) => rule.cssText).join('\n');
        resolve(parse(text));
      } catch (error) {
        reject(error);
      }
    };
    link.onerror = () => reject(new Error(`could not load ${url.href}`));
  }).finally(() => holder.remove());
}
